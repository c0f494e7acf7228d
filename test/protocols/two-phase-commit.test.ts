import { describe, expect, it } from "vitest";
import spec from "../../specs/two-phase-commit/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import type { twoPhaseCommitRoles } from "../../src/protocols/two-phase-commit/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = false) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/two-phase-commit/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model as ActorModel<ReturnType<typeof twoPhaseCommitRoles>>;
  return { ...result, model };
}

const verdicts = (result: Awaited<ReturnType<typeof check>>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("two-phase commit exhaustively", () => {
  it.each([1, 2, 3])("D=%i: atomic, and every committed transaction costs 4D messages and 2 + 2D forced writes", async (d) => {
    const result = await check("main", [`rms=${d}`]);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("commit-without-all-votes: a participant commits while another aborts", async () => {
    const result = await check("commit-without-all-votes", [], true);
    const violation = result.properties.find((p) => p.name === "atomicity")!;
    expect(violation.holds).toBe(false);
    const { rms } = result.model.roles(violation.trace!.steps.at(-1)!.state as SystemState);
    expect(rms.map((r) => r.phase)).toContain("committed");
    expect(rms.map((r) => r.phase)).toContain("aborted");
  });

  it("commit-without-all-votes explored completely: it also strands the coordinator waiting for an ack", async () => {
    const result = await check("commit-without-all-votes", [], true);
    expect(verdicts(result)).toMatchObject({ atomicity: false, "commit-needs-all-yes": false, "no-deadlock": false, terminates: true });
    const stuck = result.properties.find((p) => p.name === "no-deadlock")!.trace!.steps.at(-1)!.state as SystemState;
    expect(result.model.roles(stuck).coordinator[0]!.phase).toBe("decided");
  });

  it("coordinator-crash: participants that voted yes block forever (a stuttering lasso), atomicity still holds", async () => {
    const result = await check("coordinator-crash", [], true);
    expect(verdicts(result)).toMatchObject({ atomicity: true, "prepared-decides": false, terminates: true });
    const trace = result.properties.find((p) => p.name === "prepared-decides")!.trace!;
    expect(trace.loopsBackTo).toBe(trace.steps.length - 1);
    const last = trace.steps.at(-1)!.state as SystemState;
    expect(last.crashed).toEqual(result.model.ids.coordinator);
    expect(last.crashed).toEqual([0]);
    expect(result.model.roles(last).rms.map((r) => r.phase)).toContain("prepared");
    expect((await check("main", [], true)).properties.find((p) => p.name === "prepared-decides")!.holds).toBe(true);
  });
});
