/**
 * Parallel BFS: the calling thread explores alone while the helper threads load the model, then deals them the
 * frontier once they are ready and the level is wide enough, joins them, and assembles the result. Ids,
 * counts, depth, verdicts and counterexamples are those of the sequential BFS (./participant.ts says why), also
 * when the search stops at a violation or a bound: the counts are cut where the sequential search would have stopped.
 */
import { getHeapStatistics } from "node:v8";
import type { Worker } from "node:worker_threads";
import type { Model } from "../../model.ts";
import { isLiveness } from "../../props/property.ts";
import type { ExploreResult, Progress } from "../result.ts";
import type { ExploreOptions } from "../search.ts";
import { Barrier, BarrierAborted } from "./barrier.ts";
import { runLevels, stopRules, mustStop, type StopRules } from "./levels.ts";
import { packEdges, packStates, type ModelSource, type PackedEdges, type ThreadData } from "./messages.ts";
import { Participant, type Thrown } from "./participant.ts";
import { FRONTIER_END, FRONTIER_START, LEVEL, READY, SharedSearch, STOP } from "./shared.ts";
import { assemble } from "./assemble.ts";
import { allReports, joinSearch, reportOf, type Report } from "./pool.ts";
import { memoryBound } from "../memory.ts";

/** The options of a parallel search: those of the sequential one (../search.ts) that apply, and its own. */
export interface ParallelOptions<S> extends Pick<
  ExploreOptions<S>,
  "properties" | "maxStates" | "continueAfterViolation" | "fairness" | "symmetry" | "signal" | "shouldStop" | "onProgress"
> {
  /** Search threads, the calling one included (it explores alone until the others are ready). */
  readonly threads: number;
  /** Stop once the search holds more than this many bytes (shared buffers and every thread's heap; default 80% of this thread's heap limit). */
  readonly memory?: number;
  /** Element 0 non-zero: stop as at a bound. */
  readonly stopFlag?: SharedArrayBuffer;
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
  const shared = SharedSearch.create(properties.length, properties.filter(isLiveness).length, { maxStates: STATE_LIMIT, threads, stopFlag });
  const memory = memoryBound(options.memory);
  const startBytes = shared.bytes + getHeapStatistics().used_heap_size;
  const rules = stopRules(properties, { continueAfterViolation: options.continueAfterViolation ?? false, maxStates, memory });
  const symmetry = options.symmetry ?? false;
  const participant = new Participant(model, properties, shared, { fairness: options.fairness, symmetry }, 0);
  const data = (thread: number): ThreadData => ({ source, buffers: shared.buffers, threads, thread, fairness: options.fairness, symmetry, rules });
  const helpers = joinSearch(threads - 1, data);
  // Between levels, and now and then within one, on this thread: Ctrl-C or the caller's stop, and progress.
  let reported = 0;
  participant.onTick = () => {
    if (options.signal?.aborted || options.shouldStop?.()) Atomics.store(stop, 0, 1);
    if (options.onProgress && performance.now() - reported >= 1000) {
      reported = performance.now();
      options.onProgress(progressOf(shared, participant, started));
    }
  };
  const thrown: Thrown[] = [];
  const edges: PackedEdges[] = [];
  let reports: Promise<Report>[] = [];
  try {
    exploreInitial(participant, shared, rules);
    const ready = () => Atomics.load(shared.control, READY) === helpers.length && wide(shared, options.handOverWidth ?? HANDOVER_WIDTH);
    if (runLevels(participant, shared, undefined, rules, { pause: ready }) === "paused") {
      reports = helpers.map(reportOf);
      handOver(participant, helpers);
      runLevels(participant, shared, new Barrier(shared.buffers.barrier, threads), rules);
    }
  } catch (error) {
    // A helper's failure aborts the barrier here: its own error is the one to report.
    if (error instanceof BarrierAborted) await allReports(reports);
    new Barrier(shared.buffers.barrier, threads).abort();
    void Promise.allSettled(reports); // the helpers stop too; their reports say only that
    throw error;
  } finally {
    if (reports.length === 0) for (const helper of helpers) helper.postMessage({ type: "quit" });
  }
  for (const done of await allReports(reports)) {
    thrown.push(...done.thrown);
    if (done.edges) edges.push(done.edges);
  }
  thrown.push(...participant.thrown);
  const complete = Atomics.load(shared.control, STOP) === 0;
  if (complete && participant.edges) edges.push(packEdges(participant.edges, participant as Participant<unknown, unknown>));
  return assemble(model, {
    shared,
    properties,
    rules,
    thrown,
    edges,
    complete,
    started,
    initialStates: participant.initialCount,
    memory,
    startBytes,
  });
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

/** Deals the frontier in slices, in turn, to this thread (share 0) and the helpers, which it starts. */
function handOver<S, A>(participant: Participant<S, A>, helpers: readonly Worker[]): void {
  const { ids, states } = participant.held;
  const shares = [participant, ...helpers].map(() => ({ ids: [] as number[], states: [] as S[] }));
  for (let i = 0; i < ids.length; i++) {
    const share = shares[Math.floor(i / SLICE) % shares.length]!;
    share.ids.push(ids[i]!);
    share.states.push(states[i]!);
  }
  participant.held = shares[0]!;
  helpers.forEach((helper, i) => helper.postMessage({ type: "start", held: packStates(shares[i + 1]!) }));
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
