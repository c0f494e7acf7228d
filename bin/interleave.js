#!/usr/bin/env node
// The `interleave` command: runs checker/cli.ts through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../checker/cli.ts");
process.exitCode = await main(process.argv.slice(2));
