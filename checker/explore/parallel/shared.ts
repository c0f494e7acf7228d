/**
 * The shared memory of one parallel search: the fingerprint table, the per-state records, and control words
 * (the level being expanded, verdicts found so far, stop requests).
 */
import { Barrier } from "./barrier.ts";
import { SharedRecords, type RecordBuffers } from "./records.ts";
import { SharedTable, type TableBuffers } from "./table.ts";

/** Control words. */
export const STOP = 0; // set when the search must end after this level
export const EXCEPTION = 1; // set when the model's code threw somewhere
export const DEADLOCK = 2; // the smallest id of a deadlocked state
export const ADDED = 3; // states found in the level being settled
export const FRONTIER_START = 4; // first id of the level being expanded
export const FRONTIER_END = 5; // first id after it
export const LEVEL = 6; // the level being expanded (initial states are level 1)
export const READY = 7; // search threads that loaded the model and wait for work
export const OUT_OF_MEMORY = 8; // set when the memory bound stopped the search
export const FOUND = 9; // FOUND + j: the smallest id deciding property j (a violation, or a witness of `sometimes`)

/** No state: the initial value of the smallest-id words. */
export const NONE = 0x7fffffff;

/** Everything a search thread needs to join a search, as plain data with shared buffers. */
export interface SharedBuffers {
  readonly table: TableBuffers;
  readonly records: RecordBuffers;
  readonly control: SharedArrayBuffer;
  readonly barrier: SharedArrayBuffer;
  /** Element 0 non-zero: stop as at a bound (Ctrl-C, or the caller's signal). */
  readonly stopFlag: SharedArrayBuffer;
  /** Per thread (0: the one that started the search), the successors it computed so far: for progress reports. */
  readonly generated: SharedArrayBuffer;
  /** Per thread, the heap it used after its last expansion: for the memory bound. */
  readonly heap: SharedArrayBuffer;
  /** The most memory the search held at the end of a level (element 0). */
  readonly peak: SharedArrayBuffer;
}

/** The shared memory, as views. */
export class SharedSearch {
  readonly records: SharedRecords;
  readonly control: Int32Array;
  readonly stopFlag: Int32Array;
  readonly generated: Float64Array;
  readonly heap: Float64Array;
  readonly peak: Float64Array;

  constructor(readonly buffers: SharedBuffers) {
    this.records = new SharedRecords(buffers.records);
    this.control = new Int32Array(buffers.control);
    this.stopFlag = new Int32Array(buffers.stopFlag);
    this.generated = new Float64Array(buffers.generated);
    this.heap = new Float64Array(buffers.heap);
    this.peak = new Float64Array(buffers.peak);
  }

  /** Fresh shared memory for a search with `properties` properties, `liveness` of them liveness, growable to `maxStates`. */
  static create(properties: number, liveness: number, options: { maxStates: number; threads: number; stopFlag: SharedArrayBuffer }): SharedSearch {
    const { maxStates, threads, stopFlag } = options;
    const control = new SharedArrayBuffer((FOUND + properties) * 4);
    const words = new Int32Array(control);
    words[DEADLOCK] = NONE;
    for (let j = 0; j < properties; j++) words[FOUND + j] = NONE;
    return new SharedSearch({
      table: SharedTable.create(1 << 16, SharedTable.bytesFor(maxStates), threads),
      records: SharedRecords.create(1 << 15, maxStates, liveness).buffers,
      control,
      barrier: Barrier.create(1).buffer,
      stopFlag,
      generated: new SharedArrayBuffer(8 * (threads + 1)),
      heap: new SharedArrayBuffer(8 * (threads + 1)),
      peak: new SharedArrayBuffer(8),
    });
  }

  /** Lowers word `at` to `id` if `id` is smaller. */
  lower(at: number, id: number): void {
    for (let current = Atomics.load(this.control, at); id < current;) {
      const seen = Atomics.compareExchange(this.control, at, current, id);
      if (seen === current) return;
      current = seen;
    }
  }

  /** The memory the search holds: the shared buffers and every thread's heap. */
  get bytes(): number {
    return this.buffers.table.slots.byteLength + this.records.bytes + this.heap.reduce((sum, x) => sum + x, 0);
  }
}
