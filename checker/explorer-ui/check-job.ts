import type { Worker } from "node:worker_threads";
import { startSearchThread } from "../commands/search-thread.ts";
import type { FromSearchThread, SearchJob, ToSearchThread } from "../commands/search-job.ts";
import type { Progress } from "../explore/result.ts";
import type { ResultDocument } from "../report.ts";

/** Where a check the page asked for stands: not started, running (with its progress), done (its document), or failed. */
export type CheckStatus =
  | { readonly state: "idle" }
  | { readonly state: "running"; readonly progress?: Progress }
  | { readonly state: "done"; readonly document: ResultDocument; readonly stopped: boolean }
  | { readonly state: "error"; readonly message: string };

/**
 * The check of the explored configuration, run in `interleave check`'s search thread (commands/search-worker.ts), so
 * that the server's event loop keeps answering while it searches. One at a time; `stop` ends it as at a bound.
 */
export class CheckJob {
  private current: CheckStatus = { state: "idle" };
  private worker: Worker | undefined;
  private flag: Int32Array | undefined;

  constructor(private readonly job: SearchJob) {}

  get status(): CheckStatus {
    return this.current;
  }

  /** Starts the check unless one is running (false then); `continue` explores on after a violation, as check --continue. */
  start(options: { readonly continue?: boolean } = {}): boolean {
    if (this.current.state === "running") return false;
    const job: SearchJob = { ...this.job, search: { ...this.job.search, continue: options.continue === true } };
    const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const worker = startSearchThread();
    this.worker = worker;
    this.flag = flag;
    this.current = { state: "running" };
    let outcome: FromSearchThread | undefined;
    worker.on("message", (message: FromSearchThread) => {
      if (message.type === "progress") this.current = { state: "running", progress: message.progress };
      else outcome = message;
    });
    worker.on("error", (error) => (outcome ??= { type: "error", usage: false, message: `${error.name}: ${error.message.split("\n")[0]}` }));
    worker.on("exit", (code) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      if (outcome?.type === "done" && outcome.runs[0])
        this.current = { state: "done", document: outcome.runs[0].document, stopped: Atomics.load(flag, 0) !== 0 };
      else if (outcome?.type === "error") this.current = { state: "error", message: outcome.message };
      else this.current = { state: "error", message: `the search thread ended (exit code ${code}) without a result` };
    });
    worker.postMessage({ job, stop: flag.buffer as SharedArrayBuffer } satisfies ToSearchThread);
    return true;
  }

  /** Asks a running check to stop (it reports what it found so far). */
  stop(): void {
    if (this.flag) Atomics.store(this.flag, 0, 1);
  }

  /** Ends the search thread at once, if there is one (the server is closing). */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
