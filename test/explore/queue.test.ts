/**
 * The search's queue of waiting states (checker/explore/queue.ts): states packed into bytes come back in the right
 * order with their ids, equal to what was pushed; and a search gives the same result, counts, verdicts and traces,
 * whether its states wait as objects or packed.
 */
import { describe, expect, it, vi } from "vitest";
import { explore, type ExploreOptions } from "../../checker/explore/search.ts";
import { Frontier, packShare, type Packing } from "../../checker/explore/queue.ts";
import type { Model } from "../../checker/model.ts";
import { always } from "../../checker/props/property.ts";
import { buildInstance, resolveConfig, type Spec } from "../../checker/spec.ts";
import { isUsageError } from "../../checker/errors.ts";
import abd from "../../specs/abd/model.ts";
import chain from "../../specs/chain-replication/model.ts";
import lamport from "../../specs/lamport-clocks/model.ts";
import paxos from "../../specs/paxos/model.ts";
import twoPhaseCommit from "../../specs/two-phase-commit/model.ts";

/** A state of a few kinds of parts: a frozen one shared by many, one new per state, and a long one now and then. */
const stateNumber = (i: number) => ({
  i,
  shared: sharedPart,
  items: Array.from({ length: i % 5 }, (_, k) => `m${(i + k) % 7}`),
  ...(i % 1000 === 0 && { long: "x".repeat(300_000 + i) }), // a few states alone pass a 1 MiB chunk
});
const sharedPart = Object.freeze({ servers: Object.freeze([1, 2, 3]) });

describe("Frontier", () => {
  for (const order of ["fifo", "lifo"] as const) {
    it(`gives back states and ids ${order === "fifo" ? "first in first out" : "last in first out"}, objects and packed ones, across many chunks`, () => {
      const frontier = new Frontier<ReturnType<typeof stateNumber>>(order);
      const expected: number[] = [];
      const taken: number[] = [];
      const take = () => {
        const state = frontier.take();
        expect(state).toEqual(stateNumber(frontier.id));
        expect(state.shared).toBe(sharedPart);
        taken.push(frontier.id);
      };
      let next = 0;
      const push = (n: number) => {
        for (let k = 0; k < n; k++, next++) {
          frontier.push(stateNumber(next), next);
          expected.push(next);
        }
      };
      push(3000); // as objects
      frontier.startPacking();
      for (let round = 0; round < 30; round++) {
        push(700);
        for (let k = 0; k < 400; k++) take();
      }
      expect(frontier.size).toBe(next - taken.length);
      expect(frontier.externalBytes()).toBeGreaterThan(1 << 20); // chunks were filled
      while (frontier.size > 0) take();
      if (order === "fifo") expect(taken).toEqual(expected);
      else expect(taken.slice().sort((a, b) => a - b)).toEqual(expected);
      if (order === "lifo") expect(taken.slice(0, 400)).toEqual(expected.slice(3000, 3700).reverse().slice(0, 400));
      expect(frontier.externalBytes()).toBeLessThan(2 << 20); // read chunks let go (one kept for reuse)
    });
  }

  it("never packs when told so, and packs from the first state when told always", () => {
    const fresh = new Frontier<object>("fifo").externalBytes();
    const never = new Frontier<object>("fifo", "never");
    never.startPacking();
    never.push({ a: 1 }, 0);
    expect(never.externalBytes()).toBe(fresh);
    const packed = new Frontier<object>("fifo", "always");
    packed.push({ a: 1 }, 0);
    expect(packed.externalBytes()).toBeGreaterThan(never.externalBytes());
  });

  it("refuses a state it cannot pack exactly, naming the path, as a UsageError", () => {
    const frontier = new Frontier<object>("fifo", "always");
    let caught: unknown;
    try {
      frontier.push({ procs: [{ onTimeout: () => 0 }] }, 0);
    } catch (error) {
      caught = error;
    }
    expect(isUsageError(caught)).toBe(true);
    expect((caught as Error).message).toMatch(/^procs\[0\]\.onTimeout: a function/);
  });
});

/** Runs `spec`'s variant and configuration, its states waiting as objects or packed. */
function exploreSpec(spec: Spec, variant: string, set: readonly string[], packing: Packing, options: Partial<ExploreOptions<unknown>> = {}) {
  const instance = buildInstance(spec, resolveConfig(spec, variant, set), variant);
  const { seconds, memory, ...result } = explore(instance.model, { properties: instance.properties, packing, ...options });
  expect(seconds).toBeGreaterThanOrEqual(0);
  expect(memory?.limitBytes).toBeGreaterThan(0);
  return result;
}

