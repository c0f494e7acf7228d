import { describe, expect, it } from "vitest";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import type { SystemAction, SystemState } from "../../checker/actors/system.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores a variant at `settings` in the test's worker thread. */
const check = (variant: string, settings: string[] = [], continueAfterViolation = false) =>
  exploreOffThread<SystemState, SystemAction>(new URL("../../specs/chain-replication/model.ts", import.meta.url), {
    variant,
    set: settings,
    continue: continueAfterViolation,
  });

const verdicts = (result: ExploreResult<SystemState, SystemAction>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("chain replication exhaustively", () => {
  it.each([[[]], [["clients=3", "ops=w1,w2,rr"]], [["nodes=1"]], [["clients=2", "ops=w1w2,r"]]])(
    "main %j: tail reads are linearizable",
    async (settings) => {
      const result = await check("main", settings);
      expect(result.complete).toBe(true);
      expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
    },
  );

  it("main with the head crashing: still linearizable, but a request lost with the head is never answered", async () => {
    expect(verdicts(await check("main", ["crashes=1"], true))).toMatchObject({
      linearizable: true,
      "versions-decrease-down-the-chain": true,
      "no-deadlock": false,
    });
  });

  it("read-at-head without faults is linearizable: the head is a serialization point", async () => {
    expect(verdicts(await check("read-at-head", ["crashes=0"]))).toMatchObject({ linearizable: true, "no-deadlock": true });
  });

  it("read-at-head with the head crashing: a read after the crash returns an older value than one before", async () => {
    const result = await check("read-at-head", [], true);
    const violation = result.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const steps = violation.trace!.steps;
    const last = steps.at(-1)!.state;
    expect(isLinearizable(last.history, register)).toBe(false);
    expect(last.crashed).toEqual([0]);
    expect(last.history.filter((e) => "ret" in e).map((e) => ("ret" in e ? e.ret : undefined))).toEqual([1, null]);
  });
});
