/**
 * A simulation on several threads: the calling thread and the pool's helpers (./pool.ts) claim chunks of traces
 * in turn from a shared counter, walk them (../simulate-walk.ts), and the calling thread merges their records
 * (./simulate-merge.ts says the rule) into the result one thread gives: the same counts, verdicts and
 * counterexamples whatever the number of threads. A helper still loading the spec when the calling thread has
 * walked every trace is let go; the calling thread waits for the others.
 */
import type { Model } from "../../model.ts";
import { isLiveness } from "../../props/property.ts";
import { memoryBound, MemoryMeter } from "../memory.ts";
import type { ExploreResult } from "../result.ts";
import { progressOf, simulate, simulationResult, walkPlan, type SimulateOptions } from "../simulate.ts";
import { walkShare, type ShareFigures, type ShareRecord } from "../simulate-walk.ts";
import type { ModelSource } from "./messages.ts";
import { allReports, postToHelpers, replyOf } from "./pool.ts";
import { SimulationControl } from "./simulate-control.ts";
import { mergeShares } from "./simulate-merge.ts";

export interface ParallelSimulateOptions<S> extends SimulateOptions<S> {
  /** Threads walking, the calling one included. */
  readonly threads: number;
  /** Traces claimed at a time (default: a sixteenth of a thread's part, from 1 to 64). */
  readonly chunk?: number;
  /** Wait for every helper to load the model before walking (tests: so that every thread walks some traces). */
  readonly together?: boolean;
  /** Told how many traces each thread that joined walked in full, the calling thread first (tests). */
  readonly onShares?: (traces: readonly number[]) => void;
}

/** Progress while the calling thread waits for the helpers, every this many milliseconds. */
const PROGRESS_MS = 1_000;

/**
 * Simulates `model` (built from `source`, which each helper builds again) on `options.threads` threads.
 * Deterministic: the result of ../simulate.ts's `simulate` with the same options.
 */
export async function simulateParallel<S, A>(
  model: Model<S, A>,
  source: ModelSource,
  options: ParallelSimulateOptions<S>,
): Promise<ExploreResult<S, A>> {
  if (options.threads <= 1) return simulate(model, options);
  const started = performance.now();
  const plan = walkPlan(options);
  const meter = new MemoryMeter(memoryBound(options.memory));
  const walked = options.properties.filter((p) => !isLiveness(p));
  const safety = walked.map((p) => p.kind !== "sometimes");
  const chunk = options.chunk ?? Math.min(64, Math.max(1, Math.ceil(plan.tracesAsked / (16 * options.threads))));
  const control = SimulationControl.create(safety, options.threads, plan, chunk, options.together);
  const helpers = postToHelpers(options.threads - 1, (thread) => ({
    type: "simulate",
    job: {
      source,
      buffers: control.buffers,
      threads: options.threads,
      thread,
      plan,
      chunk,
      ...(options.memory !== undefined && { memory: options.memory }),
    },
  }));
  const stopAsked = () => {
    if (options.signal?.aborted || options.shouldStop?.()) control.interrupt("interrupted");
    return control.interruption();
  };
  const report = () => options.onProgress?.(progressOf(control.total(), plan, started));
  const ticker = setInterval(() => {
    stopAsked();
    report();
  }, PROGRESS_MS);
  let replies: Promise<{ readonly record: ShareRecord }>[] = [];
  try {
    // Blocking, not awaiting: a reply posted meanwhile would be dispatched before anyone listens for it.
    if (options.together) control.waitForHelpers(120_000);
    const coordination = control.coordination(0, stopAsked);
    const progress = (figures: ShareFigures, due: boolean) => {
      coordination.progress(figures, due);
      if (due) report();
    };
    const own = walkShare(model, walked, plan, { ...coordination, progress }, meter);
    replies = control.close().map((thread) => replyOf(helpers[thread - 1]!, "simulated"));
    const records = [own, ...(await allReports(replies)).map((reply) => reply.record)];
    options.onShares?.(records.map((r) => r.lengths.length));
    const merged = mergeShares(records, { ...plan, kinds: walked.map((p) => p.kind) });
    // Undecidable from the records (a property's check threw where the sequential run may have skipped it): walk again here.
    if (merged === "rerun") return simulate(model, options);
    return simulationResult(model, options, merged, { started, meter });
  } catch (error) {
    control.interrupt("interrupted"); // the helpers still walking stop; their records are of no use now
    if (replies.length === 0) replies = control.close().map((thread) => replyOf(helpers[thread - 1]!, "simulated"));
    await Promise.allSettled(replies);
    throw error;
  } finally {
    clearInterval(ticker);
  }
}
