import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../checker/errors.ts";
import { readBaseline, readBaselineFile, sameConfig } from "../../checker/crosscheck/baseline.ts";
import { examplesDir, loadSpecs } from "../../checker/discover.ts";
import { configText, resolveConfig } from "../../checker/spec.ts";
import type { ExplorerFigures } from "../../checker/crosscheck/baseline-check.ts";
import { callOffThread } from "../helpers/off-thread.ts";

/** Every configuration recorded from a real TLC run, per spec: the explorer must match it exactly. */
const specs = await loadSpecs(examplesDir);
const all = specs.flatMap((spec) => readBaseline(spec).entries.map((entry, index) => ({ spec: spec.name, entry, index })));
/**
 * The larger recorded configurations take minutes to explore again; `npm run baselines` (interleave baselines, which
 * .ci/run also runs) compares every one. Here: those up to this size, so that npm test stays quick.
 */
const inTests = 50_000;
const recorded = all.filter((r) => r.entry.distinctStates <= inTests);
const over = `${all.length - recorded.length} of ${all.length} recorded configurations have over ${inTests.toLocaleString("en")} states`;
console.log(`baselines: ${over}; npm run baselines (run by CI) compares them`);
const explorer = new URL("compare-baseline.ts", import.meta.url);

describe("the explorer against TLC's recorded baselines", () => {
  it("has baselines to compare with", () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  const label = (r: (typeof recorded)[number]) =>
    `${r.spec} ${r.entry.variant} ${configText(r.entry.config)}${r.entry.symmetry ? " symmetry: on" : ""}`;
  it.concurrent.each(recorded.map((r) => [label(r), r] as const))(
    "%s: same counts, depth, verdicts and reachable set (under symmetry: orbits, safety verdicts)",
    async (_, { spec, entry, index }) => {
      const ours = await callOffThread<ExplorerFigures>(explorer, "exploreRecorded", [spec, index]);
      expect({ distinctStates: ours.distinctStates, generatedStates: ours.generatedStates, depth: ours.depth }).toEqual({
        distinctStates: entry.distinctStates,
        generatedStates: entry.generatedStates,
        depth: entry.depth,
      });
      expect(ours.verdicts).toEqual(entry.verdicts);
      expect(ours.projections).toBe(ours.distinctStates); // toTla is injective on the reachable states
      // Under symmetry TLC's dump holds the orbit members its own search met first: no digest is recorded (see baseline.ts).
      if (entry.symmetry) expect(entry.reachableDigest).toBeUndefined();
      else expect(ours.reachableDigest).toBe(entry.reachableDigest);
    },
  );
});

const variants = specs.map((spec) => Object.entries(spec.variants).map(([variant, declared]) => ({ spec, variant, declared: declared.fails ?? [] })));

describe("every variant's declared failures, against TLC", () => {
  const paired = variants.flat().filter((v) => v.spec.tlaModule !== undefined);

  it.each(paired.map((v) => [`${v.spec.name} ${v.variant}`, v] as const))("%s has a configuration recorded from TLC", (_, { spec, variant }) => {
    expect(
      readBaseline(spec).entries.some((e) => e.variant === variant),
      `record one with: interleave tlc ${spec.name} --variant ${variant} --record`,
    ).toBe(true);
  });

  const atDefaults = paired.flatMap((v) => {
    const config = resolveConfig(v.spec, v.variant, []);
    const entry = readBaseline(v.spec).entries.find((e) => e.variant === v.variant && sameConfig(e.config, config) && !e.symmetry);
    return entry ? [[`${v.spec.name} ${v.variant}`, { ...v, entry }] as const] : [];
  });

  it.each(atDefaults)("%s at its defaults: TLC violates exactly the properties the variant declares", (_, { declared, entry }) => {
    const violated = Object.entries(entry.verdicts)
      .filter(([, holds]) => !holds)
      .map(([name]) => name)
      .sort();
    expect(violated).toEqual(declared.filter((p) => p in entry.verdicts).sort());
  });
});

describe("baseline files", () => {
  const write = (content: string) => {
    const path = join(mkdtempSync(join(tmpdir(), "baseline-")), "tlc-baseline.json");
    writeFileSync(path, content);
    return path;
  };

  it("a file that is not JSON is a clear error", () => {
    expect(() => readBaselineFile(write("{ nope"))).toThrow(UsageError);
    expect(() => readBaselineFile(write("{ nope"))).toThrow(/corrupt baseline .*not JSON/);
  });

  it("JSON of the wrong shape is a clear error", () => {
    expect(() => readBaselineFile(write(JSON.stringify({ spec: "abd", entries: [{ variant: "main", distinctStates: -1 }] })))).toThrow(
      /corrupt baseline/,
    );
    expect(() => readBaselineFile(write(JSON.stringify({ spec: "abd", entries: [] })))).not.toThrow();
  });
});
