import { clip, escapeXml, fontSize, px, textWidth } from "./markup.ts";
import type { DiagramEvent, NoteTone, SequenceDiagram } from "./sequence.ts";

/*
 * A sequence diagram (./sequence.ts) drawn as inline SVG, computed here rather than in the browser: the trace page
 * needs no script and no network to show it. Lifelines under a box per participant, an arrow per message (a cross at
 * the end of one lost), notes over their participants, a frame around a lasso's loop. Each event links to its step's
 * row (`#step-N`, as ./step-table.ts numbers them) and says its whole text in a tooltip when the drawing cuts it.
 */

/** How a diagram is drawn into a page: ids inside the SVG start with `idPrefix` (default "seq"), so two diagrams may share a page. */
export interface SvgOptions {
  readonly idPrefix?: string;
  /** The longest text drawn in full, in characters (default 72); longer texts are cut, whole in the tooltip. */
  readonly maxChars?: number;
}

const margin = 16;
const boxHeight = 30;
const rowGap = 8;
const messageRow = 30;
const selfRow = 42;
const noteRow = 26;
const loopHeader = 24;
const loopPad = 10;
const minGap = 110;

/** The SVG of a sequence diagram (an `<svg>` element, no XML declaration). */
export function sequenceSvg(diagram: SequenceDiagram, options: SvgOptions = {}): string {
  const prefix = options.idPrefix ?? "seq";
  const maxChars = options.maxChars ?? 72;
  const label = (e: { step?: number; text: string }) => (e.step === undefined ? e.text : `${e.step}. ${e.text}`);
  const shown = (text: string) => clip(text, maxChars);
  const { participants } = diagram;
  const index = new Map(participants.map((p, i) => [p, i]));
  const boxWidth = participants.map((p) => Math.max(64, textWidth(p) + 24));
  const gaps = columnGaps(diagram, boxWidth, index, (e) => textWidth(shown(label(e))));
  const xs: number[] = [];
  participants.forEach((_, i) => xs.push(i === 0 ? margin + boxWidth[0]! / 2 : xs[i - 1]! + gaps[i - 1]!));
  const loopDepth = maxLoopDepth(diagram.events);
  const left = margin + loopDepth * loopPad;
  const shift = left - margin;
  for (let i = 0; i < xs.length; i++) xs[i]! += shift;
  const right = xs.at(-1)! + boxWidth.at(-1)! / 2;
  const body: string[] = [];
  // How far drawn things reach left and right (a note wider than the diagram widens it).
  let minX = 0;
  let maxX = right + loopDepth * loopPad + margin;
  let y = margin + boxHeight + rowGap * 2;

  const noteSpan = (over: readonly string[], text: string): [number, number] => {
    const at = over.map((p) => xs[index.get(p)!]!);
    const lo = Math.min(...at);
    const hi = Math.max(...at);
    const width = Math.max(hi - lo + 40, textWidth(text) + 16);
    const centre = (lo + hi) / 2;
    minX = Math.min(minX, centre - width / 2 - margin);
    maxX = Math.max(maxX, centre + width / 2 + margin);
    return [centre - width / 2, width];
  };

  const draw = (events: readonly DiagramEvent[], depth: number) => {
    for (const e of events) {
      if (e.kind === "loop") {
        const top = y;
        y += loopHeader;
        draw(e.events, depth + 1);
        const x0 = margin + depth * loopPad;
        const x1 = right + (loopDepth - depth) * loopPad;
        const tab = "loop";
        body.push(
          `<g class="loop"><rect x="${px(x0)}" y="${px(top)}" width="${px(x1 - x0)}" height="${px(y - top)}"/>` +
            `<path d="M${px(x0)} ${px(top + 18)} h${px(textWidth(tab) + 14)} l6 -6 v-12"/>` +
            `<text x="${px(x0 + 6)}" y="${px(top + 13)}" class="tab">${tab}</text>` +
            `<text x="${px(x0 + textWidth(tab) + 28)}" y="${px(top + 13)}">${escapeXml(`[${e.text}]`)}</text></g>`,
        );
        y += rowGap;
        continue;
      }
      const text = label(e);
      const cut = shown(text);
      const title = `<title>${escapeXml(text)}</title>`;
      const open = e.step === undefined ? `<g>` : `<a href="#step-${e.step}">`;
      const close = e.step === undefined ? `</g>` : `</a>`;
      if (e.kind === "message") {
        const x0 = xs[index.get(e.from)!]!;
        const x1 = xs[index.get(e.to)!]!;
        const cls = e.lost ? "msg lost" : "msg";
        if (x0 === x1) {
          y += selfRow - 12;
          maxX = Math.max(maxX, x0 + 8 + textWidth(cut) + margin);
          body.push(
            `${open}${title}<g class="${cls}"><text x="${px(x0 + 8)}" y="${px(y - 20)}">${escapeXml(cut)}</text>` +
              `<path d="M${px(x0)} ${px(y - 14)} h30 v14 h-28" marker-end="url(#${prefix}-${e.lost ? "cross" : "arrow"})"/></g>${close}`,
          );
          y += 12;
          continue;
        }
        y += messageRow - 8;
        const direction = x1 > x0 ? 1 : -1;
        body.push(
          `${open}${title}<g class="${cls}"><text x="${px((x0 + x1) / 2)}" y="${px(y - 6)}" text-anchor="middle">${escapeXml(cut)}</text>` +
            `<line x1="${px(x0)}" y1="${px(y)}" x2="${px(x1 - direction * 2)}" y2="${px(y)}" ` +
            `marker-end="url(#${prefix}-${e.lost ? "cross" : "arrow"})"/></g>${close}`,
        );
        y += 8;
        continue;
      }
      const [x, width] = noteSpan(e.over, cut);
      body.push(
        `${open}${title}<g class="note ${e.tone satisfies NoteTone}"><rect x="${px(x)}" y="${px(y + 2)}" ` +
          `width="${px(width)}" height="${noteRow - 6}" rx="3"/>` +
          `<text x="${px(x + width / 2)}" y="${px(y + 16)}" text-anchor="middle">${escapeXml(cut)}</text></g>${close}`,
      );
      y += noteRow;
    }
  };
  draw(diagram.events, 0);
  y += rowGap;
  const bottom = y;
  const lifelines = xs.map((x) => `<line class="lifeline" x1="${px(x)}" y1="${px(margin + boxHeight)}" x2="${px(x)}" y2="${px(bottom)}"/>`);
  const box = (p: string, i: number, top: number) =>
    `<g class="actor"><rect x="${px(xs[i]! - boxWidth[i]! / 2)}" y="${px(top)}" width="${px(boxWidth[i]!)}" height="${boxHeight}" rx="3"/>` +
    `<text x="${px(xs[i]!)}" y="${px(top + boxHeight / 2 + fontSize / 2 - 2)}" text-anchor="middle">${escapeXml(p)}</text></g>`;
  const width = maxX - minX;
  const height = bottom + boxHeight + margin;
  return [
    `<svg class="sequence" role="img" aria-label="sequence diagram" width="${px(width)}" height="${px(height)}" ` +
      `viewBox="${px(minX)} 0 ${px(width)} ${px(height)}" font-family="monospace" font-size="${fontSize}">`,
    `<defs><marker id="${prefix}-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" ` +
      `orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z"/></marker>`,
    `<marker id="${prefix}-cross" viewBox="0 0 10 10" refX="5" refY="5" markerWidth="10" markerHeight="10" ` +
      `orient="auto"><path d="M1 1 L9 9 M9 1 L1 9" class="cross"/></marker></defs>`,
    ...lifelines,
    ...participants.map((p, i) => box(p, i, margin)),
    ...participants.map((p, i) => box(p, i, bottom)),
    ...body,
    `</svg>`,
  ].join("\n");
}

