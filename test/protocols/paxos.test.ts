import { describe, expect, it } from "vitest";
import spec, { chosenValues } from "../../specs/paxos/model.ts";
import { explore } from "../../checker/explore/search.ts";
import { resolveConfig } from "../../checker/spec.ts";
import type { SystemState } from "../../checker/actors/system.ts";

function check(variant: string, settings: string[] = [], continueAfterViolation = false) {
  const { model, properties } = spec.build(resolveConfig(spec, variant, settings), variant);
  return explore(model, { properties, continueAfterViolation });
}

const verdicts = (result: ReturnType<typeof check>) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));

describe("Paxos exhaustively", () => {
  // The configuration (2 proposers, 3 acceptors, 1 crash) is explored by `npm run check`; here smaller ones.
  it.each([[["acceptors=2", "crashes=0"]], [["acceptors=3", "proposers=1"]], [["acceptors=3", "crashes=0"]]])("%j: at most one value is chosen, and some value always is", (settings) => {
    const result = check("main", settings);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("with a majority of acceptors crashed nothing is learned: a deadlock, but never two values", () => {
    const result = check("main", ["acceptors=2", "crashes=1"], true);
    expect(verdicts(result)).toMatchObject({ agreement: true, validity: true, "learned-is-chosen": true, "no-deadlock": false });
  });

  it("accept-without-promise-check: two different values are chosen", () => {
    const result = check("accept-without-promise-check");
    const violation = result.properties.find((p) => p.name === "agreement")!;
    expect(violation.holds).toBe(false);
    const last = violation.trace!.steps.at(-1)!.state as SystemState;
    expect(chosenValues(last, { proposers: 2, acceptors: 3, learners: 1 })).toEqual([1, 2]);
  });
});
