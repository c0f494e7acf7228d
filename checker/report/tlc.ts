import type { PropertyReport, ResultDocument, StepReport, TraceReport } from "../report.ts";
import type { Config } from "../spec.ts";
import type { TlcChecks } from "../tlc/config-file.ts";
import type { TlcReport, TlcState, TlcViolation } from "../tlc/output.ts";
import { toItfValue } from "../tlc/value.ts";
import { initialAction, initialLabel } from "./steps.ts";

/*
 * TLC's results as result documents: `tlc --module` (any TLA+ module, its .cfg's INVARIANT and PROPERTY lines) here;
 * `tlc <spec>` and the cross-check build theirs in ../crosscheck/documents.ts from the same pieces.
 */

/** How TLC ran: the module (as `spec`), the .cfg (as `variant`), its time, and whether it ran with -continue. */
export interface TlcRun {
  readonly spec: string;
  readonly variant: string;
  readonly config: Config;
  readonly seconds: number;
  readonly continued: boolean;
}

/**
 * TLC's report on a module as a result document: one verdict per INVARIANT ("always") and PROPERTY ("temporal") of
 * the .cfg, and for deadlock when it is checked. A property TLC did not reach because it stopped at another
 * violation is undecided (null).
 */
export function tlcModuleDocument(run: TlcRun, report: TlcReport, checks: TlcChecks): ResultDocument {
  // Without -continue TLC stops at its first violation; with it, an empty queue means it saw everything.
  const complete = report.success || (run.continued && report.queue === 0);
  const verdict = (violation: TlcViolation | undefined) =>
    violation ? { holds: false, trace: tlcTrace(violation) } : { holds: complete ? true : null };
  // TLC may name several violated properties at once; only a violation it names none of applies to every one.
  const names = (v: TlcViolation) => (v.properties.length > 0 ? v.properties : v.property === null ? [] : [v.property]);
  const byName = (kind: TlcViolation["kind"], name: string) =>
    report.violations.find((v) => v.kind === kind && (names(v).length === 0 || names(v).includes(name)));
  const used = new Set<TlcViolation>();
  const found = (violation: TlcViolation | undefined) => {
    if (violation) used.add(violation);
    return verdict(violation);
  };
  const properties: PropertyReport[] = [
    ...checks.invariants.map((name) => ({ name, kind: "always" as const, tla: name, ...found(byName("invariant", name)) })),
    ...checks.properties.map((name) => ({
      name,
      kind: "temporal" as const,
      tla: name,
      ...found(byName("temporal", name) ?? byName("action", name)),
    })),
    ...(checks.checkDeadlock
      ? [{ name: "no-deadlock", kind: "deadlock" as const, ...found(report.violations.find((v) => v.kind === "deadlock")) }]
      : []),
  ];
  // A violation of nothing the .cfg names (an Assert that failed) is a violation too: "assert", "assert-2", ...
  const asserts = report.violations
    .filter((v) => !used.has(v))
    .map((v, i): PropertyReport => ({ name: i === 0 ? v.kind : `${v.kind}-${i + 1}`, kind: "always", holds: false, trace: tlcTrace(v) }));
  return {
    ...tlcHeader(run, report),
    complete,
    properties: [...properties, ...asserts],
  };
}

/** The fields every TLC document shares: who ran, TLC's counts, its search (breadth-first, no reduction), its warnings. */
export function tlcHeader(run: Omit<TlcRun, "continued">, report: TlcReport) {
  return {
    tool: "tlc" as const,
    tlcVersion: report.version,
    spec: run.spec,
    variant: run.variant,
    config: run.config,
    strategy: "bfs" as const,
    reductions: { symmetry: false },
    distinctStates: report.distinctStates,
    generatedStates: report.generatedStates,
    depth: report.depth,
    seconds: Math.round(run.seconds * 1000) / 1000,
    ...(report.collisionProbability !== null && { collisionProbability: report.collisionProbability }),
    ...(report.warnings.length > 0 && { warnings: report.warnings }),
  };
}

/**
 * A TLC counterexample as a document trace of TLA+ states (source "tla"): each step TLC's action (`{kind: "tla", name,
 * location}`) and the variables in ITF encoding. A lasso gets the step back to the state it loops to, as the
 * explorer's lassos have it; a stuttering end is a lasso on its last state.
 */
export function tlcTrace(v: Pick<TlcViolation, "states" | "loopsBackTo" | "stutters" | "backAction">): TraceReport {
  const steps: StepReport[] = v.states.map((s, i) => tlaStep(s.action, s, i === 0));
  if (v.loopsBackTo !== null && v.states[v.loopsBackTo]) steps.push(tlaStep(v.backAction ?? "", v.states[v.loopsBackTo]!, false));
  return { source: "tla", steps, loopsBackTo: v.stutters ? steps.length - 1 : v.loopsBackTo };
}

function tlaStep(actionText: string, state: TlcState, initial: boolean): StepReport {
  if (initial || actionText === "<Initial predicate>") return { action: initialAction, label: initialLabel, state: tlaState(state) };
  const action = tlcAction(actionText);
  return { action, label: action.name, state: tlaState(state) };
}

/** A TLC state's variables in ITF encoding. */
export const tlaState = (state: TlcState): Record<string, unknown> =>
  Object.fromEntries(Object.entries(state.variables).map(([k, x]) => [k, toItfValue(x)]));

/** TLC's name for a step, `<Next line 5, col 9 to line 5, col 39 of module LV>`, as `{kind: "tla", name, location}`. */
export function tlcAction(text: string): { kind: "tla"; name: string; location?: string } {
  const m = /^<(.*?) (line \d+, col \d+ to line \d+, col \d+ of module \S+)>$/.exec(text.trim());
  if (m) return { kind: "tla", name: m[1]!, location: m[2]! };
  const bare = text.trim().replace(/^<(.*)>$/, "$1");
  return { kind: "tla", name: bare === "" ? "(a step TLC does not name)" : bare };
}
