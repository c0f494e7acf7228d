/**
 * The search threads of this process, started once and reused by every parallel search (each thread imports a
 * spec's model file once), so that a run of many searches pays for starting threads and loading the checker once.
 * Idle threads do not keep the process alive.
 */
import type { Worker } from "node:worker_threads";
import { UsageError } from "../../errors.ts";
import { siblingModule, startThread } from "../../threads.ts";
import type { FromThread, ThreadData } from "./messages.ts";

const threadModule = siblingModule(import.meta.url, "./thread");
const pool: Worker[] = [];

/** Starts helper threads until there are `count`, so that they load the checker while the caller loads a spec. */
export function startHelpers(count: number): void {
  while (pool.length < count) {
    const worker = startThread(threadModule, undefined);
    worker.unref();
    worker.on("exit", () => pool.splice(pool.indexOf(worker), 1));
    pool.push(worker);
  }
}

/** `count` helper threads, started if need be, asked to join the search that `dataFor(i)` (i from 1: the caller is thread 0) describes. */
export function joinSearch(count: number, dataFor: (thread: number) => ThreadData): Worker[] {
  startHelpers(count);
  const threads = pool.slice(0, count);
  threads.forEach((worker, i) => worker.postMessage({ type: "join", data: dataFor(i + 1) }));
  return threads;
}

/** A search thread stopped because another one failed: that one's error is the one to report. */
export class ThreadAborted extends Error {}

/** What a helper that was handed states reports once the search ends. */
export type Report = Extract<FromThread, { type: "done" }>;

/** The report of a helper that was handed states: its exceptions and edges; its error, rethrown here. Keeps the process alive meanwhile. */
export function reportOf(worker: Worker): Promise<Report> {
  worker.ref();
  return new Promise<Report>((resolve, reject) => {
    const onMessage = (message: FromThread) => {
      done();
      if (message.type === "done") resolve(message);
      else if (message.type === "error")
        reject(message.usage ? new UsageError(message.message) : new Error(`in a search thread: ${message.message}`));
      else reject(new ThreadAborted());
    };
    const onError = (error: Error) => {
      done();
      reject(new Error(`a search thread failed: ${error.name}: ${error.message.split("\n")[0]}`));
    };
    const onExit = (code: number) => {
      done();
      reject(new Error(`a search thread ended (exit code ${code}) without a result`));
    };
    const done = () => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      worker.unref();
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

/** Every thread's report; when some failed, the error of one that failed first rather than of one that stopped because of it. */
export async function allReports<T>(reports: readonly Promise<T>[]): Promise<T[]> {
  const settled = await Promise.allSettled(reports);
  const failures = settled.flatMap((s) => (s.status === "rejected" ? [s.reason as Error] : []));
  const cause = failures.find((e) => !(e instanceof ThreadAborted)) ?? failures[0];
  if (cause) throw cause;
  return settled.map((s) => (s as PromiseFulfilledResult<T>).value);
}
