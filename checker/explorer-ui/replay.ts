import * as Either from "effect/Either";
import * as Schema from "effect/Schema";
import { UsageError } from "../errors.ts";
import type { LinearizabilityExplanation } from "../report/linearizability.ts";
import type { LoopFairness } from "../report/loop.ts";
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

const ItfTrace = Schema.Struct({
  "#meta": Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  states: Schema.Array(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  loop: Schema.optional(Schema.NullOr(Schema.Int.pipe(Schema.nonNegative()))),
});

/** What an ITF file of Interleave's says about its counterexample under `#meta.interleave` (checker/trace-files). */
const InterleaveMeta = Schema.Struct({
  property: Schema.optional(
    Schema.Struct({
      name: Schema.String,
      kind: Schema.optional(Schema.String),
      explanation: Schema.optional(Schema.Unknown),
      error: Schema.optional(Schema.String),
    }),
  ),
  loop: Schema.optional(Schema.Unknown),
});

/** A trace to walk read from an ITF file, with what the file says about it (Interleave's files name the property). */
export interface ItfFileTrace extends TraceToWalk {
  readonly about: Omit<LoadedTrace, "steps" | "loopsBackTo" | "source">;
}

const parsedJson = (value: unknown): unknown => {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
};

/**
 * An ITF trace (Apalache/Quint's format: `states`, optional `loop`) as a trace to walk. A state's `#meta.action`, when
 * it is an action as result documents write it (an object with a `kind`, or its JSON text), is matched too. A
 * UsageError for what is not one.
 */
export function itfTrace(text: string, name: string): ItfFileTrace {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${name} is not JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  const decoded = Schema.decodeUnknownEither(ItfTrace)(json);
  if (Either.isLeft(decoded))
    throw new UsageError(`${name} is not an ITF trace: it needs "states", an array of records (and "loop", a state's index)`);
  const { states, loop } = decoded.right;
  if (states.length === 0) throw new UsageError(`${name} has no state`);
  if (loop !== undefined && loop !== null && loop >= states.length)
    throw new UsageError(`${name}: "loop" is ${loop}, but the trace has ${states.length} states`);
  const meta = Schema.decodeUnknownEither(InterleaveMeta)(parsedJson(decoded.right["#meta"]?.interleave));
  const about = Either.isRight(meta) ? meta.right : {};
  return {
    states: states.map((state, i) => {
      const action = parsedJson((state["#meta"] as { action?: unknown } | undefined)?.action);
      const kind = typeof action === "object" && action !== null ? (action as { kind?: unknown }).kind : undefined;
      // "init" is no action; "tla" (a TLC step not replayed) and "step" (a foreign trace's) name none of the model's.
      const known = i > 0 && typeof kind === "string" && !["init", "tla", "step"].includes(kind);
      return { state, ...(known && { action }) };
    }),
    loopsBackTo: loop ?? null,
    about: {
      ...(about.property && { property: about.property.name }),
      ...(about.property?.kind !== undefined && { kind: about.property.kind }),
      ...(about.property?.explanation !== undefined && { explanation: about.property.explanation as LinearizabilityExplanation }),
      ...(about.property?.error !== undefined && { error: about.property.error }),
      ...(about.loop !== undefined && { loop: about.loop as LoopFairness }),
    },
  };
}
