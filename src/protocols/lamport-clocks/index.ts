import type { ActorSystem } from "../../actor/index.ts";
import type { ClockMessage } from "./messages.ts";
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

/** Processes p1..pN (ids 0..N−1) with Lamport clocks on an unordered network; nothing crashes. */
export function lamportSystem(options: LamportOptions): ActorSystem<ClockMessage> {
  return {
    actors: Array.from({ length: options.processes }, (_, id) =>
      clockProcess({ name: `p${id + 1}`, id, processes: options.processes, events: options.events, flaws: options.flaws ?? {} }),
    ),
    network: "unordered",
    crashes: 0,
    crashable: [],
  };
}
