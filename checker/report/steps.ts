import type { Trace } from "../explore/result.ts";
import type { Model } from "../model.ts";
import type { ActionReport, ProcessReport, TraceReport } from "../report.ts";
import { toItf } from "../trace/itf.ts";

/** The first step of every trace: no action, the initial state. */
export const initialAction: ActionReport = Object.freeze({ kind: "init" });
export const initialLabel = "initial state";

/** An explorer trace as the document's: each step's action as data and label, its state as the model's view in ITF encoding. */
export function traceReport<S, A>(model: Model<S, A>, trace: Trace<S, A>): TraceReport {
  return {
    source: "model",
    steps: trace.steps.map((step) => ({
      action: step.action === null ? initialAction : actionReport(model, step.action),
      label: step.action === null ? initialLabel : model.describe(step.action),
      state: viewOf(model, step.state),
    })),
    loopsBackTo: trace.loopsBackTo,
  };
}

/** A state as the document shows it: the model's view (names instead of indexes), ITF-encoded. */
export const viewOf = <S, A>(model: Model<S, A>, state: S): unknown => toItf(model.view ? model.view(state) : state);

/** An action as data: the model's actionData (ITF-encoded) when it is a record with a string `kind`, else `{kind: "action", value}`. */
export function actionReport<S, A>(model: Model<S, A>, action: A): ActionReport {
  const data = toItf(model.actionData(action));
  if (typeof data === "object" && data !== null && !Array.isArray(data) && typeof (data as { kind?: unknown }).kind === "string")
    return data as ActionReport;
  return { kind: "action", value: data ?? null };
}

/** An actor system's processes by id, with their roles; undefined for a model that is not one. */
export function processesOf(model: object): ProcessReport[] | undefined {
  const actors = model as { names?: unknown; ids?: unknown };
  if (!Array.isArray(actors.names) || typeof actors.ids !== "object" || actors.ids === null) return undefined;
  const roles: string[] = [];
  for (const [role, ids] of Object.entries(actors.ids as Record<string, readonly number[]>)) for (const id of ids) roles[id] = role;
  return (actors.names as string[]).map((name, id) => ({ name, role: roles[id] ?? "" }));
}
