/**
 * The fingerprint table that every search thread shares: open addressing over one growable SharedArrayBuffer,
 * lock-free inserts with Atomics. A slot holds a fingerprint; during the level it was found in, the smallest claim
 * (parent id, action index) among the steps that reached it and the thread that will hold it next (the least
 * key among the threads that reached it, a hash of the fingerprint and the thread, so no thread is favoured);
 * once the level is settled, its state id.
 *
 * Growth stops the world: a thread that finds the table half full waits until no thread is inside `enter` …
 * `leave` (one state's expansion), doubles the buffer and re-inserts every slot; the others wait in `enter`.
 */

const STATE = 0;
const HI = 1;
const LO = 2;
const PARENT = 3;
const ACTION = 4;
const HOLDER = 5;
const ID = 6;
/** Int32 words per slot: 7 used, 8 so that no slot straddles two cache lines. */
const STRIDE = 8;

const EMPTY = 0;
const BUSY = 1; // being written for the first time
const READY = 2;
const LOCKED = 3; // its claim is being updated

/** Control words, in a buffer of their own; each thread's "inside" flag has a cache line of its own. */
const COUNT = 0;
const GROWING = 1;
const GENERATION = 2;
const LINE = 16;
const insideFlag = (thread: number) => LINE * (thread + 1);

/** What `insert` found: the fingerprint is new (this call inserted it). */
export const NEW = 0;
/** Found during this level (no id yet): its claim was lowered if this one is smaller. */
export const THIS_LEVEL = 1;
/** Found in an earlier level: it has an id. */
export const EARLIER = 2;

/** The holder word of a slot once its holder took it. */
const TAKEN = -1;
/** Inserts counted locally before they are added to the shared count: far fewer than half the least capacity. */
const COUNT_BATCH = 64;
const MIN_CAPACITY = 1 << 12;

/** The buffers of a table, to hand to another thread. */
export interface TableBuffers {
  readonly slots: SharedArrayBuffer;
  readonly control: SharedArrayBuffer;
  readonly threads: number;
}

const fixedView = (buffer: SharedArrayBuffer) => new Int32Array(buffer, 0, buffer.byteLength / 4);

const slotIndex = (hi: number, lo: number, mask: number) => (lo ^ Math.imul(hi, 0x9e3779b1)) & mask;

/** A thread's key for holding a state: a hash of the fingerprint and the thread, with the thread in the low byte. */
const holderKey = (lo: number, thread: number) => ((Math.imul(lo ^ Math.imul(thread + 1, 0x9e3779b1), 0x85ebca6b) >>> 9) << 8) | thread;

export class SharedTable {
  /** A fixed-length view, made again after the buffer grows: views that track a growable buffer's length are far slower in V8 11. */
  private words: Int32Array;
  private readonly control: Int32Array;
  private mask = 0;
  private uncounted = 0;
  /** After `insert`: the slot it found or filled. */
  slot = -1;
  /** After `insert` of a fingerprint met earlier in the level: whether this step now leads its claim or its holding. */
  leading = false;
  /** After `insert` of a fingerprint met in an earlier level: its state id. */
  foundId = -1;

  /** A view of the table for thread `thread` (0 … threads; 0 is the thread that started the search). */
  constructor(
    private readonly buffers: TableBuffers,
    private readonly thread: number,
  ) {
    this.words = fixedView(buffers.slots);
    this.control = new Int32Array(buffers.control);
    this.mask = this.words.length / STRIDE - 1;
  }

  /** Catches up with a growth by another thread: call at the start of each phase that reads slots (enter does it). */
  refresh(): void {
    if (this.words.byteLength !== this.buffers.slots.byteLength) this.words = fixedView(this.buffers.slots);
    this.mask = this.words.length / STRIDE - 1;
  }

  /** A new empty table of `capacity` slots (a power of two) for `threads` search threads, growable up to `maxBytes`. */
  static create(capacity: number, maxBytes: number, threads: number): TableBuffers {
    if (capacity < MIN_CAPACITY || (capacity & (capacity - 1)) !== 0)
      throw new RangeError(`a table has a power of two slots, ${MIN_CAPACITY} at least`);
    const bytes = capacity * STRIDE * 4;
    const slots = new SharedArrayBuffer(bytes, { maxByteLength: Math.max(bytes, maxBytes) });
    return { slots, control: new SharedArrayBuffer(LINE * (threads + 2) * 4), threads };
  }

