import { UsageError } from "../errors.ts";
import type { ResultDocument } from "../report.ts";
import type { LinearizabilityExplanation } from "../report/linearizability.ts";
import type { LoopFairness } from "../report/loop.ts";
import { configText } from "../config-text.ts";
import { readItfTrace } from "../trace-files/itf.ts";
import { canonicalJson } from "../trace/diff.ts";
import type { ExplorerSession } from "./session.ts";

/*
 * A counterexample loaded into the explorer: a trace given as states in ITF encoding (a result document's trace, or an
 * .itf.json file) walked again on the session's model, so that each of its states is a real state of the model, with
 * an id, from which the user can step on. A trace state matches a model state when every field of the model's view
 * is in it with an equal value (an ITF file may carry more variables); when a document gives each step's action, it
 * must match too. A trace that does not walk, or a step that two different states match, is refused with the step.
 */

/** One step of a loaded trace: the state's id, the index of the action taken (of the initial states, for the first), its label. */
export interface LoadedStep {
  readonly id: number;
  readonly index: number;
  readonly label: string;
}

/** A loaded counterexample: its steps, a lasso's loop, and what the document says about it. */
export interface LoadedTrace {
  /** Where it came from: "check" (this server ran it) or a file's name. */
  readonly source: string;
  readonly property?: string;
  readonly kind?: string;
  readonly steps: readonly LoadedStep[];
  readonly loopsBackTo: number | null;
  readonly loop?: LoopFairness;
  readonly explanation?: LinearizabilityExplanation;
  /** For the model's code throwing: the step and the error. */
  readonly error?: string;
}

/** A trace to walk: each state in ITF encoding, with the action that led to it when known (ActionReport, as in documents). */
export interface TraceToWalk {
  readonly states: readonly { readonly state: unknown; readonly action?: unknown }[];
  readonly loopsBackTo: number | null;
}

/**
 * An ITF value with the choices other writers make undone: `{"#bigint": "7"}` as 7 when it is a safe integer (the
 * views write such numbers plainly) and `{"#tup": [...]}` as an array (the views write tuples as arrays).
 */
function normalized(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map(normalized);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record["#bigint"] === "string" && /^-?\d+$/.test(record["#bigint"])) {
    const n = Number(record["#bigint"]);
    return Number.isSafeInteger(n) ? n : value;
  }
  if (keys.length === 1 && Array.isArray(record["#tup"])) return record["#tup"].map(normalized);
  // Strict ITF has no null and no fractions: checker/trace-files writes them as `#unserializable` text.
  if (keys.length === 1 && record["#unserializable"] === "null") return null;
  if (keys.length === 1 && typeof record["#unserializable"] === "string" && /^-?\d*\.\d+(e[-+]?\d+)?$/i.test(record["#unserializable"]))
    return Number(record["#unserializable"]);
  return Object.fromEntries(keys.map((k) => [k, normalized(record[k])]));
}

const same = (a: unknown, b: unknown) => canonicalJson(normalized(a)) === canonicalJson(normalized(b));

/** True when `trace` (ITF) shows the model's view `view`: every field of the view present and equal. */
function shows(trace: unknown, view: unknown): boolean {
  if (typeof view !== "object" || view === null || Array.isArray(view) || typeof trace !== "object" || trace === null || Array.isArray(trace))
    return same(trace, view);
  const record = trace as Record<string, unknown>;
  return Object.entries(view as Record<string, unknown>).every(([k, v]) => k in record && same(record[k], v));
}

