import type { Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import { findCycle } from "../props/cycles.ts";
import { collisionProbability } from "../state/fingerprint.ts";
import { hashInto } from "../state/hash.ts";
import { VisitedSet } from "../state/visited.ts";
import { EdgeStore } from "./edges.ts";
import { Monitor } from "./monitor.ts";
import type { ExploreResult, Progress, PropertyResult, Trace } from "./result.ts";
import { replay } from "./replay.ts";

export interface ExploreOptions<S> {
  readonly properties: readonly Property<S>[];
  /** "bfs" (default: shortest counterexamples) or "dfs". */
  readonly strategy?: "bfs" | "dfs";
  /** Stop once this many distinct states are found; the result is then incomplete. */
  readonly maxStates?: number;
  /** Called about every `progressEvery` distinct states. */
  readonly onProgress?: (progress: Progress) => void;
  readonly progressEvery?: number;
  /** Keep exploring after a violation (TLC's -continue); by default the search stops at the first one. */
  readonly continueAfterViolation?: boolean;
  /** Called once with every distinct state, in discovery order (e.g. to project the reachable set). */
  readonly onNewState?: (state: S) => void;
  /** Checked with the progress report; when aborted the search stops as at a bound. */
  readonly signal?: AbortSignal;
}

/**
 * Explores every reachable state of `model` once, checking `properties`. Deterministic: the same model
 * and options give the same counts and the same counterexamples.
 */
export function explore<S, A>(model: Model<S, A>, options: ExploreOptions<S>): ExploreResult<S, A> {
  const started = performance.now();
  const strategy = options.strategy ?? "bfs";
  const maxStates = options.maxStates ?? Infinity;
  const progressEvery = options.progressEvery ?? 20_000;
  const visited = new VisitedSet();
  const monitor = new Monitor(options.properties);
  const graph = monitor.needsGraph ? new EdgeStore() : undefined;
  const pending: { state: S; id: number }[] = [];
  let head = 0;
  let generated = 0;
  let depth = 0;
  let stopped = false;
  const fp = new Uint32Array(2);

  const discover = (state: S, parent: number, actionIndex: number, level: number): number => {
    generated++;
    hashInto(state, fp);
    const added = visited.add(fp[0]!, fp[1]!, parent, actionIndex, level);
    if (added < 0) return -added - 1;
    if (level > depth) depth = level;
    options.onNewState?.(state);
    if (monitor.onState(state, added) && !options.continueAfterViolation) stopped = true;
    pending.push({ state, id: added });
    if (visited.size % progressEvery === 0) {
      options.onProgress?.(progressOf());
      if (options.signal?.aborted) stopped = true;
    }
    if (visited.size >= maxStates) stopped = true;
    return added;
  };
  const progressOf = (): Progress => ({
    distinctStates: visited.size,
    generatedStates: generated,
    queue: pending.length - head,
    depth,
    seconds: (performance.now() - started) / 1000,
  });

  model.initialStates().forEach((state, i) => {
    if (!stopped) discover(state, -1, i, 1);
  });
  while (!stopped && head < pending.length) {
    const { state, id } = strategy === "bfs" ? pending[head++]! : pending.pop()!;
    if (strategy === "bfs" && head > 65_536 && head * 2 > pending.length) {
      pending.splice(0, head);
      head = 0;
    }
    const actions = model.actions(state);
    const level = visited.depth(id) + 1;
    const targets: number[] = [];
    for (let k = 0; k < actions.length && !stopped; k++) {
      targets.push(discover(model.next(state, actions[k]!), id, k, level));
    }
    if (targets.length < actions.length) break; // stopped mid-expansion: not a dead end, not an edge list
    graph?.set(id, targets);
    if (monitor.onExpanded(id, actions.length, model.isFinal(state)) && !options.continueAfterViolation) stopped = true;
  }

  const complete = !stopped;
  const traceTo = (id: number) => replay(model, visited, id);
  const properties = monitor.watches.map(({ property, found }): PropertyResult<S, A> => {
    const base = { name: property.name, kind: property.kind };
    if (property.kind === "sometimes") return found >= 0 ? { ...base, holds: true } : { ...base, holds: complete ? false : null };
    if (property.kind === "termination") {
      if (!complete) return { ...base, holds: null };
      const cycle = findCycle(graph!, visited.size);
      return cycle ? { ...base, holds: false, trace: lasso(traceTo(cycle.start), cycle.actions, model) } : { ...base, holds: true };
    }
    if (found >= 0) return { ...base, holds: false, trace: traceTo(found) };
    return { ...base, holds: complete ? true : null };
  });
  return {
    strategy,
    complete,
    distinctStates: visited.size,
    generatedStates: generated,
    depth,
    seconds: (performance.now() - started) / 1000,
    collisionProbability: collisionProbability(visited.size, generated),
    properties,
  };
}

/**
 * Extends the path to a cyclic state by its cycle. The last step's state is the state at `loopsBackTo`
 * again, so the action that closes the loop is kept.
 */
function lasso<S, A>(prefix: Trace<S, A>, cycle: readonly number[], model: Model<S, A>): Trace<S, A> {
  const steps = [...prefix.steps];
  const loopsBackTo = steps.length - 1;
  let state = steps[loopsBackTo]!.state;
  for (const k of cycle) {
    const action = model.actions(state)[k]!;
    state = model.next(state, action);
    steps.push({ action, state });
  }
  return { steps, loopsBackTo };
}
