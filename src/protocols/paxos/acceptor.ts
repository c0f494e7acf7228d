import type { Actor, Id } from "../../actor/index.ts";
import type { PaxosMessage, Proposal } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface AcceptorFlaws {
  /** Accept a proposal even when its ballot is below the one promised. */
  readonly acceptWithoutPromiseCheck?: boolean;
}

/** An acceptor: the highest ballot promised, the last proposal accepted, and every proposal it ever accepted. */
export interface AcceptorState {
  readonly promised: number;
  readonly accepted: Proposal | null;
  /** Ghost: every proposal this acceptor accepted, by ballot (to tell which values were chosen). */
  readonly votes: readonly Proposal[];
}

/**
 * A Paxos acceptor: promises a ballot higher than any it promised (reporting its last accepted proposal),
 * accepts a proposal whose ballot is at least the one promised, and tells every learner. With `answersAll`
 * (for proposers that retry) it also tells the proposer what it accepted, and refuses the rest with a nack.
 */
export function acceptor(options: {
  name: string;
  learners: readonly Id[];
  flaws?: AcceptorFlaws;
  answersAll?: boolean;
}): Actor<AcceptorState, PaxosMessage> {
  const { learners, flaws = {}, answersAll = false } = options;
  return {
    name: options.name,
    init: () => ({ promised: 0, accepted: null, votes: [] }),
    receive(state, from, message, out) {
      if (message.type === "prepare" && message.ballot > state.promised) {
        out.send(from, { type: "promise", ballot: message.ballot, accepted: state.accepted });
        return { ...state, promised: message.ballot };
      }
      if (message.type === "accept" && (message.ballot >= state.promised || flaws.acceptWithoutPromiseCheck)) {
        const proposal = { ballot: message.ballot, value: message.value };
        learners.forEach((l) => out.send(l, { type: "accepted", ...proposal }));
        if (answersAll) out.send(from, { type: "accepted", ...proposal });
        const votes = [...state.votes.filter((v) => v.ballot !== proposal.ballot), proposal].sort((a, b) => a.ballot - b.ballot);
        return { promised: Math.max(state.promised, message.ballot), accepted: proposal, votes };
      }
      if (answersAll && (message.type === "prepare" || message.type === "accept"))
        out.send(from, { type: "nack", ballot: message.ballot, promised: state.promised });
      return state;
    },
  };
}
