import { Either, Schema } from "effect";
import { UsageError } from "../errors.ts";
import type { ActionReport, PropertyReport, StepReport, TraceReport } from "../report.ts";
import type { LoopFairness } from "../report/loop.ts";
import { specialOf } from "../trace/show.ts";
import type { Counterexample, RunHeader, TraceRun } from "./counterexample.ts";

/*
 * A counterexample as an ITF trace file (Apalache's ADR-015, the format Quint writes): `#meta`, `vars`, `states`
 * (each with its own `#meta`: `index`, the step's `label`, its `action`) and, for a lasso, `loop`, the index of the
 * state the last state is again (the last index when the last state stutters forever), as Apalache's lassos are.
 *
 * Strict ITF for other tools: values are only booleans, strings, integers, lists, records and the `#`-tagged forms;
 * so the document's JSON null is written `{"#unserializable": "null"}` and a fractional number as its text under
 * `#unserializable`. Every `#meta` field is a string or the state's integer `index` (itf-rs reads nothing else there):
 * Interleave's own data (the run, the property, the lasso's fairness, a linearizability explanation) is one JSON text
 * under `#meta.interleave`, each step's action JSON text under its state's `#meta.action` (and TLC's state under
 * `#meta.tla` for a TLC trace replayed on the implementation). Reading a file back gives the counterexample written.
 */

export const itfFormatDescription = "https://apalache-mc.org/docs/adr/015adr-trace.html";

/** An ITF trace as JSON. */
export interface ItfTrace {
  readonly "#meta": Record<string, string>;
  readonly vars: readonly string[];
  readonly states: readonly Record<string, unknown>[];
  readonly loop?: number;
}

/** What Interleave keeps about a trace, beyond the states (JSON text under `#meta.interleave`). */
interface InterleaveMeta {
  /** This layout's version. */
  readonly format: 1;
  readonly run: TraceRun;
  readonly property: Omit<PropertyReport, "trace"> | Omit<Counterexample["property"], "trace">;
  readonly source: TraceReport["source"];
  readonly loop?: LoopFairness;
  /** The states are under the one variable `state` (they are not records of the same fields). */
  readonly wrapped?: boolean;
}

/** The variable holding each state when states are not records of one set of fields. */
const wrappedVar = "state";

/** A counterexample as an ITF trace (see the top of this file). */
export function itfTrace(c: Counterexample): ItfTrace {
  const { trace, ...property } = c.property;
  const states = trace.steps.map((s) => strictItf(s.state));
  const vars = varsOf(states);
  const meta: InterleaveMeta = {
    format: 1,
    run: c.run,
    property,
    source: trace.source,
    ...(trace.loop && { loop: trace.loop }),
    ...(vars === undefined && { wrapped: true }),
  };
  return {
    "#meta": {
      format: "ITF",
      "format-description": itfFormatDescription,
      source: c.run.variant === "" ? c.run.spec : `${c.run.spec} (${c.run.variant})`,
      description: describe(c),
      interleave: JSON.stringify(meta),
    },
    vars: vars ?? [wrappedVar],
    states: trace.steps.map((step, index) => ({
      "#meta": stateMeta(step, index),
      ...(vars === undefined ? { [wrappedVar]: states[index] } : (states[index] as Record<string, unknown>)),
    })),
    ...(trace.loopsBackTo !== null && { loop: trace.loopsBackTo }),
  };
}

/** The file's text: the trace as indented JSON. */
export const itfText = (c: Counterexample): string => `${JSON.stringify(itfTrace(c), null, 2)}\n`;

function describe(c: Counterexample): string {
  const { trace } = c.property;
  const last = trace.steps.length - 1;
  const lasso =
    trace.loopsBackTo === null
      ? ""
      : trace.loopsBackTo === last
        ? `, a lasso: state ${last + 1} stutters forever`
        : `, a lasso: the last state is state ${trace.loopsBackTo + 1} again`;
  const by = c.run.tool === "tlc" ? "TLC, through Interleave" : "Interleave";
  return `Counterexample to ${c.property.name} in ${c.run.spec} (${c.run.variant}): ${trace.steps.length} states${lasso}; found by ${by}`;
}

