import { sizeText } from "./explore/memory.ts";
import type { ResultDocument } from "./report.ts";
import { configText } from "./config-text.ts";
import { explanationLines, formatTrace } from "./report/trace-text.ts";

export { formatTrace } from "./report/trace-text.ts";

const n = (x: number) => x.toLocaleString("en");

/**
 * The text report of a result document: summary, one line per property, then each counterexample (with why it is
 * one: a lasso's fair actions, a linearizability violation's operations); for a cross-check, the comparisons.
 */
export function formatReport(document: ResultDocument): string {
  if (document.crosscheck) return crosscheckText(document, document.crosscheck);
  const bare = new Set(document.processes?.map((p) => p.name));
  const lines = [...summaryLines(document), ...propertyLines(document)];
  for (const warning of document.warnings ?? []) lines.push(`  TLC warns: ${warning}`);
  for (const p of document.properties) {
    if (p.error !== undefined) {
      lines.push("", p.trace ? `The model's code threw after ${p.trace.steps.length} states: ${p.error}` : `The model's code threw: ${p.error}`);
      if (p.trace) lines.push(formatTrace(p.trace, bare));
      continue;
    }
    if (!p.trace) continue;
    const lasso = p.trace.loopsBackTo === null ? "" : ", a lasso";
    const shrunk = p.shrunkFrom === undefined ? "" : `, shrunk from a walk of ${p.shrunkFrom}`;
    const replayed = document.tool === "tlc" && p.trace.source === "model" ? ", TLC's trace replayed on the implementation" : "";
    lines.push("", `Counterexample to ${p.name} (${p.trace.steps.length} states${lasso}${shrunk}${replayed}):`, formatTrace(p.trace, bare));
    if (p.explanation) lines.push(...explanationLines(p, p.explanation, p.trace.steps.length, bare));
  }
  return `${lines.join("\n")}\n`;
}

/** The head of a report: what ran, its counts, how it searched, and whether it completed. */
function summaryLines(document: ResultDocument): string[] {
  const settings = configText(document.config);
  const rate = document.seconds > 0 ? Math.round(document.distinctStates / document.seconds) : document.distinctStates;
  const tlc = document.tool === "tlc" ? `  with TLC ${document.tlcVersion ?? ""}`.trimEnd() : "";
  return [
    `${document.spec} (${document.variant})${settings === "" ? "" : `  ${settings}`}${tlc}`,
    `  ${countsText(document)} (${n(rate)} states/s${perState(document)})`,
    ...(document.simulation ? [`  ${simulationText(document.simulation)}`] : [`  ${searchText(document)}`]),
    `  ${document.complete ? "search complete" : stopReason(document)}${collision(document)}`,
  ];
}

/** One line per property: name, kind, verdict, and (for TLC) its TLA+ name or a note. */
function propertyLines(document: ResultDocument): string[] {
  const width = Math.max(0, ...document.properties.map((p) => p.name.length));
  return document.properties.map((p) => {
    const twin = document.tool === "tlc" && p.tla !== undefined && p.tla !== p.name ? `  (TLA+ ${p.tla})` : "";
    return `  ${p.name.padEnd(width)}  ${p.kind.padEnd(12)}  ${verdictText(p.holds)}${twin}${p.note === undefined ? "" : `  (${p.note})`}`;
  });
}

/** The kinds whose verdicts depend on fairness (termination asks for no cycle at all). */
const underFairness: ReadonlySet<string> = new Set(["eventually", "leadsTo", "temporal"]);

/** How the search ran: its strategy, the fairness liveness was checked under, symmetry, threads. */
function searchText(document: ResultDocument): string {
  const strategy = { bfs: "breadth-first", dfs: "depth-first", simulate: "random walks" }[document.strategy];
  const parts = [`${strategy} search${document.tool === "tlc" ? " by TLC" : ""}`];
  if (document.fairness && document.properties.some((p) => underFairness.has(p.kind))) {
    const named = Object.entries(document.fairness).filter(([, level]) => level !== "weak");
    parts.push(
      named.length === 0
        ? "liveness under weak fairness of every action kind"
        : `liveness under fairness ${named.map(([kind, level]) => `${kind}=${level}`).join(" ")} (other kinds weak)`,
    );
  }
  if (document.reductions.symmetry) parts.push("symmetry on");
  if (document.bound !== undefined) parts.push(`bounded: ${document.bound}`);
  if (document.workers !== undefined) parts.push(`${document.workers} threads`);
  return parts.join("; ");
}

/** A cross-check: what ran on each side, each comparison, and whether they agree. */
function crosscheckText(document: ResultDocument, crosscheck: NonNullable<ResultDocument["crosscheck"]>): string {
  const { tlc } = crosscheck;
  const lines = [
    `${document.spec} (${document.variant})  ${configText(document.config)}`,
    `  explorer: ${countsText(document)}`,
    `  TLC ${tlc.tlcVersion ?? ""}: ${countsText(tlc)} (all runs)`,
    ...crosscheck.comparisons.map((c) => `  ${c.agree ? "✓" : "✗"} ${c.what}: ${c.detail}`),
    crosscheck.agree ? "the explorer and TLC agree" : "the explorer and TLC DISAGREE",
  ];
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

/** Heap per distinct state, when measured on enough states: ", 1,024 bytes/state". */
const perState = (document: ResultDocument) =>
  document.memory && (document.distinctStates >= minStatesForBytes || document.stopReason === "memory")
    ? `, ${n(document.memory.bytesPerState)} bytes/state`
    : "";

/** Below this many states the heap's growth per state says more about start-up than about states: not shown (unless memory stopped the search). */
const minStatesForBytes = 10_000;

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
