import { describe, expect, it } from "vitest";
import spec from "../../specs/lamport-clocks/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel } from "../../checker/actors/system.ts";
import { happensBefore, type lamportRoles } from "../../src/protocols/lamport-clocks/index.ts";

/** Builds a variant at `settings` and explores it; the model comes back typed, to read the roles of trace states. */
function run(variant: string, settings: string[] = []) {
  const { model, properties } = buildInstance(spec, resolveConfig(spec, variant, settings), variant);
  const actors = model as ActorModel<ReturnType<typeof lamportRoles>>;
  return { model: actors, result: explore(actors, { properties }) };
}

const check = (variant: string, settings: string[] = []) => run(variant, settings).result;

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("Lamport clocks exhaustively", () => {
  it.each([[[]], [["processes=2", "events=3"]], [["processes=4", "events=1"]]])(
    "%j: the Clock Condition holds over every pair of events of every execution",
    (settings) => {
      const result = check("main", settings);
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

  it("receive-without-max breaks the Clock Condition: the shortest trace is one send and its receive", () => {
    const { model, result } = run("receive-without-max");
    const violation = result.properties.find((p) => p.name === "clock-condition")!;
    expect(violation.holds).toBe(false);
    const events = model.roles(violation.trace!.steps.at(-1)!.state).processes.flatMap((p) => p.log);
    expect(events.some((e1) => events.some((e2) => happensBefore(e1.vc, e2.vc) && e1.clock >= e2.clock))).toBe(true);
    expect(violation.trace!.steps).toHaveLength(3);
  });

  it("with no events at all nothing happens and nothing is received: the sometimes check fails as vacuous", () => {
    const result = check("main", ["events=0"]);
    expect(result.distinctStates).toBe(1);
    expect(verdicts(result)["message-received"]).toBe(false);
  });
});
