/**
 * `npm run bench -- --tlc [--workers N] [--only TEXT]`: the explorer and TLC on the same paired configurations
 * (bench/pairs.ts), each as a whole process with the same number of workers, first safety only and then with the
 * liveness twins: wall time, peak memory (bench/measure.ts), distinct states per second, and the ratio explorer/TLC.
 * The properties TLC's recording found violated are left out on both sides, so that each explores the whole space
 * (no stop at a violation, no thousands of traces printed): the counts must then agree, and a row says when not.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execa } from "execa";
import { javaCommand, tlaToolsClasspath } from "../checker/tlc/locate.ts";
import { parseTlcOutput } from "../checker/tlc/output.ts";
import { measure, peakMethod, type Measured } from "./measure.ts";
import { chosenCases, pairedCases, type PairedCase } from "./pairs.ts";

type Checks = "safety" | "liveness";

/** One side's run of one case: its counts and the properties it found violated, or why it has none. */
interface Side {
  readonly run: Measured;
  readonly distinct?: number;
  readonly generated?: number;
  readonly violated?: readonly string[];
  readonly failure?: string;
}

const bin = new URL("../bin/interleave.js", import.meta.url).pathname;
const explorerModel = new URL("./explorer-model.ts", import.meta.url).pathname;

/** Whether `interleave check` takes --workers (parallel search threads). */
async function checkTakesWorkers(): Promise<boolean> {
  const help = await execa("node", [bin, "check", "--help"], { reject: false });
  return /--workers N/.test(help.stdout);
}

/** The explorer as a user runs it, `interleave check … --json`, on the spec as bench/explorer-model.ts trims it. */
async function explorer(c: PairedCase, checks: Checks, workers: number | undefined): Promise<Side> {
  const args = [bin, "check", explorerModel, "--variant", c.variant, ...c.settings.flatMap((s) => ["--set", s]), "--json"];
  const settings = { spec: c.spec, liveness: checks === "liveness", leaveOut: c.violated.map((v) => v.property) };
  const run = await measure("node", [...args, ...(workers === undefined ? [] : ["--workers", String(workers)])], {
    env: { INTERLEAVE_BENCH: JSON.stringify(settings) },
  });
  if (run.exitCode !== 0 && run.exitCode !== 1) return { run, failure: `explorer exit ${run.exitCode}: ${run.stderr.trim().split("\n")[0]}` };
  const document = JSON.parse(run.stdout) as {
    distinctStates: number;
    generatedStates: number;
    properties: { name: string; holds: boolean | null }[];
  };
  const violated = document.properties.filter((p) => p.holds === false).map((p) => p.name);
  return { run, distinct: document.distinctStates, generated: document.generatedStates, violated };
}

/**
 * The committed model's .cfg, written for `checks`: without the violated twins; for safety, also without its PROPERTY
 * line and on Init/Next instead of FairSpec (as `interleave tlc` checks invariants).
 */
function tlcConfig(c: PairedCase, checks: Checks, dir: string): string {
  const leftOut = new Set(c.violated.map((v) => v.twin));
  const lines = readFileSync(join(c.dir, `${c.module}.cfg`), "utf8")
    .split("\n")
    .map((line) => {
      const [keyword, ...names] = line.split(" ");
      if (keyword !== "INVARIANT" && keyword !== "PROPERTY") return line;
      const kept = names.filter((name) => !leftOut.has(name));
      return kept.length === 0 || (keyword === "PROPERTY" && checks === "safety") ? undefined : [keyword, ...kept].join(" ");
    })
    .filter((line) => line !== undefined)
    .map((line) => (checks === "safety" && line === "SPECIFICATION FairSpec" ? "INIT Init\nNEXT Next" : line));
  const path = join(dir, `${c.module}-${checks}.cfg`);
  writeFileSync(path, lines.join("\n"));
  return path;
}

