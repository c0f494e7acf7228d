import type { Actor } from "../../actor/index.ts";
import { later, type AbdMessage, type Timestamp, type Value } from "./messages.ts";

/** A storage node: the latest (timestamp, value) it has accepted. */
export interface ServerState {
  readonly ts: Timestamp;
  readonly value: Value;
}

/** An ABD storage node: answers queries with its pair and adopts any update with a later timestamp. */
export function abdServer(name: string): Actor<ServerState, AbdMessage> {
  return {
    name,
    init: () => ({ ts: [0, 0], value: null }),
    receive(state, from, message, out) {
      switch (message.type) {
        case "query":
          out.send(from, { type: "queryReply", rid: message.rid, ts: state.ts, value: state.value });
          return state;
        case "update":
          out.send(from, { type: "updateAck", rid: message.rid });
          return later(message.ts, state.ts) ? { ts: message.ts, value: message.value } : state;
        default:
          return state;
      }
    },
  };
}
