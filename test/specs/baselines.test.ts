import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exploreProjected, reachableDigest } from "../../checker/crosscheck.ts";
import { loadSpec, specNames } from "../../checker/discover.ts";
import { UsageError } from "../../checker/errors.ts";
import { readBaseline, readBaselineFile } from "../../checker/tlc/baseline.ts";
import { resolveConfig } from "../../checker/spec.ts";

/** Every configuration recorded from a real TLC run, per spec: the explorer must match it exactly. */
const recorded = specNames().flatMap((spec) => readBaseline(spec).entries.map((entry) => ({ spec, entry })));

describe("the explorer against TLC's recorded baselines", () => {
  it("has baselines to compare with", () => {
    expect(recorded.length).toBeGreaterThan(0);
  });

  it.each(recorded.map((r) => [`${r.spec} ${r.entry.variant} ${Object.entries(r.entry.config).map(([k, v]) => `${k}=${v}`).join(" ")}`, r] as const))(
    "%s: same counts, depth, verdicts and reachable set",
    async (_, { spec: name, entry }) => {
      const spec = await loadSpec(name);
      const config = resolveConfig(spec, entry.variant, Object.entries(entry.config).map(([k, v]) => `${k}=${v}`));
      const instance = spec.build(config, entry.variant);
      const { result, projected } = exploreProjected(instance.model, instance.tla!, instance.properties);
      expect({ distinctStates: result.distinctStates, generatedStates: result.generatedStates, depth: result.depth }).toEqual({ distinctStates: entry.distinctStates, generatedStates: entry.generatedStates, depth: entry.depth });
      expect(Object.fromEntries(Object.keys(entry.verdicts).map((p) => [p, result.properties.find((x) => x.name === p)?.holds]))).toEqual(entry.verdicts);
      expect(projected.size).toBe(result.distinctStates);
      expect(reachableDigest(projected)).toBe(entry.reachableDigest);
    },
  );
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
    expect(() => readBaselineFile(write(JSON.stringify({ spec: "abd", entries: [{ variant: "main", distinctStates: -1 }] })))).toThrow(/corrupt baseline/);
    expect(() => readBaselineFile(write(JSON.stringify({ spec: "abd", entries: [] })))).not.toThrow();
  });
});
