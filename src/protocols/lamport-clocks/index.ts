import { clockProcess, type ClockFlaws } from "./process.ts";

export type { ClockEvent, ClockFlaws, ProcessState } from "./process.ts";
export type { ClockMessage, VectorClock } from "./messages.ts";
export { happensBefore, merge } from "./messages.ts";
export { clockProcess } from "./process.ts";

export interface LamportOptions {
  readonly processes: number;
  /** Local events and sends each process takes on its own. */
  readonly events: number;
  readonly flaws?: ClockFlaws;
}

/** Lamport-clock processes by role: processes p1..pN (ids 0..N−1). */
export function lamportRoles(options: LamportOptions) {
  return {
    processes: Array.from({ length: options.processes }, (_, id) =>
      clockProcess({ name: `p${id + 1}`, id, processes: options.processes, events: options.events, flaws: options.flaws ?? {} }),
    ),
  };
}
