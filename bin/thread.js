// The entry of Interleave's worker threads (checker/threads.ts starts them; bin/interleave.js starts check's search
// thread early): imports the module whose URL is the thread's last argument. When that module is TypeScript (the
// checker run from its sources), tsx is registered first, and the parts of effect that checker/spec.ts imports are
// loaded before that: their few hundred modules then skip tsx's hooks, which would make them load three times slower.
// Compiled, the checker registers tsx itself before it imports a TypeScript spec (checker/discover.ts).
const module = process.argv.at(-1);
if (module.endsWith(".ts")) {
  await import("effect/Either");
  await import("effect/Schema");
  (await import("tsx/esm/api")).register();
}
await import(module);
