import { describe, expect, it } from "vitest";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { isLinearizable } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import type { SystemAction, SystemState } from "../../checker/actors/system.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

/** Explores a variant at `settings` in the test's worker thread. */
const check = (variant: string, settings: string[] = []) =>
  exploreOffThread<SystemState, SystemAction>(new URL("../../specs/timestamp-register/model.ts", import.meta.url), { variant, set: settings });

const verdicts = (result: ExploreResult<SystemState, SystemAction>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("the timestamp quorum register exhaustively", () => {
  it.each([[[]], [["nodes=2", "ops=w1,w2r"]]])("main %j: two-phase writes are linearizable", async (settings) => {
    const result = await check("main", settings);
    expect(result.complete).toBe(true);
    expect(verdicts(result)).toEqual({
      linearizable: true,
      "versions-are-unique": true,
      "read-returns-written": true,
      "no-deadlock": true,
      terminates: true,
    });
  });

  it("local-clock: a later write stamped by a slower clock is lost, and a read after it returns the older value", async () => {
    const result = await check("local-clock");
    const violation = result.properties.find((p) => p.name === "linearizable")!;
    expect(violation.holds).toBe(false);
    const history = violation.trace!.steps.at(-1)!.state.history;
    expect(isLinearizable(history, register)).toBe(false);
    expect(history.at(-1)).toEqual({ client: 4, ret: 1 }); // c2 wrote 2, then read 1
  });

  it("without skew the local clocks tie and the writer id orders them: still not linearizable", async () => {
    expect(verdicts(await check("local-clock", ["skew=0", "nodes=2", "ops=w2,w1r"])).linearizable).toBe(false);
  });

  it("main with a crash of one of three nodes is linearizable and live", async () => {
    const result = await check("main", ["crashes=1", "clients=1", "ops=w1r"]);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("the notes' one-phase read is not enough for two reads overlapping a write (new-old inversion)", async () => {
    expect(verdicts(await check("main", ["ops=w1,rr"])).linearizable).toBe(false);
  });
});
