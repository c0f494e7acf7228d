import type { Model } from "../model.ts";
import type { Trace, TraceStep } from "./result.ts";

/** Per state id, the parent (−1 for an initial state) and the index of the action that first reached it. */
export interface ParentLinks {
  parent(id: number): number;
  actionIndex(id: number): number;
}

/**
 * Rebuilds the path to state `id` by following parent links back and replaying the actions forward. Under
 * symmetry too the path is concrete: the explorer files states under their orbit's representative but explores
 * each as it was reached, so the actions recorded replay exactly the states it explored (./symmetry.ts).
 */
export function replay<S, A>(model: Model<S, A>, visited: ParentLinks, id: number): Trace<S, A> {
  const choices: number[] = [];
  for (let v = id; v !== -1; v = visited.parent(v)) choices.push(visited.actionIndex(v));
  choices.reverse();
  const initial = model.initialStates()[choices[0]!]!;
  const steps: TraceStep<S, A>[] = [{ action: null, state: initial }];
  let state: S = initial;
  for (const k of choices.slice(1)) {
    const action = model.actions(state)[k]!;
    state = model.next(state, action);
    steps.push({ action, state });
  }
  return { steps, loopsBackTo: null };
}
