import type { Actor, Id, Operation } from "../../actor/index.ts";
import type { ChainMessage } from "./messages.ts";

/** A client between operations, or waiting for the answer to one; and the nodes it knows to have crashed. */
export interface ChainClientState {
  readonly next: number;
  readonly phase: "idle" | "writing" | "reading";
  readonly rid: number;
  /** Crashed nodes, ascending, as announced by the fail-stop notices (the chain's master). */
  readonly down: readonly Id[];
}

/**
 * A client of chain replication: writes go to the head, reads to the tail (or, flawed, to the head), both
 * as the client currently knows the chain. There are no retries: a request lost with a crashed node is
 * never answered.
 */
export function chainClient(options: {
  name: string;
  nodes: readonly Id[];
  script: readonly Operation[];
  readAtHead?: boolean;
}): Actor<ChainClientState, ChainMessage> {
  const { nodes, script } = options;
  const live = (state: ChainClientState) => nodes.filter((n) => !state.down.includes(n));
  return {
    name: options.name,
    init: () => ({ next: 0, phase: "idle", rid: 0, down: [] }),
    invoke(state, out) {
      const op = script[state.next];
      if (state.phase !== "idle" || op === undefined) return undefined;
      out.invoked(op);
      const rid = state.rid + 1;
      const chain = live(state);
      if (op.op === "write") {
        out.send(chain[0]!, { type: "write", rid, value: op.value as number });
        return { ...state, next: state.next + 1, phase: "writing", rid };
      }
      out.send(options.readAtHead ? chain[0]! : chain.at(-1)!, { type: "read", rid });
      return { ...state, next: state.next + 1, phase: "reading", rid };
    },
    receive(state, _from, message, out) {
      if (!("rid" in message) || message.rid !== state.rid) return state;
      if (state.phase === "writing" && message.type === "ack") out.returned("ok");
      else if (state.phase === "reading" && message.type === "readReply") out.returned(message.value);
      else return state;
      return { ...state, phase: "idle" };
    },
    onCrash: (state, crashed) => ({ ...state, down: [...state.down, crashed].sort((a, b) => a - b) }),
    done: (state) => state.phase === "idle" && state.next >= script.length,
  };
}
