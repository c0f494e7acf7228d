import { ComponentFinder, type StateGraph } from "./components.ts";

/**
 * A fair execution that never leaves the allowed states: from `start` take the `stem` actions to the
 * cycle's entry, then repeat the `cycle` actions forever (an empty cycle: the entry stutters forever).
 */
export interface FairLasso {
  readonly start: number;
  readonly stem: readonly number[];
  readonly cycle: readonly number[];
}

/** What a liveness check asks of the graph (states 0..n−1). */
export interface LivenessQuery {
  readonly n: number;
  /** The states the bad execution may visit (for eventually(P): the ¬P states). */
  readonly allowed: (v: number) => boolean;
  /** The states the bad execution may start from (initial states, or the P states of P ~> Q). */
  readonly trigger: (v: number) => boolean;
  /** True when fairness class `c` is strong (taken infinitely often if enabled infinitely often). */
  readonly strong: (c: number) => boolean;
}

/**
 * Looks for a fair execution that stays in the allowed states forever, starting at the smallest trigger
 * state that has one. Every state may stutter, so a strongly connected set of allowed states is a fair
 * cycle when each weakly fair class enabled in all of its states is taken inside it, and each strongly
 * fair class enabled in any of its states is taken inside it (states that break a strong class are
 * removed and the rest decomposed again). Iterative throughout: no recursion on the graph.
 */
export function findFairLasso(graph: StateGraph, query: LivenessQuery): FairLasso | undefined {
  const { n, allowed } = query;
  const finder = new ComponentFinder(graph, n);
  const top = finder.find(range(n), allowed);
  const componentOf = finder.component.slice();
  const cores = new FairCores(graph, finder, query.strong, n);
  const inCore = new Uint8Array(n);
  const bad = new Uint8Array(top.count);
  for (let c = 0; c < top.count; c++) {
    const members = top.members.subarray(top.starts[c]!, top.starts[c + 1]!);
    for (const core of cores.of(members)) for (const v of core) inCore[v] = 1;
    bad[c] = members.some((v) => inCore[v] === 1) || members.some((v) => leadsToBad(graph, v, c, componentOf, bad, allowed)) ? 1 : 0;
  }
  const inBad = (v: number) => allowed(v) && bad[componentOf[v]!] === 1;
  let start = -1;
  for (let v = 0; v < n && start < 0; v++) if (query.trigger(v) && inBad(v)) start = v;
  if (start < 0) return undefined;
  const stem = shortestPath(graph, start, inBad, (v) => inCore[v] === 1);
  const entry = stem.end;
  const c = componentOf[entry]!;
  const core = cores.of(top.members.subarray(top.starts[c]!, top.starts[c + 1]!)).find((k) => k.includes(entry))!;
  return { start, stem: stem.actions, cycle: fairCycle(graph, core, entry) };
}

function* range(n: number): Iterable<number> {
  for (let v = 0; v < n; v++) yield v;
}

function leadsToBad(graph: StateGraph, v: number, c: number, componentOf: Int32Array, bad: Uint8Array, allowed: (v: number) => boolean): boolean {
  for (let k = 0; k < graph.degree(v); k++) {
    const w = graph.target(v, k);
    if (allowed(w) && componentOf[w] !== c && bad[componentOf[w]!] === 1) return true;
  }
  return false;
}

/** Finds the fair strongly connected subsets (cores) of a strongly connected set of states. */
class FairCores {
  private readonly mark: Int32Array;
  private readonly removed: Int32Array;
  private stamp = 0;

  constructor(
    private readonly graph: StateGraph,
    private readonly finder: ComponentFinder,
    private readonly strong: (c: number) => boolean,
    n: number,
  ) {
    this.mark = new Int32Array(n);
    this.removed = new Int32Array(n);
  }

  of(component: ArrayLike<number>): number[][] {
    if (component.length === 1) return this.fairAlone(component[0]!) ? [[component[0]!]] : [];
    const found: number[][] = [];
    const work: number[][] = [Array.from(component)];
    while (work.length > 0) {
      const states = work.pop()!;
      const stamp = ++this.stamp;
      for (const v of states) this.mark[v] = stamp;
      const { enabledIn, taken } = this.classesOf(states, stamp);
      const breaking = new Set<number>();
      let unfair = false;
      for (const [c, count] of enabledIn) {
        if (taken.has(c)) continue;
        if (this.strong(c)) breaking.add(c);
        else if (count === states.length) unfair = true;
      }
      if (unfair) continue;
      if (breaking.size === 0) {
        found.push(states);
        continue;
      }
      for (const v of states) if (enables(this.graph, v, breaking)) this.removed[v] = stamp;
      const rest = states.filter((v) => this.removed[v] !== stamp);
      const sub = this.finder.find(rest, (v) => this.mark[v] === stamp && this.removed[v] !== stamp);
      for (let i = 0; i < sub.count; i++) work.push(Array.from(sub.members.subarray(sub.starts[i]!, sub.starts[i + 1]!)));
    }
    return found;
  }

