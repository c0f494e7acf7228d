import { beforeAll, describe, expect, it } from "vitest";
import type { Model } from "../../checker/model.ts";
import type { ExploreResult, Trace } from "../../checker/explore/result.ts";
import { actionKey, shrink } from "../../checker/explore/shrink.ts";
import { kindOf, simulate, walkRandom } from "../../checker/explore/simulate.ts";
import { always, noDeadlock, sometimes, terminates, type Property } from "../../checker/props/property.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { encode } from "../../checker/state/encode.ts";
import { check, exitCodeOf, runSpec, UsageError, type SystemState } from "../../checker/index.ts";
import { interleaveMatchers } from "../../checker/vitest.ts";
import abd from "../../specs/abd/model.ts";
import twoPhaseCommit from "../../specs/two-phase-commit/model.ts";
import { graphModel } from "../helpers/graph-model.ts";

beforeAll(() => {
  expect.extend(interleaveMatchers);
});

const abdDefaults = Object.fromEntries(Object.entries(abd.keys).map(([k, key]) => [k, key.default])) as Parameters<typeof abd.build>[0];

/** A counter that must stay below `k`, beside a noise bit that changes nothing that matters: the bug is at depth k + 1 states. */
const counter = (k: number): Model<{ n: number; noise: number }, "inc" | "noise"> => ({
  initialStates: () => [{ n: 0, noise: 0 }],
  actions: () => ["inc", "noise"],
  next: (s, a) => (a === "inc" ? { ...s, n: s.n + 1 } : { ...s, noise: 1 - s.noise }),
  describe: (a) => a,
  actionData: (a) => a,
  isFinal: () => true,
});
const belowK = (k: number) => always<{ n: number }>("below-k", (s) => s.n < k);

/** The result without what varies from run to run (time, heap). */
const stable = <S, A>(r: ExploreResult<S, A>) => ({ ...r, seconds: 0, memory: undefined });

/** True when each step's action is enabled in the state before it (matched by label and data) and leads to the step's state. */
function isValidTrace<S, A>(model: Model<S, A>, trace: Trace<S, A>): boolean {
  return trace.steps.slice(1).every((step, i) => {
    const before = trace.steps[i]!.state;
    const key = actionKey(model, step.action!);
    const action = model.actions(before).find((a) => actionKey(model, a) === key);
    return action !== undefined && encode(model.next(before, action)) === encode(step.state);
  });
}