function stateMeta(step: StepReport, index: number): Record<string, string | number> {
  return {
    index,
    label: step.label,
    action: JSON.stringify(step.action),
    ...(step.tla !== undefined && { tla: JSON.stringify(step.tla) }),
  };
}

/** The top-level fields when every state is a record of the same fields, none starting with `#`; else undefined. */
function varsOf(states: readonly unknown[]): string[] | undefined {
  const isRecord = (s: unknown): s is Record<string, unknown> =>
    typeof s === "object" && s !== null && !Array.isArray(s) && specialOf(s) === undefined;
  const first = states[0];
  if (!isRecord(first)) return undefined;
  const keys = Object.keys(first);
  if (keys.some((k) => k.startsWith("#"))) return undefined;
  const same = (s: unknown) => isRecord(s) && Object.keys(s).length === keys.length && keys.every((k) => k in s);
  return states.every(same) ? keys : undefined;
}

/** A value of the document's ITF encoding in strict ITF: null and fractional numbers as `#unserializable` text. */
export function strictItf(value: unknown): unknown {
  if (value === null) return { "#unserializable": "null" };
  if (typeof value === "number") {
    if (!Number.isInteger(value)) return { "#unserializable": String(value) };
    return Number.isSafeInteger(value) ? value : { "#bigint": BigInt(value).toString() };
  }
  if (Array.isArray(value)) return value.map(strictItf);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, strictItf(v)]));
  return value;
}

/**
 * A strict ITF value back in the document's encoding. For the model's states (`source` "model"), `#unserializable`
 * "null" is null and a fractional number's text that number; for TLA+ states it stays what it is (a model value).
 */
export function looseItf(value: unknown, source: TraceReport["source"]): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((v) => looseItf(v, source));
  const special = specialOf(value);
  if (special?.[0] === "#unserializable" && source === "model" && typeof special[1] === "string") {
    const text = special[1];
    if (text === "null") return null;
    const number = Number(text);
    if (text !== "" && Number.isFinite(number) && !Number.isInteger(number) && String(number) === text) return number;
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, looseItf(v, source)]));
}

// Reading a file back.

const Json = Schema.parseJson();
const ItfFile = Schema.Struct({
  "#meta": Schema.optional(Schema.Record({ key: Schema.String, value: Schema.Unknown })),
  params: Schema.optional(Schema.Array(Schema.String)),
  vars: Schema.Array(Schema.String),
  states: Schema.Array(Schema.Record({ key: Schema.String, value: Schema.Unknown })).pipe(Schema.minItems(1)),
  loop: Schema.optional(Schema.Number.pipe(Schema.int(), Schema.nonNegative())),
});
const Process = Schema.Struct({ name: Schema.String, role: Schema.String });
const Meta = Schema.Struct({
  format: Schema.Literal(1),
  source: Schema.Literal("model", "tla"),
  wrapped: Schema.optional(Schema.Boolean),
  run: Schema.Struct({ spec: Schema.String, variant: Schema.String, processes: Schema.optional(Schema.Array(Process)) }),
  property: Schema.Struct({ name: Schema.String, holds: Schema.NullOr(Schema.Boolean) }),
});
const Action = Schema.Struct({ kind: Schema.String });

/**
 * The counterexample in an ITF file's text (`name` says which file, in errors): Interleave's own traces as they were
 * written; a trace of another tool (Apalache, Quint) as TLA+ states with numbered steps, labelled by Quint's
 * `mbt::actionTaken` when present. Anything else is a UsageError naming the file and what is wrong.
 */
