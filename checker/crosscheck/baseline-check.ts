import { exploreProjected, HashedStates, projectedText, reachableDigest } from "./compare.ts";
import { UsageError } from "../errors.ts";
import { explore } from "../explore/search.ts";
import { safetyOnly } from "../explore/symmetry.ts";
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
  /** Absent under symmetry (see the baseline entry's `symmetry`). */
  readonly reachableDigest?: string;
  readonly seconds: number;
}

/**
 * Explores a recorded configuration completely (no stop at a violation) and reports what the baseline records; an
 * entry recorded under symmetry is explored under symmetry, its safety properties only.
 */
export function exploreBaselineEntry(spec: Spec, entry: BaselineEntry): ExplorerFigures {
  const config = resolveConfig(spec, entry.variant, entry.config);
  const instance = buildInstance(spec, config, entry.variant);
  const pairing = instance.tla;
  if (!pairing) throw new UsageError(`${spec.name} ${entry.variant}: the recorded configuration has no TLA+ pairing`);
  let figures: { result: ReturnType<typeof explore>; projected: ReadonlySet<string> };
  if (entry.symmetry) {
    const states = new HashedStates();
    const properties = safetyOnly(instance.properties);
    const onNewState = (s: unknown) => states.add(projectedText(pairing, s));
    figures = { result: explore(instance.model, { properties, symmetry: true, continueAfterViolation: true, onNewState }), projected: states.hashes };
  } else figures = exploreProjected(instance.model, pairing, instance.properties);
  const { result, projected } = figures;
  return {
    distinctStates: result.distinctStates,
    generatedStates: result.generatedStates,
    depth: result.depth,
    verdicts: Object.fromEntries(Object.keys(entry.verdicts).map((name) => [name, result.properties.find((p) => p.name === name)?.holds])),
    projections: projected.size,
    ...(!entry.symmetry && { reachableDigest: reachableDigest(projected) }),
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
  if (!entry.symmetry && entry.reachableDigest === undefined) differences.push("no reachable-set digest recorded");
  else if (ours.reachableDigest !== entry.reachableDigest) differences.push("reachable sets differ");
  return differences;
}
