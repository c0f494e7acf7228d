/**
 * The result of a parallel search, as the sequential BFS would give it. Threads finish a level before they stop,
 * so when the search stops at a violation, an exception or the state bound, the figures are cut at the step where
 * the sequential search stops: the first such event in (parent id, action index) order, which is discovery order.
 */
import type { Model } from "../../model.ts";
import { findFairLasso } from "../../props/liveness.ts";
import { isLiveness, type Property } from "../../props/property.ts";
import { collisionProbability } from "../../state/fingerprint.ts";
import { EdgeStore } from "../edges.ts";
import { replay } from "../replay.ts";
import type { ExploreResult, PropertyResult, StopReason, Trace } from "../result.ts";
import { exceptionResult, lasso, livenessQuery } from "../verdicts.ts";
import type { StopRules } from "./levels.ts";
import type { PackedEdges } from "./messages.ts";
import type { Thrown } from "./participant.ts";
import { FINAL_BYTE, type SharedRecords } from "./records.ts";
import { DEADLOCK, FOUND, FRONTIER_END, NONE, OUT_OF_MEMORY, type SharedSearch } from "./shared.ts";

/** Where the sequential search stops: after taking action `action` of state `parent` (−1: before its first action). */
interface Cut {
  readonly parent: number;
  readonly action: number;
  /** Successors the sequential search computed at `parent` before stopping. */
  readonly computed: number;
  readonly reason: StopReason;
  readonly thrown?: Thrown;
}

export interface Finished<S> {
  readonly shared: SharedSearch;
  readonly properties: readonly Property<S>[];
  readonly rules: StopRules;
  readonly thrown: readonly Thrown[];
  readonly edges: readonly PackedEdges[];
  readonly complete: boolean;
  readonly started: number;
  readonly initialStates: number;
  /** The memory bound. */
  readonly memory: number;
  /** The memory held when the search started: the shared buffers as first allocated and the calling thread's heap. */
  readonly startBytes: number;
}

const before = (a: { parent: number; action: number }, b: { parent: number; action: number }) =>
  a.parent < b.parent || (a.parent === b.parent && a.action < b.action);

/** The result document's figures and verdicts of a finished parallel search, with traces replayed on `model`. */
export function assemble<S, A>(model: Model<S, A>, run: Finished<S>): ExploreResult<S, A> {
  const { shared, properties } = run;
  const { records, control } = shared;
  records.refresh();
  const total = control[FRONTIER_END]!;
  const cut = firstStop(run, total);
  // States the sequential search would have found, and successors it would have computed.
  const distinct = cut ? countUpTo(records, total, cut) : total;
  let generated = cut && cut.parent < 0 ? cut.action + 1 : run.initialStates;
  const expandedBefore = cut ? Math.max(0, cut.parent) : total;
  for (let id = 0; id < expandedBefore; id++) generated += Math.max(0, records.degree(id));
  if (cut && cut.parent >= 0) generated += cut.computed;
  const complete = run.complete && !cut;

  const traceTo = (id: number) => replay(model, records, id);
  const graph = complete && properties.some(isLiveness) ? edgeStore(run.edges) : undefined;
  let liveness = 0;
  const results = properties.map((property, j): PropertyResult<S, A> => {
    const base = { name: property.name, kind: property.kind };
    if (isLiveness(property)) {
      const byte = 1 + liveness++;
      if (!complete || !graph) return { ...base, holds: null };
      const query = livenessQuery(property, {
        n: total,
        graph: graph.store,
        isInitial: (v) => records.parent(v) === -1,
        isFinal: (v) => records.flag(v, FINAL_BYTE) !== 0,
        bits: (v) => records.flag(v, byte),
        strong: graph.strong,
      });
      const found = findFairLasso(graph.store, query);
      return found ? { ...base, holds: false, trace: lasso(traceTo(found.start), found.stem, found.cycle, model) } : { ...base, holds: true };
    }
    const at = property.kind === "deadlock" ? control[DEADLOCK]! : control[FOUND + j]!;
    const seen = at !== NONE && (property.kind === "deadlock" ? !cut || at <= cut.parent : at < distinct);
    if (property.kind === "sometimes") return seen ? { ...base, holds: true } : { ...base, holds: complete ? false : null };
    if (seen) return { ...base, holds: false, trace: traceTo(at) };
    return { ...base, holds: complete ? true : null };
  });
  if (cut?.thrown) results.push(thrownResult(model, cut.thrown, traceTo));
  const depth = distinct === 0 ? 0 : records.depth(distinct - 1);
  const stopReason: StopReason | undefined = complete ? undefined : (cut?.reason ?? (control[OUT_OF_MEMORY] ? "memory" : "interrupted"));
  const peakBytes = shared.peak[0]!;
  return {
    strategy: "bfs",
    complete,
    distinctStates: distinct,
    generatedStates: generated,
    depth,
    seconds: (performance.now() - run.started) / 1000,
    collisionProbability: collisionProbability(distinct, generated),
    properties: results,
    ...(stopReason && { stopReason }),
    // Per state: what the search grew by (every thread's heap and the shared buffers), as the sequential search says it.
    memory: { limitBytes: run.memory, peakBytes, bytesPerState: total > 0 ? Math.round(Math.max(0, peakBytes - run.startBytes) / total) : 0 },
  };
}

