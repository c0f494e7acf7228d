import type { Actor, Id } from "../../actor/index.ts";
import type { PaxosMessage, Proposal } from "./messages.ts";

/** A proposer: before its attempt, collecting promises, or past phase 2 (accepts sent). */
export interface ProposerState {
  readonly phase: "idle" | "preparing" | "accepting";
  /** Acceptors that promised, ascending. */
  readonly promises: readonly Id[];
  /** The highest-ballot proposal reported in the promises so far (null: none). */
  readonly highest: Proposal | null;
  /** The value sent in phase 2 (null before). */
  readonly value: number | null;
}

/**
 * A Paxos proposer making one attempt with its own ballot: phase 1 asks every acceptor to promise; with a
 * majority of promises, phase 2 asks them to accept the value of the highest-ballot proposal they reported,
 * or its own value if none.
 */
export function proposer(options: { name: string; ballot: number; value: number; acceptors: readonly Id[] }): Actor<ProposerState, PaxosMessage> {
  const { ballot, acceptors } = options;
  const majority = Math.floor(acceptors.length / 2) + 1;
  return {
    name: options.name,
    init: () => ({ phase: "idle", promises: [], highest: null, value: null }),
    localEvents: (state) => (state.phase === "idle" ? ["propose"] : []),
    onLocalEvent(state, _event, out) {
      acceptors.forEach((a) => out.send(a, { type: "prepare", ballot }));
      return { ...state, phase: "preparing" };
    },
    receive(state, from, message, out) {
      if (message.type !== "promise" || message.ballot !== ballot || state.phase !== "preparing" || state.promises.includes(from)) return state;
      const promises = [...state.promises, from].sort((a, b) => a - b);
      const reported = message.accepted;
      const highest = reported && (state.highest === null || reported.ballot > state.highest.ballot) ? reported : state.highest;
      if (promises.length < majority) return { ...state, promises, highest };
      const value = highest?.value ?? options.value;
      acceptors.forEach((a) => out.send(a, { type: "accept", ballot, value }));
      return { phase: "accepting", promises, highest, value };
    },
  };
}