/** TLC on the committed model module, as `interleave tlc` runs it (tool mode, parallel GC, the JVM's default heap). */
async function tlc(c: PairedCase, checks: Checks, workers: number): Promise<Side> {
  const dir = mkdtempSync(join(tmpdir(), "interleave-bench-tlc-"));
  try {
    const config = tlcConfig(c, checks, dir);
    const args = ["-XX:+UseParallelGC", "-cp", tlaToolsClasspath(), "tlc2.TLC", "-tool", "-workers", String(workers)];
    const run = await measure(javaCommand(), [...args, "-metadir", join(dir, "meta"), "-config", config, `${c.module}.tla`], { cwd: c.dir });
    if (!run.stdout.includes("@!@!@STARTMSG")) return { run, failure: `TLC did not run: ${(run.stdout + run.stderr).trim().split("\n")[0]}` };
    try {
      const report = parseTlcOutput(run.stdout);
      const violated = report.violations.flatMap((v) => (v.properties.length > 0 ? v.properties : [v.kind]));
      return { run, distinct: report.distinctStates, generated: report.generatedStates, violated };
    } catch (error) {
      // TLC's own error (a missing module), or output the parser does not read: kept for a look.
      const kept = join(tmpdir(), `interleave-bench-${c.module}-${checks}.out`);
      writeFileSync(kept, run.stdout);
      return { run, failure: `${(error as Error).message} (TLC's output: ${kept})` };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const n = (x: number) => x.toLocaleString("en");
const mib = (kib: number | undefined) => (kib === undefined ? "?" : `${n(Math.round(kib / 1024))} MiB`);
const perSecond = (side: Side) => (side.distinct === undefined ? "?" : n(Math.round(side.distinct / side.run.seconds)));

/** Both sides ran, found nothing violated (so explored everything) and agree on the counts. */
const comparable = (ours: Side, theirs: Side) =>
  !ours.failure &&
  !theirs.failure &&
  ours.violated!.length === 0 &&
  theirs.violated!.length === 0 &&
  ours.distinct === theirs.distinct &&
  ours.generated === theirs.generated;

/** The counts cells: the agreed counts, or what went wrong. */
function counts(ours: Side, theirs: Side): [string, string] {
  const failure = ours.failure ?? theirs.failure;
  if (failure) return [failure, ""];
  const violated = [...(ours.violated!.length ? [`explorer found ${ours.violated!.join(", ")} violated`] : [])];
  if (theirs.violated!.length) violated.push(`TLC found ${theirs.violated!.join(", ")} violated`);
  const both = (a: number, b: number) => (a === b ? n(a) : `explorer ${n(a)} ≠ TLC ${n(b)}`);
  const note = violated.length ? ` (${violated.join("; ")})` : "";
  return [`${both(ours.distinct!, theirs.distinct!)}${note}`, both(ours.generated!, theirs.generated!)];
}

/** One Markdown row: the case, the counts, both times, the ratio, both peaks and both rates. */
function row(c: PairedCase, checks: Checks, ours: Side, theirs: Side): string {
  const ok = comparable(ours, theirs);
  const without = c.violated.length ? `; ${c.violated.map((v) => v.property).join(", ")} left out: violated` : "";
  const cells = [
    `${c.spec} ${c.variant} (${c.module}${without})`,
    checks === "safety" ? "safety" : "safety + liveness",
    ...counts(ours, theirs),
    ours.run.seconds.toFixed(1),
    theirs.run.seconds.toFixed(1),
    ok ? (ours.run.seconds / theirs.run.seconds).toFixed(2) : "—",
    mib(ours.run.peakKiB),
    mib(theirs.run.peakKiB),
    ok ? perSecond(ours) : "—",
    ok ? perSecond(theirs) : "—",
  ];
  return `| ${cells.join(" | ")} |`;
}

/**
 * Runs every chosen case, or with `only` every paired case whose "spec variant module" contains it (e.g. "alf-lease main
 * MCMain"), and prints the table; 1 when a row disagrees.
 */
export async function sideBySide(options: { workers: number; only?: string }): Promise<number> {
  const paired = await pairedCases();
  const only = options.only;
  const cases = only === undefined ? chosenCases(paired) : paired.filter((c) => `${c.spec} ${c.variant} ${c.module}`.includes(only));
  const explorerWorkers = (await checkTakesWorkers()) ? options.workers : undefined;
  const ours =
    explorerWorkers === undefined ? "`interleave check` (one thread: it takes no --workers)" : `\`interleave check --workers ${explorerWorkers}\``;
  console.log(`Explorer: ${ours}; TLC: \`-workers ${options.workers}\`; peak memory: ${peakMethod}.\n`);
  const header = ["configuration", "checks", "distinct", "generated", "explorer s", "TLC s", "explorer/TLC", "explorer peak", "TLC peak"];
  console.log(`| ${[...header, "explorer states/s", "TLC states/s"].join(" | ")} |`);
  console.log(`|${" --- |".repeat(2)}${" ---: |".repeat(header.length)}`);
  let failed = false;
  for (const c of cases)
    for (const checks of ["safety", "liveness"] as const) {
      const liveTwins =
        readFileSync(join(c.dir, `${c.module}.cfg`), "utf8")
          .match(/^PROPERTY (.*)$/m)?.[1]
          ?.split(" ") ?? [];
      if (checks === "liveness" && liveTwins.every((twin) => c.violated.some((v) => v.twin === twin))) continue; // no liveness twin left
      process.stderr.write(`bench: ${c.spec} ${c.variant} ${c.settings.join(" ")}, ${checks}…\n`);
      const ours = await explorer(c, checks, explorerWorkers);
      const theirs = await tlc(c, checks, options.workers);
      failed ||= !comparable(ours, theirs);
      console.log(row(c, checks, ours, theirs));
    }
  return failed ? 1 : 0;
}
