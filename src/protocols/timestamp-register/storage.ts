import type { Actor } from "../../actor/index.ts";
import { newer, type RegisterMessage, type Value, type Version } from "./messages.ts";

/** A storage node: the newest (version, value) it has stored. */
export interface StorageState {
  readonly version: Version;
  readonly value: Value;
}

/**
 * A storage node, as the notes' "Reader Process" table has it: a read is answered with (time, value);
 * a write is stored if its time is later than the one held, and acknowledged either way.
 */
export function storageNode(name: string): Actor<StorageState, RegisterMessage> {
  return {
    name,
    init: () => ({ version: [0, 0], value: null }),
    receive(state, from, message, out) {
      switch (message.type) {
        case "read":
          out.send(from, { type: "readReply", rid: message.rid, version: state.version, value: state.value });
          return state;
        case "write":
          out.send(from, { type: "writeAck", rid: message.rid });
          return newer(message.version, state.version) ? { version: message.version, value: message.value } : state;
        default:
          return state;
      }
    },
  };
}
