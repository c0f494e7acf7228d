/**
 * Long explorations run off the test's event loop: a synchronous search of seconds in the test worker would
 * starve vitest's messages to it (a loaded machine then fails the run with "Timeout calling onTaskUpdate").
 * Each test file that uses this gets a worker thread, started on first use, which runs the calls in turn (and a second
 * one for calls made while the first is busy).
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CheckOptions } from "../../checker/run.ts";
import type { ExploreResult } from "../../checker/explore/result.ts";
import type { Call, Reply } from "./off-thread-worker.ts";

/** tsx's ESM API by absolute URL (vitest gives modules no import.meta.resolve): the thread registers it to load TypeScript. */
function tsxApi(): string {
  const require = createRequire(import.meta.url);
  const manifest = require("tsx/package.json") as { exports: Record<string, { import: { default: string } }> };
  return new URL(manifest.exports["./esm/api"]!.import.default, pathToFileURL(require.resolve("tsx/package.json"))).href;
}

const workerModule = new URL("./off-thread-worker.ts", import.meta.url).href;

/** At most this many threads per test file: calls made at once (it.concurrent) share them. */
const maxThreads = 2;

type Pending = Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>;
const threads: { worker: Worker; pending: Pending }[] = [];
let nextId = 0;

function startThread(): { worker: Worker; pending: Pending } {
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(workerModule)}); });`;
  const thread = { worker: new Worker(code, { eval: true }), pending: new Map() as Pending };
  /** Every pending call of the thread fails with `error`; a later call starts another thread. */
  const failAll = (error: Error) => {
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    for (const { reject } of thread.pending.values()) reject(error);
    thread.pending.clear();
  };
  thread.worker.on("message", (reply: Reply) => {
    const call = thread.pending.get(reply.id);
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) thread.worker.unref(); // an idle thread does not keep the test file's process alive
    if (!call) return;
    if (reply.ok) call.resolve(reply.value);
    else call.reject(Object.assign(new Error(reply.message), { name: reply.name }));
  });
  thread.worker.on("error", (error) => failAll(new Error(`the test's worker thread failed: ${error.message}`)));
  thread.worker.on("exit", (code) => failAll(new Error(`the test's worker thread exited (code ${code})`)));
  threads.push(thread);
  return thread;
}

/** An idle thread, else a new one while there are fewer than maxThreads, else the least busy. */
function pickThread() {
  const idle = threads.find((t) => t.pending.size === 0);
  if (idle) return idle;
  if (threads.length < maxThreads) return startThread();
  return threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/**
 * Calls the function `name` exported by the module at `module` in one of this file's worker threads, with `args`
 * (structured-cloned both ways). Resolves to its result; rejects with an Error of its error's name and message.
 */
export function callOffThread<T>(module: URL, name: string, args: readonly unknown[] = []): Promise<T> {
  const id = nextId++;
  const thread = pickThread();
  thread.worker.ref();
  return new Promise<T>((resolve, reject) => {
    thread.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
    thread.worker.postMessage({ id, module: module.href, name, args } satisfies Call);
  });
}

/** runSpec's options that can cross to a thread (no callbacks, no signal). */
export type ThreadCheckOptions = Omit<CheckOptions, "signal" | "shouldStop" | "onProgress">;

/**
 * Explores one configuration of the spec whose model file is `specModule` (as runSpec does) in the worker thread.
 * Resolves to the explorer's raw result: states in traces are copies, plain data as the handlers returned them.
 */
export function exploreOffThread<S = unknown, A = unknown>(specModule: URL, options: ThreadCheckOptions = {}): Promise<ExploreResult<S, A>> {
  return callOffThread(new URL("./explore-spec.ts", import.meta.url), "exploreSpec", [specModule.href, options]);
}
