import { describe, expect, it } from "vitest";
import spec from "../../specs/lamport-clocks/model.ts";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import { happensBefore, type lamportRoles } from "../../src/protocols/lamport-clocks/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores a variant at `settings` in the test's worker thread. */
const check = (variant: string, settings: string[] = []) =>
  exploreOffThread<SystemState, SystemAction>(new URL("../../specs/lamport-clocks/model.ts", import.meta.url), { variant, set: settings });

/** The explored result with the model, built here and typed, to read the roles of trace states. */
async function run(variant: string, settings: string[] = []) {
  const model = buildInstance(spec, resolveConfig(spec, variant, settings), variant).model as ActorModel<ReturnType<typeof lamportRoles>>;
  return { model, result: await check(variant, settings) };
}

const verdicts = (result: ExploreResult<SystemState, SystemAction>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("Lamport clocks exhaustively", () => {
  it.each([[[]], [["processes=2", "events=3"]], [["processes=4", "events=1"]]])(
    "%j: the Clock Condition holds over every pair of events of every execution",
    async (settings) => {
      const result = await check("main", settings);
      expect(result.complete).toBe(true);
      expect(verdicts(result)).toEqual({
        "clock-condition": true,
        "clocks-increase": true,
        "message-received": true,
        "concurrent-events-ordered": true,
        "no-deadlock": true,
        terminates: true,
      });
    },
  );

  it("receive-without-max breaks the Clock Condition: the shortest trace is one send and its receive", async () => {
    const { model, result } = await run("receive-without-max");
    const violation = result.properties.find((p) => p.name === "clock-condition")!;
    expect(violation.holds).toBe(false);
    const events = model.roles(violation.trace!.steps.at(-1)!.state).processes.flatMap((p) => p.log);
    expect(events.some((e1) => events.some((e2) => happensBefore(e1.vc, e2.vc) && e1.clock >= e2.clock))).toBe(true);
    expect(violation.trace!.steps).toHaveLength(3);
  });

  it("with no events at all nothing happens and nothing is received: the sometimes check fails as vacuous", async () => {
    const result = await check("main", ["events=0"]);
    expect(result.distinctStates).toBe(1);
    expect(verdicts(result)["message-received"]).toBe(false);
  });
});
