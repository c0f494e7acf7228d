import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { parseTlcOutput } from "../../checker/tlc/output.ts";

/**
 * TLC's tool-mode output for public specs of github.com/tlaplus/Examples (corpus/<name>.out), against the figures
 * TLC printed in a plain run of the same spec (corpus/expected.json, extracted without this project's parser).
 */
interface Expected {
  readonly path: string;
  readonly features: readonly string[];
  readonly distinctStates?: number;
  readonly generatedStates?: number;
  readonly queue?: number;
  readonly depth?: number;
  readonly warnings: readonly string[];
  readonly verdict:
    | { readonly result: "success" }
    | { readonly result: "error"; readonly tlcSaid: string; readonly detail: string | null }
    | {
        readonly result: "violation";
        readonly kind: string;
        readonly properties: readonly string[];
        readonly traceLength: number;
        readonly backToState: number | null;
        readonly stutters: boolean;
      };
}

const corpus = new URL("corpus/", import.meta.url);
const expected = JSON.parse(readFileSync(new URL("expected.json", corpus), "utf8")) as { specs: Record<string, Expected> };
const output = (name: string) => readFileSync(new URL(`${name}.out`, corpus), "utf8");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

describe("TLC corpus", () => {
  it("has an expectation for every fixture and a fixture for every expectation", () => {
    const fixtures = readdirSync(corpus)
      .filter((f) => f.endsWith(".out"))
      .map((f) => f.replace(/\.out$/, ""));
    expect(fixtures.sort()).toEqual(Object.keys(expected.specs).sort());
    expect(fixtures.length).toBeGreaterThanOrEqual(11);
  });

  describe.each(Object.entries(expected.specs))("%s", (name, spec) => {
    const { verdict } = spec;
    if (verdict.result === "error") {
      it("fails with TLC's (and SANY's) words in one line", () => {
        const words = new RegExp(`^TLC failed \\(message \\d+\\): ${escape(verdict.tlcSaid)}.*${escape(verdict.detail ?? "")}`);
        expect(() => parseTlcOutput(output(name))).toThrow(UsageError);
        expect(() => parseTlcOutput(output(name))).toThrow(words);
      });
      return;
    }

    it("gives TLC's counts and depth", () => {
      const r = parseTlcOutput(output(name));
      expect({ distinct: r.distinctStates, generated: r.generatedStates, queue: r.queue, depth: r.depth }).toEqual({
        distinct: spec.distinctStates,
        generated: spec.generatedStates,
        queue: spec.queue,
        depth: spec.depth,
      });
    });

    it("gives TLC's verdict", () => {
      const r = parseTlcOutput(output(name));
      if (verdict.result === "success") {
        expect(r.success).toBe(true);
        expect(r.violations).toEqual([]);
        return;
      }
      expect(r.success).toBe(false);
      expect(r.violations).toHaveLength(1);
      const v = r.violations[0]!;
      expect({ kind: v.kind, properties: v.properties, length: v.states.length, loopsBackTo: v.loopsBackTo, stutters: v.stutters }).toEqual({
        kind: verdict.kind,
        properties: verdict.properties,
        length: verdict.traceLength,
        loopsBackTo: verdict.backToState === null ? null : verdict.backToState - 1,
        stutters: verdict.stutters,
      });
      expect(v.states[0]!.action).toBe("<Initial predicate>");
    });

    it("keeps TLC's and SANY's warnings", () => {
      const r = parseTlcOutput(output(name));
      expect(r.warnings).toHaveLength(spec.warnings.length);
      for (const warning of spec.warnings) expect(r.warnings.some((w) => w.includes(warning))).toBe(true);
    });
  });
});
