import { describe, expect, it } from "vitest";
import abd from "../../specs/abd/model.ts";
import { explore, type ExploreOptions } from "../../checker/explore/search.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import { resolveConfig } from "../../checker/spec.ts";
import type { SystemState } from "../../checker/actors/system.ts";

function check(variant: string, settings: string[], options: Partial<ExploreOptions<SystemState>> = {}) {
  const { model, properties } = abd.build(resolveConfig(abd, variant, settings), variant);
  return explore(model, { properties, ...options });
}

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("ABD exhaustively", () => {
  it("verifies with two clients (write, read) and no crash: every property holds", () => {
    const result = check("main", ["ops=w1,r", "crashes=0"]);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({ linearizable: true, "no-deadlock": true, terminates: true, "read-returns-written": true, "timestamps-are-unique": true });
  });

  it.each(["unordered", "fifo"])("verifies with one client (write then read), a crash allowed, on a %s network", (network) => {
    const result = check("main", ["clients=1", "ops=w1r", `network=${network}`]);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("with two of three servers crashed, operations block: a deadlock", () => {
    const result = check("main", ["clients=1", "ops=w1", "crashes=2"]);
    const deadlock = result.properties.find((p) => p.kind === "deadlock")!;
    expect(deadlock.holds).toBe(false);
    expect(deadlock.trace!.steps.at(-1)!.state.crashed).toHaveLength(2);
  });

  it("on a duplicating network a message can be delivered forever: termination fails with a lasso", () => {
    const result = check("main", ["clients=1", "ops=w1", "crashes=0", "network=duplicating"]);
    const termination = result.properties.find((p) => p.kind === "termination")!;
    expect(termination.holds).toBe(false);
    expect(termination.trace!.loopsBackTo).not.toBeNull();
    expect(result.properties.find((p) => p.name === "linearizable")!.holds).toBe(true);
  });

  it.each([
    ["reader-no-writeback", "a later read returns the older value"],
    ["writer-no-query", "a later write is lost"],
  ])("catches %s (%s) with a shortest non-linearizable history", (variant) => {
    const bfs = check(variant, []);
    const violation = bfs.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const steps = violation.trace!.steps;
    expect(isLinearizable(steps.at(-1)!.state.history, register)).toBe(false);
    expect(isLinearizable(steps.at(-2)!.state.history, register)).toBe(true);
    const dfs = check(variant, [], { strategy: "dfs" }).properties.find((p) => p.name === "linearizable")!;
    expect(dfs.holds).toBe(false);
    expect(steps.length).toBeLessThanOrEqual(dfs.trace!.steps.length);
  });

  it("the main protocol at the flawed variants' configurations is linearizable", () => {
    const result = check("main", ["ops=w1,w2r", "crashes=0"], { maxStates: 150_000 });
    expect(result.properties.find((p) => p.name === "linearizable")!.holds).not.toBe(false);
  });
});
