/** The part of the explored graph the component and liveness searches read. */
export interface StateGraph {
  degree(v: number): number;
  target(v: number, k: number): number;
  /** The fairness class of action `k` of `v`; -1 when no fairness applies to it. */
  fairClass(v: number, k: number): number;
}

/** Strongly connected components: their states grouped together, components in reverse topological order. */
export interface Components {
  /** The states, component after component. */
  readonly members: Int32Array;
  /** Component i is members[starts[i]] … members[starts[i + 1] − 1]; length count + 1. */
  readonly starts: readonly number[];
  readonly count: number;
}

/**
 * Tarjan's algorithm with an explicit stack, so deep graphs cannot overflow the call stack. One finder
 * serves many searches over subsets of the same graph: its scratch arrays are reset after each.
 */
export class ComponentFinder {
  private readonly index: Int32Array;
  private readonly low: Int32Array;
  private readonly onStack: Uint8Array;
  /** The component number of each state found by the last `find` (stale for states outside it). */
  readonly component: Int32Array;

  constructor(
    private readonly graph: StateGraph,
    n: number,
  ) {
    this.index = new Int32Array(n).fill(-1);
    this.low = new Int32Array(n);
    this.onStack = new Uint8Array(n);
    this.component = new Int32Array(n).fill(-1);
  }

  /** The components of the subgraph induced by the states `inside` accepts, reachable from `roots`. */
  find(roots: Iterable<number>, inside: (v: number) => boolean): Components {
    const { graph, index, low, onStack, component } = this;
    const members: number[] = [];
    const starts = [0];
    const stack: number[] = [];
    const callV: number[] = [];
    const callK: number[] = [];
    let counter = 0;
    for (const root of roots) {
      if (index[root] !== -1 || !inside(root)) continue;
      index[root] = low[root] = counter++;
      stack.push(root);
      onStack[root] = 1;
      callV.push(root);
      callK.push(0);
      while (callV.length > 0) {
        const v = callV[callV.length - 1]!;
        const k = callK[callK.length - 1]!;
        if (k < graph.degree(v)) {
          callK[callK.length - 1] = k + 1;
          const w = graph.target(v, k);
          if (index[w] === -1) {
            if (!inside(w)) continue;
            index[w] = low[w] = counter++;
            stack.push(w);
            onStack[w] = 1;
            callV.push(w);
            callK.push(0);
          } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
          continue;
        }
        callV.pop();
        callK.pop();
        if (callV.length > 0) {
          const parent = callV[callV.length - 1]!;
          low[parent] = Math.min(low[parent]!, low[v]!);
        }
        if (low[v] !== index[v]) continue;
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = starts.length - 1;
          members.push(w);
        } while (w !== v);
        starts.push(members.length);
      }
    }
    for (const v of members) index[v] = -1;
    return { members: Int32Array.from(members), starts, count: starts.length - 1 };
  }
}
