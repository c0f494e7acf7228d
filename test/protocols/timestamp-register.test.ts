import { describe, expect, it } from "vitest";
import spec from "../../specs/timestamp-register/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel } from "../../checker/actors/system.ts";
import type { timestampRegisterRoles } from "../../src/protocols/timestamp-register/index.ts";

/** Builds a variant at `settings` and explores it (the model typed, so trace states are SystemStates). */
function check(variant: string, settings: string[] = []) {
  const { model, properties } = buildInstance(spec, resolveConfig(spec, variant, settings), variant);
  return explore(model as ActorModel<ReturnType<typeof timestampRegisterRoles>>, { properties });
}

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("the timestamp quorum register exhaustively", () => {
  it.each([[[]], [["nodes=2", "ops=w1,w2r"]]])("main %j: two-phase writes are linearizable", (settings) => {
    const result = check("main", settings);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({
      linearizable: true,
      "versions-are-unique": true,
      "read-returns-written": true,
      "no-deadlock": true,
      terminates: true,
    });
  });

  it("local-clock: a later write stamped by a slower clock is lost, and a read after it returns the older value", () => {
    const result = check("local-clock");
    const violation = result.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const history = violation.trace!.steps.at(-1)!.state.history;
    expect(isLinearizable(history, register)).toBe(false);
    expect(history.at(-1)).toEqual({ client: 4, ret: 1 }); // c2 wrote 2, then read 1
  });

  it("without skew the local clocks tie and the writer id orders them: still not linearizable", () => {
    expect(verdicts(check("local-clock", ["skew=0", "nodes=2", "ops=w2,w1r"])).linearizable).toBe(false);
  });

  it("main with a crash of one of three nodes is linearizable and live", () => {
    const result = check("main", ["crashes=1", "clients=1", "ops=w1r"]);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("the notes' one-phase read is not enough for two reads overlapping a write (new-old inversion)", () => {
    expect(verdicts(check("main", ["ops=w1,rr"])).linearizable).toBe(false);
  });
});
