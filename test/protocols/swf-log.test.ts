import { describe, expect, it } from "vitest";
import spec from "../../specs/swf-log/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import { SEALED, filledSlots, slotKey, type LogValue, type swfLogRoles } from "../../src/protocols/swf-log/index.ts";
import type { StoreItem } from "../../src/actor/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = false) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/swf-log/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model as ActorModel<ReturnType<typeof swfLogRoles>>;
  return { ...result, model };
}

type Checked = Awaited<ReturnType<typeof check>>;
const verdicts = (result: Checked) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));
const traceOf = (result: Checked, property: string) => result.properties.find((p) => p.name === property)!.trace!;
/** The log of a state: slot → [entry, writer, version]. */
function logOf(result: Checked, state: SystemState): Record<number, [string, number, number]> {
  const table = result.model.roles(state).table[0]!;
  return Object.fromEntries(
    filledSlots(table).map((slot) => {
      const item = table[slotKey(slot)] as StoreItem;
      const { entry, writer } = item.value as LogValue;
      return [slot, [entry, writer, item.version]];
    }),
  );
}

describe("swf-log exhaustively", () => {
  it.each([
    ["defaults (b1 may be isolated)", []],
    ["no partition, window 1", ["partitions=0", "window=1"]],
    ["three entries, drifting clocks", ["entries=3", "drift=1"]],
    ["two successor entries, a longer lease, checkpoints after two", ["successorEntries=2", "term=2", "checkpoint=2", "partitions=0"]],
  ])("main, %s: no slot overwritten, owners in order, replay equals every state held, the successor completes", async (_, set) => {
    const result = await check("main", set);
    expect(result.complete).toBe(true);
    expect(Object.entries(verdicts(result)).filter(([, holds]) => !holds)).toEqual([]);
  });

  it("no-seal: the old owner's in-flight entry lands in a slot after the successor's first entry", async () => {
    const result = await check("no-seal", [], true);
    expect(verdicts(result)).toMatchObject({
      "owner-order": false,
      "successor-holds-owner-state": false,
      "no-overwrite": true,
      "replay-matches": true,
      "exclusive-lease": true,
    });
    const trace = traceOf(result, "owner-order");
    const log = logOf(result, trace.steps.at(-1)!.state as SystemState);
    const slots = Object.keys(log).map(Number);
    const successorSlot = slots.find((s) => log[s]![1] === 2)!;
    expect(slots.some((s) => s > successorSlot && log[s]![1] === 1)).toBe(true);
    expect(Object.values(log).some(([entry]) => entry === SEALED)).toBe(false);
    // The successor took over only after b1's lease had ended by b1's own clock: the lease was not the problem.
    const takeover = trace.steps.findIndex((step) => result.model.roles(step.state as SystemState).backends[1]!.phase === "replaying");
    expect(result.model.roles(trace.steps[takeover]!.state as SystemState).backends[0]!.phase).not.toBe("owner");
  });

  it("no-seal: the successor owns the log with a replay that misses an entry the old owner applied", async () => {
    const result = await check("no-seal", [], true);
    const last = traceOf(result, "successor-holds-owner-state").steps.at(-1)!.state as SystemState;
    const [b1, b2] = result.model.roles(last).backends;
    expect(b2!.phase).toBe("owner");
    expect(b1!.entries.length).toBeGreaterThan(0);
    expect(b1!.entries.every((entry, i) => b2!.entries[i] === entry)).toBe(false);
  });

  it("no-seal with window 1: conditional puts alone keep the owners in order (one write in flight), but the successor may be deposed", async () => {
    const result = await check("no-seal", ["window=1"], true);
    expect(verdicts(result)).toMatchObject({ "owner-order": true, "no-overwrite": true, "successor-completes": false });
  });

  it("unconditional-put: a write b1 sent within its lease lands after the takeover and stomps the seal", async () => {
    const result = await check("unconditional-put", [], true);
    expect(verdicts(result)).toMatchObject({
      "no-overwrite": false,
      "replay-matches": false,
      "successor-holds-owner-state": false,
      "deposed-write-refused": false,
      "owner-order": true,
    });
    const states = traceOf(result, "no-overwrite").steps.map((step) => step.state as SystemState);
    const last = logOf(result, states.at(-1)!);
    const [slot] = Object.entries(last).find(([, [, , version]]) => version > 1)!;
    expect(last[Number(slot)]!.slice(0, 2)).toEqual(["b1.1", 1]);
    expect(logOf(result, states.at(-2)!)[Number(slot)]).toEqual([SEALED, 2, 1]);
    const sent = states.findIndex((s) => s.network.some((key) => JSON.stringify(result.model.envelope(key).msg).includes('"b1.1"')));
    const expiry = states.findIndex((s) => result.model.roles(s).backends[0]!.phase === "expired");
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(expiry);
  });

  it("no-drift-guard: b1 still believes in its lease when b2 takes over, yet the seals keep the log safe", async () => {
    const result = await check("no-drift-guard", [], true);
    expect(verdicts(result)).toMatchObject({ "exclusive-lease": false, "no-overwrite": true, "owner-order": true, "replay-matches": true });
    const last = traceOf(result, "exclusive-lease").steps.at(-1)!.state as SystemState;
    expect(result.model.roles(last).backends.map((b) => b!.phase)).toEqual(["owner", "replaying"]);
  });
});
