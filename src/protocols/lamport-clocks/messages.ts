/** A vector clock: entry i counts the events of process i that happened before (a ghost, for checking). */
export type VectorClock = readonly number[];

/** The one message of the protocol: the sender's Lamport clock at the send, and its vector clock (ghost). */
export interface ClockMessage {
  readonly type: "msg";
  readonly clock: number;
  readonly vc: VectorClock;
}

/** The componentwise maximum of two vector clocks. */
export const merge = (a: VectorClock, b: VectorClock): VectorClock => a.map((x, i) => Math.max(x, b[i]!));

/** Happens-before between the events stamped `a` and `b`: a <= b componentwise and a != b. */
export const happensBefore = (a: VectorClock, b: VectorClock): boolean => a.every((x, i) => x <= b[i]!) && a.some((x, i) => x < b[i]!);
