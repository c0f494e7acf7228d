import { describe, expect, it } from "vitest";
import spec, { outcomes } from "../../specs/write-once-chain/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel } from "../../checker/actors/system.ts";
import type { writeOnceChainRoles } from "../../src/protocols/write-once-chain/index.ts";

/** Builds a variant at `settings` and explores it to the end; the model comes back typed, to read the roles of trace states. */
function run(variant: string, settings: string[] = []) {
  const { model, properties } = buildInstance(spec, resolveConfig(spec, variant, settings), variant);
  const actors = model as ActorModel<ReturnType<typeof writeOnceChainRoles>>;
  return { model: actors, result: explore(actors, { properties, continueAfterViolation: true }) };
}

const check = (variant: string, settings: string[] = []) => run(variant, settings).result;

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("the write-once chain exhaustively", () => {
  it.each([[[]], [["proposers=3", "readers=2"]], [["nodes=1"]]])("%j: one value, proposed, and every proposer learns it", (settings) => {
    const result = check("main", settings);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("one-crash: not fault tolerant — a proposer waits forever on the crashed node, though agreement still holds", () => {
    const { model, result } = run("one-crash");
    const stuck = result.properties.find((p) => p.name === "every-proposer-learns")!;
    expect(stuck.holds).toBe(false);
    const last = stuck.trace!.steps.at(-1)!.state;
    expect(last.crashed).toHaveLength(1);
    expect(model.roles(last).proposers.some((p) => p.learned === null)).toBe(true);
    // A liveness failure: the lasso ends by stuttering in a state where no fair step is left.
    expect(stuck.trace!.loopsBackTo).toBe(stuck.trace!.steps.length - 1);
    expect(verdicts(check("one-crash", ["nodes=1", "proposers=1", "readers=0"]))["every-proposer-learns"]).toBe(false);
  });

  it("last-write-wins: two proposers learn different values", () => {
    const { model, result } = run("last-write-wins");
    const violation = result.properties.find((p) => p.name === "agreement")!;
    expect(violation.holds).toBe(false);
    expect(new Set(outcomes(model.roles(violation.trace!.steps.at(-1)!.state))).size).toBe(2);
  });
});