describe("a search gives the same result whether its states wait as objects or packed", () => {
  // [spec, variant, settings, whether to continue after a violation, strategies]
  const both = ["bfs", "dfs"] as const;
  const cases: [Spec, string, string[], boolean, readonly ("bfs" | "dfs")[]][] = [
    [abd as Spec, "main", ["clients=1", "ops=w1"], true, both], // a crash: the crashed list goes from [] to [s]
    [abd as Spec, "main", ["servers=2", "crashes=0", "network=lossy"], true, both],
    [abd as Spec, "reader-no-writeback", [], false, ["bfs"]], // violates linearizable: the same shortest counterexample
    [abd as Spec, "two-crashes", ["ops=w1"], true, both], // deadlocks, and a liveness property fails: the same lasso
    [abd as Spec, "main", ["clients=1", "ops=w1r", "network=fifo"], true, both],
    [twoPhaseCommit as Spec, "main", [], true, both],
    [paxos as Spec, "dueling-proposers", [], true, both], // fails terminates and eventually-chosen: fair lassos
    [paxos as Spec, "accept-without-promise-check", ["acceptors=2"], false, both],
    [lamport as Spec, "receive-without-max", [], true, both],
    [chain as Spec, "read-at-head", [], true, both],
  ];
  for (const [spec, variant, set, continueAfterViolation, strategies] of cases) {
    it(`${spec.name} ${variant} ${set.join(" ")}: ${strategies.join(" and ")}`, () => {
      for (const strategy of strategies) {
        const objects = exploreSpec(spec, variant, set, "never", { strategy, continueAfterViolation });
        const packed = exploreSpec(spec, variant, set, "always", { strategy, continueAfterViolation });
        expect(packed).toEqual(objects);
        expect(objects.distinctStates).toBeGreaterThan(100);
      }
    });
  }

  it("states that are plain records (no actor model), with Maps, Sets, bigints and -0, explore alike", () => {
    type S = { readonly n: bigint; readonly seen: ReadonlySet<number>; readonly last: Map<string, number>; readonly z: number };
    const model: Model<S, number> = {
      initialStates: () => [{ n: 0n, seen: new Set(), last: new Map(), z: -0 }],
      actions: (s) => (s.n < 12n ? [1, 2, 3] : []),
      next: (s, k) => ({
        n: s.n + BigInt(k % 2 === 0 ? 2 : 1),
        seen: new Set([...s.seen, Number(s.n) % 4]),
        last: new Map([...s.last, [`k${k}`, Number(s.n)]]),
        z: Object.is(s.z, -0) && k === 3 ? 0 : s.z,
      }),
      describe: (k) => `+${k}`,
      actionData: (k) => k,
      isFinal: () => true,
    };
    const properties = [always<S>("small", (s) => s.n < 20n), always<S>("z stays -0 until a 3", (s) => Object.is(s.z, -0) || s.z === 0)];
    const objects = explore(model, { properties, packing: "never" });
    const packed = explore(model, { properties, packing: "always" });
    expect(packed.distinctStates).toBe(objects.distinctStates);
    expect(packed.generatedStates).toBe(objects.generatedStates);
    expect(packed.properties).toEqual(objects.properties);
    expect(objects.distinctStates).toBeGreaterThan(50);
  });

  it("a search left to decide packs once the memory in use passes 1/8 of its bound, with the same result", () => {
    const startPacking = vi.spyOn(Frontier.prototype, "startPacking");
    try {
      const objects = exploreSpec(abd as Spec, "main", ["clients=1", "ops=w1r"], "never");
      expect(startPacking).not.toHaveBeenCalled();
      const heap = process.memoryUsage();
      // A bound the search fits in, of which the memory in use is already more than 1/8.
      const bound = Math.floor((heap.heapUsed + heap.arrayBuffers) * 2);
      expect((heap.heapUsed + heap.arrayBuffers) / bound).toBeGreaterThan(packShare);
      const auto = exploreSpec(abd as Spec, "main", ["clients=1", "ops=w1r"], "auto", { memory: bound });
      expect(startPacking).toHaveBeenCalled();
      expect(auto).toEqual(objects);
    } finally {
      startPacking.mockRestore();
    }
  });
});
