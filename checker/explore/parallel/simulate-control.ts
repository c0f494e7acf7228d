/**
 * What the threads of a parallel simulation share: the next chunk of traces to claim, a stop flag (Ctrl-C, a memory
 * bound), the earliest trace where each safety property was found violated and where the model's code threw (so
 * that a thread can stop walking traces that come after the run's stop), whether each helper joined, and each
 * thread's figures for progress. Traces are counted from the run's first trace.
 */
import type { StopReason } from "../result.ts";
import type { Coordination, ShareFigures, WalkPlan } from "../simulate-walk.ts";

/** The buffers, as they cross threads. */
export interface SimulationBuffers {
  readonly control: SharedArrayBuffer;
  readonly figures: SharedArrayBuffer;
}

const NEXT = 0; // the next chunk to claim
const STOP = 1; // 0, or the code of a stop reason
const THROWN = 2; // the earliest trace whose walk threw
const GO = 3; // 1 once the threads may walk (at once, unless the caller waits for every helper to join first)
const JOIN = 4; // from here, per thread: its join state (thread 0, the caller, unused); then per property: the earliest trace violating it
const NONE = 2n ** 62n;
const reasons: readonly StopReason[] = ["interrupted", "memory"];
/** A helper's join state: not yet decided, joined (the caller waits for its record), let go (the caller did not wait). */
const UNDECIDED = 0n;
const JOINED = 1n;
const LET_GO = 2n;
/** Per thread: generated, distinct, traces, depth. */
const FIGURES = 4;

export class SimulationControl {
  private readonly cells: BigInt64Array;
  private readonly figures: Float64Array;
  private readonly helpers: number;

  /**
   * @param safety per property walked, whether it is a safety property (stops the run) or a sometimes-property.
   * @param threads the threads walking, the caller included.
   */
  constructor(
    readonly buffers: SimulationBuffers,
    private readonly safety: readonly boolean[],
    threads: number,
    private readonly plan: WalkPlan,
    private readonly chunk: number,
  ) {
    this.cells = new BigInt64Array(buffers.control);
    this.figures = new Float64Array(buffers.figures);
    this.helpers = threads - 1;
    this.found = JOIN + threads;
  }

  /** The first cell of the properties' earliest violations. */
  private readonly found: number;

  /** The control of a new run; with `together`, the threads wait to walk until `go()`. */
  static create(safety: readonly boolean[], threads: number, plan: WalkPlan, chunk: number, together = false): SimulationControl {
    const control = new SharedArrayBuffer(8 * (JOIN + threads + safety.length));
    const figures = new SharedArrayBuffer(8 * FIGURES * threads);
    const cells = new BigInt64Array(control);
    cells[THROWN] = NONE;
    cells[GO] = together ? 0n : 1n;
    const controlled = new SimulationControl({ control, figures }, safety, threads, plan, chunk);
    for (let i = 0; i < safety.length; i++) cells[controlled.found + i] = NONE;
    return controlled;
  }

  /** A helper (thread ≥ 1) joins, unless the caller let it go already; true when it joined. */
  join(thread: number): boolean {
    const joined = Atomics.compareExchange(this.cells, this.joinCell(thread), UNDECIDED, JOINED) === UNDECIDED;
    Atomics.notify(this.cells, this.joinCell(thread));
    return joined;
  }

  /** The caller, done walking, lets go the helpers that have not joined; the helpers it must wait for (numbers from 1). */
  close(): number[] {
    const joined: number[] = [];
    for (let thread = 1; thread <= this.helpers; thread++)
      if (Atomics.compareExchange(this.cells, this.joinCell(thread), UNDECIDED, LET_GO) === JOINED) joined.push(thread);
    return joined;
  }

  /** Blocks this thread until every helper joined, or `timeoutMs` passed; then lets every thread walk. */
  waitForHelpers(timeoutMs: number): void {
    const until = performance.now() + timeoutMs;
    for (let thread = 1; thread <= this.helpers; thread++)
      while (Atomics.load(this.cells, this.joinCell(thread)) === UNDECIDED && performance.now() < until)
        Atomics.wait(this.cells, this.joinCell(thread), UNDECIDED, until - performance.now());
    Atomics.store(this.cells, GO, 1n);
    Atomics.notify(this.cells, GO);
  }

  /** Blocks a helper that joined until the threads may walk. */
  awaitGo(): void {
    while (Atomics.load(this.cells, GO) === 0n) Atomics.wait(this.cells, GO, 0n);
  }

  /** Stops every thread (the first reason given is kept). */
  interrupt(reason: StopReason): void {
    Atomics.compareExchange(this.cells, STOP, 0n, BigInt(reasons.indexOf(reason) + 1));
  }

  /** Why the threads stop, if they were told to. */
  interruption(): StopReason | undefined {
    const code = Number(Atomics.load(this.cells, STOP));
    return code === 0 ? undefined : reasons[code - 1];
  }

  /** The coordination of thread `thread`'s share; `interruption` adds the caller's own reasons to stop. */
  coordination(thread: number, interruption: () => StopReason | undefined = () => this.interruption()): Coordination {
    const { plan, chunk } = this;
    const end = plan.firstTrace + plan.tracesAsked;
    return {
      claim: () => {
        const start = plan.firstTrace + Number(Atomics.add(this.cells, NEXT, 1n)) * chunk;
        return start < end ? { start, end: Math.min(start + chunk, end) } : undefined;
      },
      pastStop: (trace) => BigInt(trace - plan.firstTrace) > this.stopTrace(),
      violated: (watch, trace) => this.lower(this.found + watch, trace),
      threw: (trace) => this.lower(THROWN, trace),
      interruption,
      interrupt: (reason) => this.interrupt(reason),
      progress: (figures) => this.publish(thread, figures),
    };
  }

  /** Every thread's figures added up (the distinct states of different threads overlap: more than the run's). */
  total(): ShareFigures {
    const sum = { generated: 0, distinct: 0, traces: 0, depth: 0 };
    for (let i = 0; i < this.figures.length; i += FIGURES) {
      sum.generated += this.figures[i]!;
      sum.distinct += this.figures[i + 1]!;
      sum.traces += this.figures[i + 2]!;
      sum.depth = Math.max(sum.depth, this.figures[i + 3]!);
    }
    return sum;
  }

  private publish(thread: number, figures: ShareFigures): void {
    const at = thread * FIGURES;
    this.figures[at] = figures.generated;
    this.figures[at + 1] = figures.distinct;
    this.figures[at + 2] = figures.traces;
    this.figures[at + 3] = figures.depth;
  }

  /**
   * The last trace that can still matter: the earliest throw, and the earliest violation (with --continue, the
   * latest of the safety properties' earliest violations, once every one is violated).
   */
  private stopTrace(): bigint {
    let stop = Atomics.load(this.cells, THROWN);
    let latest = -1n;
    for (let i = 0; i < this.safety.length; i++) {
      if (!this.safety[i]) continue;
      const found = Atomics.load(this.cells, this.found + i);
      if (!this.plan.continueAfterViolation && found < stop) stop = found;
      if (found > latest) latest = found;
    }
    return this.plan.continueAfterViolation && latest >= 0n && latest < stop ? latest : stop;
  }

  /** Lowers a cell to `trace` (an atomic minimum). */
  private lower(cell: number, trace: number): void {
    const value = BigInt(trace - this.plan.firstTrace);
    for (let old = Atomics.load(this.cells, cell); value < old;) {
      const seen = Atomics.compareExchange(this.cells, cell, old, value);
      if (seen === old) return;
      old = seen;
    }
  }

  private joinCell(thread: number): number {
    return JOIN + thread;
  }
}
