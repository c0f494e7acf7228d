/**
 * A barrier for a fixed number of threads over shared memory. The last thread to arrive runs the serial part
 * (if any) before the others go on. Any thread may abort it: every waiter then throws, so a thread that failed
 * never leaves the others waiting.
 */

const ARRIVED = 0;
const GENERATION = 1;
const ABORTED = 2;
const WORDS = 3;

/** Thrown in the waiting threads once some thread aborted the barrier. */
export class BarrierAborted extends Error {
  constructor() {
    super("another search thread stopped");
  }
}

export class Barrier {
  private readonly words: Int32Array;

  constructor(
    readonly buffer: SharedArrayBuffer,
    private readonly parties: number,
  ) {
    this.words = new Int32Array(buffer);
  }

  static create(parties: number): Barrier {
    return new Barrier(new SharedArrayBuffer(WORDS * 4), parties);
  }

  /** Waits for every party; the last to arrive runs `serial` first. */
  arrive(serial?: () => void): void {
    const w = this.words;
    const generation = Atomics.load(w, GENERATION);
    if (Atomics.add(w, ARRIVED, 1) === this.parties - 1) {
      try {
        serial?.();
      } catch (error) {
        this.abort();
        throw error;
      }
      Atomics.store(w, ARRIVED, 0);
      Atomics.add(w, GENERATION, 1);
      Atomics.notify(w, GENERATION);
      return;
    }
    while (Atomics.load(w, GENERATION) === generation) {
      if (Atomics.load(w, ABORTED) !== 0) throw new BarrierAborted();
      Atomics.wait(w, GENERATION, generation, 200);
    }
    if (Atomics.load(w, ABORTED) !== 0) throw new BarrierAborted();
  }

  /** Releases every waiter with BarrierAborted, now and at every later arrival. */
  abort(): void {
    Atomics.store(this.words, ABORTED, 1);
    Atomics.add(this.words, GENERATION, 1);
    Atomics.notify(this.words, GENERATION);
  }

  get aborted(): boolean {
    return Atomics.load(this.words, ABORTED) !== 0;
  }
}