/** The distance between neighbouring lifelines: wide enough for the boxes, and for each message's text over its span. */
function columnGaps(
  diagram: SequenceDiagram,
  boxWidth: readonly number[],
  index: ReadonlyMap<string, number>,
  width: (e: { step?: number; text: string }) => number,
): number[] {
  const gaps = boxWidth.slice(1).map((w, i) => Math.max(minGap, (boxWidth[i]! + w) / 2 + 24));
  const needs: { from: number; to: number; width: number }[] = [];
  const collect = (events: readonly DiagramEvent[]) => {
    for (const e of events) {
      if (e.kind === "loop") collect(e.events);
      else if (e.kind === "message") {
        const [a, b] = [index.get(e.from)!, index.get(e.to)!].sort((x, y) => x - y) as [number, number];
        if (a !== b) needs.push({ from: a, to: b, width: width(e) + 24 });
        else if (a < gaps.length) needs.push({ from: a, to: a + 1, width: width(e) + 16 });
      } else if (e.over.length === 1) {
        const i = index.get(e.over[0]!)!;
        const half = width(e) / 2 + 14;
        if (i > 0) needs.push({ from: i - 1, to: i, width: half + boxWidth[i - 1]! / 2 });
        if (i < gaps.length) needs.push({ from: i, to: i + 1, width: half + boxWidth[i + 1]! / 2 });
      }
    }
  };
  collect(diagram.events);
  needs.sort((x, y) => x.to - x.from - (y.to - y.from));
  for (const need of needs) {
    const span = gaps.slice(need.from, need.to);
    const have = span.reduce((s, g) => s + g, 0);
    if (have >= need.width) continue;
    const extra = (need.width - have) / span.length;
    for (let i = need.from; i < need.to; i++) gaps[i]! += extra;
  }
  return gaps;
}

