import { dirname, resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { recordBaseline } from "../crosscheck/baseline.ts";
import { baselineDifferences, exploreBaselineEntry } from "../crosscheck/baseline-check.ts";
import { emitModel } from "../crosscheck/paired-tlc.ts";
import { baselineEntry, crosscheck, pairedInstance, tlcOnSpec, type PairedInstance } from "../crosscheck/run.ts";
import { formatReport } from "../report-text.ts";
import { exitCodeOf } from "../run.ts";
import { specsRootOf, type Args } from "./args.ts";
import { interruptible } from "./interrupt.ts";
import { writeTraces } from "./run-files.ts";

/** The paired configuration the arguments name (exactly one spec). */
async function pairedOf(args: Args): Promise<PairedInstance> {
  const [name, ...extra] = args.positionals;
  if (name === undefined || extra.length > 0) throw new UsageError("give exactly one spec name");
  return pairedInstance({ name, root: specsRootOf(args), variant: args.variant, set: args.set, fairness: args.fairness });
}

/**
 * `interleave tlc <spec> [--variant V] [--set k=v]... [--json] [--record] [--symmetry] [--emit Path.tla]`: TLC on a
 * paired configuration; with --symmetry under TLC's SYMMETRY (the pairing's symmetric sets), safety properties only.
 * `--record` records TLC's figures as a baseline when the explorer agrees with them, and exits 1 naming the differences when not.
 */
export async function tlcSpecCommand(args: Args): Promise<number> {
  const paired = await pairedOf(args);
  if (args.emit !== undefined) {
    if (!args.emit.endsWith(".tla") || dirname(resolve(args.emit)) !== dirname(paired.moduleFile))
      throw new UsageError(`--emit takes a .tla path beside ${paired.moduleFile}`);
    emitModel(resolve(args.emit), paired.pairing.module ?? paired.spec.tlaModule!, paired.pairing, paired.twins, { symmetry: args.symmetry });
    process.stdout.write(`wrote ${args.emit} and its .cfg (run: interleave tlc --module ${args.emit})\n`);
    return 0;
  }
  const settings = { workers: args.workers ?? 1, timeoutSeconds: args.timeout, symmetry: args.symmetry, dump: args.record };
  const { document, tlc } = await interruptible((signal) => tlcOnSpec(paired, { ...settings, signal }));
  // A baseline is recorded only when the explorer agrees with TLC on it: a twin that takes other steps is caught now.
  const entry = args.record ? baselineEntry(paired, tlc, args.symmetry) : undefined;
  const differences = entry ? baselineDifferences(entry, exploreBaselineEntry(paired.spec, entry)) : [];
  if (entry && differences.length === 0) recordBaseline(paired.spec, entry);
  if (args.json) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
  else {
    process.stdout.write(formatReport(document));
    if (entry && differences.length === 0) process.stdout.write(`recorded in ${paired.spec.dir}/tlc-baseline.json\n`);
  }
  if (args.traceDir !== undefined) writeTraces(args.traceDir, [document]);
  if (differences.length > 0) {
    process.stderr.write(`not recorded: the explorer disagrees with TLC on this configuration: ${differences.join("; ")}\n`);
    return 1;
  }
  return exitCodeOf(document);
}

/** `interleave crosscheck <spec> …`: the explorer and TLC on one configuration; exit 0 when they agree, 1 when not. */
export async function crosscheckCommand(args: Args): Promise<number> {
  const paired = await pairedOf(args);
  const document = await interruptible((signal) => crosscheck(paired, { workers: args.workers ?? 1, timeoutSeconds: args.timeout, signal }));
  process.stdout.write(args.json ? `${JSON.stringify(document, null, 2)}\n` : formatReport(document));
  // The explorer's counterexamples (TLC's, in document.crosscheck.tlc, are of the same configuration).
  if (args.traceDir !== undefined) writeTraces(args.traceDir, [document]);
  return document.crosscheck!.agree ? 0 : 1;
}
