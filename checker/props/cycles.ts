import type { EdgeStore } from "../explore/edges.ts";

/**
 * Finds a cycle in the explored graph (ids 0..n−1): the cyclic state with the smallest id (the shallowest,
 * under BFS) and the shortest cycle through it as action indexes. Iterative, so deep graphs cannot
 * overflow the stack. Undefined when the graph is acyclic.
 */
export function findCycle(graph: EdgeStore, n: number): { readonly start: number; readonly actions: readonly number[] } | undefined {
  const component = stronglyConnectedComponents(graph, n);
  const size = new Int32Array(n);
  for (let v = 0; v < n; v++) size[component[v]!]!++;
  for (let v = 0; v < n; v++) {
    const c = component[v]!;
    if (size[c]! > 1 || hasSelfLoop(graph, v)) return { start: v, actions: shortestCycle(graph, v, component) };
  }
  return undefined;
}

function hasSelfLoop(graph: EdgeStore, v: number): boolean {
  for (let k = 0; k < graph.degree(v); k++) if (graph.target(v, k) === v) return true;
  return false;
}

/** Tarjan's algorithm with an explicit stack; returns the component number of every state. */
export function stronglyConnectedComponents(graph: EdgeStore, n: number): Int32Array {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const component = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const callV: number[] = [];
  const callK: number[] = [];
  let counter = 0;
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    callV.push(root);
    callK.push(0);
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (callV.length > 0) {
      const v = callV[callV.length - 1]!;
      const k = callK[callK.length - 1]!;
      if (k < graph.degree(v)) {
        callK[callK.length - 1] = k + 1;
        const w = graph.target(v, k);
        if (index[w] === -1) {
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
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component[w] = components;
        } while (w !== v);
        components++;
      }
    }
  }
  return component;
}

/** Breadth-first search inside `start`'s component for the shortest path back to `start`. */
function shortestCycle(graph: EdgeStore, start: number, component: Int32Array): number[] {
  const c = component[start]!;
  const from = new Map<number, { prev: number; k: number }>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let k = 0; k < graph.degree(v); k++) {
      const w = graph.target(v, k);
      if (component[w] !== c) continue;
      if (w === start) {
        const path = [k];
        for (let u = v; u !== start; ) {
          const step = from.get(u)!;
          path.push(step.k);
          u = step.prev;
        }
        return path.reverse();
      }
      if (!from.has(w)) {
        from.set(w, { prev: v, k });
        queue.push(w);
      }
    }
  }
  throw new Error("internal: a cyclic component has no cycle through its state");
}
