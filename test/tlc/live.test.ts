import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { scaffold } from "../../checker/scaffold.ts";
import { tlcAvailability } from "../../checker/tlc/locate.ts";
import { examplesDir, loadSpecs } from "../../checker/discover.ts";
import { readBaseline, type BaselineEntry } from "../../checker/crosscheck/baseline.ts";

const { available, reason } = await tlcAvailability();
if (!available) console.log(`TLC live tests skipped: ${reason} (to run them, set TLA2TOOLS_JAR to a tla2tools.jar and have Java 11+)`);

const fixtures = fileURLToPath(new URL("fixtures/", import.meta.url));
const tlc = (...args: string[]) =>
  execa("node", [fileURLToPath(new URL("../../bin/interleave.js", import.meta.url)), "tlc", ...args], { cwd: fixtures, reject: false });

describe.skipIf(!available)("interleave tlc against a live TLC", () => {
  it("a spec that holds: counts and verdicts as a result document, exit 0", async () => {
    const r = await tlc("--module", "MC.tla", "--json");
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      tool: "tlc",
      complete: true,
      distinctStates: 4,
      generatedStates: 5,
      depth: 4,
      properties: [
        { name: "Inv", holds: true },
        { name: "no-deadlock", holds: true },
      ],
    });
  });

  it("an invariant violation: exit 1 and the trace in ITF values", async () => {
    const r = await tlc("--module", "MC.tla", "--config", "Bad.cfg", "--json");
    expect(r.exitCode).toBe(1);
    const bad = JSON.parse(r.stdout).properties.find((p: { name: string }) => p.name === "Bad");
    expect(bad.trace.steps.map((s: { state: { x: number } }) => s.state.x)).toEqual([0, 1, 2]);
  });

  it("a temporal violation keeps its lasso", async () => {
    const r = await tlc("--module", "LV.tla", "--json");
    expect(r.exitCode).toBe(1);
    expect(JSON.parse(r.stdout).properties.find((p: { name: string }) => p.name === "Done").trace.loopsBackTo).toBe(0);
  });

  it("tlc <spec>: the paired document, its counterexamples replayed in the model's terms, values in ITF", async () => {
    const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
    const args = ["tlc", "two-phase-commit", "--variant", "coordinator-crash", "--set", "rms=1", "--examples", "--json"];
    const r = await execa("node", [bin, ...args], { reject: false });
    expect(r.exitCode, r.stderr).toBe(1);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ tool: "tlc", spec: "two-phase-commit", strategy: "bfs", fairness: {}, reductions: { symmetry: false } });
    const blocked = doc.properties.find((p: { name: string }) => p.name === "prepared-decides");
    expect(blocked).toMatchObject({ kind: "leadsTo", tla: "PreparedDecides", holds: false, trace: { source: "model" } });
    expect(blocked.trace.steps.at(-1).state.crashed).toEqual(["tm"]);
    expect(blocked.trace.steps.at(-1).action).toEqual({ kind: "crash", process: "tm" });
    expect(r.stdout).not.toMatch(/"kind": "(record|fn|seq|set|model)"/); // no raw TLA+ value objects
  });

  it.each(["PE.tla", "SE.tla"])("TLC's error on %s is one line, exit 2", async (module) => {
    const r = await tlc("--module", module);
    expect(r.exitCode).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/TLC failed/);
  });
});

/**
 * For each paired spec and variant, its smallest recorded configuration, cross-checked live when it has at
 * most 100,000 states (larger ones take minutes with TLC; their baselines are compared on every run).
 */
const liveLimit = 100_000;
const smallest = (await loadSpecs(examplesDir)).flatMap((spec) => {
  const byVariant = new Map<string, BaselineEntry>();
  for (const entry of readBaseline(spec).entries) {
    const known = byVariant.get(entry.variant);
    if (!known || entry.distinctStates < known.distinctStates) byVariant.set(entry.variant, entry);
  }
  return [...byVariant.values()]
    .filter((entry) => entry.distinctStates <= liveLimit)
    .map((entry) => [spec.name, entry.variant, Object.entries(entry.config).map(([k, v]) => `${k}=${v}`)] as const);
});

describe.skipIf(!available)("interleave crosscheck against a live TLC", () => {
  const crosscheck = (...args: string[]) =>
    execa("node", [fileURLToPath(new URL("../../bin/interleave.js", import.meta.url)), "crosscheck", ...args], { reject: false });

  it.each(smallest)("%s %s %j: verdicts, counts, reachable sets and replays agree", async (spec, variant, settings) => {
    const r = await crosscheck(spec, "--variant", variant, ...settings.flatMap((s) => ["--set", s]), "--json");
    expect(r.exitCode, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.crosscheck.agree).toBe(true);
    expect(doc.crosscheck.comparisons.map((c: { what: string }) => c.what)).toContain("reachable sets");
    expect(doc.crosscheck.tlc).toMatchObject({ tool: "tlc", spec, variant });
  });
});

describe.skipIf(!available)("the scaffold of interleave new against a live TLC", () => {
  let project = "";
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), "interleave-scaffold-tlc-"));
    writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
    scaffold({ name: "my-lock", dir: project });
  });
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it.each([["main"], ["grant-without-check"]])("%s: its TLA+ twin agrees with the explorer", async (variant) => {
    const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
    const r = await execa("node", [bin, "crosscheck", "my-lock", "--variant", variant, "--specs", join(project, "specs"), "--json"], {
      reject: false,
    });
    expect(r.exitCode, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).crosscheck.agree).toBe(true);
  });

  it("tlc --record records a run the explorer agrees with, and refuses one it does not", async () => {
    const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
    const record = () => execa("node", [bin, "tlc", "my-lock", "--record", "--specs", join(project, "specs")], { reject: false });
    const agreed = await record();
    expect(agreed.exitCode, agreed.stderr).toBe(0);
    expect(readBaseline({ name: "my-lock", dir: join(project, "specs", "my-lock") }).entries).toHaveLength(1);
    // A twin whose server forgets a request made while the lock is held: TLC runs, the explorer disagrees.
    const twin = join(project, "specs", "my-lock", "MyLock.tla");
    writeFileSync(twin, readFileSync(twin, "utf8").replace("server' = [server EXCEPT !.queue = Append(@, m.from)]", "server' = server"));
    const refused = await record();
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/^not recorded: the explorer disagrees with TLC on this configuration: .*reachable sets differ/);
    expect(readBaseline({ name: "my-lock", dir: join(project, "specs", "my-lock") }).entries).toHaveLength(1);
  });
});
