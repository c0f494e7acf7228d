import type { Model } from "../../checker/model.ts";

/**
 * A model over states 0..n−1 given as adjacency lists: action k of state v goes to edges[v][k].
 * `final` marks states that may have no successor.
 */
export function graphModel(edges: readonly (readonly number[])[], options: { initial?: readonly number[]; final?: readonly number[] } = {}): Model<number, number> {
  return {
    initialStates: () => options.initial ?? [0],
    actions: (v) => edges[v]!.map((_, k) => k),
    next: (v, k) => edges[v]![k]!,
    describe: (k) => `edge ${k}`,
    actionData: (k) => k,
    isFinal: (v) => options.final?.includes(v) ?? false,
  };
}
