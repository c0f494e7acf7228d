import type { Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import { modelTrace, type Comparison, type PropertyReport, type ResultDocument, type RunInfo } from "../report.ts";
import { processesOf } from "../report/steps.ts";
import { tlcHeader, tlcTrace } from "../report/tlc.ts";
import type { TlaPairing } from "../spec.ts";
import type { TlcViolation } from "../tlc/output.ts";
import { replayOnImplementation } from "./compare.ts";
import type { PairedTlcResult, Twins } from "./paired-tlc.ts";

/** The paired configuration TLC ran on: the model, its properties and their twins, and the projection to TLA+. */
export interface PairedModel<S, A> {
  readonly model: Model<S, A>;
  readonly properties: readonly Property<S>[];
  readonly pairing: TlaPairing<S>;
  readonly twins: Twins;
}

/**
 * `interleave tlc <spec>`'s result document: TLC's counts (of its run without invariants), and each property with a
 * twin under its own name and kind, decided by TLC. A counterexample that replays on the implementation is shown in
 * the model's terms, as the explorer shows its own (source "model": the model's view, structured actions, each step's
 * TLA+ state beside it, a lasso's fair actions, a linearizability explanation); one that does not is TLC's (source "tla").
 */
export function pairedTlcDocument<S, A>(run: RunInfo, paired: PairedModel<S, A>, tlc: PairedTlcResult): ResultDocument {
  const processes = processesOf(paired.model);
  const properties = [...tlc.verdicts].map(([name, v]): PropertyReport => {
    const declared = paired.properties.find((p) => p.name === name);
    return {
      name,
      kind: declared?.kind ?? "always",
      holds: v.holds,
      tla: twinName(paired.twins, name),
      ...(v.violation && tracedViolation(paired, declared, v.violation)),
    };
  });
  return {
    ...tlcHeader({ ...run, seconds: tlc.seconds }, tlc.counts),
    fairness: {}, // the twins' FairSpec: weak fairness of every action
    reductions: run.reductions ?? { symmetry: false },
    ...(run.workers !== undefined && run.workers > 1 && { workers: run.workers }),
    ...(processes && { processes }),
    complete: tlc.counts.success,
    properties,
  };
}

const twinName = (twins: Twins, name: string): string => {
  const twin = twins.get(name)!;
  return "invariant" in twin ? twin.invariant : "property" in twin ? twin.property : twin.violatedInvariant;
};

/** TLC's counterexample replayed on the implementation, in the model's terms; TLC's own when it does not replay. */
function tracedViolation<S, A>(paired: PairedModel<S, A>, declared: Property<S> | undefined, violation: TlcViolation) {
  const replay = replayOnImplementation(paired.model, paired.pairing, violation);
  const theirs = tlcTrace(violation);
  if (!replay.trace || replay.trace.steps.length !== theirs.steps.length) return { trace: theirs };
  const ours = modelTrace(paired.model, replay.trace, { declared, violated: true, levels: {} });
  const steps = ours.trace.steps.map((step, i) => ({ ...step, tla: theirs.steps[i]!.state }));
  return { ...ours, trace: { ...ours.trace, steps } };
}

/** The cross-check's document: the explorer's, with the comparisons and TLC's document inside. */
export function crosscheckDocument(explorer: ResultDocument, tlc: ResultDocument, comparisons: readonly Comparison[]): ResultDocument {
  return { ...explorer, crosscheck: { agree: comparisons.every((c) => c.agree), comparisons, tlc } };
}
