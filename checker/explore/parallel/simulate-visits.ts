/**
 * The states a share of a simulation visited: each fingerprint with the first place it was visited, (trace, event),
 * so that a run split between threads counts exactly the distinct states a sequential run would have visited before
 * it stopped (./simulate-merge.ts). A share walks its traces in increasing order, so a fingerprint's first visit in
 * a share is its earliest one there.
 */

/** A place in a simulation: a trace and an event in it (2p: visiting and checking the state at position p; 2p + 1: what follows it). */
export interface Key {
  readonly trace: number;
  readonly event: number;
}

/** Negative when `a` comes before `b`, zero when they are the same place, positive after. */
export const compareKeys = (a: Key, b: Key): number => (a.trace !== b.trace ? a.trace - b.trace : a.event === b.event ? 0 : a.event - b.event);

/** The earlier of two places, either possibly missing. */
export const earlier = (a: Key | null | undefined, b: Key | null | undefined): Key | null =>
  !a ? (b ?? null) : !b || compareKeys(a, b) <= 0 ? a : b;

/** A share's visits as they cross threads: one entry per fingerprint, with its first visit. */
export interface PackedVisits {
  readonly hi: Uint32Array;
  readonly lo: Uint32Array;
  readonly trace: Float64Array;
  readonly event: Uint32Array;
}

/** Fingerprints (two 32-bit halves) in an open-addressing table, each with the place of its first visit. */
export class FirstVisits {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private trace: Float64Array;
  private event: Uint32Array; // event + 1; 0: an empty slot
  size = 0;

  constructor(initialCapacity = 1 << 14) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(16, initialCapacity * 2)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.trace = new Float64Array(capacity);
    this.event = new Uint32Array(capacity);
  }

  /** Records a visit of a fingerprint; a fingerprint already there keeps its first place. */
  add(hi: number, lo: number, trace: number, event: number): void {
    const i = this.slotOf(hi, lo);
    if (this.event[i] === 0) this.insert(i, hi, lo, trace, event);
  }

  /** Records a visit of a fingerprint made elsewhere: the fingerprint keeps the earlier of its two places. */
  lower(hi: number, lo: number, trace: number, event: number): void {
    const i = this.slotOf(hi, lo);
    if (this.event[i] === 0) this.insert(i, hi, lo, trace, event);
    else if (trace < this.trace[i]! || (trace === this.trace[i] && event + 1 < this.event[i]!)) {
      this.trace[i] = trace;
      this.event[i] = event + 1;
    }
  }

  /** Makes room for `entries` fingerprints in all, so that adding them grows the table once at most (now). */
  reserve(entries: number): void {
    if (entries * 2 > this.event.length) this.grow(1 << Math.ceil(Math.log2(entries * 2)));
  }

  /** The slot holding a fingerprint, or the empty slot where it goes. */
  private slotOf(hi: number, lo: number): number {
    const mask = this.event.length - 1;
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask)
      if (this.event[i] === 0 || (this.hi[i] === hi && this.lo[i] === lo)) return i;
  }

  private insert(i: number, hi: number, lo: number, trace: number, event: number): void {
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.trace[i] = trace;
    this.event[i] = event + 1;
    if (++this.size * 2 > this.event.length) this.grow();
  }

  /** Calls `visit` with each fingerprint and its first place. */
  forEach(visit: (hi: number, lo: number, trace: number, event: number) => void): void {
    for (let i = 0; i < this.event.length; i++) if (this.event[i] !== 0) visit(this.hi[i]!, this.lo[i]!, this.trace[i]!, this.event[i]! - 1);
  }

  /** The entries, compact, to post to another thread. */
  pack(): PackedVisits {
    const packed = {
      hi: new Uint32Array(this.size),
      lo: new Uint32Array(this.size),
      trace: new Float64Array(this.size),
      event: new Uint32Array(this.size),
    };
    let j = 0;
    this.forEach((hi, lo, trace, event) => {
      packed.hi[j] = hi;
      packed.lo[j] = lo;
      packed.trace[j] = trace;
      packed.event[j++] = event;
    });
    return packed;
  }

  private grow(capacity = this.event.length * 2): void {
    const old = { hi: this.hi, lo: this.lo, trace: this.trace, event: this.event };
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.trace = new Float64Array(capacity);
    this.event = new Uint32Array(capacity);
    this.size = 0;
    for (let i = 0; i < old.event.length; i++) if (old.event[i] !== 0) this.add(old.hi[i]!, old.lo[i]!, old.trace[i]!, old.event[i]! - 1);
  }
}

/** Calls `visit` with each entry of a share's visits, on this thread or packed from another. */
export function eachVisit(visits: FirstVisits | PackedVisits, visit: (hi: number, lo: number, trace: number, event: number) => void): void {
  if (visits instanceof FirstVisits) return visits.forEach(visit);
  for (let i = 0; i < visits.hi.length; i++) visit(visits.hi[i]!, visits.lo[i]!, visits.trace[i]!, visits.event[i]!);
}
