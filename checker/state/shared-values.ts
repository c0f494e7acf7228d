/**
 * Values kept by reference for as long as some packed state refers to them (./pack.ts): strings, bigints and
 * non-extensible objects get a small id each, the number of references to each id is counted, and a value is let go
 * (its id reused) when its count falls to zero. Strings and bigints are found by value, objects by identity.
 */
export class SharedValues {
  private readonly ids = new Map<unknown, number>();
  private values: unknown[] = [];
  private counts = new Int32Array(1024);
  private readonly free: number[] = [];

  /** The id of `value`, counting one more reference to it. */
  take(value: unknown): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      if (this.free.length > 0) {
        id = this.free.pop()!;
        this.values[id] = value;
      } else {
        id = this.values.length;
        this.values.push(value);
        if (id >= this.counts.length) {
          const grown = new Int32Array(this.counts.length * 2);
          grown.set(this.counts);
          this.counts = grown;
        }
      }
      this.ids.set(value, id);
    }
    this.counts[id]!++;
    return id;
  }

  /** Whether `value` is held. */
  has(value: unknown): boolean {
    return this.ids.has(value);
  }

  /** The value of `id`, counting one reference fewer: at none it is let go. */
  release(id: number): unknown {
    const value = this.values[id];
    if (--this.counts[id]! === 0) {
      this.ids.delete(value);
      this.values[id] = undefined;
      this.free.push(id);
    } else if (this.counts[id]! < 0) throw new Error(`internal: shared value ${id} released more often than taken`);
    return value;
  }

  /** How many values are held. */
  get size(): number {
    return this.ids.size;
  }

  /** Bytes of the id counts (outside the JS heap); the values and the table itself are on the heap. */
  bytes(): number {
    return this.counts.byteLength;
  }
}
