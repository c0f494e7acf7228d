import type { StepReport, TraceReport } from "../report.ts";
import { changeLines, changes } from "../trace/diff.ts";
import { isEnvelope, showItf } from "../trace/show.ts";
import { bareNames, processesOf, type Counterexample } from "./counterexample.ts";

/*
 * A counterexample as a sequence diagram, before it is drawn (Mermaid text by ./mermaid.ts, SVG by ./svg-sequence.ts):
 * a lifeline per process, an arrow per message delivered (a cross for one lost), invocations, responses, local events
 * and crashes as notes over their process, the steps of a lasso's loop inside a loop block, the messages still in
 * flight at the end, and the violation last. A model without processes (or a TLA+ trace) has one lifeline, "system",
 * with a note per step: its action and what it changed.
 * Each event carries the number of its step (from 1, as the text report numbers states).
 */

/** How a note reads: a client's call or return, a local event, a crash, or something about the whole system. */
export type NoteTone = "call" | "return" | "event" | "crash" | "system" | "violation";

export type DiagramEvent =
  | { readonly kind: "message"; readonly step: number; readonly from: string; readonly to: string; readonly text: string; readonly lost: boolean }
  /** A note; `step` is absent for the closing note on the violation. */
  | { readonly kind: "note"; readonly step?: number; readonly over: readonly string[]; readonly text: string; readonly tone: NoteTone }
  | { readonly kind: "loop"; readonly text: string; readonly events: readonly DiagramEvent[] };

export interface SequenceDiagram {
  /** Lifelines, left to right: the processes by id, or one "system" lifeline for a model that has none. */
  readonly participants: readonly string[];
  readonly events: readonly DiagramEvent[];
}

/** The lifeline of a trace whose model has no processes (or a TLA+ trace). */
export const systemLifeline = "system";

/** The sequence diagram of a counterexample. */
export function sequenceDiagram(c: Counterexample): SequenceDiagram {
  const names = processesOf(c).map((p) => p.name);
  const participants = names.length > 0 ? names : [systemLifeline];
  const known = new Set(participants);
  const bare = bareNames(c);
  const show = (v: unknown) => showItf(v, bare);
  const { trace } = c.property;
  const everyone = [participants[0]!, participants.at(-1)!];
  const stepEvents = (i: number): DiagramEvent[] =>
    names.length > 0 ? eventsOfStep(trace, i, { known, show, everyone }) : [systemStep(trace, i, bare)];
  const last = trace.steps.length - 1;
  const back = trace.loopsBackTo;
  const events: DiagramEvent[] = [];
  const prefixEnd = back === null ? last : back;
  for (let i = 1; i <= prefixEnd; i++) events.push(...stepEvents(i));
  if (back !== null) {
    const inLoop: DiagramEvent[] = [];
    if (back === last) inLoop.push({ kind: "note", step: last + 2, over: everyone, text: `stuttering: state ${last + 1} forever`, tone: "system" });
    else for (let i = back + 1; i <= last; i++) inLoop.push(...stepEvents(i));
    const text = back === last ? `forever` : `forever: steps ${back + 2} to ${last + 1}, back to state ${back + 1}`;
    events.push({ kind: "loop", text, events: inLoop });
  }
  const inFlight = inFlightNote(trace.steps[last]!.state, show, everyone);
  if (inFlight) events.push(inFlight);
  events.push(violationNote(c, everyone));
  return { participants, events };
}

/** The messages in flight in the last state (an actor system's `network` of envelopes): the first few, and how many more. */
function inFlightNote(state: unknown, show: (v: unknown) => string, everyone: readonly string[]): DiagramEvent | undefined {
  const network = typeof state === "object" && state !== null ? (state as { network?: unknown }).network : undefined;
  if (!Array.isArray(network) || network.length === 0) return undefined;
  if (!network.every((e) => typeof e === "object" && e !== null && isEnvelope(e as Record<string, unknown>))) return undefined;
  const shown = network.slice(0, 3).map(show);
  const more = network.length > shown.length ? `, and ${network.length - shown.length} more` : "";
  return { kind: "note", over: everyone, text: `still in flight: ${shown.join(", ")}${more}`, tone: "system" };
}

function violationNote(c: Counterexample, everyone: readonly string[]): DiagramEvent {
  const { property } = c;
  const steps = property.trace.steps.length;
  const text =
    property.holds === false
      ? property.error !== undefined
        ? `✗ the model's code threw: ${property.error}`
        : property.trace.loopsBackTo !== null
          ? `✗ ${property.name} violated: this runs forever`
          : `✗ ${property.name} violated in state ${steps}`
      : `end of the trace (state ${steps})`;
  return { kind: "note", over: everyone, text, tone: "violation" };
}

