import { configText } from "../config-text.ts";
import { explanationLines, formatTrace } from "../report/trace-text.ts";
import type { TraceReport } from "../report.ts";
import { bareNames, type Counterexample } from "./counterexample.ts";

/*
 * A counterexample as the text report prints it (the text renderer's formatTrace and explanation), with a head line
 * naming the run: what `interleave trace FILE` prints, a JUnit failure's body, a job summary's first steps.
 */

/** The head, the numbered steps (or the first `maxSteps` of them) and why the property fails. */
export function counterexampleText(c: Counterexample, options: { readonly maxSteps?: number } = {}): string {
  const { property, run } = c;
  const { trace } = property;
  const bare = bareNames(c);
  const cut = options.maxSteps !== undefined && trace.steps.length > options.maxSteps;
  const shown: TraceReport = cut ? { source: trace.source, steps: trace.steps.slice(0, options.maxSteps), loopsBackTo: null } : trace;
  const settings = run.config ? configText(run.config) : "";
  const where = `${run.spec}${run.variant === "" ? "" : ` (${run.variant})`}${settings === "" ? "" : `  ${settings}`}`;
  const lasso = trace.loopsBackTo === null ? "" : ", a lasso";
  const what =
    property.holds === false
      ? property.error !== undefined
        ? `The model's code threw after ${trace.steps.length} states: ${property.error}`
        : `Counterexample to ${property.name} (${trace.steps.length} states${lasso}):`
      : `${property.name} (${trace.steps.length} states${lasso}):`;
  const lines = [where, what, formatTrace(shown, bare)];
  if (cut) lines.push(`  … ${trace.steps.length - options.maxSteps!} more states`);
  else if (property.explanation)
    lines.push(...explanationLines({ ...property, kind: property.kind ?? "linearizable" }, property.explanation, trace.steps.length, bare));
  return `${lines.join("\n")}\n`;
}
