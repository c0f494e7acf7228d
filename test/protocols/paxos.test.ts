import { describe, expect, it } from "vitest";
import spec, { chosenValues } from "../../specs/paxos/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import type { PaxosMessage, paxosRoles } from "../../src/protocols/paxos/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = false) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/paxos/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model as ActorModel<ReturnType<typeof paxosRoles>>;
  return { ...result, model };
}

const verdicts = (result: Awaited<ReturnType<typeof check>>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("Paxos exhaustively", () => {
  // The configuration (2 proposers, 3 acceptors, 1 crash) is explored by `npm run check`; here smaller ones.
  it.each([[["acceptors=2", "crashes=0"]], [["acceptors=3", "proposers=1"]], [["acceptors=3", "crashes=0"]]])(
    "%j: at most one value is chosen, and some value always is",
    async (settings) => {
      const result = await check("main", settings);
      expect(result.complete).toBe(true);
      expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
    },
  );

  it("with a majority of acceptors crashed nothing is learned: a deadlock, but never two values", async () => {
    const result = await check("main", ["acceptors=2", "crashes=1"], true);
    expect(verdicts(result)).toMatchObject({ agreement: true, validity: true, "learned-is-chosen": true, "no-deadlock": false });
  });

  it("main: under fair delivery a value is eventually chosen; with a majority of acceptors crashed it is not (a stuttering lasso)", async () => {
    expect(verdicts(await check("main", ["acceptors=2", "crashes=0"], true))["eventually-chosen"]).toBe(true);
    const blocked = (await check("main", ["acceptors=2", "crashes=1"], true)).properties.find((p) => p.name === "eventually-chosen")!;
    expect(blocked.holds).toBe(false);
    expect(blocked.trace!.loopsBackTo).toBe(blocked.trace!.steps.length - 1);
  });

  it("dueling-proposers: safe, but two proposers can preempt each other forever: a fair lasso where nothing is chosen", async () => {
    const result = await check("dueling-proposers", [], true);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toMatchObject({
      agreement: true,
      validity: true,
      "value-chosen": true,
      "ballots-bounded": true,
      terminates: false,
      "eventually-chosen": false,
    });
    const lasso = result.properties.find((p) => p.name === "eventually-chosen")!.trace!;
    const cycle = lasso.steps.slice(lasso.loopsBackTo! + 1);
    expect(cycle.length).toBeGreaterThan(0);
    expect(cycle.every((step) => chosenValues(result.model.roles(step.state as SystemState)).length === 0)).toBe(true);
    // Both proposers are refused inside the cycle: each restarts with a higher ballot.
    const refusals = cycle.flatMap((step) => {
      const action = step.action as SystemAction;
      return action.kind === "deliver" && (action.envelope.msg as PaxosMessage).type === "nack" ? [action.envelope.to] : [];
    });
    expect(new Set(refusals)).toEqual(new Set([0, 1]));
  });

  it("dueling-proposers takes no learners and no crashes: a clear error otherwise", () => {
    expect(() => buildInstance(spec, resolveConfig(spec, "dueling-proposers", ["crashes=1"]), "dueling-proposers")).toThrow(
      /learners=0 and crashes=0/,
    );
  });

  it("accept-without-promise-check: two different values are chosen", async () => {
    const result = await check("accept-without-promise-check");
    const violation = result.properties.find((p) => p.name === "agreement")!;
    expect(violation.holds).toBe(false);
    const last = violation.trace!.steps.at(-1)!.state as SystemState;
    expect(chosenValues(result.model.roles(last))).toEqual([1, 2]);
  });
});
