/**
 * What the search threads record per state id, in growable shared memory: the parent and the action that first
 * reached it (for traces), its BFS level, its number of successors once expanded (−1 before), how many new states
 * it claimed while its level settles, and one byte of liveness flags per liveness property plus one for "final".
 */

/** The buffers of the records, to hand to another thread. */
export interface RecordBuffers {
  readonly words: SharedArrayBuffer; // parent, action, level, degree, claims per id
  readonly flags: SharedArrayBuffer; // flag bytes per id
  readonly flagsPerState: number;
}

const WORDS = 5;
const PARENT = 0;
const ACTION = 1;
const LEVEL = 2;
const DEGREE = 3;
const CLAIMS = 4;

/** Flag byte 0 of a state: it is final. Bytes 1.. hold each liveness property's trigger/goal bits. */
export const FINAL_BYTE = 0;

export class SharedRecords {
  // Fixed-length views, made again after the buffers grow: views that track a growable buffer's length are far slower in V8 11.
  private words: Int32Array;
  private flags: Uint8Array;

  constructor(readonly buffers: RecordBuffers) {
    this.words = new Int32Array(buffers.words, 0, buffers.words.byteLength / 4);
    this.flags = new Uint8Array(buffers.flags, 0, buffers.flags.byteLength);
  }

  /** Catches up with a growth (by any thread): call at the start of each phase that reads or writes records. */
  refresh(): void {
    const { words, flags } = this.buffers;
    if (this.words.byteLength !== words.byteLength) this.words = new Int32Array(words, 0, words.byteLength / 4);
    if (this.flags.byteLength !== flags.byteLength) this.flags = new Uint8Array(flags, 0, flags.byteLength);
  }

  /** Records for `capacity` states, growable to `maxStates`, with one flag byte per state for final and each liveness property. */
  static create(capacity: number, maxStates: number, livenessProperties: number): SharedRecords {
    const flagsPerState = 1 + livenessProperties;
    const words = new SharedArrayBuffer(capacity * WORDS * 4, { maxByteLength: maxStates * WORDS * 4 });
    const flags = new SharedArrayBuffer(capacity * flagsPerState, { maxByteLength: maxStates * flagsPerState });
    return new SharedRecords({ words, flags, flagsPerState });
  }

  /** Room for ids below `states`: grows the buffers (call while no other thread writes). */
  reserve(states: number): void {
    const { words, flags, flagsPerState } = this.buffers;
    if (words.byteLength >= states * WORDS * 4) return;
    let capacity = words.byteLength / (WORDS * 4);
    while (capacity < states) capacity *= 2;
    const limit = words.maxByteLength / (WORDS * 4);
    if (states > limit) throw new RangeError(`more than ${limit} states`);
    capacity = Math.min(capacity, limit);
    words.grow(capacity * WORDS * 4);
    flags.grow(capacity * flagsPerState);
    this.refresh();
  }

  /** How many states the buffers can hold before growing. */
  get capacity(): number {
    return this.buffers.words.byteLength / (WORDS * 4);
  }

  get bytes(): number {
    return this.buffers.words.byteLength + this.buffers.flags.byteLength;
  }

  found(id: number, parent: number, action: number, level: number): void {
    const w = this.words;
    const at = id * WORDS;
    w[at + PARENT] = parent;
    w[at + ACTION] = action;
    w[at + LEVEL] = level;
    w[at + DEGREE] = -1;
    w[at + CLAIMS] = 0;
  }

  /** While a level settles: the new states a state claimed (reached first), then the first id among them, less the level's first. */
  claims(id: number): number {
    return this.words[id * WORDS + CLAIMS]!;
  }

  setClaims(id: number, value: number): void {
    this.words[id * WORDS + CLAIMS] = value;
  }

  /** The parent id of a state (−1 for an initial state). */
  parent(id: number): number {
    return this.words[id * WORDS + PARENT]!;
  }

  /** The index, among its parent's actions, of the action that first reached a state (an initial state's index). */
  actionIndex(id: number): number {
    return this.words[id * WORDS + ACTION]!;
  }

  /** The BFS level of a state, initial states being level 1. */
  depth(id: number): number {
    return this.words[id * WORDS + LEVEL]!;
  }

  /** The number of successors of an expanded state; −1 when it was not expanded. */
  degree(id: number): number {
    return this.words[id * WORDS + DEGREE]!;
  }

  expanded(id: number, successors: number): void {
    this.words[id * WORDS + DEGREE] = successors;
  }

  flag(id: number, byte: number): number {
    return this.flags[id * this.buffers.flagsPerState + byte]!;
  }

  setFlag(id: number, byte: number, value: number): void {
    this.flags[id * this.buffers.flagsPerState + byte] = value;
  }
}
