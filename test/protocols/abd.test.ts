import { describe, expect, it } from "vitest";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import type { SystemAction, SystemState } from "../../checker/actors/system.ts";
import { exploreOffThread, type ThreadCheckOptions } from "../helpers/off-thread.ts";

/** Explores ABD's `variant` at `set` in the test's worker thread. */
const check = (variant: string, set: string[], options: Omit<ThreadCheckOptions, "variant" | "set"> = {}) =>
  exploreOffThread<SystemState, SystemAction>(new URL("../../specs/abd/model.ts", import.meta.url), { variant, set, ...options });

const verdicts = (result: ExploreResult<SystemState, SystemAction>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("ABD exhaustively", () => {
  it("verifies with two clients (write, read) and no crash: every property holds", async () => {
    const result = await check("main", ["ops=w1,r", "crashes=0"]);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({
      linearizable: true,
      "no-deadlock": true,
      terminates: true,
      "every-operation-completes": true,
      "read-returns-written": true,
      "timestamps-are-unique": true,
    });
  });

  it.each(["unordered", "fifo"])("verifies with one client (write then read), a crash allowed, on a %s network", async (network) => {
    const result = await check("main", ["clients=1", "ops=w1r", `network=${network}`]);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("with two of three servers crashed, operations block: a deadlock, and an operation that never completes", async () => {
    const result = await check("main", ["clients=1", "ops=w1", "crashes=2"], { continue: true });
    const deadlock = result.properties.find((p) => p.kind === "deadlock")!;
    expect(deadlock.holds).toBe(false);
    expect(deadlock.trace!.steps.at(-1)!.state.crashed).toHaveLength(2);
    const blocked = result.properties.find((p) => p.name === "every-operation-completes")!;
    expect(blocked.holds).toBe(false);
    expect(blocked.trace!.loopsBackTo).toBe(blocked.trace!.steps.length - 1);
    expect(blocked.trace!.steps.at(-1)!.state.crashed).toHaveLength(2);
    // A dead end is a deadlock, not a failure to terminate.
    expect(verdicts(result).terminates).toBe(true);
  });

  it("with one of three crashed, every operation completes under fair delivery (but not without it)", async () => {
    const fair = await check("main", ["clients=1", "ops=w1r", "crashes=1"]);
    expect(verdicts(fair)["every-operation-completes"]).toBe(true);
    const unfair = await check("main", ["clients=1", "ops=w1", "crashes=1"], { fairness: { deliver: "none" } });
    expect(verdicts(unfair)["every-operation-completes"]).toBe(false);
  });

  it("on a duplicating network a message can be redelivered forever, yet every fair execution terminates", async () => {
    const result = await check("main", ["clients=1", "ops=w1", "crashes=0", "network=duplicating"]);
    expect(verdicts(result)).toMatchObject({ terminates: true, "every-operation-completes": true, linearizable: true });
    const unfair = await check("main", ["clients=1", "ops=w1", "crashes=0", "network=duplicating"], { fairness: { deliver: "none" } });
    const termination = unfair.properties.find((p) => p.kind === "termination")!;
    expect(termination.holds).toBe(false);
    expect(termination.trace!.loopsBackTo).not.toBeNull();
  });

  it.each([
    ["reader-no-writeback", "a later read returns the older value"],
    ["writer-no-query", "a later write is lost"],
  ])("catches %s (%s) with a shortest non-linearizable history", async (variant) => {
    const bfs = await check(variant, []);
    const violation = bfs.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const steps = violation.trace!.steps;
    expect(isLinearizable(steps.at(-1)!.state.history, register)).toBe(false);
    expect(isLinearizable(steps.at(-2)!.state.history, register)).toBe(true);
    const dfs = (await check(variant, [], { strategy: "dfs" })).properties.find((p) => p.name === "linearizable")!;
    expect(dfs.holds).toBe(false);
    expect(steps.length).toBeLessThanOrEqual(dfs.trace!.steps.length);
  });

  it("the main protocol at the flawed variants' configurations is linearizable", async () => {
    const result = await check("main", ["ops=w1,w2r", "crashes=0"], { maxStates: 150_000 });
    expect(result.properties.find((p) => p.name === "linearizable")!.holds).not.toBe(false);
  });
});
