import type { Actor, Id, Out } from "../../actor/index.ts";
import { newer, type ChainMessage, type Value, type Version } from "./messages.ts";

/** A chain node: the newest update it has applied. */
export interface ChainNodeState {
  readonly version: Version;
  readonly value: Value;
}

/**
 * A node of the chain (ids are chain order). Acting as head, it stamps a client's write with the next
 * version; every node applies an update only if it is newer than what it holds (so links need not be FIFO)
 * and passes it on; the tail acknowledges it to the client. Any node answers a read with its value.
 */
export function chainNode(options: { name: string; id: Id; successor: Id | null }): Actor<ChainNodeState, ChainMessage> {
  const { id, successor } = options;
  /** Applies an update if newer, then forwards it down the chain or, at the tail, acknowledges it. */
  const pass = (state: ChainNodeState, update: Extract<ChainMessage, { type: "update" }>, out: Out<ChainMessage>): ChainNodeState => {
    if (successor === null) out.send(update.client, { type: "ack", rid: update.rid });
    else out.send(successor, update);
    return newer(update.version, state.version) ? { version: update.version, value: update.value } : state;
  };
  return {
    name: options.name,
    init: () => ({ version: [0, 0], value: null }),
    receive(state, from, message, out) {
      switch (message.type) {
        case "write":
          return pass(state, { type: "update", version: [state.version[0] + 1, id], value: message.value, client: from, rid: message.rid }, out);
        case "update":
          return pass(state, message, out);
        case "read":
          out.send(from, { type: "readReply", rid: message.rid, value: state.value });
          return state;
        default:
          return state;
      }
    },
  };
}