describe("simulate: seeded random walks", () => {
  it("the same seed gives the same walks, counts and counterexample; another seed other walks", () => {
    const model = counter(12);
    const run = (seed: number) => simulate(model, { properties: [belowK(12)], seed, traces: 200, depth: 30, shrink: false });
    expect(stable(run(7))).toEqual(stable(run(7)));
    const walk = run(7).properties[0]!;
    expect(walk.holds).toBe(false);
    expect(run(8).properties[0]!.trace).not.toEqual(walk.trace);
  });

  it("trace i depends only on (seed, i): a range split in two walks the same states as the whole", () => {
    const model = counter(1000); // never violated: every trace is walked
    const whole = simulate(model, { properties: [belowK(1000)], seed: 3, traces: 60, depth: 20 });
    const first = simulate(model, { properties: [belowK(1000)], seed: 3, traces: 25, depth: 20 });
    const rest = simulate(model, { properties: [belowK(1000)], seed: 3, traces: 35, firstTrace: 25, depth: 20 });
    expect(first.generatedStates + rest.generatedStates).toBe(whole.generatedStates);
    expect(whole.simulation).toMatchObject({ traces: 60, tracesAsked: 60, firstTrace: 0 });
    expect(rest.simulation).toMatchObject({ traces: 35, firstTrace: 25 });
    expect(walkRandom(9, 4).below(1 << 30)).toBe(walkRandom(9, 4).below(1 << 30));
  });

  it("the violating trace alone, started at its index, finds the same counterexample", () => {
    const model = counter(15);
    const found = simulate(model, { properties: [belowK(15)], seed: 11, traces: 500, depth: 40, shrink: false });
    const index = found.simulation!.violationTrace!;
    const alone = simulate(model, { properties: [belowK(15)], seed: 11, traces: 1, firstTrace: index, depth: 40, shrink: false });
    expect(alone.simulation!.violationTrace).toBe(index);
    expect(alone.properties[0]!.trace).toEqual(found.properties[0]!.trace);
  });

  it("finds a bug at depth k and shrinks the walk to exactly the k steps it needs", () => {
    const k = 12;
    const result = simulate(counter(k), { properties: [belowK(k)], seed: 1, traces: 100, shrink: { bfsStates: 0 } });
    const verdict = result.properties[0]!;
    expect(verdict.holds).toBe(false);
    expect(verdict.trace!.steps).toHaveLength(k + 1);
    expect(verdict.trace!.steps.slice(1).every((s) => s.action === "inc")).toBe(true);
    expect(verdict.shrunkFrom!).toBeGreaterThan(k + 1); // the random walk also toggled the noise bit
  });

  it("walks no longer than --depth states: a bug one step deeper stays out of reach, and undecided", () => {
    const k = 6;
    const result = simulate(counter(k), { properties: [belowK(k)], seed: 1, traces: 300, depth: k });
    expect(result.properties[0]).toMatchObject({ holds: null, note: "not violated in 300 traces" });
    expect(result.depth).toBe(k);
    expect(result).toMatchObject({ complete: false, stopReason: "traces-done" });
  });

  it("finds a deadlock, records sometimes-witnesses, and leaves liveness unchecked", () => {
    // 0 → 1 → 3 (final); 0 → 2 (stuck, not final)
    const model = graphModel([[1, 2], [3], [], []], { final: [3] });
    const properties: Property<number>[] = [
      noDeadlock(),
      sometimes("reaches-1", (v) => v === 1),
      sometimes("reaches-9", (v) => v === 9),
      terminates(),
    ];
    const result = simulate(model, { properties, seed: 2, traces: 50 });
    const [deadlock, one, nine, term] = result.properties;
    expect(deadlock).toMatchObject({ holds: false });
    expect(deadlock!.trace!.steps.map((s) => s.state)).toEqual([0, 2]);
    expect(one!.holds).toBe(true);
    expect(nine).toMatchObject({ holds: null, note: `not witnessed in ${result.simulation!.traces} traces` });
    expect(term).toMatchObject({ holds: null, note: "not checked: a simulation decides safety properties only" });
  });

  it("reports the model's code throwing as no-exception, with the walk to the state that threw", () => {
    const model: Model<number, "inc"> = {
      initialStates: () => [0],
      actions: () => ["inc"],
      next: (n) => {
        if (n === 3) throw new RangeError("past 3");
        return n + 1;
      },
      describe: () => "inc",
      actionData: () => "inc",
      isFinal: () => true,
    };
    const result = simulate(model, { properties: [], seed: 0, traces: 5 });
    const thrown = result.properties.find((p) => p.name === "no-exception")!;
    expect(thrown).toMatchObject({ holds: false, error: "inc threw RangeError: past 3" });
    expect(thrown.trace!.steps.map((s) => s.state)).toEqual([0, 1, 2, 3]);
    expect(result.stopReason).toBe("violation");
  });

  it("weighs kinds, not actions: a crash enabled beside twenty deliveries is taken", () => {
    type S = { delivered: number; crashed: boolean };
    type A = { kind: "deliver"; i: number } | { kind: "crash" };
    const model: Model<S, A> = {
      initialStates: () => [{ delivered: 0, crashed: false }],
      actions: (s) => [...Array.from({ length: 20 }, (_, i) => ({ kind: "deliver", i }) as A), ...(s.crashed ? [] : [{ kind: "crash" } as A])],
      next: (s, a) => (a.kind === "crash" ? { ...s, crashed: true } : { ...s, delivered: s.delivered + 1 }),
      describe: (a) => (a.kind === "crash" ? "crash" : `deliver ${a.i}`),
      actionData: (a) => a,
      isFinal: () => true,
      fairness: (a) => (a.kind === "deliver" ? { kind: "deliver", key: `d${a.i}` } : undefined),
    };
    expect(kindOf(model, { kind: "crash" })).toEqual({ kind: "crash", fault: true });
    expect(kindOf(model, { kind: "deliver", i: 3 })).toEqual({ kind: "deliver", fault: false });
    const result = simulate(model, { properties: [always<S>("never-crashes", (s) => !s.crashed)], seed: 5, traces: 20, depth: 10 });
    expect(result.properties[0]!.holds).toBe(false);
    expect(result.properties[0]!.trace!.steps).toHaveLength(2); // shrunk to the crash alone
  });
});

