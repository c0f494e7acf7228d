import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { always, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { graphModel } from "../helpers/graph-model.ts";

/** Two bits, each may be set once: 00 → 01, 10 → 11. */
const twoBits: Model<{ a: number; b: number }, "a" | "b"> = {
  initialStates: () => [{ a: 0, b: 0 }],
  actions: (s) => [...(s.a === 0 ? (["a"] as const) : []), ...(s.b === 0 ? (["b"] as const) : [])],
  next: (s, x) => ({ ...s, [x]: 1 }),
  describe: (x) => `set ${x}`,
  actionData: (x) => x,
  isFinal: (s) => s.a === 1 && s.b === 1,
};

describe("explore: counts as TLC defines them", () => {
  it("counts distinct states, generated states (duplicates included) and BFS levels", () => {
    const result = explore(twoBits, { properties: [noDeadlock(), terminates()] });
    expect(result).toMatchObject({ complete: true, distinctStates: 4, generatedStates: 5, depth: 3 });
    expect(result.properties.map((p) => p.holds)).toEqual([true, true]);
  });

  it("treats key order as irrelevant: {a,b} and {b,a} are one state", () => {
    const swapped: Model<Record<string, number>, number> = {
      initialStates: () => [{ a: 0, b: 0 }],
      actions: (s) => (s.a === 0 ? [0, 1] : []),
      next: (_, k) => (k === 0 ? { a: 1, b: 0 } : { b: 0, a: 1 }),
      describe: String,
      actionData: (k) => k,
      isFinal: () => true,
    };
    expect(explore(swapped, { properties: [] })).toMatchObject({ distinctStates: 2, generatedStates: 3, depth: 2 });
  });

  it("reports a deadlock at the shallowest non-final state without successors", () => {
    // 0 → 1 → 3 (final); 0 → 2 (stuck, not final)
    const model = graphModel([[1, 2], [3], [], []], { final: [3] });
    const [deadlock] = explore(model, { properties: [noDeadlock()] }).properties;
    expect(deadlock!.holds).toBe(false);
    expect(deadlock!.trace!.steps.map((s) => s.state)).toEqual([0, 2]);
  });

  it("reports a cycle as a lasso whose last step returns to the loop's first state", () => {
    // 0 → 1 → 2 → 3 → 1
    const model = graphModel([[1], [2], [3], [1]]);
    const result = explore(model, { properties: [terminates()] });
    expect(result).toMatchObject({ distinctStates: 4, generatedStates: 5, depth: 4 });
    const trace = result.properties[0]!.trace!;
    expect(trace.steps.map((s) => s.state)).toEqual([0, 1, 2, 3, 1]);
    expect(trace.loopsBackTo).toBe(1);
  });

  it("finds a self-loop as a one-step lasso", () => {
    const trace = explore(graphModel([[1], [1]]), { properties: [terminates()] }).properties[0]!.trace!;
    expect(trace.steps.map((s) => s.state)).toEqual([0, 1, 1]);
    expect(trace.loopsBackTo).toBe(1);
  });

  it("fails a sometimes-property that is never reached, and passes one that is", () => {
    const result = explore(twoBits, { properties: [sometimes("three", (s) => s.a + s.b === 3), sometimes("two", (s) => s.a + s.b === 2)] });
    expect(result.properties.map((p) => p.holds)).toEqual([false, true]);
  });

  it("stops at --max-states with partial counts and undecided verdicts", () => {
    const chain = graphModel(
      Array.from({ length: 100 }, (_, i) => (i < 99 ? [i + 1] : [])),
      { final: [99] },
    );
    const result = explore(chain, { properties: [always("small", (v) => v < 1000), terminates()], maxStates: 10 });
    expect(result).toMatchObject({ complete: false, distinctStates: 10 });
    expect(result.properties.map((p) => p.holds)).toEqual([null, null]);
  });

  it("is deterministic: the same run gives the same counts and traces", () => {
    const model = graphModel([[1, 2, 3], [4], [4, 5], [5], [6], [6], []], { final: [6] });
    const props = [always<number>("not5", (v) => v !== 5)];
    expect(explore(model, { properties: props }).properties).toEqual(explore(model, { properties: props }).properties);
  });
});

/** Random finite graphs: n states, each with 0..3 successors. */
const graphs = fc.integer({ min: 1, max: 30 }).chain((n) => fc.array(fc.array(fc.nat(n - 1), { maxLength: 3 }), { minLength: n, maxLength: n }));

/** Distances from state 0 by an independent BFS. */
function distances(edges: readonly (readonly number[])[]): Map<number, number> {
  const dist = new Map([[0, 0]]);
  const queue = [0];
  for (const v of queue) for (const w of edges[v]!) if (!dist.has(w)) (dist.set(w, dist.get(v)! + 1), queue.push(w));
  return dist;
}

describe("explore on random graphs", () => {
  it("BFS and DFS find the same distinct and generated counts, equal to plain reachability", () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        const bfs = explore(graphModel(edges), { properties: [] });
        const dfs = explore(graphModel(edges), { properties: [], strategy: "dfs" });
        const reachable = distances(edges);
        expect(bfs.distinctStates).toBe(reachable.size);
        expect(dfs.distinctStates).toBe(bfs.distinctStates);
        expect(dfs.generatedStates).toBe(bfs.generatedStates);
        expect(bfs.depth).toBe(Math.max(...reachable.values()) + 1);
      }),
    );
  });

  it("BFS counterexamples are shortest", () => {
    fc.assert(
      fc.property(graphs, fc.nat(29), (edges, target) => {
        const dist = distances(edges);
        const [p] = explore(graphModel(edges), { properties: [always<number>("avoid", (v) => v !== target)] }).properties;
        if (!dist.has(target)) {
          expect(p!.holds).toBe(true);
          return;
        }
        expect(p!.trace!.steps.length).toBe(dist.get(target)! + 1);
        expect(p!.trace!.steps.at(-1)!.state).toBe(target);
      }),
    );
  });

  it("termination fails exactly when a fair cycle of non-final states is reachable, and the lasso is real", () => {
    fc.assert(
      fc.property(graphs, (edges) => {
        const [p] = explore(graphModel(edges), { properties: [terminates()] }).properties;
        // Each edge is its own weakly fair action, enabled only at its source. So a cycle through two or more
        // states that have successors is fair (no action is enabled in all of its states); a lone state is
        // fair only when each of its edges is a self-loop (else one is enabled forever and never taken).
        const reachable = [...distances(edges).keys()];
        const open = (v: number) => edges[v]!.length > 0;
        const reach = (v: number) => {
          const seen = new Set<number>();
          const stack = edges[v]!.filter(open);
          while (stack.length) {
            const w = stack.pop()!;
            if (seen.has(w)) continue;
            seen.add(w);
            stack.push(...edges[w]!.filter(open));
          }
          return seen;
        };
        const fairCycle = reachable
          .filter(open)
          .some((v) => edges[v]!.every((w) => w === v) || edges[v]!.some((w) => w !== v && open(w) && reach(w).has(v)));
        expect(p!.holds).toBe(!fairCycle);
        if (p!.trace) {
          const states = p!.trace.steps.map((s) => s.state);
          expect(states.at(-1)).toBe(states[p!.trace.loopsBackTo!]);
          expect(p!.trace.loopsBackTo).toBeLessThan(states.length - 1);
          for (let i = 1; i < states.length; i++) expect(edges[states[i - 1]!]).toContain(states[i]);
        }
      }),
    );
  });
});
