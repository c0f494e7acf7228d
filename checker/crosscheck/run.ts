import { loadSpec, type LoadedSpec } from "../discover.ts";
import { UsageError } from "../errors.ts";
import type { FairnessLevels } from "../model.ts";
import { explorerDocument, type ResultDocument } from "../report.ts";
import { buildInstance, configText, resolveConfig, type Config, type Instance, type TlaPairing } from "../spec.ts";
import { tlaToolsClasspath } from "../tlc/locate.ts";
import { jarSha256, type BaselineEntry } from "./baseline.ts";
import { compare, exploreProjected, reachableDigest } from "./compare.ts";
import { crosscheckDocument, pairedTlcDocument } from "./documents.ts";
import { pairingOf, runPairedTlc, twinsOf, type PairedTlcResult, type Twins } from "./paired-tlc.ts";

/** A spec's configuration with its TLA+ pairing: what `tlc <spec>` and `crosscheck` run on. */
export interface PairedInstance {
  readonly spec: LoadedSpec;
  readonly variant: string;
  readonly config: Config;
  readonly instance: Instance<unknown, unknown>;
  readonly pairing: TlaPairing<unknown>;
  readonly moduleFile: string;
  readonly twins: Twins;
}

/**
 * Loads a spec and builds the configuration named, with its TLA+ pairing; a UsageError for a fairness level other
 * than weak (the twins state weak fairness of every kind) or a configuration without a twin.
 */
export async function pairedInstance(where: {
  name: string;
  root: string;
  variant: string;
  set: readonly string[];
  fairness: FairnessLevels;
}): Promise<PairedInstance> {
  const unpaired = Object.entries(where.fairness).filter(([, level]) => level !== "weak");
  if (unpaired.length > 0) {
    const given = `--fairness ${configText(Object.fromEntries(unpaired))}`;
    throw new UsageError(`${given}: the TLA+ twins state weak fairness of every kind (FairSpec); other levels are for interleave check only`);
  }
  const spec = await loadSpec(where.name, where.root);
  const config = resolveConfig(spec, where.variant, where.set);
  const instance = buildInstance(spec, config, where.variant);
  return { spec, variant: where.variant, config, instance, twins: twinsOf(instance.properties), ...pairingOf(spec, instance) };
}

/** How TLC runs: its threads, a timeout, Ctrl-C, and (tlc <spec>) symmetry and whether to dump the reachable set. */
export interface TlcSettings {
  readonly workers: number;
  readonly timeoutSeconds?: number;
  readonly signal?: AbortSignal;
  readonly symmetry?: boolean;
  readonly dump?: boolean;
}

/** `interleave tlc <spec>`: TLC on the paired configuration, as a result document (./documents.ts), with TLC's raw result. */
export async function tlcOnSpec(paired: PairedInstance, settings: TlcSettings): Promise<{ document: ResultDocument; tlc: PairedTlcResult }> {
  if (settings.symmetry && !paired.instance.model.symmetry)
    throw new UsageError(`--symmetry: the model of ${paired.spec.name} declares no interchangeable processes (actorModel's symmetry option)`);
  const tlc = await runPairedTlc(paired.moduleFile, paired.pairing, paired.twins, {
    dump: settings.dump === true && !settings.symmetry, // under symmetry the dump holds TLC's own choice of orbit members
    workers: settings.workers,
    timeoutSeconds: settings.timeoutSeconds,
    signal: settings.signal,
    symmetry: settings.symmetry,
  });
  const run = { ...runInfo(paired), ...(settings.symmetry && { reductions: { symmetry: true } }), workers: settings.workers };
  return { document: pairedTlcDocument(run, modelOf(paired), tlc), tlc };
}

/**
 * `interleave crosscheck <spec>`: the explorer (everything, projected to TLA+) and TLC on one configuration, compared:
 * verdicts, counts, the reachable sets, injectivity of the projection, and TLC's counterexamples replayed.
 */
export async function crosscheck(paired: PairedInstance, settings: TlcSettings): Promise<ResultDocument> {
  const { instance, pairing } = paired;
  const ours = exploreProjected(instance.model, pairing, instance.properties);
  const tlc = await runPairedTlc(paired.moduleFile, pairing, paired.twins, { ...settings, dump: true, symmetry: false });
  const comparisons = compare(instance.model, pairing, ours, tlc);
  const explorer = explorerDocument(runInfo(paired), ours.result, instance.model, { properties: instance.properties, fairness: {} });
  const theirs = pairedTlcDocument({ ...runInfo(paired), workers: settings.workers }, modelOf(paired), tlc);
  return crosscheckDocument(explorer, theirs, comparisons);
}

/** The baseline entry that records a `tlc <spec>` run (`--record`). */
export function baselineEntry(paired: PairedInstance, tlc: PairedTlcResult, symmetry: boolean): BaselineEntry {
  return {
    variant: paired.variant,
    config: paired.config,
    ...(symmetry && { symmetry: true }),
    distinctStates: tlc.counts.distinctStates,
    generatedStates: tlc.counts.generatedStates,
    depth: tlc.counts.depth,
    verdicts: Object.fromEntries([...tlc.verdicts].map(([n, v]) => [n, v.holds])),
    ...(!symmetry && { reachableDigest: reachableDigest(tlc.reachable?.hashes ?? []) }),
    tlcVersion: tlc.version,
    jarSha256: jarSha256(tlaToolsClasspath()),
    seconds: Math.round(tlc.seconds * 100) / 100,
  };
}

const runInfo = (paired: PairedInstance) => ({ spec: paired.spec.name, variant: paired.variant, config: paired.config });
const modelOf = (paired: PairedInstance) => ({
  model: paired.instance.model,
  properties: paired.instance.properties,
  pairing: paired.pairing,
  twins: paired.twins,
});
