import type { Actor, Id } from "../../actor/index.ts";
import type { PaxosMessage } from "./messages.ts";

/** A learner: which acceptors reported accepting which ballot, and the value it learned (null: none yet). */
export interface LearnerState {
  /** [ballot, acceptor] pairs heard, ascending. */
  readonly heard: readonly (readonly [number, Id])[];
  readonly learned: number | null;
}

/** A Paxos learner: learns a value once a majority of acceptors report accepting it in the same ballot. */
export function learner(options: { name: string; acceptors: number }): Actor<LearnerState, PaxosMessage> {
  const majority = Math.floor(options.acceptors / 2) + 1;
  return {
    name: options.name,
    init: () => ({ heard: [], learned: null }),
    receive(state, from, message) {
      if (message.type !== "accepted" || state.learned !== null || state.heard.some(([b, a]) => b === message.ballot && a === from)) return state;
      const heard = [...state.heard, [message.ballot, from] as const].sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      const inBallot = heard.filter(([b]) => b === message.ballot).length;
      return { heard, learned: inBallot >= majority ? message.value : null };
    },
    done: (state) => state.learned !== null,
  };
}
