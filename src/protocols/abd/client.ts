import type { Actor, Id, Operation, Out } from "../../actor/index.ts";
import { later, type AbdMessage, type Timestamp, type Value } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface AbdFlaws {
  /** A read returns after its query phase, without writing the value back (new-old inversion). */
  readonly readerSkipsWriteBack?: boolean;
  /** A write takes its timestamp from a local counter instead of querying a majority. */
  readonly writerSkipsQuery?: boolean;
}

/** A client between operations ("idle") or in one of the two phases of an operation. */
export interface ClientState {
  /** Index of the next operation of the script. */
  readonly next: number;
  readonly phase: "idle" | "query" | "update";
  /** Request id of the current phase; replies with another id are stale and ignored. */
  readonly rid: number;
  readonly op: Operation | null;
  /** Servers that answered the current phase, ascending. */
  readonly heard: readonly Id[];
  /** Query phase: the highest (timestamp, value) heard so far. Update phase: the pair being written. */
  readonly ts: Timestamp;
  readonly value: Value;
  /** Writes done by this client (the local clock of the writer-skips-query flaw). */
  readonly writes: number;
}

export interface AbdClientOptions {
  readonly name: string;
  readonly id: Id;
  readonly servers: readonly Id[];
  /** The operations this client performs in order: `{op: "write", value}` or `{op: "read"}`. */
  readonly script: readonly Operation[];
  readonly flaws?: AbdFlaws;
}

/** An ABD client: each operation queries a majority, then writes a (timestamp, value) to a majority. */
export function abdClient(options: AbdClientOptions): Actor<ClientState, AbdMessage> {
  const { id, servers, script, flaws = {} } = options;
  const majority = Math.floor(servers.length / 2) + 1;
  const broadcast = (out: Out<AbdMessage>, message: AbdMessage) => servers.forEach((s) => out.send(s, message));

  return {
    name: options.name,
    init: () => ({ next: 0, phase: "idle", rid: 0, op: null, heard: [], ts: [0, 0], value: null, writes: 0 }),

    invoke(state, out) {
      const op = script[state.next];
      if (state.phase !== "idle" || op === undefined) return undefined;
      out.invoked(op);
      const rid = state.rid + 1;
      const base = { ...state, next: state.next + 1, op, rid, heard: [] };
      if (op.op === "write" && flaws.writerSkipsQuery) {
        const ts: Timestamp = [state.writes + 1, id];
        broadcast(out, { type: "update", rid, ts, value: op.value as Value });
        return { ...base, phase: "update", ts, value: op.value as Value, writes: state.writes + 1 };
      }
      broadcast(out, { type: "query", rid });
      return { ...base, phase: "query", ts: [0, 0], value: null };
    },

    receive(state, from, message, out) {
      if (!("rid" in message) || message.rid !== state.rid || state.heard.includes(from)) return state;
      if (state.phase === "query" && message.type === "queryReply") {
        const best = later(message.ts, state.ts) ? { ts: message.ts, value: message.value } : { ts: state.ts, value: state.value };
        const heard = [...state.heard, from].sort((a, b) => a - b);
        if (heard.length < majority) return { ...state, heard, ...best };
        return startUpdate({ ...state, ...best }, out);
      }
      if (state.phase === "update" && message.type === "updateAck") {
        const heard = [...state.heard, from].sort((a, b) => a - b);
        if (heard.length < majority) return { ...state, heard };
        out.returned(state.op?.op === "write" ? "ok" : state.value);
        return finish(state);
      }
      return state;
    },

    done: (state) => state.phase === "idle" && state.next >= script.length,
  };

  /** After a majority answered the query: a write picks a later timestamp, a read writes back what it saw. */
  function startUpdate(state: ClientState, out: Out<AbdMessage>): ClientState {
    const rid = state.rid + 1;
    if (state.op?.op === "write") {
      const ts: Timestamp = [state.ts[0] + 1, id];
      const value = state.op.value as Value;
      broadcast(out, { type: "update", rid, ts, value });
      return { ...state, phase: "update", rid, heard: [], ts, value, writes: state.writes + 1 };
    }
    if (flaws.readerSkipsWriteBack) {
      out.returned(state.value);
      return finish(state);
    }
    broadcast(out, { type: "update", rid, ts: state.ts, value: state.value });
    return { ...state, phase: "update", rid, heard: [] };
  }
}

function finish(state: ClientState): ClientState {
  return { ...state, phase: "idle", op: null, heard: [], ts: [0, 0], value: null };
}
