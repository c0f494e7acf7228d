import type { Actor, Id } from "../../actor/index.ts";
import type { PaxosMessage, Proposal } from "./messages.ts";

/** A proposer that retries: its current attempt (ballot, phase, answers so far) until one succeeds. */
export interface RetryingProposerState {
  readonly phase: "idle" | "preparing" | "accepting" | "done";
  /** The ballot of the current attempt. */
  readonly ballot: number;
  /** Acceptors that promised this ballot, ascending. */
  readonly promises: readonly Id[];
  /** The highest-ballot proposal reported in the promises so far (null: none). */
  readonly highest: Proposal | null;
  /** The value sent in phase 2 (null before). */
  readonly value: number | null;
  /** Acceptors that accepted this attempt's proposal, ascending. */
  readonly acks: readonly Id[];
  /** Requests of this attempt not answered yet. */
  readonly waiting: number;
  /** The highest ballot a refusal of this attempt reported (0: none). */
  readonly preempted: number;
}

/**
 * A Paxos proposer that retries until its value, or the value it adopted, is accepted by a majority. Phase 1
 * and phase 2 are the single attempt's; an acceptor answers every request (a promise or acceptance, else a
 * nack naming the higher ballot it promised). Once every acceptor has answered the attempt and it failed,
 * the proposer starts again with a ballot just above the highest one refused it: ballots come from a dense
 * order and are only compared, so the new ballot lies between that one and any higher ballot in use.
 * Waiting for every answer before retrying keeps no message of an abandoned attempt in flight (it assumes
 * acceptors do not crash).
 */
export function retryingProposer(options: {
  name: string;
  ballot: number;
  value: number;
  acceptors: readonly Id[];
}): Actor<RetryingProposerState, PaxosMessage> {
  const { acceptors } = options;
  const majority = Math.floor(acceptors.length / 2) + 1;
  const attempt = (ballot: number, out: { send(to: Id, m: PaxosMessage): void }): RetryingProposerState => {
    acceptors.forEach((a) => out.send(a, { type: "prepare", ballot }));
    return { phase: "preparing", ballot, promises: [], highest: null, value: null, acks: [], waiting: acceptors.length, preempted: 0 };
  };
  const insert = (ids: readonly Id[], id: Id) => [...ids, id].sort((a, b) => a - b);
  return {
    name: options.name,
    init: () => ({ phase: "idle", ballot: options.ballot, promises: [], highest: null, value: null, acks: [], waiting: 0, preempted: 0 }),
    localEvents: (state) => (state.phase === "idle" ? ["propose"] : []),
    onLocalEvent: (state, _event, out) => attempt(state.ballot, out),
    receive(state, from, message, out) {
      if (
        message.type === "prepare" ||
        message.type === "accept" ||
        message.ballot !== state.ballot ||
        state.phase === "idle" ||
        state.phase === "done"
      )
        return state;
      let next: RetryingProposerState = { ...state, waiting: state.waiting - 1 };
      if (message.type === "nack") next = { ...next, preempted: Math.max(state.preempted, message.promised) };
      else if (message.type === "promise" && state.phase === "preparing") {
        const reported = message.accepted;
        const highest = reported && (state.highest === null || reported.ballot > state.highest.ballot) ? reported : state.highest;
        next = { ...next, promises: insert(state.promises, from), highest };
        if (next.promises.length >= majority) {
          const value = highest?.value ?? options.value;
          acceptors.forEach((a) => out.send(a, { type: "accept", ballot: state.ballot, value }));
          next = { ...next, phase: "accepting", value, waiting: next.waiting + acceptors.length };
        }
      } else if (message.type === "accepted" && state.phase === "accepting") {
        next = { ...next, acks: insert(state.acks, from) };
        // Done: the attempt's bookkeeping is forgotten; later answers are ignored.
        if (next.acks.length >= majority) return { ...next, phase: "done", promises: [], highest: null, acks: [], waiting: 0, preempted: 0 };
      }
      return next.waiting === 0 ? attempt(next.preempted + 0.5, out) : next;
    },
    done: (state) => state.phase === "done",
  };
}
