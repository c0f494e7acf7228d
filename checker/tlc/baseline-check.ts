import { exploreProjected, reachableDigest } from "../crosscheck.ts";
import { UsageError } from "../errors.ts";
import { buildInstance, resolveConfig, type Spec } from "../spec.ts";
import type { BaselineEntry } from "./baseline.ts";

/** The explorer's figures for one configuration, in the terms a baseline records. */
export interface ExplorerFigures {
  readonly distinctStates: number;
  readonly generatedStates: number;
  readonly depth: number;
  /** The verdict of each property the baseline records (undefined: the explorer has no such property). */
  readonly verdicts: Readonly<Record<string, boolean | null | undefined>>;
  /** How many distinct projections the reachable states have (equal to distinctStates when toTla is injective). */
  readonly projections: number;
  readonly reachableDigest: string;
  readonly seconds: number;
}

/** Explores a recorded configuration completely (no stop at a violation) and reports what the baseline records. */
export function exploreBaselineEntry(spec: Spec, entry: BaselineEntry): ExplorerFigures {
  const config = resolveConfig(spec, entry.variant, entry.config);
  const instance = buildInstance(spec, config, entry.variant);
  if (!instance.tla) throw new UsageError(`${spec.name} ${entry.variant}: the recorded configuration has no TLA+ pairing`);
  const { result, projected } = exploreProjected(instance.model, instance.tla, instance.properties);
  return {
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    verdicts: Object.fromEntries(Object.keys(entry.verdicts).map((name) => [name, result.properties.find((p) => p.name === name)?.holds])),
    projections: projected.size,
    reachableDigest: reachableDigest(projected),
    seconds: result.seconds,
  };
}

/** What differs between the explorer's figures and the baseline's, one phrase each; empty when they agree. */
export function baselineDifferences(entry: BaselineEntry, ours: ExplorerFigures): string[] {
  const differences: string[] = [];
  for (const key of ["distinctStates", "generatedStates", "depth"] as const) {
    if (ours[key] !== entry[key]) differences.push(`${key}: explorer ${ours[key]}, TLC ${entry[key]}`);
  }
  for (const [name, holds] of Object.entries(entry.verdicts)) {
    if (ours.verdicts[name] !== holds) differences.push(`${name}: explorer ${ours.verdicts[name]}, TLC ${holds}`);
  }
  if (ours.projections !== ours.distinctStates)
    differences.push(`toTla is not injective: ${ours.distinctStates} states, ${ours.projections} projections`);
  if (ours.reachableDigest !== entry.reachableDigest) differences.push("reachable sets differ");
  return differences;
}