function maxLoopDepth(events: readonly DiagramEvent[]): number {
  return Math.max(0, ...events.map((e) => (e.kind === "loop" ? 1 + maxLoopDepth(e.events) : 0)));
}

/** The diagram's styles (CSS for the classes the SVG uses). */
export const sequenceStyles = `
svg.sequence text { fill: #1f2328; white-space: pre; }
svg.sequence .actor rect { fill: #eef2ff; stroke: #4c5fd5; }
svg.sequence .actor text { font-weight: bold; }
svg.sequence .lifeline { stroke: #8c959f; stroke-dasharray: 4 3; }
svg.sequence .msg text { paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
svg.sequence .msg line, svg.sequence .msg path { stroke: #1f2328; fill: none; stroke-width: 1.2; }
svg.sequence .msg.lost line, svg.sequence .msg.lost path { stroke: #cf222e; stroke-dasharray: 5 3; }
svg.sequence marker path { fill: #1f2328; }
svg.sequence marker path.cross { stroke: #cf222e; stroke-width: 2; fill: none; }
svg.sequence .note rect { fill: #f6f8fa; stroke: #8c959f; }
svg.sequence .note.call rect { fill: #ddf4ff; stroke: #54aeff; }
svg.sequence .note.return rect { fill: #dafbe1; stroke: #4ac26b; }
svg.sequence .note.event rect { fill: #fff8c5; stroke: #d4a72c; }
svg.sequence .note.crash rect, svg.sequence .note.violation rect { fill: #ffebe9; stroke: #cf222e; }
svg.sequence .note.violation text, svg.sequence .note.crash text { font-weight: bold; fill: #a40e26; }
svg.sequence .loop rect { fill: none; stroke: #8250df; stroke-width: 1.5; }
svg.sequence .loop path { fill: #fbefff; stroke: #8250df; }
svg.sequence .loop text { fill: #6639ba; font-weight: bold; }
svg.sequence a:hover text { text-decoration: underline; }
`;
