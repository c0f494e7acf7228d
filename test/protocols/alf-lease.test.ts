import { describe, expect, it } from "vitest";
import spec from "../../specs/alf-lease/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import type { alfLeaseRoles } from "../../src/protocols/alf-lease/index.ts";
import type { Trace } from "../../checker/explore/result.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

type Model = ActorModel<ReturnType<typeof alfLeaseRoles>>;

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = false, fairness?: Record<string, "weak" | "none">) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/alf-lease/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
    ...(fairness && { fairness }),
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model as Model;
  return { ...result, model };
}

type Result = Awaited<ReturnType<typeof check>>;
const verdicts = (result: Result) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));
const traceOf = (result: Result, property: string) => result.properties.find((p) => p.name === property)!.trace! as Trace<SystemState, SystemAction>;
/** The clients that believe they hold the lock in `state`, by name. */
const holders = (model: Model, state: SystemState) =>
  model.roles(state).clients.flatMap((c, i) => (c.phase === "holding" ? [model.names[model.ids.clients[i]!]] : []));
/** The step at which the server's unlock timer fired. */
const unlockStep = (trace: Trace<SystemState, SystemAction>) =>
  trace.steps.findIndex((s) => s.action?.kind === "timer" && s.action.process === 0 && s.action.name === "unlock");

describe("ALF lease lock exhaustively", () => {
  it("main at its defaults (a holder may crash): one holder at a time, writes in lease order, a failed holder's lock granted again", async () => {
    const result = await check("main");
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({
      "one-holder": true,
      "ordered-writes": true,
      writes: true,
      "fence-refuses": true,
      "no-deadlock": true,
      "holder-fails": true,
      "failed-lock-granted-again": true,
    });
  });

  it("the lock is granted again only because time must pass: without fairness for ticks, a busy loop lasts for ever", async () => {
    const result = await check("main", [], false, { tick: "none" });
    const trace = traceOf(result, "failed-lock-granted-again");
    expect(trace.loopsBackTo).not.toBeNull();
    const loop = trace.steps.slice(trace.loopsBackTo! + 1);
    expect(loop.some((s) => s.action?.kind === "tick")).toBe(false);
    const last = trace.steps.at(-1)!.state;
    expect(last.crashed).toEqual([1]);
    expect(result.model.roles(last).server[0]!.holder).toBe(1); // the crashed c1 holds the lock all along
  });

  it("main at another drift bound (clocks at 3 to 5 units a tick, lease 4): the margin follows the bound", async () => {
    const result = await check("main", ["slowest=3", "fastest=5", "lease=4", "crashes=0"]);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toMatchObject({ "one-holder": true, "ordered-writes": true, "fence-refuses": true });
  });

  it("main with a partition instead of a crash: an isolated holder's lease lapses and the lock is granted again", async () => {
    const result = await check("main", ["crashes=0", "partitions=1", "slowest=3", "fastest=3", "heartbeat=3"]);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toMatchObject({ "one-holder": true, "holder-fails": true, "failed-lock-granted-again": true });
  });

  it("no-drift-margin: the server's fast clock unlocks while the holder's slow clock still runs its lease", async () => {
    const result = await check("no-drift-margin", [], true);
    expect(verdicts(result)).toMatchObject({ "one-holder": false, "ordered-writes": true, "failed-lock-granted-again": false });
    const trace = traceOf(result, "one-holder");
    const last = trace.steps.at(-1)!.state;
    expect(holders(result.model, last)).toEqual(["c1", "c2"]);
    const unlocked = unlockStep(trace);
    expect(unlocked).toBeGreaterThan(0);
    const before = result.model.environment(trace.steps[unlocked - 1]!.state)!;
    expect(before.timers[1]!.lease0).toBeGreaterThan(0); // c1's lease had units left when the server unlocked
    const ticks = trace.steps.flatMap((s) => (s.action?.kind === "tick" ? [s.action.advances] : []));
    expect(ticks.some((advances) => advances[0]! > advances[1]!)).toBe(true); // the server's clock ran faster than c1's
    // The liveness counterexample is a lasso: a stale grant leaves no client that will ask again.
    expect(traceOf(result, "failed-lock-granted-again").loopsBackTo).not.toBeNull();
  });

  it("lease-from-receipt: a grant delayed in the network starts the lease late, past the server's unlock", async () => {
    const result = await check("lease-from-receipt");
    const trace = traceOf(result, "one-holder");
    expect(holders(result.model, trace.steps.at(-1)!.state)).toEqual(["c1", "c2"]);
    const granted = trace.steps.findIndex((s) => s.action?.kind === "deliver" && s.action.envelope.to === 0);
    const received = trace.steps.findIndex((s) => s.action?.kind === "deliver" && s.action.envelope.to === 1);
    expect(trace.steps.slice(granted, received).some((s) => s.action?.kind === "tick")).toBe(true); // staleness Ts
    expect(result.model.environment(trace.steps[unlockStep(trace) - 1]!.state)!.timers[1]!.lease0).toBeGreaterThan(0);
  });

  it("absolute-expiry: with clocks skewed the client holds past the server's unlock; with synchronised clocks it does not", async () => {
    const result = await check("absolute-expiry");
    const trace = traceOf(result, "one-holder");
    const clocks = result.model.environment(trace.steps[0]!.state)!.clocks!;
    expect(clocks[0]).not.toBe(clocks[1]); // the server's and c1's clocks start apart
    expect(holders(result.model, trace.steps.at(-1)!.state)).toEqual(["c1", "c2"]);
    const synchronised = await check("absolute-expiry", ["skew=0"]);
    expect(synchronised.complete).toBe(true);
    expect(verdicts(synchronised)["one-holder"]).toBe(true);
  });

  it("unfenced: a holder whose lease lapsed (on_failure) has its write land after the newer holder's; fenced, it is refused", async () => {
    const result = await check("unfenced", ["crashes=0"]);
    const trace = traceOf(result, "ordered-writes");
    const last = result.model.roles(trace.steps.at(-1)!.state);
    expect(last.resource[0]!.applied).toEqual([2, 1]);
    expect(last.clients[0]!.phase).toBe("failed"); // c1 wrote while holding, then its lease ran out before the write landed
    expect(trace.steps.some((s) => s.action?.kind === "crash")).toBe(false);
    const fenced = await check("main", ["crashes=0"]);
    expect(fenced.complete).toBe(true);
    expect(verdicts(fenced)).toMatchObject({ "ordered-writes": true, "fence-refuses": true, "holder-fails": false });
  });
});
