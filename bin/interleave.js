#!/usr/bin/env node
// The `interleave` command. Installed, it runs the compiled checker (dist/); in a source checkout, the
// TypeScript sources. Either way tsx is registered so that users' TypeScript spec files load as they are.
import { existsSync } from "node:fs";
import { register } from "tsx/esm/api";

register();
const source = new URL("../checker/cli.ts", import.meta.url);
const { main } = await import(existsSync(source) ? source.href : new URL("../dist/checker/cli.js", import.meta.url).href);
process.exitCode = await main(process.argv.slice(2));
