/**
 * The visited set: fingerprints in an open-addressing table, each mapped to a dense state id (discovery
 * order), with the parent id and the index of the action taken in the parent, to rebuild traces by replay.
 */
export class VisitedSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private slot: Int32Array; // table slot -> state id + 1 (0 = empty)
  private parents: Int32Array;
  private via: Int32Array;
  private depths: Int32Array;
  private count = 0;

  constructor(initialCapacity = 1 << 16) {
    const cap = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity)));
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.slot = new Int32Array(cap);
    this.parents = new Int32Array(cap >> 1);
    this.via = new Int32Array(cap >> 1);
    this.depths = new Int32Array(cap >> 1);
  }

  get size(): number {
    return this.count;
  }

  /** Adds a fingerprint (two 32-bit halves); returns its new id, or −(id + 1) of the state already holding it. */
  add(hi: number, lo: number, parent: number, actionIndex: number, depth: number): number {
    const found = this.find(hi, lo);
    if (found >= 0) return -(found + 1);
    if ((this.count + 1) * 2 > this.slot.length) this.grow();
    const id = this.count++;
    this.insert(hi, lo, id);
    if (id >= this.parents.length) this.growRecords();
    this.parents[id] = parent;
    this.via[id] = actionIndex;
    this.depths[id] = depth;
    return id;
  }

  /** The id of a fingerprint, or −1. */
  find(hi: number, lo: number): number {
    const mask = this.slot.length - 1;
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      const s = this.slot[i]!;
      if (s === 0) return -1;
      if (this.hi[i] === hi && this.lo[i] === lo) return s - 1;
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
    return this.slot.length * 12 + this.parents.length * 12;
  }

  private insert(hi: number, lo: number, id: number): void {
    const mask = this.slot.length - 1;
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;
    while (this.slot[i] !== 0) i = (i + 1) & mask;
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.slot[i] = id + 1;
  }

  private grow(): void {
    const { hi, lo, slot } = this;
    const cap = slot.length * 2;
    this.hi = new Uint32Array(cap);
    this.lo = new Uint32Array(cap);
    this.slot = new Int32Array(cap);
    for (let i = 0; i < slot.length; i++) if (slot[i] !== 0) this.insert(hi[i]!, lo[i]!, slot[i]! - 1);
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
