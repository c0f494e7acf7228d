/**
 * Starting worker threads that can load TypeScript: users' specs (and, in the sources, this checker) are
 * TypeScript, so a thread registers tsx before it imports its module.
 */
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

/** tsx's ESM API by absolute URL; a host without import.meta.resolve (vitest) reads it from tsx's package exports. */
function tsxApi(): string {
  if (typeof import.meta.resolve === "function") return import.meta.resolve("tsx/esm/api");
  const require = createRequire(import.meta.url);
  const manifest = require("tsx/package.json") as { exports: Record<string, { import: { default: string } }> };
  return new URL(manifest.exports["./esm/api"]!.import.default, pathToFileURL(require.resolve("tsx/package.json"))).href;
}

/**
 * The URL of a module beside `base` (an `import.meta.url`): `name.ts` in the sources, `name.js` once compiled.
 */
export const siblingModule = (base: string, path: string): string => new URL(`${path}.${base.endsWith(".ts") ? "ts" : "js"}`, base).href;

/** A worker thread that registers tsx, then imports `moduleUrl`; `workerData` is handed to it as is. */
export function startThread(moduleUrl: string, workerData: unknown): Worker {
  const code = `import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(moduleUrl)}); });`;
  return new Worker(code, { eval: true, workerData });
}
