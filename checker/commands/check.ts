import type { Worker } from "node:worker_threads";
import { UsageError } from "../errors.ts";
import type { ResultDocument } from "../report.ts";
import { formatReport, verdictMark } from "../report-text.ts";
import { asExpected } from "../trace-files/judge.ts";
import type { Args } from "./args.ts";
import { writeRunFiles } from "./run-files.ts";
import { progressLine } from "./progress.ts";
import type { JobRun, SearchJob, SearchSettings, SpecsFolder } from "./search-job.ts";
import { searchOffThread, type SearchOutcome } from "./search-thread.ts";

/** The search options the arguments give: an exhaustive search, or with --simulate random walks. */
const searchOptions = (args: Args): SearchSettings => ({
  workers: args.workers ?? 1, // parallel gives the same result but is not faster yet on 2 cores: opt in (ARCHITECTURE.md)
  ...(args.memory !== undefined && { memory: args.memory }),
  ...(args.symmetry && { symmetry: true }),
  ...(args.simulate
    ? {
        simulate: {
          ...(args.seed !== undefined && { seed: args.seed }),
          ...(args.depth !== undefined && { depth: args.depth }),
          ...(args.traces !== undefined && { traces: args.traces }),
        },
        continue: args.continue,
      }
    : {
        ...(args.maxStates !== undefined && { maxStates: args.maxStates }),
        strategy: args.strategy,
        continue: args.continue,
        fairness: args.fairness,
      }),
});

/** Where the specs are, as the search thread finds them. */
const folderOf = (args: Args): SpecsFolder => ({ specs: args.specs, examples: args.examples });

/** A search thread started early, not yet handed a job (see cli.ts MainOptions), when there is one. */
type TakeSearchThread = (() => Worker | undefined) | undefined;

/**
 * Runs the job's searches in a worker thread (so that Ctrl-C stops them as at a bound), the one started early if
 * there is one, with a progress line on a terminal.
 */
async function runWithProgress(job: SearchJob, takeThread: TakeSearchThread): Promise<SearchOutcome> {
  const progress = progressLine();
  try {
    return await searchOffThread(job, progress.report, takeThread?.());
  } finally {
    progress.clear();
  }
}

/** `interleave check <spec|model file> …` and `interleave check --all`. */
export async function checkCommand(args: Args, takeThread?: TakeSearchThread): Promise<number> {
  if (args.all) return checkAll(args, takeThread);
  const [name, ...extra] = args.positionals;
  if (name === undefined) throw new UsageError("check needs a spec name, a model file, or --all (interleave list shows the specs)");
  if (extra.length > 0) throw new UsageError(`check takes one spec, got also: ${extra.join(" ")}`);
  const job: SearchJob = { kind: "one", where: folderOf(args), name, variant: args.variant, set: args.set, search: searchOptions(args) };
  const run = (await runWithProgress(job, takeThread)).runs[0]!;
  process.stdout.write(args.json ? `${JSON.stringify(run.document, null, 2)}\n` : formatReport(run.document));
  writeRunFiles(args, [run]);
  return run.exitCode;
}

const n = (x: number) => x.toLocaleString("en");

/** Every spec and variant at its defaults; exit 0 only when main variants hold and flawed ones fail as declared. */
async function checkAll(args: Args, takeThread: TakeSearchThread): Promise<number> {
  const { runs, interrupted } = await runWithProgress({ kind: "all", where: folderOf(args), search: searchOptions(args) }, takeThread);
  // The search stops at the first violation, so a flawed variant is as expected when it fails and every
  // violation found is declared; which properties fail in full is checked against TLC's baselines.
  const rows = runs.map((run: JobRun) => ({ document: run.document, expected: asExpected(run) }));
  if (args.json)
    process.stdout.write(
      `${JSON.stringify(
        rows.map((r) => ({ ...r.document, asExpected: r.expected })),
        null,
        2,
      )}\n`,
    );
  else process.stdout.write(table(rows));
  writeRunFiles(args, runs);
  if (interrupted) return 3;
  return rows.every((r) => r.expected) ? 0 : 1;
}

function table(rows: readonly { document: ResultDocument; expected: boolean }[]): string {
  const header = ["spec", "variant", "distinct", "generated", "depth", "seconds", "verdicts", "as expected"];
  const body = rows.map(({ document, expected }) => [
    document.spec,
    document.variant,
    n(document.distinctStates),
    n(document.generatedStates),
    String(document.depth),
    document.seconds.toFixed(2),
    document.properties.map((p) => `${p.name} ${verdictMark(p.holds)}`).join("  "),
    expected ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i >= 2 && i <= 5 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${[line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n")}\n`;
}
