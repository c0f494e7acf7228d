import { compare, exploreProjected, reachableDigest } from "../crosscheck.ts";
import { loadSpec } from "../discover.ts";
import { specsRootOf } from "./args.ts";
import { UsageError } from "../errors.ts";
import { jarSha256, recordBaseline } from "../tlc/baseline.ts";
import { tlaToolsClasspath } from "../tlc/locate.ts";
import { emitModel, pairingOf, runPairedTlc, twinsOf } from "../tlc/paired.ts";
import { dirname, resolve } from "node:path";
import { buildInstance, configText, resolveConfig } from "../spec.ts";
import type { TlaTwin } from "../props/property.ts";
import type { Args } from "./args.ts";
import { interruptible } from "./interrupt.ts";
import type { ResultDocument } from "../report.ts";
import { countsText, verdictText } from "../report-text.ts";

/** Loads a spec and builds the configuration named by the arguments, with its TLA+ pairing. */
async function pairedInstance(args: Args) {
  const [name, ...extra] = args.positionals;
  if (name === undefined || extra.length > 0) throw new UsageError("give exactly one spec name");
  const unpaired = Object.entries(args.fairness).filter(([, level]) => level !== "weak");
  if (unpaired.length > 0) {
    const given = `--fairness ${configText(Object.fromEntries(unpaired))}`;
    throw new UsageError(`${given}: the TLA+ twins state weak fairness of every kind (FairSpec); other levels are for interleave check only`);
  }
  const spec = await loadSpec(name, specsRootOf(args));
  const config = resolveConfig(spec, args.variant, args.set);
  const instance = buildInstance(spec, config, args.variant);
  return { spec, config, instance, twins: twinsOf(instance.properties), ...pairingOf(spec, instance) };
}

/**
 * `interleave tlc <spec> [--variant V] [--set k=v]... [--json] [--record] [--symmetry]`: TLC on a paired configuration;
 * with --symmetry under TLC's SYMMETRY (the pairing's symmetric sets), safety properties only, as the explorer.
 */
export async function tlcSpecCommand(args: Args): Promise<number> {
  const { spec, config, instance, pairing, moduleFile, twins } = await pairedInstance(args);
  if (args.symmetry && !instance.model.symmetry)
    throw new UsageError(`--symmetry: the model of ${spec.name} declares no interchangeable processes (actorModel's symmetry option)`);
  if (args.emit !== undefined) {
    if (!args.emit.endsWith(".tla") || dirname(resolve(args.emit)) !== dirname(moduleFile))
      throw new UsageError(`--emit takes a .tla path beside ${moduleFile}`);
    emitModel(resolve(args.emit), pairing.module ?? spec.tlaModule!, pairing, twins, { symmetry: args.symmetry });
    process.stdout.write(`wrote ${args.emit} and its .cfg (run: interleave tlc --module ${args.emit})\n`);
    return 0;
  }
  const tlc = await interruptible((signal) =>
    runPairedTlc(moduleFile, pairing, twins, {
      dump: args.record && !args.symmetry, // under symmetry the dump holds TLC's own choice of orbit members: not recorded
      workers: args.workers ?? 1,
      timeoutSeconds: args.timeout,
      signal,
      symmetry: args.symmetry,
    }),
  );
  const properties = [...tlc.verdicts].map(([name, v]) => ({
    name,
    kind: twinKind(twins.get(name)!),
    holds: v.holds,
    ...(v.violation && {
      trace: {
        steps: v.violation.states.map((s) => ({ action: s.action === "<Initial predicate>" ? "init" : s.action, state: s.variables })),
        loopsBackTo: v.violation.stutters ? v.violation.states.length - 1 : v.violation.loopsBackTo,
      },
    }),
  }));
  const document: ResultDocument = {
    tool: "tlc",
    spec: spec.name,
    variant: args.variant,
    config,
    ...(args.symmetry && { reductions: { symmetry: true } }),
    complete: tlc.counts.success,
    distinctStates: tlc.counts.distinctStates,
    generatedStates: tlc.counts.generatedStates,
    depth: tlc.counts.depth,
    seconds: Math.round(tlc.seconds * 1000) / 1000,
    properties,
  };
  if (args.record) {
    recordBaseline(spec, {
      variant: args.variant,
      config,
      ...(args.symmetry && { symmetry: true }),
      distinctStates: tlc.counts.distinctStates,
      generatedStates: tlc.counts.generatedStates,
      depth: tlc.counts.depth,
      verdicts: Object.fromEntries([...tlc.verdicts].map(([n, v]) => [n, v.holds])),
      ...(!args.symmetry && { reachableDigest: reachableDigest(tlc.reachable?.hashes ?? []) }),
      tlcVersion: tlc.version,
      jarSha256: jarSha256(tlaToolsClasspath()),
      seconds: Math.round(tlc.seconds * 100) / 100,
    });
  }
  if (args.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else {
    process.stdout.write(`${spec.name} (${args.variant}) with TLC ${tlc.version}\n  ${countsText(document)} (all runs)\n`);
    for (const p of properties) process.stdout.write(`  ${p.name}  ${p.kind}  ${verdictText(p.holds)}\n`);
    if (args.record) process.stdout.write(`  recorded in ${spec.dir}/tlc-baseline.json\n`);
  }
  return properties.some((p) => !p.holds) ? 1 : 0;
}

const twinKind = (twin: TlaTwin) => ("invariant" in twin ? "always" : "property" in twin ? "temporal" : "sometimes");

/** `interleave crosscheck <spec> …`: the explorer and TLC on one configuration; exit 0 when they agree, 1 when not. */
export async function crosscheckCommand(args: Args): Promise<number> {
  const { spec, config, instance, pairing, moduleFile, twins } = await pairedInstance(args);
  const ours = exploreProjected(instance.model, pairing, instance.properties);
  const tlc = await interruptible((signal) =>
    runPairedTlc(moduleFile, pairing, twins, { dump: true, workers: args.workers ?? 1, timeoutSeconds: args.timeout, signal }),
  );
  const comparisons = compare(instance.model, pairing, ours, tlc);
  const agree = comparisons.every((c) => c.agree);
  if (args.json) {
    const seconds = { explorerSeconds: ours.result.seconds, tlcSeconds: tlc.seconds };
    process.stdout.write(`${JSON.stringify({ spec: spec.name, variant: args.variant, config, agree, ...seconds, comparisons }, null, 2)}\n`);
  } else {
    process.stdout.write(
      `${spec.name} (${args.variant}) ${configText(config)}: explorer ${ours.result.seconds.toFixed(2)} s, TLC ${tlc.version} ${tlc.seconds.toFixed(2)} s\n`,
    );
    for (const c of comparisons) process.stdout.write(`  ${c.agree ? "✓" : "✗"} ${c.what}: ${c.detail}\n`);
    process.stdout.write(agree ? "the explorer and TLC agree\n" : "the explorer and TLC DISAGREE\n");
  }
  return agree ? 0 : 1;
}
