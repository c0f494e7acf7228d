import { appendFileSync } from "node:fs";
import { UsageError } from "../errors.ts";
import { counterexamplesOf, fileBase, type Counterexample } from "./counterexample.ts";
import { asExpected, type JudgedRun } from "./judge.ts";
import { mermaidText } from "./mermaid.ts";
import { counterexampleText } from "./text.ts";

/*
 * A Markdown summary of runs for a CI job page (GitHub Actions' job summary, GITHUB_STEP_SUMMARY): a results table,
 * then each counterexample as a Mermaid sequence diagram (GitHub draws it) and its first steps as text. Violations a
 * variant does not declare come first and open; those it declares (a flawed variant failing as it should) folded.
 */

/** The most states of a trace the summary prints as text (the trace files hold the rest). */
const firstStates = 12;
/** GitHub takes at most 1 MiB per step's summary; past this many characters, declared violations lose their diagrams. */
const budget = 800_000;

/** The Markdown summary of the runs; `traceDir` (when the files were written) is named beside each counterexample. */
export function markdownSummary(runs: readonly JudgedRun[], options: { readonly traceDir?: string } = {}): string {
  const judged = runs.map((run) => ({ run, expected: asExpected(run) }));
  const wrong = judged.filter((r) => !r.expected).length;
  const head =
    wrong === 0
      ? `## Interleave: ${plural(runs.length, "run")}, all as their variants declare ✅`
      : `## Interleave: ${wrong} of ${plural(runs.length, "run")} NOT as their variants declare ❌`;
  const table = [
    "| spec | variant | distinct states | depth | seconds | verdicts | as declared |",
    "| --- | --- | ---: | ---: | ---: | --- | :---: |",
    ...judged.map(({ run: { document }, expected }) =>
      row([
        document.spec,
        document.variant,
        document.distinctStates.toLocaleString("en"),
        String(document.depth),
        document.seconds.toFixed(2),
        document.properties.map((p) => `${p.name} ${p.holds === true ? "✓" : p.holds === false ? "✗" : "?"}`).join(" · "),
        expected ? "✓" : "**NO**",
      ]),
    ),
  ];
  const counterexamples = judged.flatMap(({ run }) =>
    counterexamplesOf(run.document).map((c) => ({ c, declared: run.fails.includes(c.property.name) })),
  );
  const unexpected = counterexamples.filter((x) => !x.declared).map((x) => section(x.c, false, options.traceDir));
  let declared = counterexamples.filter((x) => x.declared).map((x) => section(x.c, true, options.traceDir));
  const size = (parts: readonly string[]) => parts.reduce((n, p) => n + p.length, 0);
  if (size(unexpected) + size(declared) > budget) declared = counterexamples.filter((x) => x.declared).map((x) => `- ${title(x.c)} (as declared)\n`);
  const parts = [head, "", ...table, ""];
  if (unexpected.length > 0) parts.push("### Counterexamples", "", ...unexpected);
  if (declared.length > 0) parts.push("### Violations the variants declare", "", ...declared);
  return `${parts.join("\n")}\n`;
}

function section(c: Counterexample, declared: boolean, traceDir: string | undefined): string {
  const steps = c.property.trace.steps.length;
  const files = traceDir === undefined ? "" : `\nFiles: \`${traceDir}/${fileBase(c)}.html\` (a page), \`.itf.json\` (ITF), \`.mmd\` (Mermaid).\n`;
  const body = [
    "```mermaid",
    mermaidText(c).trimEnd(),
    "```",
    "",
    `<details><summary>${steps > firstStates ? `The first ${firstStates} of ${steps} states` : `The ${steps} states`}</summary>`,
    "",
    "```text",
    counterexampleText(c, { maxSteps: firstStates }).trimEnd(),
    "```",
    "",
    "</details>",
    files,
  ].join("\n");
  if (!declared) return `#### ✗ ${title(c)}\n\n${body}\n`;
  return `<details><summary>${escapeHtml(title(c))} (as declared)</summary>\n\n${body}\n</details>\n`;
}

const title = (c: Counterexample) => `${c.run.spec} (${c.run.variant}): ${c.property.name} ${c.property.error !== undefined ? "threw" : "violated"}`;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
const row = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|").replace(/\n/g, " ")).join(" | ")} |`;
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * Appends the summary to the file GITHUB_STEP_SUMMARY names, when `env` sets it (as GitHub Actions does); returns
 * whether it did. A file that cannot be written is a UsageError.
 */
export function appendStepSummary(runs: readonly JudgedRun[], env: NodeJS.ProcessEnv, options: { readonly traceDir?: string } = {}): boolean {
  const path = env.GITHUB_STEP_SUMMARY;
  if (path === undefined || path === "") return false;
  try {
    appendFileSync(path, markdownSummary(runs, options));
  } catch (error) {
    throw new UsageError(`GITHUB_STEP_SUMMARY=${path}: cannot append the summary there (${(error as Error).message})`);
  }
  return true;
}
