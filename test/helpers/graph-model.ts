import type { Model } from "../../checker/model.ts";

/** An edge of a graph model: action `k` of state `from`. */
export interface Edge {
  readonly from: number;
  readonly k: number;
}

/**
 * A model over states 0..n−1 given as adjacency lists: action k of state v goes to edges[v][k].
 * `final` marks states that may have no successor. Each edge is its own weakly fair action.
 */
export function graphModel(
  edges: readonly (readonly number[])[],
  options: { initial?: readonly number[]; final?: readonly number[] } = {},
): Model<number, Edge> {
  return {
    initialStates: () => options.initial ?? [0],
    actions: (v) => edges[v]!.map((_, k) => ({ from: v, k })),
    next: (v, { k }) => edges[v]![k]!,
    describe: ({ from, k }) => `edge ${k} of ${from}`,
    actionData: ({ from, k }) => ({ from, k }),
    isFinal: (v) => options.final?.includes(v) ?? false,
  };
}
