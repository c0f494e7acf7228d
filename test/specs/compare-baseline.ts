/**
 * Explores one recorded baseline configuration and returns the explorer's figures. Called in a worker thread by
 * baselines.test.ts (off-thread.ts), so that a long exploration does not block the test's event loop.
 */
import { examplesDir, loadSpec } from "../../checker/discover.ts";
import { readBaseline } from "../../checker/crosscheck/baseline.ts";
import { exploreBaselineEntry, type ExplorerFigures } from "../../checker/crosscheck/baseline-check.ts";

/** The figures of entry `index` of the bundled spec `name`'s baseline, explored again. */
export async function exploreRecorded(name: string, index: number): Promise<ExplorerFigures> {
  const spec = await loadSpec(name, examplesDir);
  return exploreBaselineEntry(spec, readBaseline(spec).entries[index]!);
}
