/**
 * Messages of the ALF lease lock (the notes' "ALF Locks"): clients ask the lock server for a lease, renew it by
 * heartbeat and release it; the holder writes to the protected resource, naming its lease's sequence number.
 */
export type LeaseMessage =
  | { readonly type: "acquire" }
  /** The lease: `seq` numbers grants (the fencing token); `expires` only in the absolute-expiry flaw (a time on the server's clock). */
  | { readonly type: "grant"; readonly seq: number; readonly expires?: number }
  /** The lock is held by another client: ask again later. */
  | { readonly type: "busy" }
  | { readonly type: "renew"; readonly seq: number }
  | { readonly type: "renewed"; readonly seq: number; readonly expires?: number }
  | { readonly type: "release"; readonly seq: number }
  /** The holder acts on the protected resource. */
  | { readonly type: "write"; readonly seq: number }
  /** The resource's answer: the write was applied (ok) or refused as older than the last it applied. */
  | { readonly type: "written"; readonly seq: number; readonly ok: boolean };

/** How fast local clocks may run: each advances between `slowest` and `fastest` units per unit of real time (a tick). */
export interface DriftBound {
  readonly slowest: number;
  readonly fastest: number;
}

/**
 * How long the server keeps a lease of `lease` client-clock units before it unlocks (Tu = Ts + delta), on its own
 * clock: long enough that the client's clock, running at its slowest, has expired the lease at a strictly earlier
 * tick than the server's clock, running at its fastest, reaches the unlock. The client's lease is over within
 * ceil(lease / slowest) ticks of its send; the server's timer starts no earlier and cannot be due before
 * ceil(unlock / fastest) ticks, so unlock = fastest * ceil(lease / slowest) + 1. Timers are observed at tick
 * granularity, hence the ceiling (lease * fastest / slowest alone lets both be due in the same tick).
 */
export function unlockAfter(lease: number, drift: DriftBound): number {
  return drift.fastest * Math.ceil(lease / drift.slowest) + 1;
}