/** Walks a trace on the session's model (see the comment at the top); a UsageError naming the step that does not walk. */
export function walkTrace(session: ExplorerSession, trace: TraceToWalk): LoadedStep[] {
  const [first, ...rest] = trace.states;
  if (first === undefined) throw new UsageError("the trace has no state");
  const initial = session.initial.map((id, index) => ({ id, index })).filter(({ id }) => shows(first.state, session.view(id)));
  if (initial.length === 0)
    throw new UsageError(`state 1 of the trace is none of the model's ${session.initial.length} initial state(s) at this configuration`);
  if (initial.length > 1)
    throw new UsageError(`state 1 of the trace matches ${initial.length} different initial states: the trace does not tell which`);
  const steps: LoadedStep[] = [{ id: initial[0]!.id, index: initial[0]!.index, label: "initial state" }];
  for (const [i, step] of rest.entries()) {
    const from = steps.at(-1)!;
    const info = session.info(from.id);
    const matches = info.actions.filter(
      (a) => a.to !== undefined && (step.action === undefined || same(a.action, step.action)) && shows(step.state, session.view(a.to)),
    );
    const distinct = new Set(matches.map((a) => a.to));
    if (distinct.size === 0)
      throw new UsageError(`state ${i + 2} of the trace is not reached by any action enabled in state ${i + 1} (${info.actions.length} enabled)`);
    if (distinct.size > 1)
      throw new UsageError(
        `state ${i + 2} of the trace matches ${distinct.size} different states reached from state ${i + 1}: the trace does not tell which`,
      );
    steps.push({ id: matches[0]!.to!, index: matches[0]!.index, label: matches[0]!.label });
  }
  return steps;
}

/** A trace to walk read from an ITF file, with what the file says about it (Interleave's files name the property). */
export interface ItfFileTrace extends TraceToWalk {
  readonly about: Omit<LoadedTrace, "steps" | "loopsBackTo" | "source">;
  /** The run the file says it comes from (spec, variant, configuration), for an error that says why it does not walk. */
  readonly from: string;
}

/**
 * An ITF file's trace (read by checker/trace-files/itf.ts: Interleave's own files, and other tools' traces as TLA+
 * states) as a trace to walk. The actions of Interleave's traces of the model's states are matched too; other
 * traces walk by their states alone. A UsageError (one line, naming `name`) for what is not an ITF trace.
 */
export function itfTrace(text: string, name: string): ItfFileTrace {
  const { run, property } = readItfTrace(text, name);
  const { trace } = property;
  const ours = trace.source === "model";
  const config = run.config === undefined ? "" : ` ${configText(run.config)}`;
  return {
    states: trace.steps.map((step, i) => ({ state: step.state, ...(ours && i > 0 && { action: step.action }) })),
    loopsBackTo: trace.loopsBackTo,
    about: ours
      ? {
          property: property.name,
          ...(property.kind !== undefined && { kind: property.kind }),
          ...(property.explanation && { explanation: property.explanation }),
          ...(property.error !== undefined && { error: property.error }),
          ...(trace.loop && { loop: trace.loop }),
        }
      : {},
    from: ours ? `${run.spec} (${run.variant})${config}` : `${run.spec}, in TLA+ variables`,
  };
}

/** A trace file walked on the session's model; a UsageError saying which state does not walk and where the file comes from. */
export function walkFile(session: ExplorerSession, text: string, name: string): LoadedTrace {
  const trace = itfTrace(text, name);
  try {
    return { source: name.replace(/^.*[\\/]/, ""), ...trace.about, steps: walkTrace(session, trace), loopsBackTo: trace.loopsBackTo };
  } catch (error) {
    const here = `${session.spec.name} (${session.variant}) ${configText(session.config)}`.trim();
    throw new UsageError(`${name} does not walk on ${here}: ${(error as Error).message} (the file is a trace of ${trace.from})`);
  }
}

/**
 * The counterexamples of a check's document (each violated property with a trace of the model's states, in the
 * document's order), walked on the session's model; a trace that does not walk is an error line instead.
 */
export function counterexamples(session: ExplorerSession, document: ResultDocument): { traces: LoadedTrace[]; errors: string[] } {
  const traces: LoadedTrace[] = [];
  const errors: string[] = [];
  for (const p of document.properties) {
    if (p.holds !== false || p.trace?.source !== "model") continue;
    const { trace } = p;
    try {
      const steps = walkTrace(session, {
        states: trace.steps.map((s, i) => ({ state: s.state, ...(i > 0 && { action: s.action }) })),
        loopsBackTo: trace.loopsBackTo,
      });
      traces.push({
        source: "check",
        property: p.name,
        kind: p.kind,
        steps,
        loopsBackTo: trace.loopsBackTo,
        ...(trace.loop && { loop: trace.loop }),
        ...(p.explanation && { explanation: p.explanation }),
        ...(p.error !== undefined && { error: p.error }),
      });
    } catch (error) {
      errors.push(`the counterexample to ${p.name} does not walk on this model: ${(error as Error).message}`);
    }
  }
  return { traces, errors };
}
