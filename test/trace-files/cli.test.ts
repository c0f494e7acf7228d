import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { execa } from "execa";
import { afterAll, describe, expect, it } from "vitest";
import { cliBatch } from "../helpers/cli.ts";
import { mermaidProblems, parseHtml, parseXml } from "./grammars.ts";

// The batch must not append to a real job summary when these tests run in GitHub Actions.
delete process.env.GITHUB_STEP_SUMMARY;

const dir = mkdtempSync(join(tmpdir(), "interleave-trace-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const traces = join(dir, "traces");
const junit = join(dir, "reports", "junit.xml");
const base = join(traces, "two-phase-commit.coordinator-crash.prepared-decides");
const notItf = join(dir, "not-itf.json");
writeFileSync(notItf, JSON.stringify({ hello: "world" }));
const aFile = join(dir, "a-file");
writeFileSync(aFile, "");

const checkRun = [
  "check",
  "two-phase-commit",
  "--variant",
  "coordinator-crash",
  "--set",
  "rms=2",
  "--continue",
  "--trace-dir",
  traces,
  "--junit",
  junit,
];
const batched = cliBatch([
  checkRun,
  ["trace", `${base}.itf.json`],
  ["trace", `${base}.itf.json`, "--html", join(dir, "again.html"), "--mmd", join(dir, "again.mmd")],
  ["trace", join(dir, "nowhere.itf.json")],
  ["trace", notItf],
  ["trace"],
  ["check", "abd", "--max-states", "50", "--trace-dir", aFile],
]);

describe("interleave check --trace-dir, --junit and interleave trace", () => {
  it("check writes each counterexample's three files and the JUnit report, and says so on stderr", async () => {
    const r = await batched(checkRun);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`wrote 2 counterexample(s) into ${traces}`);
    expect(r.stderr).toContain(`wrote the JUnit report to ${junit}`);
    expect(r.stderr).not.toContain("summary");
    expect(readdirSync(traces).sort()).toEqual(
      ["no-deadlock", "prepared-decides"].flatMap((p) => ["html", "itf.json", "mmd"].map((e) => `two-phase-commit.coordinator-crash.${p}.${e}`)),
    );
    expect(mermaidProblems(readFileSync(`${base}.mmd`, "utf8"))).toEqual([]);
    expect(parseHtml(readFileSync(`${base}.html`, "utf8")).name).toBe("html");
    const report = parseXml(readFileSync(junit, "utf8"));
    expect(report.attributes.failures).toBe("0"); // the variant declares both violations
    expect(report.children[0]!.children.filter((c) => c.name === "testcase")).toHaveLength(8);
  });

  it("trace prints a saved counterexample as the text report does, and writes the page and diagram again", async () => {
    const check = await batched(checkRun);
    const r = await batched(["trace", `${base}.itf.json`]);
    expect(r.exitCode).toBe(0);
    expect(r.stdout.startsWith("two-phase-commit (coordinator-crash)  rms=2 crashes=1\nCounterexample to prepared-decides")).toBe(true);
    // The same steps as the report of the run that found it.
    const steps = (text: string) => text.slice(text.indexOf("Counterexample to prepared-decides")).split("\n").slice(1).join("\n").trim();
    expect(steps(r.stdout)).toBe(steps(check.stdout));
    const again = await batched(["trace", `${base}.itf.json`, "--html", join(dir, "again.html"), "--mmd", join(dir, "again.mmd")]);
    expect(again.exitCode).toBe(0);
    expect(readFileSync(join(dir, "again.html"), "utf8")).toBe(readFileSync(`${base}.html`, "utf8"));
    expect(readFileSync(join(dir, "again.mmd"), "utf8")).toBe(readFileSync(`${base}.mmd`, "utf8"));
  });

  it("bad input is one line on stderr and exit 2", async () => {
    for (const [args, mentions] of [
      [["trace", join(dir, "nowhere.itf.json")], "no file"],
      [["trace", notItf], "is not an ITF trace"],
      [["trace"], "trace takes <FILE.itf.json>"],
      [["check", "abd", "--max-states", "50", "--trace-dir", aFile], "--trace-dir"],
    ] as const) {
      const r = await batched(args);
      expect(r.exitCode, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n"), r.stderr).toHaveLength(1);
      expect(r.stderr).toContain(mentions);
    }
  });

  it("appends the job summary when GITHUB_STEP_SUMMARY is set", async () => {
    const summary = join(dir, "summary.md");
    const bin = fileURLToPath(new URL("../../bin/interleave.js", import.meta.url));
    const r = await execa("node", [bin, "check", "two-phase-commit", "--variant", "coordinator-crash", "--set", "rms=2"], {
      reject: false,
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(`appended the summary to ${summary}`);
    const text = readFileSync(summary, "utf8");
    expect(text).toContain("| two-phase-commit | coordinator-crash |");
    expect(text).toContain("```mermaid\nsequenceDiagram\n");
  });
});
