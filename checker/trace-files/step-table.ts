import type { TraceReport } from "../report.ts";
import { changes, type Change } from "../trace/diff.ts";
import { showItf } from "../trace/show.ts";
import { escapeXml } from "./markup.ts";

/*
 * The step table of a trace as HTML, reusable by any page that shows a trace (the trace files' page, an explorer):
 * one row per step, numbered from 1 as the text report numbers states, with its action's label and what it changed
 * (by field: `+` what arrived, `−` what left, `a → b` what changed), the whole state folded under it, a lasso's loop
 * marked. Rows have ids `step-N`, so diagrams and timelines link to them. Pure string functions, no Node APIs.
 *
 * Exports: stepTableHtml (the table), changesHtml (one step's changes), stateHtml (a state in full), stepTableStyles (CSS).
 */

/** How the table shows values: process names (`bare`) without quotes. */
export interface StepTableOptions {
  readonly bare?: ReadonlySet<string>;
}

/** The `<table class="steps">` of a trace. */
export function stepTableHtml(trace: TraceReport, options: StepTableOptions = {}): string {
  const bare = options.bare ?? new Set<string>();
  const last = trace.steps.length - 1;
  const back = trace.loopsBackTo;
  const rows = trace.steps.map((step, i) => {
    const inLoop = back !== null && back < last && i > back;
    const closes = inLoop && i === last;
    const classes = [`kind-${cssWord(step.action.kind)}`, ...(inLoop ? ["in-loop"] : []), ...(back === i ? ["loop-start"] : [])];
    const marks = [
      ...(back === i && back < last ? [`<span class="mark">↺ the loop starts after state ${i + 1}</span>`] : []),
      ...(closes ? [`<span class="mark">→ back to state ${back! + 1}</span>`] : []),
    ];
    const changed = i === 0 ? stateHtml(step.state, bare) : changesHtml(trace.steps[i - 1]!.state, step.state, bare);
    const full = i === 0 ? "" : `<details><summary>state ${i + 1}</summary>${stateHtml(step.state, bare)}</details>`;
    const tla = step.tla === undefined ? "" : `<details><summary>TLA+ state ${i + 1}</summary>${stateHtml(step.tla, new Set())}</details>`;
    return (
      `<tr id="step-${i + 1}" class="${classes.join(" ")}"><td class="n"><a href="#step-${i + 1}">${i + 1}</a></td>` +
      `<td class="action"><span class="kind">${escapeXml(step.action.kind)}</span> ${escapeXml(step.label)}${marks.join("")}</td>` +
      `<td class="changes">${changed}${full}${tla}</td></tr>`
    );
  });
  if (back !== null && back === last)
    rows.push(
      `<tr id="step-${last + 2}" class="stutter in-loop"><td class="n">${last + 2}</td><td class="action">stuttering: state ` +
        `${last + 1} forever</td><td class="changes">(no change)</td></tr>`,
    );
  return `<table class="steps"><thead><tr><th>state</th><th>action</th><th>what changed</th></tr></thead><tbody>\n${rows.join("\n")}\n</tbody></table>`;
}

/** What a step changed, one line per top-level field (a process, the network, the history); "(no change)" when nothing did. */
export function changesHtml(before: unknown, after: unknown, bare: ReadonlySet<string> = new Set()): string {
  const list = changes(before, after, bare);
  if (list.length === 0) return `<div class="none">(no change)</div>`;
  const byTop = new Map<string, Change[]>();
  for (const c of list) {
    const top = c.path[0] ?? "";
    byTop.set(top, [...(byTop.get(top) ?? []), c]);
  }
  return [...byTop]
    .map(([top, group]) => {
      const parts = group.map((c) => {
        const where = c.path.slice(1).reduce((p, s) => (s.startsWith("[") || p === "" ? `${p}${s}` : `${p}.${s}`), "");
        const tone = c.text.startsWith("+ ") ? "add" : c.text.startsWith("− ") ? "del" : "mod";
        return `<span class="${tone}">${where === "" ? "" : `<span class="where">${escapeXml(where)}</span> `}${escapeXml(c.text)}</span>`;
      });
      return `<div class="change">${top === "" ? "" : `<span class="field">${escapeXml(top)}</span> `}${parts.join('<span class="sep">, </span>')}</div>`;
    })
    .join("");
}

/** A state in full: one line per top-level field (the whole value when it is not a record). */
export function stateHtml(state: unknown, bare: ReadonlySet<string> = new Set()): string {
  const isRecord = typeof state === "object" && state !== null && !Array.isArray(state) && !Object.keys(state).some((k) => k.startsWith("#"));
  if (!isRecord) return `<div class="state"><code>${escapeXml(showItf(state, bare))}</code></div>`;
  const lines = Object.entries(state as Record<string, unknown>).map(
    ([k, v]) => `<div><span class="field">${escapeXml(k)}</span> <code>${escapeXml(showItf(v, bare))}</code></div>`,
  );
  return `<div class="state">${lines.join("")}</div>`;
}

const cssWord = (text: string) => text.replace(/[^A-Za-z0-9_-]/g, "_");

/** The table's styles. */
export const stepTableStyles = `
table.steps { border-collapse: collapse; width: 100%; font-size: 13px; }
table.steps th { text-align: left; background: #f6f8fa; border-bottom: 2px solid #d0d7de; padding: 4px 8px; position: sticky; top: 0; }
table.steps td { border-bottom: 1px solid #d8dee4; padding: 4px 8px; vertical-align: top; }
table.steps td.n { text-align: right; font-variant-numeric: tabular-nums; width: 3em; }
table.steps td.n a { color: inherit; text-decoration: none; }
table.steps td.action { width: 34%; }
table.steps .kind { display: inline-block; min-width: 4.5em; font-size: 11px; color: #57606a;
  border: 1px solid #d0d7de; border-radius: 8px; padding: 0 6px; text-align: center; }
table.steps tr.kind-crash .kind { color: #a40e26; border-color: #cf222e; }
table.steps tr.kind-drop .kind { color: #a40e26; }
table.steps tr.in-loop { background: #fbefff; }
table.steps tr:target { outline: 2px solid #0969da; background: #ddf4ff; }
table.steps .mark { display: block; color: #6639ba; font-weight: bold; }
table.steps .change, table.steps .state div { font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-word; }
table.steps .field { font-weight: bold; }
table.steps .field::after { content: ":"; }
table.steps .add { color: #116329; }
table.steps .del { color: #a40e26; }
table.steps .mod { color: #1f2328; }
table.steps .where { color: #57606a; }
table.steps .none { color: #57606a; }
table.steps details summary { cursor: pointer; color: #57606a; font-size: 12px; }
`;
