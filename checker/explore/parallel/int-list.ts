/** A growable list of 32-bit integers, for per-thread records that may run to millions of entries. */
export class IntList {
  private items: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.items = new Int32Array(capacity);
  }

  push(value: number): void {
    if (this.length === this.items.length) {
      const grown = new Int32Array(this.items.length * 2);
      grown.set(this.items);
      this.items = grown;
    }
    this.items[this.length++] = value;
  }

  get(i: number): number {
    return this.items[i]!;
  }

  set(i: number, value: number): void {
    this.items[i] = value;
  }

  /** The entries, as a copy that can be transferred to another thread. */
  toArray(): Int32Array {
    return this.items.slice(0, this.length);
  }
}
