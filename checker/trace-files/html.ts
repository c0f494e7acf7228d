import { configText } from "../config-text.ts";
import type { FairAction, LoopFairness } from "../report/loop.ts";
import { bareNames, type Counterexample } from "./counterexample.ts";
import { escapeXml } from "./markup.ts";
import { sequenceDiagram } from "./sequence.ts";
import { stepTableHtml, stepTableStyles } from "./step-table.ts";
import { sequenceStyles, sequenceSvg } from "./svg-sequence.ts";
import { counterexampleText } from "./text.ts";
import { timelineOperations, timelineStyles, timelineSvg } from "./timeline.ts";

/*
 * A counterexample as one self-contained HTML page (the .html trace file): what failed and how to run it again, why
 * (the model's error, why no order of the history works, the fair actions along a lasso's loop), the sequence diagram,
 * the history as a timeline, and the step table with what each step changed. Everything is inline (styles, SVG
 * drawn here); the page has no script and fetches nothing, so it opens offline, from a CI artifact, anywhere.
 */

/** The page of a counterexample. */
export function traceHtml(c: Counterexample): string {
  const { property, run } = c;
  const { trace } = property;
  const bare = bareNames(c);
  const verdict = property.holds === false ? (property.error !== undefined ? "the model's code threw" : "violated") : "trace";
  const title = `${property.name}: ${verdict} — ${run.spec}${run.variant === "" ? "" : ` (${run.variant})`}`;
  const operations = timelineOperations(trace, property.explanation, bare);
  const sections = [
    header(c, verdict),
    why(c),
    section("diagram", "Sequence diagram", `<div class="scroll">${sequenceSvg(sequenceDiagram(c))}</div>`),
    ...(operations.length > 0
      ? [
          section(
            "history",
            "History",
            `<div class="scroll">${timelineSvg(operations, trace.steps.length)}</div>${historyNote(operations.some((o) => o.core))}`,
          ),
        ]
      : []),
    section("steps", "Steps", stepTableHtml(trace, { bare })),
    section(
      "text",
      "As text",
      `<details><summary>the counterexample as the text report prints it</summary><pre>${escapeXml(counterexampleText(c))}</pre></details>`,
    ),
  ];
  return [
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8"/>',
    '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    `<title>${escapeXml(title)}</title>`,
    `<style>${pageStyles}${sequenceStyles}${timelineStyles}${stepTableStyles}</style>`,
    "</head>",
    "<body>",
    ...sections,
    `<footer>Written by Interleave. The same trace is in the .itf.json file beside this page (ITF, for Apalache and Quint ` +
      `tools and <code>interleave trace</code>) and as Mermaid in the .mmd file.</footer>`,
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const section = (id: string, heading: string, body: string) => `<section id="${id}"><h2>${escapeXml(heading)}</h2>\n${body}\n</section>`;

function header(c: Counterexample, verdict: string): string {
  const { property, run } = c;
  const { trace } = property;
  const facts: [string, string][] = [];
  facts.push(["spec", `${run.spec}${run.variant === "" ? "" : `, variant ${run.variant}`}`]);
  if (run.config && Object.keys(run.config).length > 0) facts.push(["configuration", configText(run.config)]);
  if (property.kind !== undefined)
    facts.push(["property", `${property.name} (${property.kind}${property.tla === undefined ? "" : `; TLA+ ${property.tla}`})`]);
  const lasso =
    trace.loopsBackTo === null
      ? ""
      : trace.loopsBackTo === trace.steps.length - 1
        ? `, a lasso: state ${trace.steps.length} stutters forever`
        : `, a lasso: back to state ${trace.loopsBackTo + 1}`;
  facts.push([
    "counterexample",
    `${trace.steps.length} states${lasso}${property.shrunkFrom === undefined ? "" : `, shrunk from a walk of ${property.shrunkFrom}`}`,
  ]);
  if (run.distinctStates !== undefined) facts.push(["search", searchText(c)]);
  if (property.note !== undefined) facts.push(["note", property.note]);
  const command = rerunCommand(c);
  if (command) facts.push(["run it again", command]);
  const list = facts
    .map(([k, v]) => `<dt>${escapeXml(k)}</dt><dd>${k === "run it again" ? `<code>${escapeXml(v)}</code>` : escapeXml(v)}</dd>`)
    .join("");
  const mark = property.holds === false ? `<span class="bad">✗ ${escapeXml(verdict)}</span>` : "";
  return `<header><h1>${escapeXml(property.name)} ${mark}</h1><dl class="facts">${list}</dl></header>`;
}

function searchText(c: Counterexample): string {
  const { run } = c;
  const n = (x: number | undefined) => (x ?? 0).toLocaleString("en");
  const strategy = run.strategy === undefined ? "" : { bfs: "breadth-first", dfs: "depth-first", simulate: "random walks" }[run.strategy];
  const by = run.tool === "tlc" ? ` by TLC ${run.tlcVersion ?? ""}`.trimEnd() : "";
  const seed = run.simulation ? `, seed ${run.simulation.seed}` : "";
  return `${strategy}${by}${seed}: ${n(run.distinctStates)} distinct states, ${n(run.generatedStates)} generated, depth ${run.depth ?? "?"}`;
}

/** The command that finds this counterexample again, for the explorer's runs. */
function rerunCommand(c: Counterexample): string | undefined {
  const { run } = c;
  if (run.tool !== "interleave") return undefined;
  const words = ["npx interleave check", shellWord(run.spec)];
  if (run.variant !== "main") words.push(`--variant ${shellWord(run.variant)}`);
  for (const [k, v] of Object.entries(run.config ?? {})) words.push(`--set ${shellWord(`${k}=${v}`)}`);
  if (run.strategy === "dfs") words.push("--strategy dfs");
  if (run.simulation)
    words.push(`--simulate --seed ${run.simulation.seed} --depth ${run.simulation.maxDepth} --traces ${run.simulation.tracesAsked}`);
  if (run.reductions?.symmetry) words.push("--symmetry");
  for (const [kind, level] of Object.entries(run.fairness ?? {})) words.push(`--fairness ${kind}=${level}`);
  return words.join(" ");
}

/** A word as a POSIX shell reads it back: as it is when plain, else in single quotes. */
const shellWord = (word: string) => (/^[A-Za-z0-9_.,=:/+@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`);

/** Why the property fails: the model's error, the linearizability explanation, or the lasso's fair actions. */
function why(c: Counterexample): string {
  const { property } = c;
  const { trace } = property;
  const parts: string[] = [];
  if (property.error !== undefined) parts.push(`<pre class="error">${escapeXml(property.error)}</pre>`);
  if (property.explanation) {
    const text = counterexampleText(c).split("\n");
    const from = text.findIndex((l) => l.startsWith("Why "));
    parts.push(`<pre>${escapeXml(text.slice(from).join("\n").trimEnd())}</pre>`);
  }
  if (trace.loopsBackTo !== null && trace.loop) parts.push(loopHtml(trace.loop, trace.loopsBackTo, trace.steps.length - 1));
  return parts.length === 0 ? "" : section("why", "Why", parts.join("\n"));
}

function loopHtml(loop: LoopFairness, back: number, last: number): string {
  const stutters = back === last;
  const head = stutters
    ? loop.enabledThroughout.length === 0
      ? `No action owed fairness is enabled in state ${last + 1}, so the execution may stay there forever.`
      : `State ${last + 1} stutters forever while these actions owed fairness stay enabled (not a fair execution):`
    : loop.enabledThroughout.length === 0
      ? `The loop (states ${back + 1} to ${last}) repeats forever, and it is fair: no action owed fairness stays enabled in all of its states.`
      : `The loop (states ${back + 1} to ${last}) repeats forever; the actions owed fairness that stay enabled in all of its states, each taken by the loop:`;
  const item = (a: FairAction) => {
    const taken =
      a.takenAt.length === 0
        ? "never taken in the loop"
        : `taken at step ${a.takenAt.map((i) => `<a href="#step-${i + 1}">${i + 1}</a>`).join(", ")}`;
    return `<li>${escapeXml(a.label)} <span class="dim">(${a.fairness} fairness of ${escapeXml(a.kind)}; ${taken})</span></li>`;
  };
  const lists = [`<p>${escapeXml(head)}</p>`];
  if (loop.enabledThroughout.length > 0) lists.push(`<ul>${loop.enabledThroughout.map(item).join("")}</ul>`);
  if (loop.strongSometimes.length > 0)
    lists.push(`<p>Strongly fair actions enabled in some state of the loop:</p><ul>${loop.strongSometimes.map(item).join("")}</ul>`);
  if (loop.unfair.length > 0) lists.push(`<p>Enabled but owed no fairness: ${escapeXml(loop.unfair.join("; "))}</p>`);
  return lists.join("\n");
}

const historyNote = (core: boolean) =>
  `<p class="dim">Each bar runs from the state its call reached to the state its return reached; an open bar is still pending at the end.${
    core ? " Red: the smallest set of operations that no order satisfies." : ""
  }</p>`;

const pageStyles = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px auto; max-width: 1200px; padding: 0 16px; color: #1f2328; }
h1 { font-size: 22px; margin: 0 0 12px; } h2 { font-size: 17px; border-bottom: 1px solid #d8dee4; padding-bottom: 4px; margin-top: 28px; }
.bad { color: #cf222e; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; font-size: 14px; }
dl.facts dt { color: #57606a; } dl.facts dd { margin: 0; }
pre { background: #f6f8fa; padding: 8px 12px; overflow-x: auto; font-size: 12px; }
pre.error { color: #a40e26; }
.scroll { overflow-x: auto; border: 1px solid #d8dee4; padding: 4px; }
.dim { color: #57606a; font-size: 13px; }
footer { margin-top: 32px; color: #57606a; font-size: 12px; }
`;
