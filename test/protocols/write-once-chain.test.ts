import { describe, expect, it } from "vitest";
import spec, { outcomes } from "../../specs/write-once-chain/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { resolveConfig } from "../../checker/spec.ts";
import type { SystemState } from "../../checker/actors/system.ts";
import type { ProposerState } from "../../src/protocols/write-once-chain/index.ts";

function check(variant: string, settings: string[] = []) {
  const { model, properties } = spec.build(resolveConfig(spec, variant, settings), variant);
  return explore(model, { properties, continueAfterViolation: true });
}

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("the write-once chain exhaustively", () => {
  it.each([[[]], [["proposers=3", "readers=2"]], [["nodes=1"]]])("%j: one value, proposed, and every proposer learns it", (settings) => {
    const result = check("main", settings);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("one-crash: not fault tolerant — a proposer waits forever on the crashed node, though agreement still holds", () => {
    const result = check("one-crash");
    const stuck = result.properties.find((p) => p.name === "every-proposer-learns")!;
    expect(stuck.holds).toBe(false);
    const last = stuck.trace!.steps.at(-1)!.state as SystemState;
    expect(last.crashed).toHaveLength(1);
    expect((last.procs.slice(3, 5) as ProposerState[]).some((p) => p.learned === null)).toBe(true);
    // A liveness failure: the lasso ends by stuttering in a state where no fair step is left.
    expect(stuck.trace!.loopsBackTo).toBe(stuck.trace!.steps.length - 1);
    expect(verdicts(check("one-crash", ["nodes=1", "proposers=1", "readers=0"]))["every-proposer-learns"]).toBe(false);
  });

  it("last-write-wins: two proposers learn different values", () => {
    const result = check("last-write-wins");
    const violation = result.properties.find((p) => p.name === "agreement")!;
    expect(violation.holds).toBe(false);
    expect(new Set(outcomes(violation.trace!.steps.at(-1)!.state as SystemState, { nodes: 3, proposers: 2, readers: 1 })).size).toBe(2);
  });
});
