/**
 * Explores one recorded baseline configuration and prints the explorer's figures as JSON. Run as a child
 * process by baselines.test.ts, so a long exploration does not block the test worker.
 */
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import { readBaseline } from "../../checker/tlc/baseline.ts";
import { exploreBaselineEntry } from "../../checker/tlc/baseline-check.ts";

const [name, index] = process.argv.slice(2);
const spec = await loadSpec(name!, examplesDir);
console.log(JSON.stringify(exploreBaselineEntry(spec, readBaseline(spec).entries[Number(index)]!)));
