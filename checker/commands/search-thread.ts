import type { Worker } from "node:worker_threads";
import type { Progress } from "../explore/result.ts";
import { UsageError } from "../errors.ts";
import { siblingModule, startThread } from "../threads.ts";
import { InternalError } from "./internal-error.ts";
import { withStopFlag } from "./interrupt.ts";
import type { FromSearchThread, JobRun, SearchJob, ToSearchThread } from "./search-job.ts";

/** The search thread's module: search-worker.ts in the sources, search-worker.js once compiled to dist/. */
const workerModule = siblingModule(import.meta.url, "./search-worker");

/** The error the search thread reported, as the main thread throws it. */
const errorOf = (reported: { usage: boolean; message: string }): Error =>
  reported.usage ? new UsageError(reported.message) : new InternalError(`in the search thread: ${reported.message}`);

/** The runs of a job, and whether Ctrl-C stopped it. */
export interface SearchOutcome {
  readonly runs: readonly JobRun[];
  readonly interrupted: boolean;
}

/** Starts a search thread; it loads the checker, then waits for the job that searchOffThread sends it. */
export const startSearchThread = (): Worker => startThread(workerModule);

/**
 * Runs a check job in a worker thread, so that Ctrl-C can stop its search (as at a bound) while it runs: in
 * `started`, a thread from startSearchThread (or bin/interleave.js) not yet sent a job, else in one started now.
 * Resolves to its runs and whether Ctrl-C stopped it; its UsageError is thrown as one, anything else as an InternalError.
 */
export function searchOffThread(job: SearchJob, onProgress: (progress: Progress) => void, started?: Worker): Promise<SearchOutcome> {
  return withStopFlag(
    (flag) =>
      new Promise((resolve, reject) => {
        const worker = started ?? startSearchThread();
        worker.ref(); // one started early may have been unreferenced until it had a job
        let outcome: FromSearchThread | undefined;
        worker.on("message", (message: FromSearchThread) => {
          if (message.type === "progress") onProgress(message.progress);
          else outcome = message;
        });
        worker.on("error", (error) => (outcome ??= { type: "error", usage: false, message: `${error.name}: ${error.message.split("\n")[0]}` }));
        worker.on("exit", (code) => {
          if (outcome?.type === "done") resolve({ runs: outcome.runs, interrupted: Atomics.load(flag, 0) !== 0 });
          else if (outcome?.type === "error") reject(errorOf(outcome));
          else reject(new InternalError(`the search thread ended (exit code ${code}) without a result`));
        });
        worker.postMessage({ job, stop: flag.buffer } satisfies ToSearchThread);
      }),
  );
}
