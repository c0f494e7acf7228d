/**
 * Parallel BFS: the calling thread explores alone while the search threads load the model, then hands them the
 * frontier once they are ready and the level is wide enough, and assembles the result when they are done. Ids,
 * counts, depth, verdicts and counterexamples are those of the sequential BFS (./participant.ts says why), also
 * when the search stops at a violation or a bound: the counts are cut where the sequential search would have stopped.
 */
import type { Worker } from "node:worker_threads";
import type { FairnessLevels, Model } from "../../model.ts";
import { isLiveness, type Property } from "../../props/property.ts";
import type { ExploreResult, Progress } from "../result.ts";
import { Barrier } from "./barrier.ts";
import { runLevels, stopRules, mustStop, type StopRules } from "./levels.ts";
import { packEdges, packStates, type ModelSource, type PackedEdges, type ThreadData } from "./messages.ts";
import { Participant, type Thrown } from "./participant.ts";
import { FRONTIER_END, FRONTIER_START, LEVEL, READY, SharedSearch, STOP } from "./shared.ts";
import { assemble } from "./assemble.ts";
import { allReports, joinSearch, reportOf } from "./pool.ts";
import { memoryBound } from "../memory.ts";

export interface ParallelOptions<S> {
  readonly properties: readonly Property<S>[];
  /** Search threads besides the calling one (which only explores until they are ready). */
  readonly threads: number;
  readonly maxStates?: number;
  readonly continueAfterViolation?: boolean;
  readonly fairness?: FairnessLevels;
  /** File states under their orbit's representative (see ../symmetry.ts); safety properties only. */
  readonly symmetry?: boolean;
  /** Stop once the search holds more than this many bytes (shared buffers and every thread's heap; default 80% of this thread's heap limit). */
  readonly memory?: number;
  /** Element 0 non-zero: stop as at a bound. */
  readonly stopFlag?: SharedArrayBuffer;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: Progress) => void;
  /** The widest level the calling thread explores alone once the search threads are ready (default 2,048; tests lower it). */
  readonly handOverWidth?: number;
}

const HANDOVER_WIDTH = 2_048;
/** The most states the shared buffers can grow to. */
const STATE_LIMIT = 1 << 26;

/**
 * Explores `model` (built from `source`, which each search thread builds again) with `options.threads` search threads.
 * Deterministic: the same result, traces included, as the sequential BFS of ../search.ts.
 */
export async function exploreParallel<S, A>(model: Model<S, A>, source: ModelSource, options: ParallelOptions<S>): Promise<ExploreResult<S, A>> {
  const started = performance.now();
  const { properties, threads } = options;
  const maxStates = Math.min(options.maxStates ?? Infinity, STATE_LIMIT);
  const stopFlag = options.stopFlag ?? new SharedArrayBuffer(4);
  const stop = new Int32Array(stopFlag);
  options.signal?.addEventListener("abort", () => Atomics.store(stop, 0, 1));
  const shared = SharedSearch.create(properties.length, properties.filter(isLiveness).length, { maxStates: STATE_LIMIT, threads, stopFlag });
  const memory = memoryBound(options.memory);
  const rules = stopRules(properties, { continueAfterViolation: options.continueAfterViolation ?? false, maxStates, memory });
  const symmetry = options.symmetry ?? false;
  const participant = new Participant(model, properties, shared, { fairness: options.fairness, symmetry }, 0);
  const data = (thread: number): ThreadData => ({ source, buffers: shared.buffers, threads, thread, fairness: options.fairness, symmetry, rules });
  const workers = joinSearch(threads, data);
  const progress = (): Progress => progressOf(shared, participant, started);
  let end: string;
  try {
    exploreInitial(participant, shared, rules);
    end = runLevels(participant, shared, undefined, rules, {
      pause: () => Atomics.load(shared.control, READY) === threads && wide(shared, options.handOverWidth ?? HANDOVER_WIDTH),
      onLevel: () => options.onProgress?.(progress()),
    });
  } catch (error) {
    for (const worker of workers) worker.postMessage({ type: "quit" });
    throw error;
  }
  const thrown: Thrown[] = [...participant.thrown];
  const edges: PackedEdges[] = [];
  if (end === "paused") {
    const reports = workers.map(reportOf);
    handOver(participant, workers);
    const timer = options.onProgress && setInterval(() => options.onProgress!(progress()), 1000);
    try {
      for (const done of await allReports(reports)) {
        thrown.push(...done.thrown);
        if (done.edges) edges.push(done.edges);
      }
    } finally {
      if (timer) clearInterval(timer);
    }
  } else for (const worker of workers) worker.postMessage({ type: "quit" });
  const complete = Atomics.load(shared.control, STOP) === 0;
  if (complete && participant.edges) edges.push(packEdges(participant.edges, participant as Participant<unknown, unknown>));
  return assemble(model, { shared, properties, rules, thrown, edges, complete, started, initialStates: participant.initialCount, memory });
}

/** Level 1: the initial states, inserted by the calling thread. */
function exploreInitial<S, A>(participant: Participant<S, A>, shared: SharedSearch, rules: StopRules): void {
  const { control } = shared;
  participant.expandInitial();
  participant.settle();
  const added = participant.claimed;
  shared.records.reserve(added);
  participant.assign(1);
  control[FRONTIER_START] = 0;
  control[FRONTIER_END] = added;
  control[LEVEL] = 1;
  if (mustStop(shared, rules)) control[STOP] = 1;
  participant.takeHeld();
}

const wide = (shared: SharedSearch, width: number) => shared.control[FRONTIER_END]! - shared.control[FRONTIER_START]! >= width;

/** States handed over at a time: slices this small, dealt in turn, split the frontier evenly. */
const SLICE = 64;

/** Gives each search thread its share of the frontier, dealt in slices in turn. */
function handOver<S, A>(participant: Participant<S, A>, workers: readonly Worker[]): void {
  const { ids, states } = participant.held;
  const shares = workers.map(() => ({ ids: [] as number[], states: [] as S[] }));
  for (let i = 0; i < ids.length; i++) {
    const share = shares[Math.floor(i / SLICE) % workers.length]!;
    share.ids.push(ids[i]!);
    share.states.push(states[i]!);
  }
  participant.held = { ids: [], states: [] };
  shares.forEach((share, i) => workers[i]!.postMessage({ type: "start", held: packStates(share) }));
}

function progressOf<S, A>(shared: SharedSearch, participant: Participant<S, A>, started: number): Progress {
  const { control } = shared;
  return {
    distinctStates: participant.table.size,
    generatedStates: shared.generated.reduce((sum, x) => sum + x, 0),
    queue: control[FRONTIER_END]! - control[FRONTIER_START]!,
    depth: control[LEVEL]!,
    seconds: (performance.now() - started) / 1000,
  };
}
