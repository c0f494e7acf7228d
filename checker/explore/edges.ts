/**
 * The explored state graph: for each expanded state, the id reached by each of its actions, in action
 * order, so a path through the graph is also a list of action indexes to replay.
 */
export class EdgeStore {
  private targets = new Int32Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 14).fill(-1);
  private counts = new Int32Array(1 << 14);

  /** Records the successors of state `id`, one per action. */
  set(id: number, successors: readonly number[]): void {
    while (id >= this.starts.length) this.growStates();
    while (this.used + successors.length > this.targets.length) {
      const t = new Int32Array(this.targets.length * 2);
      t.set(this.targets);
      this.targets = t;
    }
    this.starts[id] = this.used;
    this.counts[id] = successors.length;
    for (const s of successors) this.targets[this.used++] = s;
  }

  /** Number of actions of state `id` (0 if it was never expanded). */
  degree(id: number): number {
    return id < this.counts.length ? this.counts[id]! : 0;
  }

  /** The state reached from `id` by its action number `k`. */
  target(id: number, k: number): number {
    return this.targets[this.starts[id]! + k]!;
  }

  bytes(): number {
    return this.targets.byteLength + this.starts.byteLength + this.counts.byteLength;
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
