import type { Actor, Id } from "../../actor/index.ts";
import type { ChainMessage } from "./messages.ts";

/** A proposer: before proposing, waiting, or having learned the outcome. */
export interface ProposerState {
  readonly proposed: boolean;
  readonly learned: number | null;
}

/** A proposer of the write-once register: proposes `value` at the head, and learns the tail's answer. */
export function chainProposer(options: { name: string; value: number; head: Id }): Actor<ProposerState, ChainMessage> {
  return {
    name: options.name,
    init: () => ({ proposed: false, learned: null }),
    localEvents: (state) => (state.proposed ? [] : ["propose"]),
    onLocalEvent(state, _event, out) {
      out.send(options.head, { type: "propose", value: options.value });
      return { ...state, proposed: true };
    },
    receive: (state, _from, message) => (message.type === "decided" && state.learned === null ? { ...state, learned: message.value } : state),
    done: (state) => state.learned !== null,
  };
}

/** A reader: before reading, waiting, or with the tail's answer (a value, or null: none decided yet). */
export interface ReaderState {
  readonly phase: "idle" | "reading" | "read";
  readonly result: number | null;
}

/** A reader of the write-once register: asks the tail once. Readers get "the recent value or none at all". */
export function chainReader(options: { name: string; tail: Id }): Actor<ReaderState, ChainMessage> {
  return {
    name: options.name,
    init: () => ({ phase: "idle", result: null }),
    localEvents: (state) => (state.phase === "idle" ? ["read"] : []),
    onLocalEvent(state, _event, out) {
      out.send(options.tail, { type: "read" });
      return { ...state, phase: "reading" };
    },
    receive: (state, _from, message) =>
      message.type === "readReply" && state.phase === "reading" ? { phase: "read", result: message.value } : state,
  };
}
