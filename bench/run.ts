/**
 * `npm run bench`: explorer throughput and peak memory per case (bench/cases.ts), each case in a fresh process so
 * its peak RSS is its own. `npm run bench -- --tlc [--workers N] [--only TEXT]`: the explorer and TLC side by side
 * on the paired configurations (bench/side-by-side.ts; needs TLC: TLA2TOOLS_JAR or `interleave tlc:install`); with
 * --only, on every paired configuration whose "spec variant module" contains TEXT.
 * Not a test: it prints figures for the README.
 */
import { execFileSync } from "node:child_process";
import { tlcAvailability } from "../checker/tlc/locate.ts";
import { cases } from "./cases.ts";
import { sideBySide } from "./side-by-side.ts";

/** The options: --tlc, --workers N (a positive integer, default 1), --only TEXT; anything else is one line, exit 2. */
function parse(argv: readonly string[]): { tlc: boolean; workers: number; only?: string } {
  const options: { tlc: boolean; workers: number; only?: string } = { tlc: false, workers: 1 };
  const usage = "usage: npm run bench [-- --tlc [--workers N] [--only TEXT]]";
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--tlc") options.tlc = true;
    else if (arg === "--workers" && /^[1-9]\d{0,2}$/.test(argv[i + 1] ?? "")) options.workers = Number(argv[++i]);
    else if (arg === "--only" && argv[i + 1] !== undefined) options.only = argv[++i];
    else fail(`bench: ${JSON.stringify(arg)} is not understood (--workers takes a positive integer, --only a text); ${usage}`);
  }
  if (!options.tlc && (options.only !== undefined || argv.includes("--workers"))) fail(`bench: --workers and --only go with --tlc; ${usage}`);
  return options;
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** The explorer-only table: each case of bench/cases.ts in its own process (bench/case.ts). */
function explorerOnly(): void {
  const rows = cases.map((_, i) => JSON.parse(execFileSync("node", ["--import", "tsx", "bench/case.ts", String(i)], { encoding: "utf8" })));
  console.log("| case | checks | distinct | generated | depth | seconds | distinct/s | generated/s | peak RSS |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of rows) {
    const rate = (x: number) => Math.round(x / r.seconds).toLocaleString("en");
    const checks = r.checks === "safety" ? "safety only" : `safety + ${r.liveness.join(", ") || "no liveness"}`;
    const n = (x: number) => x.toLocaleString("en");
    const cells = [r.label, checks, n(r.distinct), n(r.generated), r.depth, r.seconds.toFixed(2), rate(r.distinct), rate(r.generated)];
    console.log(`| ${cells.join(" | ")} | ${Math.round(r.peakRssKiB / 1024)} MiB |`);
  }
}

const options = parse(process.argv.slice(2));
if (!options.tlc) explorerOnly();
else {
  const { available, reason } = await tlcAvailability();
  if (!available) fail(`bench --tlc: ${reason}`);
  process.exitCode = await sideBySide(options);
}
