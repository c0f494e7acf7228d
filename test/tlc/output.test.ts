import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { parseTlcOutput } from "../../checker/tlc/output.ts";
import { tlaRecord, tlaSeq, tlaSet } from "../../checker/tlc/value.ts";

/** Tool-mode output recorded from real TLC runs of the specs beside it (see fixtures/*.tla). */
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}.out`, import.meta.url), "utf8");
/** Tool-mode output for one message kind each (see messages/README.md). */
const messages = (name: string) => readFileSync(new URL(`messages/${name}.out`, import.meta.url), "utf8");

/** A tool-mode message as TLC prints it. */
const message = (code: number, severity: number, ...lines: string[]) =>
  [`@!@!@STARTMSG ${code}:${severity} @!@!@`, ...lines, `@!@!@ENDMSG ${code} @!@!@`].join("\n");

/** The output with messages inserted after the end of the first message with the given code. */
function insertAfter(output: string, code: number, ...inserted: string[]): string {
  const end = `@!@!@ENDMSG ${code} @!@!@\n`;
  const at = output.indexOf(end);
  if (at < 0) throw new Error(`no message ${code} in the fixture`);
  return output.slice(0, at + end.length) + inserted.map((m) => `${m}\n`).join("") + output.slice(at + end.length);
}

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

  it("a known message whose text is garbled is an error naming it, never a wrong number", () => {
    const garbled = fixture("success").replace("5 states generated, 4 distinct", "five states generated, 4 distinct");
    expect(() => parseTlcOutput(garbled)).toThrow(/TLC message 2199 not understood/);
  });

  it("an unknown informational message is ignored", () => {
    const info = insertAfter(fixture("success"), 2189, message(2999, 0, "Something TLC 2030 says.", "On two lines."));
    expect(info).toContain("@!@!@STARTMSG 2999:0 @!@!@");
    expect(parseTlcOutput(info)).toEqual(parseTlcOutput(fixture("success")));
  });

  it("an unknown ERROR-severity message fails with TLC's words in one line", () => {
    const failed = insertAfter(fixture("success"), 2189, message(2999, 1, "Something went wrong", "  in module Counter."));
    expect(() => parseTlcOutput(failed)).toThrow(UsageError);
    expect(() => parseTlcOutput(failed)).toThrow(/^TLC failed \(message 2999\): Something went wrong in module Counter\.$/);
    const bug = insertAfter(fixture("success"), 2189, message(2999, 2, "This is probably a TLC bug."));
    expect(() => parseTlcOutput(bug)).toThrow(/^TLC failed \(message 2999\): This is probably a TLC bug\.$/);
  });

  it("several initial states: the progress message 2269 is no error", () => {
    const progress = [message(2269, 0, "Computed 2 initial states..."), message(2269, 0, "Computed 4 initial states...")];
    const many = insertAfter(fixture("success"), 2189, ...progress);
    expect(many.match(/STARTMSG 2269:0/g)).toHaveLength(2);
    expect(parseTlcOutput(many)).toMatchObject({ distinctStates: 4, generatedStates: 5, depth: 4, success: true, violations: [] });
  });

  it("a warning does not fail the run and is kept in one line", () => {
    const r = parseTlcOutput(messages("symmetry-liveness"));
    expect(r).toMatchObject({ success: true, distinctStates: 6, generatedStates: 9, depth: 5, violations: [] });
    expect(r.warnings).toEqual([expect.stringMatching(/^Declaring symmetry during liveness checking is dangerous\. .*defined\.$/)]);
  });

  it("an Assert failure is a violation with its trace; the position TLC adds (2103) is part of it", () => {
    const r = parseTlcOutput(messages("assert"));
    expect(r).toMatchObject({ success: false, distinctStates: 6, generatedStates: 9, depth: 3 });
    expect(r.violations).toHaveLength(1);
    expect(r.violations[0]).toMatchObject({ kind: "assert", property: null, loopsBackTo: null });
    expect(r.violations[0]!.states.map((s) => s.variables.x)).toEqual([3, 4, 5]);
  });

  it("an action property violation names the property", () => {
    const v = parseTlcOutput(messages("action-property")).violations;
    expect(v).toMatchObject([{ kind: "action", property: "Up", properties: ["Up"] }]);
    expect(v[0]!.states.map((s) => s.variables.x)).toEqual([0, 1, 2, 3, 0]);
  });

  it.each([
    ["initial-invariant", "invariant", "InitBig", 0],
    ["initial-property", "temporal", "InitBig", 1],
  ])("%s: the violating initial state is in the message, and TLC prints no counts", (name, kind, property, warnings) => {
    const r = parseTlcOutput(messages(name));
    expect(r).toMatchObject({ success: false, distinctStates: 0, generatedStates: 0, depth: 0 });
    const states = [{ action: "<Initial predicate>", variables: { x: 0 } }];
    expect(r.violations).toEqual([{ kind, property, properties: [property], states, loopsBackTo: null, stutters: false }]);
    expect(r.warnings).toHaveLength(warnings);
  });

  it.each([
    [
      "eval-error",
      /^TLC failed \(message 2184\): Attempted to apply Head to the empty sequence\. \(at line 5, column 33 to line 5, column 42 in EV\)$/,
    ],
    ["assumption-false", /^TLC failed \(message 2104\): Assumption line 5, col 8 to line 5, col 12 of module AS is false\.$/],
    ["config-error", /^TLC failed \(message 2222\): The constant parameter N is not assigned a value by the configuration file\.$/],
  ])("%s is a failure in TLC's words, not a verdict", (name, words) => {
    expect(() => parseTlcOutput(messages(name))).toThrow(UsageError);
    expect(() => parseTlcOutput(messages(name))).toThrow(words);
  });

  it("output that stops before the final counts is an error", () => {
    const cut = fixture("success").split("@!@!@STARTMSG 2193")[0]!;
    expect(() => parseTlcOutput(cut)).toThrow(/without its final counts/);
  });
});