/** The first event, in discovery order, at which the sequential search stops; undefined when it would not stop. */
function firstStop<S>(run: Finished<S>, total: number): Cut | undefined {
  const { shared, rules } = run;
  const { records, control } = shared;
  const cuts: Cut[] = [];
  const atState = (id: number, reason: StopReason): Cut => ({
    parent: records.parent(id),
    action: records.actionIndex(id),
    computed: records.actionIndex(id) + 1,
    reason,
  });
  rules.stopsOn.forEach((stops, j) => {
    if (stops && control[FOUND + j] !== NONE) cuts.push(atState(control[FOUND + j]!, "violation"));
  });
  if (rules.stopsOnDeadlock && control[DEADLOCK] !== NONE) cuts.push({ parent: control[DEADLOCK]!, action: -1, computed: 0, reason: "violation" });
  if (total >= rules.maxStates && rules.maxStates > 0) cuts.push(atState(rules.maxStates - 1, "max-states"));
  for (const t of run.thrown) {
    // Taking action k threw: k successors were computed; checking a new state's properties threw: it was computed.
    const computed = t.phase === "properties" ? t.action + 1 : Math.max(0, t.action);
    cuts.push({ parent: t.parent, action: t.action, computed, reason: "violation", thrown: t });
  }
  return cuts.reduce<Cut | undefined>((first, c) => (first === undefined || before(c, first) ? c : first), undefined);
}

/** How many states the sequential search found up to the cut: ids are in (parent, action) order. */
function countUpTo(records: SharedRecords, total: number, cut: Cut): number {
  const last = cut.thrown?.phase === "step" ? cut.action - 1 : cut.action;
  let lo = 0;
  let hi = total;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const p = records.parent(mid);
    if (p < cut.parent || (p === cut.parent && records.actionIndex(mid) <= last)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The edge lists of every thread as one graph, with their fairness classes merged by key. */
function edgeStore(lists: readonly PackedEdges[]): { store: EdgeStore; strong: (c: number) => boolean } {
  const store = new EdgeStore();
  const ids = new Map<string, number>();
  const strongClasses: boolean[] = [];
  for (const list of lists) {
    const global = Int32Array.from(list.classKeys, ({ key, strong }) => {
      let c = ids.get(key);
      if (c === undefined) {
        ids.set(key, (c = strongClasses.length));
        strongClasses.push(strong);
      }
      return c;
    });
    let e = 0;
    for (let i = 0; i < list.sources.length; i++) {
      const degree = list.degrees[i]!;
      store.setFrom(list.sources[i]!, list.targets, list.classes, e, degree, global);
      e += degree;
    }
  }
  return { store, strong: (c) => strongClasses[c] === true };
}

/** The "model threw" verdict, its step described as the sequential search describes it. */
function thrownResult<S, A>(model: Model<S, A>, t: Thrown, traceTo: (id: number) => Trace<S, A>): PropertyResult<S, A> {
  if (t.parent < 0) {
    const step =
      t.phase === "properties" ? "checking the properties of the state after computing the initial states" : "computing the initial states";
    return exceptionResult(undefined, step, t.message);
  }
  const trace = traceTo(t.parent);
  const state = trace.steps[trace.steps.length - 1]!.state;
  const actions = t.action >= 0 ? model.actions(state) : [];
  const step =
    t.action < 0
      ? "listing the enabled actions"
      : t.action < actions.length
        ? model.describe(actions[t.action]!)
        : "deciding whether the state is final";
  return exceptionResult(trace, t.phase === "properties" ? `checking the properties of the state after ${step}` : step, t.message);
}
