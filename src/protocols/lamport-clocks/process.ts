import type { Actor, Id } from "../../actor/index.ts";
import { merge, type ClockMessage, type VectorClock } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface ClockFlaws {
  /** A receive sets the clock to the receiver's own clock plus one, ignoring the message's clock. */
  readonly receiveWithoutMax?: boolean;
}

/** One event of a process, as it happened: its kind, Lamport clock and vector clock (the ghost log). */
export interface ClockEvent {
  readonly kind: "local" | "send" | "receive";
  readonly clock: number;
  readonly vc: VectorClock;
}

/** A process's Lamport clock, how many more events it may start on its own, and its log of events. */
export interface ProcessState {
  readonly clock: number;
  /** Ghost: the vector clock of the latest event, tracking happens-before exactly. */
  readonly vc: VectorClock;
  /** Local events and sends still allowed (receives are not counted: they depend on others' sends). */
  readonly left: number;
  /** Ghost: every event of this process, in order. */
  readonly log: readonly ClockEvent[];
}

export interface ClockProcessOptions {
  readonly name: string;
  readonly id: Id;
  /** How many processes there are (ids 0..n−1). */
  readonly processes: number;
  /** How many local events and sends this process takes on its own. */
  readonly events: number;
  readonly flaws?: ClockFlaws;
}

/**
 * A process with a Lamport clock. On its own it takes a local event or sends to any other process;
 * every event increments the clock, and a receive first moves the clock past the message's clock.
 */
export function clockProcess(options: ClockProcessOptions): Actor<ProcessState, ClockMessage> {
  const { id, processes, flaws = {} } = options;
  const others = Array.from({ length: processes }, (_, i) => i).filter((i) => i !== id);
  const sendEvent = (to: Id) => `send p${to + 1}`;

  /** The state after one more event of `kind`, at Lamport clock `clock` with vector clock `seen` before our own tick. */
  const record = (state: ProcessState, kind: ClockEvent["kind"], clock: number, seen: VectorClock): ProcessState => {
    const vc = seen.map((x, i) => (i === id ? x + 1 : x));
    return { ...state, clock, vc, log: [...state.log, { kind, clock, vc }] };
  };

  return {
    name: options.name,
    init: () => ({ clock: 0, vc: Array.from({ length: processes }, () => 0), left: options.events, log: [] }),

    localEvents: (state) => (state.left > 0 ? ["local", ...others.map(sendEvent)] : []),

    onLocalEvent(state, event, out) {
      const taken = { ...state, left: state.left - 1 };
      if (event === "local") return record(taken, "local", state.clock + 1, state.vc);
      const to = others.find((p) => sendEvent(p) === event);
      if (to === undefined) throw new Error(`${options.name}: unknown local event "${event}"`);
      const next = record(taken, "send", state.clock + 1, state.vc);
      out.send(to, { type: "msg", clock: next.clock, vc: next.vc });
      return next;
    },

    receive(state, _from, message) {
      const clock = flaws.receiveWithoutMax ? state.clock + 1 : Math.max(state.clock, message.clock) + 1;
      return record(state, "receive", clock, merge(state.vc, message.vc));
    },

    done: (state) => state.left === 0,
  };
}
