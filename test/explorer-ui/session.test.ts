import { describe, expect, it } from "vitest";
import { isUsageError } from "../../checker/errors.ts";
import { counterexamples, itfTrace, walkTrace } from "../../checker/explorer-ui/replay.ts";
import { viewOf } from "../../checker/report/steps.ts";
import { runSpec } from "../../checker/run.ts";
import { fixturesRoot, session, specsRoot } from "./helpers.ts";
import { loadSpec } from "../../checker/discover.ts";

/** Follows action labels from the first initial state; the ids of the states reached. */
function follow(s: Awaited<ReturnType<typeof session>>, labels: readonly string[]): number[] {
  const ids = [s.initial[0]!];
  for (const label of labels) {
    const action = s.info(ids.at(-1)!).actions.find((a) => a.label === label);
    if (action?.to === undefined) throw new Error(`no action "${label}" in state ${ids.at(-1)}`);
    ids.push(action.to);
  }
  return ids;
}

describe("an explorer session", () => {
  it("lists each enabled action with the model's label, and leads where the model's next state is", async () => {
    const s = await session("two-phase-commit", "main", ["rms=2"]);
    const start = s.state(s.initial[0]!);
    const info = s.info(s.initial[0]!);
    const actions = s.model.actions(start);
    expect(info.actions.map((a) => a.label)).toEqual(actions.map((a) => s.model.describe(a)));
    for (const a of info.actions) {
      expect(a.to).toBeDefined();
      expect(s.view(a.to!)).toEqual(viewOf(s.model, s.model.next(start, actions[a.index])));
      expect(a.changes.length).toBeGreaterThan(0);
    }
    expect(info.view).toEqual(viewOf(s.model, start));
  });

  it("gives one id to one state however it is reached, and different ids to different states", async () => {
    const s = await session("two-phase-commit", "main", ["rms=2"]);
    const [, prepared] = follow(s, ["tm does begin"]);
    const both = s.info(prepared!).actions.filter((a) => a.action.kind === "deliver");
    expect(both.length).toBe(2);
    const [a, b] = both.map((x) => x.to!);
    expect(a).not.toBe(b);
    const ab = s.info(a!).actions.find((x) => x.label === both[1]!.label)!.to;
    const ba = s.info(b!).actions.find((x) => x.label === both[0]!.label)!.to;
    expect(ab).toBeDefined();
    expect(ab).toBe(ba);
    expect(new Set([s.initial[0], prepared, a, b, ab]).size).toBe(5);
  });

  it("says each property's status at a state, and liveness is over paths", async () => {
    const s = await session("two-phase-commit", "main", ["rms=2"]);
    const statuses = Object.fromEntries(s.info(s.initial[0]!).properties.map((p) => [p.name, p]));
    expect(statuses["atomicity"]!.status).toBe("holds");
    expect(statuses["commits"]!.status).toBe("unreached");
    expect(statuses["no-deadlock"]!.status).toBe("holds");
    expect(statuses["terminates"]!.status).toBe("paths");
    expect(statuses["terminates"]!.text).toContain("checked over paths, not at a state");
    expect(statuses["prepared-decides"]!.text).toContain('"from" is false');
  });

  it("walks a check's first counterexample on the model; the violated invariant is violated at its last state only", async () => {
    const s = await session("two-phase-commit", "commit-without-all-votes", ["rms=2"]);
    const { document } = runSpec(s.spec, { variant: "commit-without-all-votes", set: ["rms=2"] });
    const { traces, errors } = counterexamples(s, document);
    expect(errors).toEqual([]);
    const trace = traces[0]!;
    const violated = document.properties.find((p) => p.holds === false && p.trace)!;
    expect(trace.property).toBe(violated.name);
    expect(trace.steps.map((x) => x.label)).toEqual(violated.trace!.steps.map((x) => x.label));
    expect(trace.steps.map((x) => s.view(x.id))).toEqual(violated.trace!.steps.map((x) => x.state));
    const statusAt = (id: number) => s.info(id).properties.find((p) => p.name === violated.name)!.status;
    expect(statusAt(trace.steps.at(-1)!.id)).toBe("violated");
    for (const step of trace.steps.slice(0, -1)) expect(statusAt(step.id)).toBe("holds");
  });

  it("says where a history is not linearizable, and a deadlock where nothing is enabled", async () => {
    const s = await session("timestamp-register", "local-clock", ["nodes=1"]);
    const { document } = runSpec(s.spec, { variant: "local-clock", set: ["nodes=1"] });
    const trace = counterexamples(s, document).traces[0]!;
    expect(trace.property).toBe("linearizable");
    expect(trace.explanation?.core.length).toBeGreaterThan(0);
    const last = s.info(trace.steps.at(-1)!.id).properties.find((p) => p.name === "linearizable")!;
    expect(last).toMatchObject({ status: "violated" });
    expect(s.info(trace.steps[0]!.id).properties.find((p) => p.name === "linearizable")!.status).toBe("holds");
    const stuck = await session("two-phase-commit", "coordinator-crash", ["rms=1"]);
    const [, , crashed] = follow(stuck, ["tm does begin", "tm crashes"]);
    const ids = [crashed!];
    // Deliver what is left: the participant prepares, votes, and then nothing is enabled.
    for (let i = 0; i < 10 && stuck.info(ids.at(-1)!).actions.length > 0; i++) ids.push(stuck.info(ids.at(-1)!).actions[0]!.to!);
    const end = stuck.info(ids.at(-1)!);
    expect(end.actions).toEqual([]);
    expect(end.properties.find((p) => p.kind === "deadlock")).toMatchObject({ status: "violated" });
  });

  it("walks every counterexample of a check that went on after a violation, lassos included", async () => {
    const s = await session("two-phase-commit", "coordinator-crash", ["rms=1"]);
    const { document } = runSpec(s.spec, { variant: "coordinator-crash", set: ["rms=1"], continue: true });
    const violated = document.properties.filter((p) => p.holds === false && p.trace);
    const { traces, errors } = counterexamples(s, document);
    expect(errors).toEqual([]);
    expect(traces.map((t) => t.property)).toEqual(violated.map((p) => p.name));
    const lasso = traces.find((t) => t.loopsBackTo !== null)!;
    expect(lasso.kind).toBe("leadsTo");
    expect(lasso.loop).toBeDefined();
    // Here the lasso ends stuttering: the coordinator crashed, the participant waits forever, and no fair action is left.
    expect(lasso.loopsBackTo).toBe(lasso.steps.length - 1);
    expect(lasso.loop!.enabledThroughout).toEqual([]);
    expect(s.info(lasso.steps.at(-1)!.id).properties.find((p) => p.name === "prepared-decides")!.text).toContain('"from" is true, "to" is false');
  });

  it("loads an ITF trace (numbers as #bigint, extra variables, each state's #meta) and refuses one of another configuration", async () => {
    const s = await session("two-phase-commit", "commit-without-all-votes", ["rms=2"]);
    const ids = follow(s, ["tm does begin", "rm1 receives prepare() from tm", "rm1 does vote yes"]);
    const bigints = (v: unknown): unknown =>
      typeof v === "number"
        ? { "#bigint": String(v) }
        : Array.isArray(v)
          ? v.map(bigints)
          : v && typeof v === "object"
            ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, bigints(x)]))
            : v;
    const file = {
      "#meta": { format: "ITF" },
      vars: [...Object.keys(s.view(ids[0]!) as object), "mbt::actionTaken"],
      states: ids.map((id, index) => ({ "#meta": { index }, ...(bigints(s.view(id)) as object), "mbt::actionTaken": "" })),
    };
    const trace = itfTrace(JSON.stringify(file), "t.itf.json");
    expect(walkTrace(s, trace).map((x) => x.id)).toEqual(ids);
    const other = await session("two-phase-commit", "commit-without-all-votes", ["rms=3"]);
    expect(() => walkTrace(other, trace)).toThrow(/state 1 of the trace is none of the model's 1 initial state/);
    const skipped = { ...file, states: [file.states[0], file.states[2]] };
    expect(() => walkTrace(s, itfTrace(JSON.stringify(skipped), "t"))).toThrow(
      /state 2 of the trace is not reached by any action enabled in state 1/,
    );
    for (const bad of ["{", "[]", '{"states": [1]}', '{"states": [{}], "loop": 3}']) {
      let error: unknown;
      try {
        itfTrace(bad, "bad.itf.json");
      } catch (e) {
        error = e;
      }
      expect(isUsageError(error)).toBe(true);
      expect((error as Error).message).toMatch(/^bad\.itf\.json/);
    }
  });

  it("offers each initial state with what sets it apart, and lists a step whose code throws with its error", async () => {
    const s = await session("counter", "main", [], fixturesRoot);
    expect(s.processes).toBeUndefined();
    const { initial } = s.modelInfo();
    expect(initial.map((i) => i.label)).toEqual(["initial state 1 of 2", "initial state 2 of 2"]);
    expect(initial[1]!.changes).toEqual(["n: 0 → -2"]);
    const ids = [initial[0]!.id];
    for (let i = 0; i < 3; i++) ids.push(s.info(ids.at(-1)!).actions.find((a) => a.label === "counter inc")!.to!);
    const boom = s.info(ids.at(-1)!).actions.find((a) => a.action.kind === "step" && a.action.move === "boom")!;
    expect(boom).toMatchObject({ label: "counter boom", error: "counter boom threw RangeError: boom at 3" });
    expect(boom.to).toBeUndefined();
  });

  it("refuses a bad configuration with a usage error, as check does", async () => {
    const spec = await loadSpec("two-phase-commit", specsRoot);
    const { openSession } = await import("../../checker/explorer-ui/session.ts");
    expect(() => openSession(spec, { set: ["rms=99"] })).toThrow(/rms/);
    expect(() => openSession(spec, { variant: "nope" })).toThrow(/unknown variant "nope"/);
  });
});
