/**
 * The visited set: fingerprints in an open-addressing table, each mapped to a dense state id (discovery
 * order), with the parent id and the index of the action taken in the parent, to rebuild traces by replay.
 */
export class VisitedSet {
  /** Per table slot, three words side by side (one cache line per probe): hi, lo, state id + 1 (0 = empty). */
  private table: Int32Array;
  private capacity: number;
  private parents: Int32Array;
  private via: Int32Array;
  private depths: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    this.capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.table = new Int32Array(this.capacity * 3);
    this.parents = new Int32Array(this.capacity >> 1);
    this.via = new Int32Array(this.capacity >> 1);
    this.depths = new Int32Array(this.capacity >> 1);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a fingerprint (two 32-bit halves); returns its new id, or −(id + 1) of the state already holding it. */
  add(hi: number, lo: number, parent: number, actionIndex: number, depth: number): number {
    hi |= 0;
    lo |= 0;
    const table = this.table;
    const mask = this.capacity - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    for (;;) {
      const s = table[3 * i + 2]!;
      if (s === 0) break;
      if (table[3 * i] === hi && table[3 * i + 1] === lo) return -s;
      i = (i + 1) & mask;
    }
    if ((this.count + 1) * 2 > this.capacity) {
      this.grow();
      return this.add(hi, lo, parent, actionIndex, depth);
    }
    const id = this.count++;
    table[3 * i] = hi;
    table[3 * i + 1] = lo;
    table[3 * i + 2] = id + 1;
    if (id >= this.parents.length) this.growRecords();
    this.parents[id] = parent;
    this.via[id] = actionIndex;
    this.depths[id] = depth;
    return id;
  }

  /** The id of a fingerprint, or −1. */
  find(hi: number, lo: number): number {
    hi |= 0;
    lo |= 0;
    const table = this.table;
    const mask = this.capacity - 1;
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const s = table[3 * i + 2]!;
      if (s === 0) return -1;
      if (table[3 * i] === hi && table[3 * i + 1] === lo) return s - 1;
    }
  }

  /** The parent id of a state (−1 for an initial state). */
  parent(id: number): number {
    return this.parents[id]!;
  }

  /** The index, among its parent's actions, of the action that first reached a state. */
  actionIndex(id: number): number {
    return this.via[id]!;
  }

  /** BFS level of a state, initial states being level 1. */
  depth(id: number): number {
    return this.depths[id]!;
  }

  /** Bytes held by the table and the per-state records. */
  bytes(): number {
    return this.table.byteLength + this.parents.length * 12;
  }

  /** Bytes the set would allocate to take `more` states beyond those it holds (a growth keeps the old arrays while it copies). */
  growthBytes(more: number): number {
    let bytes = 0;
    for (let capacity = this.capacity; (this.count + more) * 2 > capacity; capacity *= 2) bytes += capacity * 2 * 12;
    for (let records = this.parents.length; this.count + more > records; records *= 2) bytes += records * 2 * 12;
    return bytes;
  }

  private grow(): void {
    const old = this.table;
    this.capacity *= 2;
    const table = (this.table = new Int32Array(this.capacity * 3));
    const mask = this.capacity - 1;
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      const hi = old[j]!;
      const lo = old[j + 1]!;
      let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
      while (table[3 * i + 2] !== 0) i = (i + 1) & mask;
      table[3 * i] = hi;
      table[3 * i + 1] = lo;
      table[3 * i + 2] = old[j + 2]!;
    }
  }

  private growRecords(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.parents = grow(this.parents);
    this.via = grow(this.via);
    this.depths = grow(this.depths);
  }
}
