/**
 * The search threads of this process, started once and reused by every parallel search (each thread imports a
 * spec's model file once), so that a run of many searches pays for starting threads and loading the checker once.
 * Idle threads do not keep the process alive.
 */
import type { Worker } from "node:worker_threads";
import { UsageError } from "../../errors.ts";
import { siblingModule, startThread } from "../../threads.ts";
import type { FromThread, ThreadData, ToThread } from "./messages.ts";

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

/** `count` helper threads, started if need be, each posted `messageFor(i)` (i from 1: the caller is thread 0). */
export function postToHelpers(count: number, messageFor: (thread: number) => ToThread): Worker[] {
  startHelpers(count);
  const threads = pool.slice(0, count);
  threads.forEach((worker, i) => worker.postMessage(messageFor(i + 1)));
  return threads;
}

/** `count` helper threads, started if need be, asked to join the search that `dataFor(i)` (i from 1: the caller is thread 0) describes. */
export const joinSearch = (count: number, dataFor: (thread: number) => ThreadData): Worker[] =>
  postToHelpers(count, (thread) => ({ type: "join", data: dataFor(thread) }));

/** A search thread stopped because another one failed: that one's error is the one to report. */
export class ThreadAborted extends Error {}

/** What a helper that was handed states reports once the search ends. */
export type Report = Extract<FromThread, { type: "done" }>;

/** The report of a helper that was handed states: its exceptions and edges; its error, rethrown here. Keeps the process alive meanwhile. */
export const reportOf = (worker: Worker): Promise<Report> => replyOf(worker, "done");

/** A helper's next reply, of type `type` (a search's report, a simulation's record); its error, rethrown here. Keeps the process alive meanwhile. */
export function replyOf<T extends "done" | "simulated">(worker: Worker, type: T): Promise<Extract<FromThread, { type: T }>> {
  worker.ref();
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromThread) => {
      done();
      if (message.type === type) resolve(message as Extract<FromThread, { type: T }>);
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