describe("shrink", () => {
  it("gives a valid trace, no longer than the walk, that still violates the property (ABD reader-no-writeback)", () => {
    const { model, properties } = abd.build({ ...abdDefaults, ops: "w1,rr", crashes: 0 }, "reader-no-writeback");
    const linearizable = properties.find((p) => p.name === "linearizable")!;
    const walk = simulate(model, { properties: [linearizable], seed: 3, traces: 20_000, shrink: false }).properties[0]!;
    expect(walk.holds).toBe(false);
    const { trace } = shrink(model, walk.trace!, linearizable, { bfsStates: 0 });
    expect(trace.steps.length).toBeLessThanOrEqual(walk.trace!.steps.length);
    expect(isValidTrace(model, trace)).toBe(true);
    if (linearizable.kind !== "linearizable") throw new Error("ABD's linearizable property has another kind");
    const linear = (state: SystemState) => isLinearizable(linearizable.history(state), linearizable.spec);
    expect(linear(trace.steps.at(-1)!.state)).toBe(false);
    expect(trace.steps.slice(0, -1).every((step) => linear(step.state))).toBe(true); // it ends at the first violation
  });

  it("returns the walk itself when nothing shorter violates", () => {
    const model = counter(3);
    const walk: Trace<{ n: number; noise: number }, "inc" | "noise"> = {
      steps: [
        { action: null, state: { n: 0, noise: 0 } },
        { action: "inc", state: { n: 1, noise: 0 } },
        { action: "inc", state: { n: 2, noise: 0 } },
        { action: "inc", state: { n: 3, noise: 0 } },
      ],
      loopsBackTo: null,
    };
    expect(shrink(model, walk, belowK(3)).trace.steps).toHaveLength(4);
  });
});

describe("check(spec, { simulate }) finds the known bugs", () => {
  it("ABD reader-no-writeback: a linearizability violation, shrunk, reproducible by its seed", async () => {
    const document = await check(abd, { variant: "reader-no-writeback", simulate: { seed: 3, traces: 20_000 } });
    expect(document).toViolate("linearizable");
    expect(document).toMatchObject({ complete: false, stopReason: "violation", simulation: { seed: 3 } });
    const verdict = document.properties.find((p) => p.name === "linearizable")!;
    expect(verdict.trace!.steps.length).toBeLessThanOrEqual(verdict.shrunkFrom!);
    expect(exitCodeOf(document)).toBe(1);
    const again = await check(abd, { variant: "reader-no-writeback", simulate: { seed: 3, traces: 20_000 } });
    expect(again.properties).toEqual(document.properties);
  });

  it("two-phase commit, commit-without-all-votes: atomicity, commit-needs-all-yes and no-deadlock with --continue", async () => {
    const document = await check(twoPhaseCommit, { variant: "commit-without-all-votes", continue: true, simulate: { seed: 1, traces: 2_000 } });
    const verdicts = Object.fromEntries(document.properties.map((p) => [p.name, p.holds]));
    expect(verdicts).toMatchObject({
      atomicity: false,
      "commit-needs-all-yes": false,
      "no-deadlock": false,
      commits: true,
      "prepared-decides": null,
    });
    expect(document.stopReason).toBe("traces-done");
  });

  it("a run without a seed draws one and reports it; that seed repeats the run", () => {
    const first = runSpec(abd, { simulate: { traces: 30 } }).document;
    const seed = first.simulation!.seed;
    expect(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32).toBe(true);
    const again = runSpec(abd, { simulate: { traces: 30, seed } }).document;
    expect({ ...again, seconds: 0, memory: undefined }).toEqual({ ...first, seconds: 0, memory: undefined });
    expect(exitCodeOf(again)).toBe(3);
  });

  it("refuses the options of an exhaustive search, and a seed out of range", async () => {
    await expect(check(abd, { simulate: {}, strategy: "dfs" })).rejects.toThrow(UsageError);
    await expect(check(abd, { simulate: {}, maxStates: 5 })).rejects.toThrow("maxStates");
    await expect(check(abd, { simulate: { seed: 2 ** 32 } })).rejects.toThrow("simulate.seed takes an integer from 0 to 4,294,967,295");
  });
});
