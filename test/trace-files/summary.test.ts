import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultDocument } from "interleave";
import { writeRunFiles } from "../../checker/commands/run-files.ts";
import { appendStepSummary, markdownSummary } from "../../checker/trace-files/summary.ts";
import { linearizability, stutteringLasso } from "./fixtures.ts";
import { mermaidProblems, parseXml } from "./grammars.ts";

const dir = mkdtempSync(join(tmpdir(), "interleave-summary-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let split: ResultDocument;
let twoPhase: ResultDocument;
beforeAll(async () => {
  split = await linearizability();
  twoPhase = await stutteringLasso();
});

/** The ```mermaid blocks of a Markdown text. */
const mermaidBlocks = (markdown: string) => [...markdown.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((m) => m[1]!);

describe("the job summary", () => {
  it("tables the runs and shows each counterexample as a Mermaid diagram and its first steps", () => {
    const runs = [
      { document: split, fails: [] },
      { document: twoPhase, fails: ["no-deadlock", "prepared-decides"] },
    ];
    const markdown = markdownSummary(runs, { traceDir: "traces" });
    expect(markdown).toContain("## Interleave: 1 of 2 runs NOT as their variants declare");
    const rows = markdown.split("\n").filter((l) => l.startsWith("| split-register") || l.startsWith("| two-phase-commit"));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain("| **NO** |");
    expect(rows[1]).toMatch(/\| ✓ \|$/);
    const blocks = mermaidBlocks(markdown);
    expect(blocks).toHaveLength(3);
    for (const block of blocks) expect(mermaidProblems(block)).toEqual([]);
    // The unexpected violation opens first; the declared ones are folded after it.
    expect(markdown.indexOf("#### ✗ split-register (main): linearizable violated")).toBeLessThan(markdown.indexOf("(as declared)</summary>"));
    expect(markdown).toContain("Files: `traces/split-register.linearizable.html`");
    expect(markdown).toContain("  1. initial state");
  });

  it("is appended only when GITHUB_STEP_SUMMARY is set, and appended, not overwritten", () => {
    const file = join(dir, "summary.md");
    const runs = [{ document: split, fails: ["linearizable"] }];
    expect(appendStepSummary(runs, {})).toBe(false);
    expect(appendStepSummary(runs, { GITHUB_STEP_SUMMARY: "" })).toBe(false);
    expect(existsSync(file)).toBe(false);
    writeFileSync(file, "earlier step\n");
    expect(appendStepSummary(runs, { GITHUB_STEP_SUMMARY: file })).toBe(true);
    expect(appendStepSummary(runs, { GITHUB_STEP_SUMMARY: file })).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("earlier step\n## Interleave: 1 run, all as their variants declare")).toBe(true);
    expect(text.split("## Interleave:")).toHaveLength(3);
  });

  it("comes with the trace files and the JUnit report a run writes", () => {
    const out = join(dir, "run");
    const summary = join(dir, "run-summary.md");
    const runs = [{ document: twoPhase, fails: ["no-deadlock", "prepared-decides"] }];
    writeRunFiles({ traceDir: join(out, "traces"), junit: join(out, "junit.xml") }, runs, {});
    expect(readdirSync(join(out, "traces")).sort()).toEqual(
      ["no-deadlock", "prepared-decides"].flatMap((p) => ["html", "itf.json", "mmd"].map((e) => `two-phase-commit.coordinator-crash.${p}.${e}`)),
    );
    expect(parseXml(readFileSync(join(out, "junit.xml"), "utf8")).attributes.failures).toBe("0");
    expect(existsSync(summary)).toBe(false);
    writeRunFiles({ traceDir: undefined, junit: undefined }, runs, { GITHUB_STEP_SUMMARY: summary });
    expect(readFileSync(summary, "utf8")).toContain("two-phase-commit (coordinator-crash): prepared-decides violated (as declared)");
  });
});
