import type { Actor, Id, Operation, Out } from "../../actor/index.ts";
import { newer, type RegisterMessage, type Value, type Version } from "./messages.ts";

/** How a writer picks the version of a write. */
export type Stamping =
  /** The notes' fix: read the highest version from a quorum, then write a higher one. */
  | { readonly kind: "two-phase" }
  /** The writer's own clock, which started `offset` ticks ahead and ticks once per write (unsynchronized). */
  | { readonly kind: "local-clock"; readonly offset: number };

/** A client between operations ("idle"), reading a quorum, or writing to a quorum. */
export interface RegisterClientState {
  readonly next: number;
  readonly phase: "idle" | "read" | "write";
  readonly rid: number;
  readonly op: Operation | null;
  /** Nodes that answered the current phase, ascending. */
  readonly heard: readonly Id[];
  /** Read phase: the newest (version, value) heard so far. Write phase: the pair being written. */
  readonly version: Version;
  readonly value: Value;
  /** Writes this client has made (the ticks of its local clock). */
  readonly writes: number;
}

export interface RegisterClientOptions {
  readonly name: string;
  readonly id: Id;
  readonly nodes: readonly Id[];
  readonly script: readonly Operation[];
  readonly stamping: Stamping;
}

/**
 * A client of the timestamp quorum register. A read asks a majority and returns the newest value; a write
 * stamps its value with a version (by `stamping`) and stores it on a majority.
 */
export function registerClient(options: RegisterClientOptions): Actor<RegisterClientState, RegisterMessage> {
  const { id, nodes, script, stamping } = options;
  const majority = Math.floor(nodes.length / 2) + 1;
  const broadcast = (out: Out<RegisterMessage>, message: RegisterMessage) => nodes.forEach((n) => out.send(n, message));

  /** Sends the write of `value` at `version` to every node. */
  const startWrite = (state: RegisterClientState, rid: number, version: Version, value: Value, out: Out<RegisterMessage>): RegisterClientState => {
    broadcast(out, { type: "write", rid, version, value });
    return { ...state, phase: "write", rid, heard: [], version, value, writes: state.writes + 1 };
  };

  return {
    name: options.name,
    init: () => ({ next: 0, phase: "idle", rid: 0, op: null, heard: [], version: [0, 0], value: null, writes: 0 }),

    invoke(state, out) {
      const op = script[state.next];
      if (state.phase !== "idle" || op === undefined) return undefined;
      out.invoked(op);
      const rid = state.rid + 1;
      const base = { ...state, next: state.next + 1, op, rid, heard: [] };
      if (op.op === "write" && stamping.kind === "local-clock")
        return startWrite(base, rid, [stamping.offset + state.writes + 1, id], op.value as Value, out);
      broadcast(out, { type: "read", rid });
      return { ...base, phase: "read", version: [0, 0], value: null };
    },

    receive(state, from, message, out) {
      if (!("rid" in message) || message.rid !== state.rid || state.heard.includes(from)) return state;
      const heard = [...state.heard, from].sort((a, b) => a - b);
      if (state.phase === "read" && message.type === "readReply") {
        const best = newer(message.version, state.version)
          ? { version: message.version, value: message.value }
          : { version: state.version, value: state.value };
        if (heard.length < majority) return { ...state, heard, ...best };
        if (state.op?.op === "write") return startWrite(state, state.rid + 1, [best.version[0] + 1, id], state.op.value as Value, out);
        out.returned(best.value);
        return idle(state);
      }
      if (state.phase === "write" && message.type === "writeAck") {
        if (heard.length < majority) return { ...state, heard };
        out.returned("ok");
        return idle(state);
      }
      return state;
    },

    done: (state) => state.phase === "idle" && state.next >= script.length,
  };
}

function idle(state: RegisterClientState): RegisterClientState {
  return { ...state, phase: "idle", op: null, heard: [], version: [0, 0], value: null };
}