  /** The bytes of a table that holds `states` fingerprints at half load. */
  static bytesFor(states: number): number {
    return 2 ** Math.ceil(Math.log2(Math.max(MIN_CAPACITY, states * 2))) * STRIDE * 4;
  }

  /** Distinct fingerprints inserted (up to a few dozen per thread not yet counted). */
  get size(): number {
    return Atomics.load(this.control, COUNT);
  }

  get bytes(): number {
    return this.buffers.slots.byteLength;
  }

  /** Starts one expansion: waits while the table grows. Inserts and lookups happen between enter and leave. */
  enter(): void {
    const c = this.control;
    const flag = insideFlag(this.thread);
    for (;;) {
      const generation = Atomics.load(c, GENERATION);
      if (Atomics.load(c, GROWING) !== 0) {
        Atomics.wait(c, GENERATION, generation, 50);
        continue;
      }
      Atomics.store(c, flag, 1);
      if (Atomics.load(c, GROWING) === 0) break;
      this.leave();
    }
    this.refresh();
    this.generationInside = Atomics.load(c, GENERATION);
  }

  /** The table's generation during the current enter … leave: no thread grows it meanwhile. */
  generationInside = 0;

  /** Ends one expansion. */
  leave(): void {
    Atomics.store(this.control, insideFlag(this.thread), 0);
    if (Atomics.load(this.control, GROWING) !== 0) Atomics.notify(this.control, insideFlag(this.thread));
  }

  /** True when the table should grow before more inserts (half full, as of this thread's last count). */
  crowded = false;

  /** Adds this thread's uncounted inserts to the shared count, and learns whether the table is now crowded. */
  flushCount(): void {
    const count = Atomics.add(this.control, COUNT, this.uncounted) + this.uncounted;
    this.uncounted = 0;
    this.crowded = count * 2 >= this.words.length / STRIDE;
  }

  /**
   * Doubles the table unless another thread does: call outside enter … leave. Returns when the table has
   * grown (by this thread or another) or is no longer crowded.
   */
  grow(): void {
    const c = this.control;
    this.crowded = false;
    if (Atomics.compareExchange(c, GROWING, 0, 1) !== 0) return; // another thread grows it; enter() waits
    for (let t = 0; t <= this.buffers.threads; t++) {
      const flag = insideFlag(t);
      while (Atomics.load(c, flag) !== 0) Atomics.wait(c, flag, 1, 50);
    }
    this.refresh();
    if (Atomics.load(c, COUNT) * 2 >= this.words.length / STRIDE) this.rehash();
    Atomics.add(c, GENERATION, 1);
    Atomics.store(c, GROWING, 0);
    Atomics.notify(c, GENERATION);
  }

  private rehash(): void {
    const old = this.words.slice();
    this.buffers.slots.grow(this.buffers.slots.byteLength * 2);
    this.words = fixedView(this.buffers.slots);
    this.words.fill(0);
    this.mask = this.words.length / STRIDE - 1;
    for (let s = 0; s < old.length; s += STRIDE) {
      if (old[s + STATE] === EMPTY) continue;
      let k = slotIndex(old[s + HI]!, old[s + LO]!, this.mask);
      while (this.words[k * STRIDE + STATE] !== EMPTY) k = (k + 1) & this.mask;
      this.words.set(old.subarray(s, s + STRIDE), k * STRIDE);
      this.words[k * STRIDE + STATE] = READY;
    }
  }

