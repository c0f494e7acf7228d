import type { ResultDocument } from "../report.ts";
import type { Config } from "../spec.ts";
import type { TlcChecks } from "./config-file.ts";
import type { TlcReport, TlcViolation } from "./output.ts";
import { toItfValue } from "./value.ts";

/**
 * TLC's report as the result document the explorer also prints: one verdict per invariant and property
 * named in the .cfg and for deadlock when it is checked. A property TLC did not reach because it stopped
 * at another violation is undecided (null).
 */
export function tlcDocument(
  run: { spec: string; variant: string; config: Config; seconds: number; continued: boolean },
  report: TlcReport,
  checks: TlcChecks,
): ResultDocument {
  // Without -continue TLC stops at its first violation; with it, an empty queue means it saw everything.
  const complete = report.success || (run.continued && report.queue === 0);
  const verdict = (violation: TlcViolation | undefined) =>
    violation ? { holds: false, trace: traceOf(violation) } : { holds: complete ? true : null };
  // TLC may name several violated properties at once; only a violation it names none of applies to every one.
  const names = (v: TlcViolation) => (v.properties.length > 0 ? v.properties : v.property === null ? [] : [v.property]);
  const byName = (kind: TlcViolation["kind"], name: string) =>
    report.violations.find((v) => v.kind === kind && (names(v).length === 0 || names(v).includes(name)));
  return {
    tool: "tlc",
    spec: run.spec,
    variant: run.variant,
    config: run.config,
    complete,
    distinctStates: report.distinctStates,
    generatedStates: report.generatedStates,
    depth: report.depth,
    seconds: Math.round(run.seconds * 1000) / 1000,
    ...(report.collisionProbability !== null && { collisionProbability: report.collisionProbability }),
    properties: [
      ...checks.invariants.map((name) => ({ name, kind: "always", ...verdict(byName("invariant", name)) })),
      ...checks.properties.map((name) => ({ name, kind: "property", ...verdict(byName("temporal", name) ?? byName("action", name)) })),
      ...(checks.checkDeadlock ? [{ name: "no-deadlock", kind: "deadlock", ...verdict(report.violations.find((v) => v.kind === "deadlock")) }] : []),
    ],
  };
}

function traceOf(v: TlcViolation) {
  return {
    steps: v.states.map((s) => ({
      action: s.action === "<Initial predicate>" ? "init" : s.action,
      state: Object.fromEntries(Object.entries(s.variables).map(([k, x]) => [k, toItfValue(x)])),
    })),
    loopsBackTo: v.loopsBackTo,
  };
}
