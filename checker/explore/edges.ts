/**
 * The explored state graph: for each expanded state, the id reached by each of its actions, in action
 * order, so a path through the graph is also a list of action indexes to replay. Each edge also carries
 * the fairness class of its action (an interned id; -1 for an action no fairness applies to).
 */
export class EdgeStore {
  private targets = new Int32Array(1 << 16);
  private classes = new Int32Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 14).fill(-1);
  private counts = new Int32Array(1 << 14);

  /** Records the successors of state `id`, one per action, with each action's fairness class. */
  set(id: number, successors: readonly number[], fairness?: readonly number[]): void {
    while (id >= this.starts.length) this.growStates();
    while (this.used + successors.length > this.targets.length) this.growEdges();
    this.starts[id] = this.used;
    this.counts[id] = successors.length;
    for (let k = 0; k < successors.length; k++) {
      this.classes[this.used] = fairness?.[k] ?? -1;
      this.targets[this.used++] = successors[k]!;
    }
  }

  /** Records the successors of state `id` from `count` entries of `targets` and `classes` at `at`, classes renumbered by `classMap`. */
  setFrom(id: number, targets: Int32Array, classes: Int32Array, at: number, count: number, classMap: Int32Array): void {
    while (id >= this.starts.length) this.growStates();
    while (this.used + count > this.targets.length) this.growEdges();
    this.starts[id] = this.used;
    this.counts[id] = count;
    this.targets.set(targets.subarray(at, at + count), this.used);
    for (let k = 0; k < count; k++) {
      const c = classes[at + k]!;
      this.classes[this.used + k] = c < 0 ? -1 : classMap[c]!;
    }
    this.used += count;
  }

  /** Number of actions of state `id` (0 if it was never expanded). */
  degree(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  /** The state reached from `id` by its action number `k`. */
  target(id: number, k: number): number {
    return this.targets[this.starts[id]! + k]!;
  }

  /** The fairness class of action `k` of state `id`, or -1 when the action need not ever be taken. */
  fairClass(id: number, k: number): number {
    return this.classes[this.starts[id]! + k]!;
  }

  /**
   * Bytes the store would allocate to take states with ids below `states` and `moreEdges` edges beyond those it holds
   * (a growth keeps the old arrays while it copies).
   */
  growthBytes(states: number, moreEdges: number): number {
    let bytes = 0;
    for (let capacity = this.targets.length; this.used + moreEdges > capacity; capacity *= 2) bytes += capacity * 2 * 4 * 2;
    for (let capacity = this.starts.length; states > capacity; capacity *= 2) bytes += capacity * 2 * 4 * 2;
    return bytes;
  }

  bytes(): number {
    return this.targets.byteLength + this.classes.byteLength + this.starts.byteLength + this.counts.byteLength;
  }

  private growEdges(): void {
    const t = new Int32Array(this.targets.length * 2);
    t.set(this.targets);
    this.targets = t;
    const c = new Int32Array(this.classes.length * 2);
    c.set(this.classes);
    this.classes = c;
  }

  private growStates(): void {
    const starts = new Int32Array(this.starts.length * 2).fill(-1);
    starts.set(this.starts);
    const counts = new Int32Array(this.counts.length * 2);
    counts.set(this.counts);
    this.starts = starts;
    this.counts = counts;
  }
}
