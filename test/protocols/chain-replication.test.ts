import { describe, expect, it } from "vitest";
import spec from "../../specs/chain-replication/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel } from "../../checker/actors/system.ts";
import type { chainReplicationRoles } from "../../src/protocols/chain-replication/index.ts";

/** Builds a variant at `settings` and explores it (the model typed, so trace states are SystemStates). */
function check(variant: string, settings: string[] = [], continueAfterViolation = false) {
  const { model, properties } = buildInstance(spec, resolveConfig(spec, variant, settings), variant);
  return explore(model as ActorModel<ReturnType<typeof chainReplicationRoles>>, { properties, continueAfterViolation });
}

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("chain replication exhaustively", () => {
  it.each([[[]], [["clients=3", "ops=w1,w2,rr"]], [["nodes=1"]], [["clients=2", "ops=w1w2,r"]]])(
    "main %j: tail reads are linearizable",
    (settings) => {
      const result = check("main", settings);
      expect(result.complete).toBe(true);
      expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
    },
  );

  it("main with the head crashing: still linearizable, but a request lost with the head is never answered", () => {
    expect(verdicts(check("main", ["crashes=1"], true))).toMatchObject({
      linearizable: true,
      "versions-decrease-down-the-chain": true,
      "no-deadlock": false,
    });
  });

  it("read-at-head without faults is linearizable: the head is a serialization point", () => {
    expect(verdicts(check("read-at-head", ["crashes=0"]))).toMatchObject({ linearizable: true, "no-deadlock": true });
  });

  it("read-at-head with the head crashing: a read after the crash returns an older value than one before", () => {
    const result = check("read-at-head", [], true);
    const violation = result.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const steps = violation.trace!.steps;
    const last = steps.at(-1)!.state;
    expect(isLinearizable(last.history, register)).toBe(false);
    expect(last.crashed).toEqual([0]);
    expect(last.history.filter((e) => "ret" in e).map((e) => ("ret" in e ? e.ret : undefined))).toEqual([1, null]);
  });
});
