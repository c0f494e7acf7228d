import { sizeText } from "./explore/memory.ts";
import type { ResultDocument } from "./report.ts";
import { configText } from "./config-text.ts";
import { describeState, diff } from "./trace/diff.ts";
import { fromItf } from "./trace/itf.ts";

const n = (x: number) => x.toLocaleString("en");

/** The human report of a result document: summary, one line per property, then each counterexample. */
export function formatReport(document: ResultDocument): string {
  const settings = configText(document.config);
  const rate = document.seconds > 0 ? Math.round(document.distinctStates / document.seconds) : document.distinctStates;
  const lines = [
    `${document.spec} (${document.variant})  ${settings}`,
    `  ${countsText(document)} (${n(rate)} states/s${perState(document)})`,
    ...(document.simulation ? [`  ${simulationText(document.simulation)}`] : []),
    `  ${document.complete ? "search complete" : stopReason(document)}${collision(document)}`,
  ];
  const width = Math.max(...document.properties.map((p) => p.name.length));
  for (const p of document.properties) {
    const verdict = verdictText(p.holds);
    lines.push(`  ${p.name.padEnd(width)}  ${p.kind.padEnd(12)}  ${verdict}${p.note === undefined ? "" : `  (${p.note})`}`);
  }
  for (const p of document.properties) {
    if (p.error !== undefined) {
      lines.push("", p.trace ? `The model's code threw after ${p.trace.steps.length} states: ${p.error}` : `The model's code threw: ${p.error}`);
      if (p.trace) lines.push(formatTrace(p.trace));
      continue;
    }
    if (!p.trace) continue;
    const lasso = p.trace.loopsBackTo === null ? "" : ", a lasso";
    const shrunk = p.shrunkFrom === undefined ? "" : `, shrunk from a walk of ${p.shrunkFrom}`;
    lines.push("", `Counterexample to ${p.name} (${p.trace.steps.length} states${lasso}${shrunk}):`, formatTrace(p.trace));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The counts of a run as TLC defines them, and its time: "33 distinct states, 49 generated, depth 11, 0.01 s";
 * under symmetry "676 distinct states (symmetry: on), …".
 */
export const countsText = (d: ResultDocument): string =>
  `${n(d.distinctStates)} distinct states${d.reductions?.symmetry ? " (symmetry: on)" : ""}, ` +
  `${n(d.generatedStates)} generated, depth ${d.depth}, ${d.seconds.toFixed(2)} s`;

/** A verdict as one mark: ✓ holds, ✗ violated, ? undecided (or not checked). */
export const verdictMark = (holds: boolean | null | undefined): string => (holds === true ? "✓" : holds === false ? "✗" : "?");

/** A verdict as the reports print it. */
export const verdictText = (holds: boolean | null): string => (holds === null ? "? undecided" : holds ? "✓ holds" : "✗ VIOLATED");

const collision = (document: ResultDocument) =>
  document.collisionProbability === undefined ? "" : `; fingerprint collision probability ${document.collisionProbability.toExponential(1)}`;

/** Heap per distinct state, when measured: ", 1,024 bytes/state". */
const perState = (document: ResultDocument) => (document.memory ? `, ${n(document.memory.bytesPerState)} bytes/state` : "");

/** What a simulation ran, and how to run it again. */
function simulationText(s: NonNullable<ResultDocument["simulation"]>): string {
  const share = s.firstTrace === 0 ? "" : ` from trace ${n(s.firstTrace)}`;
  const found = s.violationTrace === undefined ? "" : `; the violation was found by trace ${n(s.violationTrace)}`;
  const walks = `walks of up to ${n(s.maxDepth)} states, seed ${s.seed} (--seed ${s.seed} repeats it)`;
  return `simulation: ${n(s.traces)} of ${n(s.tracesAsked)} traces${share}, ${walks}${found}`;
}

/** Why a search stopped before completing: its stopReason when the document has one. */
function stopReason(document: ResultDocument): string {
  const undecided = "verdicts marked ? are undecided";
  switch (document.stopReason) {
    case "violation":
      return document.simulation
        ? `simulation STOPPED at a violation (--continue walks on, until every safety property is violated): ${undecided}`
        : `search STOPPED at the first violation (--continue explores on): ${undecided}`;
    case "max-states":
      return `search STOPPED at --max-states: ${undecided}`;
    case "memory": {
      const limit = document.memory ? ` (${sizeText(document.memory.limitBytes)})` : "";
      return `${document.simulation ? "simulation" : "search"} STOPPED: the heap in use reached the memory bound${limit}, --memory: ${undecided}`;
    }
    case "interrupted":
      return `${document.simulation ? "simulation" : "search"} STOPPED by Ctrl-C: ${undecided}`;
    case "traces-done":
      return document.properties.some((p) => p.holds === false)
        ? `simulation done: every trace walked (--continue): ${undecided}`
        : `simulation done: no violation in the traces walked, but a simulation proves nothing (exit 3); ${undecided}`;
  }
  const why = document.properties.some((p) => p.holds === false)
    ? "at the first violation (--continue explores on)"
    : "at a bound (--max-states, or Ctrl-C)";
  return `search STOPPED ${why}: verdicts marked ? are undecided`;
}

type DocumentTrace = NonNullable<ResultDocument["properties"][number]["trace"]>;

/**
 * A counterexample as numbered steps: the initial state in full, then each action with what it changed; a
 * lasso ends with the step that goes back to an earlier state, as TLC says it, or with its last state stuttering.
 */
export function formatTrace(trace: DocumentTrace): string {
  const lines: string[] = [];
  trace.steps.forEach((step, i) => {
    if (i === 0) {
      lines.push(`  1. initial state`);
      for (const line of describeState(fromItf(step.state))) lines.push(`       ${line}`);
      return;
    }
    const closesLoop = trace.loopsBackTo !== null && trace.loopsBackTo < i && i === trace.steps.length - 1;
    const head = `  ${i + 1}. ${step.action}`;
    lines.push(closesLoop ? `${head}  → back to state ${trace.loopsBackTo! + 1}` : head);
    const changes = diff(fromItf(trace.steps[i - 1]!.state), fromItf(step.state));
    for (const line of changes.length === 0 ? ["(no change)"] : changes) lines.push(`       ${line}`);
  });
  if (trace.loopsBackTo === trace.steps.length - 1)
    lines.push(`  ${trace.steps.length + 1}. stuttering: state ${trace.steps.length} forever (no fair action is enabled)`);
  return lines.join("\n");
}
