/** Runs one benchmark case in this process and prints its figures as JSON (peak RSS of this process). */
import { examplesDir, loadSpec } from "../checker/discover.ts";
import { explore } from "../checker/explore/search.ts";
import { isLiveness } from "../checker/props/property.ts";
import { buildInstance, resolveConfig } from "../checker/spec.ts";
import { cases } from "./cases.ts";

const c = cases[Number(process.argv[2])]!;
const spec = await loadSpec(c.spec, examplesDir);
const { model, properties } = buildInstance(spec, resolveConfig(spec, c.variant, c.settings), c.variant);
const checked = c.checks === "safety" ? properties.filter((p) => !isLiveness(p)) : properties;
const result = explore(model, { properties: checked });
const liveness = checked.filter(isLiveness).map((p) => p.name);
const figures = { distinct: result.distinctStates, generated: result.generatedStates, depth: result.depth, seconds: result.seconds };
console.log(JSON.stringify({ ...c, liveness, ...figures, peakRssKiB: process.resourceUsage().maxRSS }));
