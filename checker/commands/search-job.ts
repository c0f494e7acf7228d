import { loadSpec, loadSpecs } from "../discover.ts";
import { UsageError } from "../errors.ts";
import type { Progress } from "../explore/result.ts";
import type { FairnessLevels } from "../model.ts";
import type { ResultDocument } from "../report.ts";
import { exitCodeOf, runSpecInParallel, type SimulationSettings } from "../run.ts";
import { startHelpers } from "../explore/parallel/pool.ts";
import { specsRootOf } from "./args.ts";

/** How to search, as plain data (it crosses to the search thread): an exhaustive search, or a simulation. */
export interface SearchSettings {
  readonly maxStates?: number;
  readonly strategy?: "bfs" | "dfs";
  readonly continue?: boolean;
  readonly fairness?: FairnessLevels;
  /** The memory bound in bytes (default: 80% of the search thread's heap limit). */
  readonly memory?: number;
  readonly simulate?: SimulationSettings;
  /** Symmetry reduction (run.ts CheckOptions.symmetry). */
  readonly symmetry?: boolean;
  /** Search threads for an exhaustive BFS (run.ts CheckOptions.workers). */
  readonly workers?: number;
}

/** Where the specs are: `--specs DIR` or `--examples` (see specsRootOf). */
export interface SpecsFolder {
  readonly specs: string | undefined;
  readonly examples: boolean;
}

/** What `interleave check` asks the search thread: one configuration, or every spec and variant (--all). */
export type SearchJob = { readonly where: SpecsFolder; readonly search: SearchSettings } & (
  { readonly kind: "one"; readonly name: string; readonly variant: string; readonly set: readonly string[] } | { readonly kind: "all" }
);

/** One run's result document and exit code, with the properties its variant declares it fails. */
export interface JobRun {
  readonly document: ResultDocument;
  readonly exitCode: number;
  readonly fails: readonly string[];
}

/** What the search thread is sent, once: its job, and the flag (an Int32Array's buffer) that Ctrl-C sets to stop it. */
export interface ToSearchThread {
  readonly job: SearchJob;
  readonly stop: SharedArrayBuffer;
}

/** What the search thread posts: progress now and then, then the runs or an error. */
export type FromSearchThread =
  | { readonly type: "progress"; readonly progress: Progress }
  | { readonly type: "done"; readonly runs: readonly JobRun[] }
  | { readonly type: "error"; readonly usage: boolean; readonly message: string };

/** Runs a job (in the search thread); `shouldStop` ends a search as at a bound, and --all before its next run. */
export async function runJob(job: SearchJob, shouldStop: () => boolean, onProgress: (progress: Progress) => void): Promise<JobRun[]> {
  const options = { ...job.search, shouldStop, onProgress };
  if ((job.search.workers ?? 1) > 1 && (job.search.simulate !== undefined || job.search.strategy !== "dfs")) startHelpers(job.search.workers! - 1);
  const root = specsRootOf(job.where);
  const jobRun = (document: ResultDocument, fails: readonly string[] = []): JobRun => ({ document, exitCode: exitCodeOf(document), fails });
  if (job.kind === "one") {
    const spec = await loadSpec(job.name, root);
    return [jobRun((await runSpecInParallel(spec, { ...options, variant: job.variant, set: job.set })).document, spec.variants[job.variant]?.fails)];
  }
  const runs: JobRun[] = [];
  const specs = await loadSpecs(root);
  if (specs.length === 0) throw new UsageError(`no specs in ${root} (interleave new <name> writes one)`);
  for (const spec of specs) {
    for (const [variant, declared] of Object.entries(spec.variants)) {
      if (shouldStop()) return runs;
      runs.push(jobRun((await runSpecInParallel(spec, { ...options, variant })).document, declared.fails));
    }
  }
  return runs;
}
