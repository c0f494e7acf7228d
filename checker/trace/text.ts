import type { Trace } from "../explore/result.ts";
import type { Model } from "../model.ts";
import { describeState, diff } from "./diff.ts";

/**
 * A counterexample as numbered steps: the initial state in full, then each action with what it
 * changed; a lasso ends with the step that goes back to an earlier state, as TLC says it, or with its last
 * state stuttering forever.
 */
export function renderTrace<S, A>(trace: Trace<S, A>, model: Model<S, A>): string {
  const view = (s: S) => (model.view ? model.view(s) : s);
  const lines: string[] = [];
  trace.steps.forEach((step, i) => {
    const closesLoop = trace.loopsBackTo !== null && trace.loopsBackTo < i && i === trace.steps.length - 1;
    if (step.action === null) {
      lines.push(`  ${i + 1}. initial state`);
      for (const line of describeState(view(step.state))) lines.push(`       ${line}`);
      return;
    }
    const head = `  ${i + 1}. ${model.describe(step.action)}`;
    lines.push(closesLoop ? `${head}  → back to state ${trace.loopsBackTo! + 1}` : head);
    const changes = diff(view(trace.steps[i - 1]!.state), view(step.state));
    for (const line of changes.length === 0 ? ["(no change)"] : changes) lines.push(`       ${line}`);
  });
  if (trace.loopsBackTo === trace.steps.length - 1) lines.push(`  ${trace.steps.length + 1}. stuttering: state ${trace.steps.length} forever (no fair action is enabled)`);
  return lines.join("\n");
}
