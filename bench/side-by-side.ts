/**
 * `npm run bench -- --tlc [--workers N] [--only TEXT]`: the explorer and TLC on the same paired configurations
 * (bench/pairs.ts), each as a whole process with the same number of workers, first safety only and then with the
 * liveness twins: wall time, peak memory (bench/measure.ts), distinct states per second, and the ratio explorer/TLC.
 * Both explore the whole space (--continue, TLC's -continue), so their counts must agree; a row says when they do not.
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

/** One side's run of one case: its counts as it reported them, or why it has none. */
interface Side {
  readonly run: Measured;
  readonly distinct?: number;
  readonly generated?: number;
  readonly failure?: string;
}

const bin = new URL("../bin/interleave.js", import.meta.url).pathname;
const safetyOnlyModel = new URL("./safety-only.ts", import.meta.url).pathname;

/** Whether `interleave check` takes --workers (parallel search threads). */
async function checkTakesWorkers(): Promise<boolean> {
  const help = await execa("node", [bin, "check", "--help"], { reject: false });
  return /--workers N/.test(help.stdout);
}

/** The explorer as a user runs it: `interleave check … --json --continue`, safety only through bench/safety-only.ts. */
async function explorer(c: PairedCase, checks: Checks, workers: number | undefined): Promise<Side> {
  const target = checks === "safety" ? safetyOnlyModel : c.spec;
  const args = [bin, "check", target, "--variant", c.variant, ...c.settings.flatMap((s) => ["--set", s]), "--json", "--continue"];
  const run = await measure("node", [...args, ...(workers === undefined ? [] : ["--workers", String(workers)])], {
    env: { INTERLEAVE_BENCH_SPEC: c.spec },
  });
  if (run.exitCode !== 0 && run.exitCode !== 1) return { run, failure: `explorer exit ${run.exitCode}: ${run.stderr.trim().split("\n")[0]}` };
  const document = JSON.parse(run.stdout) as { distinctStates: number; generatedStates: number };
  return { run, distinct: document.distinctStates, generated: document.generatedStates };
}

/** The committed model's .cfg for `checks`: as committed (with the liveness twins), or without PROPERTY lines on Init/Next. */
function tlcConfig(c: PairedCase, checks: Checks, dir: string): string {
  const committed = join(c.dir, `${c.module}.cfg`);
  if (checks === "liveness") return committed;
  const safety = readFileSync(committed, "utf8")
    .split("\n")
    .filter((line) => !line.startsWith("PROPERTY"))
    .map((line) => (line === "SPECIFICATION FairSpec" ? "INIT Init\nNEXT Next" : line))
    .join("\n");
  const path = join(dir, `${c.module}-safety.cfg`);
  writeFileSync(path, safety);
  return path;
}

/** TLC on the committed model module, as `interleave tlc` runs it (tool mode, parallel GC, the JVM's default heap). */
async function tlc(c: PairedCase, checks: Checks, workers: number): Promise<Side> {
  const dir = mkdtempSync(join(tmpdir(), "interleave-bench-tlc-"));
  try {
    const config = tlcConfig(c, checks, dir);
    const args = ["-XX:+UseParallelGC", "-cp", tlaToolsClasspath(), "tlc2.TLC", "-tool", "-workers", String(workers)];
    const run = await measure(javaCommand(), [...args, "-metadir", join(dir, "meta"), "-continue", "-config", config, `${c.module}.tla`], {
      cwd: c.dir,
    });
    if (!run.stdout.includes("@!@!@STARTMSG")) return { run, failure: `TLC did not run: ${(run.stdout + run.stderr).trim().split("\n")[0]}` };
    try {
      const report = parseTlcOutput(run.stdout);
      return { run, distinct: report.distinctStates, generated: report.generatedStates };
    } catch (error) {
      return { run, failure: (error as Error).message }; // TLC's own error (a parse failure, a missing module), in one line
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const n = (x: number) => x.toLocaleString("en");
const mib = (kib: number | undefined) => (kib === undefined ? "?" : `${n(Math.round(kib / 1024))} MiB`);
const perSecond = (side: Side) => (side.distinct === undefined ? "?" : n(Math.round(side.distinct / side.run.seconds)));

/** One Markdown row: the case, the counts (or the disagreement), both times, the ratio, both peaks and both rates. */
function row(c: PairedCase, checks: Checks, ours: Side, theirs: Side): string {
  const failure = ours.failure ?? theirs.failure;
  const agree = ours.distinct === theirs.distinct && ours.generated === theirs.generated;
  const counts = failure
    ? [failure, ""]
    : agree
      ? [n(ours.distinct!), n(ours.generated!)]
      : [`explorer ${n(ours.distinct!)} ≠ TLC ${n(theirs.distinct!)}`, `explorer ${n(ours.generated!)} ≠ TLC ${n(theirs.generated!)}`];
  const cells = [
    `${c.spec} ${c.variant} (${c.module})`,
    checks === "safety" ? "safety" : "safety + liveness",
    ...counts,
    ours.run.seconds.toFixed(1),
    theirs.run.seconds.toFixed(1),
    (ours.run.seconds / theirs.run.seconds).toFixed(2),
    mib(ours.run.peakKiB),
    mib(theirs.run.peakKiB),
    perSecond(ours),
    perSecond(theirs),
  ];
  return `| ${cells.join(" | ")} |`;
}

/** Runs every chosen case (or those whose spec, variant or module contains `only`) and prints the table. */
export async function sideBySide(options: { workers: number; only?: string }): Promise<number> {
  const cases = chosenCases(await pairedCases()).filter((c) => !options.only || `${c.spec} ${c.variant} ${c.module}`.includes(options.only));
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
      if (checks === "liveness" && !/^PROPERTY/m.test(readFileSync(join(c.dir, `${c.module}.cfg`), "utf8"))) continue;
      process.stderr.write(`bench: ${c.spec} ${c.variant} ${c.settings.join(" ")}, ${checks}…\n`);
      const ours = await explorer(c, checks, explorerWorkers);
      const theirs = await tlc(c, checks, options.workers);
      failed ||=
        ours.failure !== undefined || theirs.failure !== undefined || ours.distinct !== theirs.distinct || ours.generated !== theirs.generated;
      console.log(row(c, checks, ours, theirs));
    }
  return failed ? 1 : 0;
}
