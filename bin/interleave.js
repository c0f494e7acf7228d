#!/usr/bin/env node
// The `interleave` command. Installed, it runs the compiled checker (dist/), which registers tsx when it loads a
// TypeScript spec; in a source checkout, the TypeScript sources, with tsx registered here.
import { existsSync } from "node:fs";
import { Worker } from "node:worker_threads";

const argv = process.argv.slice(2);
const fromSources = existsSync(new URL("../checker/cli.ts", import.meta.url));
const checkerModule = (path) => new URL(fromSources ? `../checker/${path}.ts` : `../dist/checker/${path}.js`, import.meta.url).href;

// `check` searches in a worker thread (checker/commands/search-thread.ts). Started first, it loads the checker and
// the spec's dependencies while this thread loads the command line's code; unreferenced until it is handed its job,
// so that a usage error ends the process at once. One that ends before check takes it is not handed over.
const help = argv.includes("--help") || argv.includes("-h");
let searchThread =
  argv[0] === "check" && !help ? new Worker(new URL("./thread.js", import.meta.url), { argv: [checkerModule("commands/search-worker")] }) : undefined;
searchThread?.unref();
searchThread?.on("error", () => {}); // a thread started afresh reports it
searchThread?.once("exit", () => (searchThread = undefined));
const takeSearchThread = () => {
  const taken = searchThread;
  searchThread = undefined;
  return taken;
};

if (fromSources) {
  // The commands that load specs in this thread (and read TLC's output) use effect: loaded before tsx's hooks exist,
  // its few hundred modules skip them and load three times faster (bin/thread.js does the same in worker threads).
  if (["list", "tlc", "crosscheck", "baselines"].includes(argv[0]) && !help) await import("effect");
  (await import("tsx/esm/api")).register();
}
const { main } = await import(checkerModule("cli"));
process.exitCode = await main(argv, { takeSearchThread });
