import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { compare, exploreProjected, HashedStates, projectedText } from "../../checker/crosscheck/compare.ts";
import type { Model } from "../../checker/model.ts";
import { always } from "../../checker/props/property.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { tlcAvailability } from "../../checker/tlc/locate.ts";
import type { PairedTlcResult } from "../../checker/crosscheck/paired-tlc.ts";
import { runPairedTlc, twinsOf } from "../../checker/crosscheck/paired-tlc.ts";

/** A counter 0..limit; Counter.tla is the twin of limit 3, so limit 4 differs by one transition (3 → 4). */
const counter = (limit: number): Model<number, "inc"> => ({
  initialStates: () => [0],
  actions: (x) => (x < limit ? ["inc"] : []),
  next: (x) => x + 1,
  describe: () => "inc",
  actionData: () => "inc",
  isFinal: () => true,
});
const properties = [always<number>("small", (x) => x <= 3, { tla: "Small" })];
const pairing: TlaPairing<number> = { toTla: (x) => ({ x }), constants: {} };

/** What TLC would answer for a model, computed by the explorer (to test the comparison without Java). */
function simulatedTlc(model: Model<number, "inc">): PairedTlcResult {
  const run = exploreProjected(model, pairing, properties);
  const reachable = new HashedStates();
  const visit = (x: number): void => {
    reachable.add(projectedText(pairing, x));
    model.actions(x).forEach((a) => visit(model.next(x, a)));
  };
  visit(0);
  const small = run.result.properties[0]!;
  return {
    version: "simulated",
    counts: {
      version: "simulated",
      distinctStates: run.result.distinctStates,
      generatedStates: run.result.generatedStates,
      queue: 0,
      depth: run.result.depth,
      success: small.holds === true,
      collisionProbability: null,
      violations: [],
      warnings: [],
    },
    reachable,
    verdicts: new Map([["small", { holds: small.holds === true }]]),
    seconds: 0,
  };
}

const disagreements = (model: Model<number, "inc">, tlc: PairedTlcResult) =>
  compare(model, pairing, exploreProjected(model, pairing, properties), tlc)
    .filter((c) => !c.agree)
    .map((c) => c.what);

describe("the cross-check", () => {
  it("agrees when the model and its twin are the same system", () => {
    expect(disagreements(counter(3), simulatedTlc(counter(3)))).toEqual([]);
  });

  it("catches a twin that differs by one transition: verdict, counts and reachable set", () => {
    expect(disagreements(counter(4), simulatedTlc(counter(3)))).toEqual([
      "verdict of small",
      "distinctStates",
      "generatedStates",
      "depth",
      "reachable sets",
    ]);
  });

  it("catches a projection that is not injective", () => {
    const lossy: TlaPairing<number> = { ...pairing, toTla: (x) => ({ x: Math.min(x, 2) }) };
    const run = exploreProjected(counter(3), lossy, properties);
    expect(compare(counter(3), lossy, run, simulatedTlc(counter(3))).find((c) => c.what === "toTla is injective")!.agree).toBe(false);
  });
});

const { available, reason } = await tlcAvailability();
if (!available) console.log(`TLC live cross-check skipped: ${reason}`);

describe.skipIf(!available)("the cross-check against a live TLC", () => {
  const module = fileURLToPath(new URL("fixtures/Counter.tla", import.meta.url));

  it("agrees with Counter.tla for the counter to 3, and catches the counter to 4", async () => {
    const tlc = await runPairedTlc(module, pairing, twinsOf(properties), { dump: true });
    expect(disagreements(counter(3), tlc)).toEqual([]);
    expect(disagreements(counter(4), tlc)).toEqual(["verdict of small", "distinctStates", "generatedStates", "depth", "reachable sets"]);
  });
});
