import type { Trace } from "../explore/result.ts";
import type { FairnessLevel, Model } from "../model.ts";
import type { ActionReport } from "../report.ts";
import { actionReport } from "./steps.ts";

/** A fair action along a lasso's loop: what it is, how fair, and the steps of the loop that take it (indexes into the trace). */
export interface FairAction {
  readonly label: string;
  readonly action: ActionReport;
  /** Its fairness kind (e.g. "deliver") and level. */
  readonly kind: string;
  readonly fairness: "weak" | "strong";
  readonly takenAt: readonly number[];
}

/**
 * Why a lasso is a fair execution: the actions owed fairness that stay enabled in every state of the loop (weak
 * fairness owes each a turn, so the loop takes each of them), the strongly fair actions enabled in some of its states,
 * and the actions enabled along it that are owed nothing (a crash, a loss, a kind at level none). For a loop that is
 * one stuttering state, nothing owed fairness is enabled there.
 */
export interface LoopFairness {
  readonly enabledThroughout: readonly FairAction[];
  readonly strongSometimes: readonly FairAction[];
  readonly unfair: readonly string[];
}

/** The loop fairness of a lasso (`trace.loopsBackTo` set), computed on the model under the fairness levels given. */
export function loopFairness<S, A>(model: Model<S, A>, trace: Trace<S, A>, levelOf: (kind: string) => FairnessLevel): LoopFairness {
  const back = trace.loopsBackTo!;
  const last = trace.steps.length - 1;
  const loopStates = trace.steps.slice(back, back === last ? last + 1 : last).map((s) => s.state);
  const owed = (action: A) => {
    const fair = model.fairness ? model.fairness(action) : { kind: "action", key: model.describe(action) };
    if (fair === undefined) return undefined;
    const level = levelOf(fair.kind);
    return level === "none" ? undefined : { ...fair, level };
  };
  const enabled = new Map<string, { action: A; kind: string; level: "weak" | "strong"; states: number }>();
  const unfair = new Set<string>();
  for (const state of loopStates) {
    const here = new Set<string>();
    for (const action of model.actions(state)) {
      const fair = owed(action);
      if (fair === undefined) {
        unfair.add(model.describe(action));
        continue;
      }
      if (here.has(fair.key)) continue;
      here.add(fair.key);
      const known = enabled.get(fair.key);
      if (known) known.states++;
      else enabled.set(fair.key, { action, kind: fair.kind, level: fair.level, states: 1 });
    }
  }
  const takenAt = new Map<string, number[]>();
  for (let i = back + 1; i <= last && back !== last; i++) {
    const key = owed(trace.steps[i]!.action!)?.key;
    if (key !== undefined) takenAt.set(key, [...(takenAt.get(key) ?? []), i]);
  }
  const report = ([key, e]: [string, { action: A; kind: string; level: "weak" | "strong" }]): FairAction => ({
    label: model.describe(e.action),
    action: actionReport(model, e.action),
    kind: e.kind,
    fairness: e.level,
    takenAt: takenAt.get(key) ?? [],
  });
  const entries = [...enabled];
  return {
    enabledThroughout: entries.filter(([, e]) => e.states === loopStates.length).map(report),
    strongSometimes: entries.filter(([, e]) => e.states < loopStates.length && e.level === "strong").map(report),
    unfair: [...unfair],
  };
}