interface StepContext {
  readonly known: ReadonlySet<string>;
  readonly show: (v: unknown) => string;
  readonly everyone: readonly string[];
}

/** The events of step `i` (index into the trace): its action, then the calls and returns it added to the history. */
function eventsOfStep(trace: TraceReport, i: number, context: StepContext): DiagramEvent[] {
  const { known, show, everyone } = context;
  const step = trace.steps[i]!;
  const number = i + 1;
  const action = step.action;
  const name = (field: string) => (typeof action[field] === "string" && known.has(action[field] as string) ? (action[field] as string) : undefined);
  const events: DiagramEvent[] = [];
  const from = name("from");
  const to = name("to");
  const process = name("process");
  const client = name("client");
  if ((action.kind === "deliver" || action.kind === "drop") && from !== undefined && to !== undefined) {
    const text = show(action.message);
    events.push({ kind: "message", step: number, from, to, text: action.kind === "drop" ? `lost: ${text}` : text, lost: action.kind === "drop" });
  } else if (action.kind === "crash" && process !== undefined) {
    events.push({ kind: "note", step: number, over: [process], text: "✗ crashes", tone: "crash" });
  } else if (action.kind === "recover" && process !== undefined) {
    events.push({ kind: "note", step: number, over: [process], text: "↺ recovers", tone: "crash" });
  } else if (action.kind === "isolate" && process !== undefined) {
    events.push({ kind: "note", step: number, over: [process], text: "✂ isolated", tone: "crash" });
  } else if (action.kind === "timer" && process !== undefined) {
    events.push({ kind: "note", step: number, over: [process], text: `⏰ timer ${String(action.timer)} fires`, tone: "event" });
  } else if (action.kind === "local" && process !== undefined) {
    events.push({ kind: "note", step: number, over: [process], text: withoutSubject(step.label, process), tone: "event" });
  } else if (action.kind === "invoke" && client !== undefined) {
    events.push({ kind: "note", step: number, over: [client], text: `invokes ${show(action.operation)}`, tone: "call" });
  } else {
    events.push({ kind: "note", step: number, over: everyone, text: step.label, tone: "system" });
  }
  for (const e of historyAdded(trace.steps[i - 1]!, step)) {
    if (!known.has(e.client)) continue;
    if ("ret" in e) events.push({ kind: "note", step: number, over: [e.client], text: `returns ${show(e.ret)}`, tone: "return" });
    else if (!(action.kind === "invoke" && client === e.client))
      events.push({ kind: "note", step: number, over: [e.client], text: `calls ${show(e.call)}`, tone: "call" });
  }
  return events;
}

/** A step of a model without processes: its label and what it changed, over the one lifeline. */
function systemStep(trace: TraceReport, i: number, bare: ReadonlySet<string>): DiagramEvent {
  const step = trace.steps[i]!;
  const changed = changeLines(changes(trace.steps[i - 1]!.state, step.state, bare), Number.POSITIVE_INFINITY).join("; ");
  return { kind: "note", step: i + 1, over: [systemLifeline], text: changed === "" ? step.label : `${step.label}: ${changed}`, tone: "system" };
}

/** "tm does begin" over tm reads "does begin". */
const withoutSubject = (label: string, process: string) => (label.startsWith(`${process} `) ? label.slice(process.length + 1) : label);

type HistoryEntry = { readonly client: string; readonly call: unknown } | { readonly client: string; readonly ret: unknown };

/** The history events a step appended (an actor system's view: `history` a list of `{client, call}` / `{client, ret}`). */
export function historyAdded(before: StepReport, after: StepReport): HistoryEntry[] {
  const a = historyOf(before.state);
  const b = historyOf(after.state);
  if (a === undefined || b === undefined || b.length <= a.length) return [];
  return b.slice(a.length);
}

/** The history of a state of an actor system's view, or undefined when the state has none. */
export function historyOf(state: unknown): HistoryEntry[] | undefined {
  if (typeof state !== "object" || state === null || Array.isArray(state)) return undefined;
  const history = (state as { history?: unknown }).history;
  if (!Array.isArray(history)) return undefined;
  const entries = history.filter(
    (e): e is HistoryEntry =>
      typeof e === "object" && e !== null && typeof (e as { client?: unknown }).client === "string" && ("call" in e || "ret" in e),
  );
  return entries.length === history.length ? entries : undefined;
}
