import type { TraceReport } from "../report.ts";
import type { LinearizabilityExplanation } from "../report/linearizability.ts";
import { showItf } from "../trace/show.ts";
import { clip, escapeXml, fontSize, px, textWidth } from "./markup.ts";
import { historyOf } from "./sequence.ts";

/*
 * The clients' history as a timeline: one bar per operation from the step that called it to the step that returned it
 * (still open at the end when pending), over the trace's steps. For a violated linearizability property the
 * operations are its explanation's, the smallest set that no order satisfies marked; otherwise they are read from the
 * `history` of the trace's states (an actor system's view).
 */

/** An operation on the timeline: who called what, what it returned, and the trace indexes of its call and return. */
export interface TimelineOperation {
  readonly client: string;
  readonly text: string;
  readonly called: number;
  readonly returned: number | null;
  /** In the smallest set of operations that no order satisfies. */
  readonly core: boolean;
}

/** The operations of a trace: from the explanation when there is one, else from its states' history; empty when neither. */
export function timelineOperations(
  trace: TraceReport,
  explanation: LinearizabilityExplanation | undefined,
  bare: ReadonlySet<string>,
): TimelineOperation[] {
  const show = (v: unknown) => showItf(v, bare);
  const text = (client: string, operation: unknown, result: { value: unknown } | undefined) =>
    `${client} ${show(operation)}${result === undefined ? "" : ` → ${show(result.value)}`}`;
  if (explanation) {
    const core = new Set(explanation.core);
    return explanation.operations.map((o, i) => ({
      client: o.client,
      text: text(o.client, o.operation, "result" in o ? { value: o.result } : undefined),
      called: o.called,
      returned: o.returned,
      core: core.has(i),
    }));
  }
  const operations: { client: string; call: unknown; called: number; ret?: { value: unknown }; returned: number | null }[] = [];
  let seen = 0;
  trace.steps.forEach((step, i) => {
    const history = historyOf(step.state) ?? [];
    for (const event of history.slice(seen)) {
      if ("call" in event) operations.push({ client: event.client, call: event.call, called: i, returned: null });
      else {
        const open = operations.find((o) => o.client === event.client && o.returned === null);
        if (open) Object.assign(open, { ret: { value: event.ret }, returned: i });
      }
    }
    seen = Math.max(seen, history.length);
  });
  return operations.map((o) => ({ client: o.client, text: text(o.client, o.call, o.ret), called: o.called, returned: o.returned, core: false }));
}

/** The timeline as inline SVG over `steps` steps; each bar links to the row of its call (`#step-N`). */
export function timelineSvg(operations: readonly TimelineOperation[], steps: number): string {
  const labels = operations.map((o) => `${o.core ? "* " : "  "}${clip(o.text, 60)}`);
  const labelWidth = Math.max(...labels.map(textWidth)) + 16;
  const stepWidth = Math.min(28, Math.max(10, 640 / Math.max(1, steps)));
  const left = 8 + labelWidth;
  const x = (i: number) => left + i * stepWidth + stepWidth / 2;
  const row = 24;
  const top = 26;
  const width = left + steps * stepWidth + 16;
  const height = top + operations.length * row + 8;
  const every = Math.ceil(20 / stepWidth);
  const ticks: string[] = [];
  for (let i = 0; i < steps; i++) {
    if (i % every !== 0 && i !== steps - 1) continue;
    ticks.push(
      `<line class="tick" x1="${px(x(i))}" y1="${top - 4}" x2="${px(x(i))}" y2="${px(height - 8)}"/>` +
        `<text x="${px(x(i))}" y="${top - 10}" text-anchor="middle">${i + 1}</text>`,
    );
  }
  const bars = operations.map((o, k) => {
    const y = top + k * row;
    const end = o.returned ?? steps - 1;
    const x0 = x(o.called) - 3;
    const x1 = x(end) + 3;
    const cls = `op${o.core ? " core" : ""}${o.returned === null ? " pending" : ""}`;
    const span = o.returned === null ? `steps ${o.called + 1}–… (pending)` : `steps ${o.called + 1}–${o.returned + 1}`;
    return (
      `<a href="#step-${o.called + 1}"><title>${escapeXml(`${o.text}: ${span}`)}</title><g class="${cls}">` +
      `<text x="8" y="${px(y + 15)}">${escapeXml(labels[k]!)}</text>` +
      `<rect x="${px(x0)}" y="${px(y + 4)}" width="${px(Math.max(6, x1 - x0))}" height="14" rx="4"/></g></a>`
    );
  });
  return [
    `<svg class="timeline" role="img" aria-label="history timeline" width="${px(width)}" height="${px(height)}" viewBox="0 0 ` +
      `${px(width)} ${px(height)}" font-family="monospace" font-size="${fontSize}">`,
    `<text x="${px(left - 8)}" y="${top - 10}" class="axis" text-anchor="end">state</text>`,
    ...ticks,
    ...bars,
    `</svg>`,
  ].join("\n");
}

/** The timeline's styles. */
export const timelineStyles = `
svg.timeline text { fill: #1f2328; white-space: pre; }
svg.timeline .axis { fill: #57606a; }
svg.timeline .tick { stroke: #d0d7de; }
svg.timeline .op rect { fill: #54aeff; stroke: #0969da; }
svg.timeline .op.core rect { fill: #ff8182; stroke: #cf222e; }
svg.timeline .op.core text { fill: #a40e26; font-weight: bold; }
svg.timeline .op.pending rect { fill-opacity: 0.35; stroke-dasharray: 4 3; }
svg.timeline a:hover text { text-decoration: underline; }
`;
