import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { parseTlcOutput } from "../../checker/tlc/output.ts";
import { tlaRecord, tlaSeq, tlaSet } from "../../checker/tlc/value.ts";

/** Tool-mode output recorded from real TLC runs of the specs beside it (see fixtures/*.tla). */
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}.out`, import.meta.url), "utf8");

describe("TLC tool-mode output", () => {
  it("success: counts, depth, version and the collision estimate", () => {
    const r = parseTlcOutput(fixture("success"));
    expect(r).toMatchObject({ distinctStates: 4, generatedStates: 5, queue: 0, depth: 4, success: true, violations: [] });
    expect(r.version).toMatch(/^\d{4}\./);
    expect(r.collisionProbability).toBeCloseTo(2.2e-19);
  });

  it("invariant violation: the property and its trace with parsed states", () => {
    const r = parseTlcOutput(fixture("invariant"));
    expect(r.success).toBe(false);
    expect(r.violations).toHaveLength(1);
    const v = r.violations[0]!;
    expect(v).toMatchObject({ kind: "invariant", property: "Bad", loopsBackTo: null });
    expect(v.states.map((s) => s.variables.x)).toEqual([0, 1, 2]);
    expect(v.states[0]!.action).toBe("<Initial predicate>");
    expect(v.states[2]!.variables.y).toEqual(tlaSeq([tlaRecord({ a: 0, b: tlaSet([0]) }), tlaRecord({ a: 1, b: tlaSet([1]) })]));
  });

  it("deadlock: a one-variable spec prints `x = v` without a conjunction", () => {
    const v = parseTlcOutput(fixture("deadlock")).violations[0]!;
    expect(v.kind).toBe("deadlock");
    expect(v.states.map((s) => s.variables.x)).toEqual([0, 1, 2]);
  });

  it("temporal violation: a lasso whose loop goes back to the first state", () => {
    const r = parseTlcOutput(fixture("temporal-lasso"));
    const v = r.violations[0]!;
    expect(v).toMatchObject({ kind: "temporal", property: "Done", loopsBackTo: 0, stutters: false });
    expect(v.states.map((s) => s.variables.x)).toEqual([0, 1, 2]);
    expect(v.states[0]!.variables.f).toEqual(tlaSeq(["a", "b"]));
  });

  it.each([
    ["parse-error", /TLC failed \(message 3002\).*Parse Error.*line 3, column 9/],
    ["semantic-error", /TLC failed \(message 3002\).*Unknown operator: `y'/],
  ])("%s becomes one clear UsageError", (name, message) => {
    expect(() => parseTlcOutput(fixture(name))).toThrow(UsageError);
    expect(() => parseTlcOutput(fixture(name))).toThrow(message);
  });

  it("a message it does not understand is an error naming it, never a wrong number", () => {
    const garbled = fixture("success").replace("5 states generated, 4 distinct", "five states generated, 4 distinct");
    expect(() => parseTlcOutput(garbled)).toThrow(/TLC message 2199 not understood/);
    const unknown = fixture("success").replace("@!@!@STARTMSG 2268:0 @!@!@", "@!@!@STARTMSG 2999:0 @!@!@").replace("@!@!@ENDMSG 2268 @!@!@", "@!@!@ENDMSG 2999 @!@!@");
    expect(() => parseTlcOutput(unknown)).toThrow(/TLC message 2999 not understood/);
  });

  it("output that stops before the final counts is an error", () => {
    const cut = fixture("success").split("@!@!@STARTMSG 2193")[0]!;
    expect(() => parseTlcOutput(cut)).toThrow(/without its final counts/);
  });
});
