/**
 * Explores one recorded baseline configuration and prints what the baseline records, as JSON. Run as a
 * child process by baselines.test.ts, so a long exploration does not block the test worker.
 */
import { exploreProjected, reachableDigest } from "../../checker/crosscheck.ts";
import { loadSpec } from "../../checker/discover.ts";
import { readBaseline } from "../../checker/tlc/baseline.ts";
import { resolveConfig } from "../../checker/spec.ts";

const [name, index] = process.argv.slice(2);
const entry = readBaseline(name!).entries[Number(index)]!;
const spec = await loadSpec(name!);
const config = resolveConfig(spec, entry.variant, Object.entries(entry.config).map(([k, v]) => `${k}=${v}`));
const instance = spec.build(config, entry.variant);
const { result, projected } = exploreProjected(instance.model, instance.tla!, instance.properties);
console.log(
  JSON.stringify({
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    verdicts: Object.fromEntries(Object.keys(entry.verdicts).map((p) => [p, result.properties.find((x) => x.name === p)?.holds])),
    projections: projected.size,
    reachableDigest: reachableDigest(projected),
  }),
);
