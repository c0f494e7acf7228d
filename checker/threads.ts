/**
 * Starting worker threads that can load TypeScript: users' specs (and, in the sources, this checker) are
 * TypeScript. Every thread starts at bin/thread.js, which registers tsx when its module is TypeScript.
 */
import { Worker } from "node:worker_threads";

const fromSources = import.meta.url.endsWith(".ts");

/** The entry of every thread: bin/thread.js, beside checker/ in the sources, beside dist/ once compiled. */
const threadEntry = new URL(fromSources ? "../bin/thread.js" : "../../bin/thread.js", import.meta.url);

/**
 * The URL of a module beside `base` (an `import.meta.url`): `name.ts` in the sources, `name.js` once compiled.
 */
export const siblingModule = (base: string, path: string): string => new URL(`${path}.${base.endsWith(".ts") ? "ts" : "js"}`, base).href;

/** A worker thread that imports `moduleUrl` (after registering tsx when it is TypeScript); `workerData` is handed to it as is. */
export function startThread(moduleUrl: string, workerData?: unknown): Worker {
  return new Worker(threadEntry, { argv: [moduleUrl], workerData });
}
