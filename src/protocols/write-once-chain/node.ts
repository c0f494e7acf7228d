import type { Actor, Id } from "../../actor/index.ts";
import type { ChainMessage } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface ChainFlaws {
  /** Every write overwrites the value instead of only the first being kept. */
  readonly lastWriteWins?: boolean;
}

/** A chain node: the value it holds (null: none yet). */
export interface ChainNodeState {
  readonly value: number | null;
}

/**
 * A node of the write-once chain. It keeps the first value it receives and ignores the rest; it passes the
 * value it holds down the chain, and the tail answers the proposer with it (the outcome) and readers too.
 */
export function chainNode(options: { name: string; next: Id | null; flaws?: ChainFlaws }): Actor<ChainNodeState, ChainMessage> {
  const { next, flaws = {} } = options;
  const keep = (state: ChainNodeState, value: number): ChainNodeState => (state.value === null || flaws.lastWriteWins ? { value } : state);
  return {
    name: options.name,
    init: () => ({ value: null }),
    receive(state, from, message, out) {
      if (message.type === "read") {
        out.send(from, { type: "readReply", value: state.value });
        return state;
      }
      if (message.type !== "propose" && message.type !== "write") return state;
      const proposer = message.type === "propose" ? from : message.proposer;
      const kept = keep(state, message.value);
      const value = kept.value!;
      if (next === null) out.send(proposer, { type: "decided", value });
      else out.send(next, { type: "write", value, proposer });
      return kept;
    },
  };
}