export function readItfTrace(text: string, name: string): Counterexample {
  const bad = (what: string) => new UsageError(`${name} is not an ITF trace: ${what}`);
  const decoded = Schema.decodeUnknownEither(Schema.compose(Json, ItfFile))(text);
  if (Either.isLeft(decoded)) throw bad(firstLine(decoded.left.message));
  const file = decoded.right;
  if (file.loop !== undefined && file.loop >= file.states.length) throw bad(`loop ${file.loop} is past its last state (${file.states.length - 1})`);
  file.states.forEach((state, i) => {
    const missing = file.vars.find((v) => !(v in state));
    if (missing !== undefined) throw bad(`state ${i} has no value for "${missing}"`);
  });
  const metaText = file["#meta"]?.interleave;
  if (metaText === undefined) return foreignTrace(file, name);
  const meta = Schema.decodeUnknownEither(Schema.compose(Json, Meta))(metaText);
  if (Either.isLeft(meta)) throw bad(`#meta.interleave: ${firstLine(meta.left.message)}`);
  const written = JSON.parse(metaText as string) as InterleaveMeta;
  const steps = file.states.map((state, i): StepReport => {
    const stateMeta = (state["#meta"] ?? {}) as Record<string, unknown>;
    const values = written.wrapped ? state[wrappedVar] : Object.fromEntries(file.vars.map((v) => [v, state[v]]));
    const action = parsedAction(stateMeta.action, i, bad);
    const tla = typeof stateMeta.tla === "string" ? parsed(stateMeta.tla, `state ${i}'s #meta.tla`, bad) : undefined;
    return {
      action,
      label: typeof stateMeta.label === "string" ? stateMeta.label : i === 0 ? "initial state" : `step ${i + 1}`,
      state: looseItf(values, written.source),
      ...(tla !== undefined && { tla }),
    };
  });
  const trace: TraceReport = { source: written.source, steps, loopsBackTo: file.loop ?? null, ...(written.loop && { loop: written.loop }) };
  return { run: written.run as RunHeader, property: { ...written.property, trace } };
}

function parsedAction(text: unknown, index: number, bad: (what: string) => UsageError): ActionReport {
  if (text === undefined) return index === 0 ? { kind: "init" } : { kind: "step" };
  const value = typeof text === "string" ? parsed(text, `state ${index}'s #meta.action`, bad) : text;
  if (Either.isLeft(Schema.decodeUnknownEither(Action)(value))) throw bad(`state ${index}'s #meta.action has no kind`);
  return value as ActionReport;
}

function parsed(text: string, what: string, bad: (what: string) => UsageError): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw bad(`${what} is not JSON`);
  }
}

/** A trace written by another tool: its states as TLA+ variables, steps numbered (or named by Quint's mbt::actionTaken). */
function foreignTrace(file: typeof ItfFile.Type, name: string): Counterexample {
  const actionVar = "mbt::actionTaken";
  const vars = file.vars.filter((v) => v !== actionVar && v !== "mbt::nondetPicks");
  const steps = file.states.map((state, i): StepReport => {
    const taken = state[actionVar];
    const label = typeof taken === "string" && taken !== "" ? taken : i === 0 ? "initial state" : `step ${i + 1}`;
    return {
      action: i === 0 ? { kind: "init" } : typeof taken === "string" ? { kind: "action", name: taken } : { kind: "step" },
      label,
      state: Object.fromEntries(vars.map((v) => [v, state[v]])),
    };
  });
  const meta = file["#meta"] ?? {};
  const source = typeof meta.source === "string" ? meta.source.replace(/\.(tla|qnt)$/, "") : name.replace(/^.*\//, "").replace(/\.itf\.json$/, "");
  return {
    run: { spec: source, variant: "" },
    property: {
      name: typeof meta.description === "string" ? meta.description : "trace",
      holds: null,
      trace: { source: "tla", steps, loopsBackTo: file.loop ?? null },
    },
  };
}

const firstLine = (message: string) => message.split("\n").slice(0, 3).join(" ").replace(/\s+/g, " ").trim();
