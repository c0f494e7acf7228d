/** Runs one benchmark case in this process and prints its figures as JSON (peak RSS of this process). */
import { runSpec } from "../checker/commands/check.ts";
import { loadSpec } from "../checker/discover.ts";
import { cases } from "./cases.ts";

const c = cases[Number(process.argv[2])]!;
const { result } = runSpec(await loadSpec(c.spec), c.variant, c.settings, {});
console.log(JSON.stringify({ ...c, distinct: result.distinctStates, generated: result.generatedStates, depth: result.depth, seconds: result.seconds, peakRssKiB: process.resourceUsage().maxRSS }));
