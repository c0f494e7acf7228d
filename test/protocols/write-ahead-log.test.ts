import { describe, expect, it } from "vitest";
import spec from "../../specs/write-ahead-log/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import { content, type Durable, type writeAheadLogRoles } from "../../src/protocols/write-ahead-log/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = false) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/write-ahead-log/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model as ActorModel<ReturnType<typeof writeAheadLogRoles>>;
  return { ...result, model };
}

type Checked = Awaited<ReturnType<typeof check>>;
const verdicts = (result: Checked) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));
const traceOf = (result: Checked, property: string) => result.properties.find((p) => p.name === property)!.trace!;
const disk = (result: Checked, s: SystemState) => result.model.environment(s)!.durable[0] as Durable | null;
const kinds = (trace: ReturnType<typeof traceOf>) => trace.steps.flatMap((step) => (step.action ? [step.action.kind] : []));

describe("write-ahead log exhaustively", () => {
  it("main at its defaults: every property holds, a crash interrupting a recovery included", async () => {
    const result = await check("main");
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({
      "acknowledged-commits-survive": true,
      "no-partial-transaction": true,
      "recovery-idempotent": true,
      commits: true,
      "recovery-redone": true,
      "no-deadlock": true,
      "every-transaction-ends": true,
    });
  });

  it.each([
    ["clients=1", "writes=1", "log=3", "crashes=0"],
    ["clients=1", "writes=3", "log=5", "crashes=3"],
    ["clients=2", "writes=1", "log=5", "crashes=1"],
  ])("main at %s %s %s %s: the safety properties and liveness hold", async (...set) => {
    const result = await check("main", set);
    const { "recovery-redone": _needsTwoCrashes, ...rest } = verdicts(result);
    expect(result.complete).toBe(true);
    expect(Object.values(rest).every((v) => v === true)).toBe(true);
  });

  it("ack-before-durable: a client is told committed while the commit record is only in the volatile buffer", async () => {
    const result = await check("ack-before-durable", [], true);
    expect(verdicts(result)).toMatchObject({ "acknowledged-commits-survive": false, "no-partial-transaction": true, "every-transaction-ends": true });
    const trace = traceOf(result, "acknowledged-commits-survive");
    expect(kinds(trace)).not.toContain("crash"); // no crash needed: one now would lose the commit
    const last = trace.steps.at(-1)!.state;
    const { database, clients } = result.model.roles(last);
    const winner = clients.findIndex((c) => c.phase === "committed") + 1;
    expect(winner).toBeGreaterThan(0);
    expect(database[0]!.phase === "up" && database[0]!.buffer).toContainEqual({ t: winner, kind: "commit" });
    expect(disk(result, last)?.log ?? []).not.toContainEqual({ t: winner, kind: "commit" });
    expect(content(disk(result, last), 4)).not.toContain(winner);
  });

  it("write-in-place-first: after a crash and recovery, an uncommitted transaction's page is visible", async () => {
    const result = await check("write-in-place-first", [], true);
    expect(verdicts(result)).toMatchObject({ "no-partial-transaction": false, "acknowledged-commits-survive": true, "recovery-idempotent": true });
    const trace = traceOf(result, "no-partial-transaction");
    expect(kinds(trace)).toEqual(expect.arrayContaining(["crash", "recover"]));
    const last = trace.steps.at(-1)!.state;
    const db = result.model.roles(last).database[0]!;
    expect(db.phase).toBe("up");
    const shown = content(disk(result, last), 4);
    // A transaction the database no longer runs shows one of its two pages, and it never committed.
    const partial = [1, 2].find((c) => shown.filter((p) => p === c).length === 1);
    expect(partial).toBeDefined();
    expect(db.phase === "up" && db.active).not.toContain(partial);
    expect(result.model.roles(last).clients[partial! - 1]!.phase).not.toBe("committed");
  });

  it("redo-uncommitted: a recovery that redoes an uncommitted change moves the content away from what the disk held at the crash", async () => {
    const result = await check("redo-uncommitted", [], true);
    expect(verdicts(result)).toMatchObject({ "recovery-idempotent": false, "no-partial-transaction": false, "acknowledged-commits-survive": true });
    const trace = traceOf(result, "recovery-idempotent");
    expect(trace.steps.at(-1)!.action).toMatchObject({ kind: "local", event: "redo" });
    const last = trace.steps.at(-1)!.state;
    const db = result.model.roles(last).database[0]!;
    expect(db.phase).toBe("recovering");
    if (db.phase !== "recovering") return;
    const redone = db.log[db.next - 1]!;
    expect(redone.kind).toBe("change");
    expect(db.log).not.toContainEqual({ t: redone.t, kind: "commit" }); // the page it wrote belongs to a transaction that never committed
    expect(content(disk(result, last), 4)).not.toEqual(db.target);
  });

  it("log-fills-up: running transactions fill the log and everyone is blocked (a fair lasso of busy answers)", async () => {
    const result = await check("log-fills-up", [], true);
    expect(verdicts(result)).toMatchObject({ "every-transaction-ends": false, "acknowledged-commits-survive": true, "no-deadlock": true });
    const trace = traceOf(result, "every-transaction-ends");
    expect(trace.loopsBackTo).not.toBeNull();
    const loop = trace.steps.slice(trace.loopsBackTo! + 1);
    expect(loop.map((s) => s.action!.kind)).not.toContain("crash");
    for (const { state } of trace.steps.slice(trace.loopsBackTo!)) {
      const db = result.model.roles(state).database[0]!;
      expect(db.phase).toBe("up");
      if (db.phase !== "up") continue;
      expect(db.log.length + db.buffer.length).toBe(6); // the log is full
      expect([...db.log, ...db.buffer].filter((r) => r.kind === "commit")).toEqual([]); // and no one can commit
      expect(result.model.roles(state).clients.map((c) => c.phase)).toEqual(["running", "running"]);
    }
    const busy = loop.filter(
      (s) => s.action!.kind === "deliver" && (s.action as { envelope: { msg: { type: string } } }).envelope.msg.type === "busy",
    );
    expect(busy.length).toBeGreaterThan(0);
  });

  it("one more log record than running transactions can hold (clients x (writes + 1) + 1) is enough: main at log=7 ends every transaction", async () => {
    const [small, enough] = await Promise.all([check("main", ["log=6", "crashes=0"]), check("main", ["log=7", "crashes=0"])]);
    expect(verdicts(small)["every-transaction-ends"]).toBe(false);
    expect(verdicts(enough)["every-transaction-ends"]).toBe(true);
  });
});