  /** A lone state is fair when each class enabled in it is taken by a self-loop (else it stutters unfairly). */
  private fairAlone(v: number): boolean {
    const { graph } = this;
    for (let k = 0; k < graph.degree(v); k++) {
      const c = graph.fairClass(v, k);
      if (c < 0) continue;
      let loops = false;
      for (let j = 0; j < graph.degree(v) && !loops; j++) loops = graph.fairClass(v, j) === c && graph.target(v, j) === v;
      if (!loops) return false;
    }
    return true;
  }

  /** For each class: in how many of the states it is enabled; and the classes taken on edges inside. */
  private classesOf(states: readonly number[], stamp: number) {
    const enabledIn = new Map<number, number>();
    const lastState = new Map<number, number>();
    const taken = new Set<number>();
    for (const v of states) {
      for (let k = 0; k < this.graph.degree(v); k++) {
        const c = this.graph.fairClass(v, k);
        if (c < 0) continue;
        if (lastState.get(c) !== v) {
          lastState.set(c, v);
          enabledIn.set(c, (enabledIn.get(c) ?? 0) + 1);
        }
        if (this.mark[this.graph.target(v, k)] === stamp) taken.add(c);
      }
    }
    return { enabledIn, taken };
  }
}

function enables(graph: StateGraph, v: number, classes: ReadonlySet<number>): boolean {
  for (let k = 0; k < graph.degree(v); k++) if (classes.has(graph.fairClass(v, k))) return true;
  return false;
}

/** Breadth-first: the shortest path (action indexes) from `from` through `via` states to one that is `goal`. */
function shortestPath(
  graph: StateGraph,
  from: number,
  via: (v: number) => boolean,
  goal: (v: number) => boolean,
): { actions: number[]; end: number } {
  const previous = new Map<number, { v: number; k: number }>([[from, { v: -1, k: -1 }]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    if (goal(v)) {
      const actions: number[] = [];
      for (let u = v; u !== from;) {
        const step = previous.get(u)!;
        actions.push(step.k);
        u = step.v;
      }
      return { actions: actions.reverse(), end: v };
    }
    for (let k = 0; k < graph.degree(v); k++) {
      const w = graph.target(v, k);
      if (!previous.has(w) && via(w)) {
        previous.set(w, { v, k });
        queue.push(w);
      }
    }
  }
  throw new Error("internal: no path to a fair cycle from a state that reaches one");
}

/**
 * A cycle through `entry` inside the fair core that takes an action of every class taken in the core and
 * visits, for every other class enabled in it, a state where that class is disabled. Empty when the
 * entry may stutter forever.
 */
function fairCycle(graph: StateGraph, core: readonly number[], entry: number): number[] {
  const inside = new Set(core);
  const enabledAt = (v: number, c: number) => {
    for (let k = 0; k < graph.degree(v); k++) if (graph.fairClass(v, k) === c) return true;
    return false;
  };
  const takenInside = new Set<number>();
  const enabledSomewhere = new Set<number>();
  for (const v of core) {
    for (let k = 0; k < graph.degree(v); k++) {
      const c = graph.fairClass(v, k);
      if (c < 0) continue;
      enabledSomewhere.add(c);
      if (inside.has(graph.target(v, k))) takenInside.add(c);
    }
  }
  const needsEdge = [...takenInside];
  const needsGap = [...enabledSomewhere].filter((c) => !takenInside.has(c));
  const cycle: number[] = [];
  const edgeDone = new Set<number>();
  const gapDone = new Set<number>();
  const visit = (v: number) => {
    for (const c of needsGap) if (!gapDone.has(c) && !enabledAt(v, c)) gapDone.add(c);
  };
  const walk = (actions: readonly number[], from: number): number => {
    let v = from;
    for (const k of actions) {
      edgeDone.add(graph.fairClass(v, k));
      v = graph.target(v, k);
      visit(v);
      cycle.push(k);
    }
    return v;
  };
  const edgeOf = (v: number, c: number) => {
    for (let k = 0; k < graph.degree(v); k++) if (graph.fairClass(v, k) === c && inside.has(graph.target(v, k))) return k;
    return -1;
  };
  let at = entry;
  visit(entry);
  for (const c of needsGap) {
    if (gapDone.has(c)) continue;
    at = walk(
      shortestPath(
        graph,
        at,
        (v) => inside.has(v),
        (v) => !enabledAt(v, c),
      ).actions,
      at,
    );
  }
  for (const c of needsEdge) {
    if (edgeDone.has(c)) continue;
    const path = shortestPath(
      graph,
      at,
      (v) => inside.has(v),
      (v) => edgeOf(v, c) >= 0,
    );
    at = walk(path.actions, at);
    at = walk([edgeOf(at, c)], at);
  }
  if (cycle.length > 0 && at !== entry)
    walk(
      shortestPath(
        graph,
        at,
        (v) => inside.has(v),
        (v) => v === entry,
      ).actions,
      at,
    );
  return cycle;
}
