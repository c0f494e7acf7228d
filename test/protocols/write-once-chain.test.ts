import { describe, expect, it } from "vitest";
import spec, { outcomes } from "../../specs/write-once-chain/model.ts";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import type { writeOnceChainRoles } from "../../src/protocols/write-once-chain/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores a variant at `settings` to the end, in the test's worker thread. */
const check = (variant: string, settings: string[] = []) =>
  exploreOffThread<SystemState, SystemAction>(new URL("../../specs/write-once-chain/model.ts", import.meta.url), {
    variant,
    set: settings,
    continue: true,
  });

/** The explored result with the model, built here and typed, to read the roles of trace states. */
async function run(variant: string, settings: string[] = []) {
  const model = buildInstance(spec, resolveConfig(spec, variant, settings), variant).model as ActorModel<ReturnType<typeof writeOnceChainRoles>>;
  return { model, result: await check(variant, settings) };
}

const verdicts = (result: ExploreResult<SystemState, SystemAction>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("the write-once chain exhaustively", () => {
  it.each([[[]], [["proposers=3", "readers=2"]], [["nodes=1"]]])("%j: one value, proposed, and every proposer learns it", async (settings) => {
    const result = await check("main", settings);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("one-crash: not fault tolerant — a proposer waits forever on the crashed node, though agreement still holds", async () => {
    const { model, result } = await run("one-crash");
    const stuck = result.properties.find((p) => p.name === "every-proposer-learns")!;
    expect(stuck.holds).toBe(false);
    const last = stuck.trace!.steps.at(-1)!.state;
    expect(last.crashed).toHaveLength(1);
    expect(model.roles(last).proposers.some((p) => p.learned === null)).toBe(true);
    // A liveness failure: the lasso ends by stuttering in a state where no fair step is left.
    expect(stuck.trace!.loopsBackTo).toBe(stuck.trace!.steps.length - 1);
    expect(verdicts(await check("one-crash", ["nodes=1", "proposers=1", "readers=0"]))["every-proposer-learns"]).toBe(false);
  });

  it("last-write-wins: two proposers learn different values", async () => {
    const { model, result } = await run("last-write-wins");
    const violation = result.properties.find((p) => p.name === "agreement")!;
    expect(violation.holds).toBe(false);
    expect(new Set(outcomes(model.roles(violation.trace!.steps.at(-1)!.state))).size).toBe(2);
  });
});
