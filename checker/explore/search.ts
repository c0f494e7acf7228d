import type { FairnessLevels, Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import { findFairLasso } from "../props/liveness.ts";
import { collisionProbability, fingerprint } from "../state/fingerprint.ts";
import { VisitedSet } from "../state/visited.ts";
import { EdgeStore } from "./edges.ts";
import { FairnessClasses } from "./fairness.ts";
import { Monitor } from "./monitor.ts";
import type { ExploreResult, Progress, PropertyResult, StopReason } from "./result.ts";
import { memoryBound, MemoryMeter } from "./memory.ts";
import { Frontier, packShare, type Packing } from "./queue.ts";
import { replay } from "./replay.ts";
import { symmetryOf } from "./symmetry.ts";
import { exceptionResult, lasso, livenessQuery } from "./verdicts.ts";
import { isUsageError } from "../errors.ts";

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
  /** Fairness level per action kind for the liveness properties (a kind not named is weakly fair). */
  readonly fairness?: FairnessLevels;
  /** Checked with the progress report; when aborted the search stops as at a bound. */
  readonly signal?: AbortSignal;
  /** Polled every 1,024 distinct states; once it returns true the search stops as at a bound (e.g. Ctrl-C seen by another thread). */
  readonly shouldStop?: () => boolean;
  /** Stop once the heap in use passes this many bytes (default: 80% of the heap limit); sampled every 4,096 distinct states. */
  readonly memory?: number;
  /** File each state under its orbit's representative (model.symmetry; safety properties only, see ./symmetry.ts). */
  readonly symmetry?: boolean;
  /** Whether waiting states are packed into bytes (./queue.ts): "auto" (default: once memory use passes 1/8 of the bound), "always", "never". */
  readonly packing?: Packing;
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
  const classes = graph ? new FairnessClasses(model, options.fairness) : undefined;
  const pending = new Frontier<S>(strategy === "bfs" ? "fifo" : "lifo", options.packing);
  let generated = 0;
  let depth = 0;
  let stopped: StopReason | undefined; // why the search stops, once it does
  const meter = new MemoryMeter(memoryBound(options.memory));
  const symmetry = options.symmetry ? symmetryOf(model, options.properties) : undefined;
  const fp = new Uint32Array(2);
  let thrown: { id: number; step: string; message: string } | undefined;
  let checkingProperties = false;
  /** The model's own code threw (a handler, a property): the search stops and reports it, unless it is bad input. */
  const fail = (error: unknown, id: number, step: string) => {
    if (isUsageError(error)) throw error; // bad input (e.g. a value that is not plain data), not a violation
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    thrown = { id, step: checkingProperties ? `checking the properties of the state after ${step}` : step, message };
    stopped = "violation";
  };

  const discover = (state: S, parent: number, actionIndex: number, level: number): number => {
    generated++;
    fingerprint(model, symmetry ? symmetry.canonical(state) : state, fp); // under symmetry: the orbit's fingerprint; the state is explored as reached
    const added = visited.add(fp[0]!, fp[1]!, parent, actionIndex, level);
    if (added < 0) return -added - 1;
    if (symmetry?.sampled(added)) symmetry.check(state);
    if (level > depth) depth = level;
    options.onNewState?.(state);
    checkingProperties = true;
    if (monitor.onState(state, added) && !options.continueAfterViolation) stopped ??= "violation";
    checkingProperties = false;
    pending.push(state, added);
    if (visited.size % progressEvery === 0) {
      options.onProgress?.(progressOf());
      if (options.signal?.aborted) stopped ??= "interrupted";
    }
    if ((visited.size & 1023) === 0 && options.shouldStop?.()) stopped ??= "interrupted";
    if ((visited.size & 4095) === 0) {
      // Stopped too before the visited set or the state graph grows past the bound in the next 4,096 states (each
      // doubles in one step); the graph's edges are estimated at twice the mean degree so far.
      const edges = graph ? graph.growthBytes(visited.size + 4096, Math.ceil((8192 * generated) / visited.size)) : 0;
      if (meter.exceeded() || meter.inUse + visited.growthBytes(4096) + edges > meter.limit) stopped ??= "memory";
      else if (meter.inUse > meter.limit * packShare) pending.startPacking();
    }
    if (visited.size >= maxStates) stopped ??= "max-states";
    return added;
  };
  const progressOf = (): Progress => ({
    distinctStates: visited.size,
    generatedStates: generated,
    queue: pending.size,
    depth,
    seconds: (performance.now() - started) / 1000,
  });

  try {
    model.initialStates().forEach((state, i) => {
      if (!stopped) discover(state, -1, i, 1);
    });
  } catch (error) {
    fail(error, -1, "computing the initial states");
  }
  while (!stopped && pending.size > 0) {
    const state = pending.take();
    const id = pending.id;
    let actions: readonly A[] = [];
    let k = -1;
    try {
      actions = model.actions(state);
      const level = visited.depth(id) + 1;
      const targets: number[] = [];
      for (k = 0; k < actions.length && !stopped; k++) targets.push(discover(model.next(state, actions[k]!), id, k, level));
      if (targets.length < actions.length) break; // stopped mid-expansion: not a dead end, not an edge list
      graph?.set(id, targets, classes && actions.map((a) => classes.classOf(a)));
      if (monitor.onExpanded(id, actions.length, model.isFinal(state)) && !options.continueAfterViolation) stopped ??= "violation";
    } catch (error) {
      fail(
        error,
        id,
        k < 0 ? "listing the enabled actions" : k < actions.length ? model.describe(actions[k]!) : "deciding whether the state is final",
      );
      break;
    }
  }

  const complete = !stopped;
  const traceTo = (id: number) => replay(model, visited, id);
  const properties: PropertyResult<S, A>[] = monitor.watches.map(({ property, found }): PropertyResult<S, A> => {
    const base = { name: property.name, kind: property.kind };
    if (property.kind === "sometimes") return found >= 0 ? { ...base, holds: true } : { ...base, holds: complete ? false : null };
    const live = monitor.liveness.find((w) => w.property === property);
    if (live) {
      if (!complete) return { ...base, holds: null };
      const found = findFairLasso(
        graph!,
        livenessQuery(live.property, {
          n: visited.size,
          graph: graph!,
          isInitial: (v) => visited.parent(v) === -1,
          isFinal: (v) => monitor.finals.get(v) !== 0,
          bits: (v) => live.bits.get(v),
          strong: (c) => classes?.strong(c) ?? false,
        }),
      );
      return found ? { ...base, holds: false, trace: lasso(traceTo(found.start), found.stem, found.cycle, model) } : { ...base, holds: true };
    }
    if (found >= 0) return { ...base, holds: false, trace: traceTo(found) };
    return { ...base, holds: complete ? true : null };
  });
  if (thrown) properties.push(exceptionResult(thrown.id < 0 ? undefined : traceTo(thrown.id), thrown.step, thrown.message));
  return {
    strategy,
    complete,
    distinctStates: visited.size,
    generatedStates: generated,
    depth,
    seconds: (performance.now() - started) / 1000,
    collisionProbability: collisionProbability(visited.size, generated),
    properties,
    ...(stopped && { stopReason: stopped }),
    memory: meter.figures(visited.size),
  };
}
