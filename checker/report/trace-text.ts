import type { PropertyReport, TraceReport } from "../report.ts";
import { changeLines, changes, stateLines } from "../trace/diff.ts";
import { showItf } from "../trace/show.ts";
import type { LinearizabilityExplanation, OperationReport } from "./linearizability.ts";
import type { FairAction, LoopFairness } from "./loop.ts";

/*
 * The text rendering of a counterexample: numbered steps (the initial state in full, then each action with what it
 * changed), a lasso's loop and why it is fair, and for linearizability the history as intervals and why no order of
 * its operations works. Steps are numbered from 1 as TLC numbers states.
 */

const indent = "       ";

/**
 * A counterexample as numbered steps: the initial state in full, then each action with what it changed; a lasso
 * ends with the step that goes back to an earlier state, as TLC says it, or with its last state stuttering, then
 * the fair actions along the loop. Strings in `bare` (process names) are shown without quotes.
 */
export function formatTrace(trace: TraceReport, bare: ReadonlySet<string> = new Set()): string {
  const lines: string[] = [];
  const last = trace.steps.length - 1;
  trace.steps.forEach((step, i) => {
    if (i === 0) {
      lines.push(`  1. ${step.label}`);
      for (const line of stateLines(step.state, bare)) lines.push(`${indent}${line}`);
      return;
    }
    const closesLoop = trace.loopsBackTo !== null && trace.loopsBackTo < i && i === last;
    const head = `  ${i + 1}. ${step.label}`;
    lines.push(closesLoop ? `${head}  → back to state ${trace.loopsBackTo! + 1}` : head);
    const changed = changeLines(changes(trace.steps[i - 1]!.state, step.state, bare));
    for (const line of changed.length === 0 ? ["(no change)"] : changed) lines.push(`${indent}${line}`);
  });
  if (trace.loopsBackTo === last) lines.push(`  ${last + 2}. stuttering: state ${last + 1} forever`);
  if (trace.loopsBackTo !== null && trace.loop) lines.push(...loopLines(trace.loop, trace.loopsBackTo, last));
  return lines.join("\n");
}

/** Why the loop is a fair execution: what stays enabled along it and where the loop takes it. */
function loopLines(loop: LoopFairness, back: number, last: number): string[] {
  const stutters = back === last;
  const lines: string[] = [];
  if (stutters)
    lines.push(
      loop.enabledThroughout.length === 0
        ? `  No action owed fairness is enabled in state ${last + 1}, so the execution may stay there forever.`
        : `  Stuttering in state ${last + 1} forever, while these actions owed fairness stay enabled (NOT a fair execution):`,
    );
  else {
    const loopText = `The loop (states ${back + 1} to ${last}) repeats forever`;
    lines.push(
      loop.enabledThroughout.length === 0
        ? `  ${loopText}, and it is fair: no action owed fairness stays enabled in all of its states.`
        : `  ${loopText}; the actions owed fairness that stay enabled in all of its states, each taken by the loop:`,
    );
  }
  lines.push(...loop.enabledThroughout.map((a) => `    ${fairActionText(a)}`));
  if (loop.strongSometimes.length > 0) {
    lines.push("  Strongly fair actions enabled in some state of the loop:");
    lines.push(...loop.strongSometimes.map((a) => `    ${fairActionText(a)}`));
  }
  if (loop.unfair.length > 0) {
    const shown = loop.unfair.slice(0, 6);
    const more = loop.unfair.length - shown.length;
    lines.push(`  Enabled but owed no fairness: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}`);
  }
  return lines;
}

function fairActionText(a: FairAction): string {
  const taken = a.takenAt.length === 0 ? "NEVER taken in the loop" : `taken at step ${a.takenAt.map((i) => i + 1).join(", ")}`;
  return `${a.label}  (${a.fairness} fairness of ${a.kind}; ${taken})`;
}

/**
 * Why a history is not linearizable: its operations as intervals over the trace's steps (the smallest set that fails
 * marked *), then each order of that set which respects real time, with the operation whose result the spec contradicts.
 */
export function explanationLines(p: PropertyReport, e: LinearizabilityExplanation, steps: number, bare: ReadonlySet<string>): string[] {
  const show = (v: unknown) => showItf(v, bare);
  const opText = (o: OperationReport) => `${o.client} ${show(o.operation)}${"result" in o ? ` → ${show(o.result)}` : ""}`;
  const texts = e.operations.map(opText);
  const width = Math.max(...texts.map((t) => t.length));
  const core = new Set(e.core);
  const spans = e.operations.map((o) => (o.returned === null ? `steps ${o.called + 1}–… pending` : `steps ${o.called + 1}–${o.returned + 1}`));
  const spanWidth = Math.max(...spans.map((t) => t.length));
  const lines = [
    "",
    `Why ${p.name} fails: no order of the operations in state ${steps}'s history is legal for a ${e.spec}.`,
    ...e.operations.map((o, i) => `  ${core.has(i) ? "*" : " "} ${texts[i]!.padEnd(width)}  ${spans[i]!.padEnd(spanWidth)}  ${bar(o, steps)}`),
  ];
  lines.push(
    e.operations.length > e.core.length
      ? "  The operations marked * cannot be ordered, whatever the others do (each may take effect at any point after its call, or never)."
      : "  All of them are needed: free any one (to take effect at any point after its call, or never) and the rest can be ordered.",
    `  Each order that respects real time (an operation after every one that returned before it was called) contradicts a ${e.spec}:`,
  );
  for (const r of e.refuted) {
    const failing = e.operations[r.order.at(-1)!]!;
    const order = r.order.length === 1 ? `${texts[r.order[0]!]} first` : r.order.map((i) => texts[i]).join(", ");
    lines.push(`    ${order}: a ${e.spec} returns ${show(r.expected)} there, not ${show(failing.result)}`);
  }
  if (e.refutedLeftOut > 0) lines.push(`    and ${e.refutedLeftOut} more order(s)`);
  return lines;
}

/** An operation's interval drawn over the steps: ├ its call, ┤ its return, … still pending at the end. */
function bar(o: OperationReport, steps: number): string {
  const scale = steps > 60 ? 60 / steps : 1;
  const at = (i: number) => Math.floor(i * scale);
  const start = at(o.called);
  const end = o.returned === null ? at(steps - 1) : at(o.returned);
  const body = o.returned === null ? `├${"─".repeat(Math.max(0, end - start))}…` : end === start ? "┼" : `├${"─".repeat(end - start - 1)}┤`;
  return `${" ".repeat(start)}${body}`;
}