  /**
   * Inserts a fingerprint reached from state `parent` by its action `action` (parent −1: an initial state, `action`
   * its index). Keeps the smallest (parent, action) claim, and the least holder key, among the steps of the level that reached it.
   */
  insert(hi: number, lo: number, parent: number, action: number): number {
    const w = this.words;
    const mask = this.mask;
    for (let k = slotIndex(hi, lo, mask), probes = 0; ; k = (k + 1) & mask) {
      if (++probes > mask) throw new Error("internal: the fingerprint table is full (it grows at half full)");
      const i = k * STRIDE;
      let state = Atomics.load(w, i + STATE);
      if (state === EMPTY) {
        state = Atomics.compareExchange(w, i + STATE, EMPTY, BUSY);
        if (state === EMPTY) {
          w[i + HI] = hi;
          w[i + LO] = lo;
          w[i + PARENT] = parent;
          w[i + ACTION] = action;
          w[i + HOLDER] = holderKey(lo, this.thread);
          w[i + ID] = -1;
          Atomics.store(w, i + STATE, READY);
          this.slot = i;
          this.leading = true;
          if (++this.uncounted === COUNT_BATCH) this.flushCount();
          return NEW;
        }
      }
      while (state === BUSY) state = Atomics.load(w, i + STATE);
      if (w[i + HI] !== hi || w[i + LO] !== lo) continue;
      this.slot = i;
      const id = w[i + ID]!;
      if (id !== -1) {
        this.foundId = id; // ids are set between levels, behind a barrier
        return EARLIER;
      }
      this.leading = this.lowerClaim(i, parent, action, holderKey(lo, this.thread));
      return THIS_LEVEL;
    }
  }

  /** Lowers the claim and the holder key of slot `i` to this step's where smaller; true when either is now this step's. */
  private lowerClaim(i: number, parent: number, action: number, holder: number): boolean {
    const w = this.words;
    while (Atomics.compareExchange(w, i + STATE, READY, LOCKED) !== READY);
    const p = w[i + PARENT]!;
    const claims = parent < p || (parent === p && action < w[i + ACTION]!);
    if (claims) {
      w[i + PARENT] = parent;
      w[i + ACTION] = action;
    }
    const holds = holder < w[i + HOLDER]!;
    if (holds) w[i + HOLDER] = holder;
    Atomics.store(w, i + STATE, READY);
    return claims || holds;
  }

  /** Counts the times the table grew: a slot found before a growth must be found again. */
  get generation(): number {
    return Atomics.load(this.control, GENERATION);
  }

  /** The shared count of fingerprints, this thread's uncounted ones included. */
  get counted(): number {
    return Atomics.load(this.control, COUNT) + this.uncounted;
  }

  /** The slot of a fingerprint (an offset for the accessors below), or −1. */
  find(hi: number, lo: number): number {
    this.refresh();
    const w = this.words;
    const mask = w.length / STRIDE - 1;
    for (let k = slotIndex(hi, lo, mask); ; k = (k + 1) & mask) {
      const i = k * STRIDE;
      const state = Atomics.load(w, i + STATE);
      if (state === EMPTY) return -1;
      if (w[i + HI] === hi && w[i + LO] === lo) return i;
    }
  }

  /** True when the smallest claim of the slot is (parent, action). */
  claimedBy(slot: number, parent: number, action: number): boolean {
    return this.words[slot + PARENT] === parent && this.words[slot + ACTION] === action;
  }

  /**
   * True, once, for the thread that holds the slot's state in the next level (call when the level's inserts are
   * done): the thread of the least holder key, or `thread` when given (the claimant, under symmetry).
   */
  takeHold(slot: number, thread?: number): boolean {
    const holder = this.words[slot + HOLDER]!;
    if (holder === TAKEN || (thread === undefined && (holder & 0xff) !== this.thread)) return false;
    this.words[slot + HOLDER] = TAKEN;
    return true;
  }

  /** The parent of the smallest claim on a slot. */
  parentAt(slot: number): number {
    return this.words[slot + PARENT]!;
  }

  /** The action index of the smallest claim on a slot. */
  actionAt(slot: number): number {
    return this.words[slot + ACTION]!;
  }

  /** The state id of a slot (−1 while its level is not settled). */
  idAt(slot: number): number {
    return this.words[slot + ID]!;
  }

  /** Gives the slot its state id, once its level is settled. */
  setId(slot: number, id: number): void {
    this.words[slot + ID] = id;
  }

  /** The state id of a fingerprint that was inserted and settled. */
  idOf(hi: number, lo: number): number {
    const slot = this.find(hi, lo);
    if (slot < 0) throw new Error(`internal: fingerprint ${hi}:${lo} is not in the table`);
    return this.idAt(slot);
  }
}
