import type { Actor, Id, Out } from "../../actor/index.ts";
import type { Request, WalMessage } from "./messages.ts";

/** A client: idle, running its transaction (`at`: the request it waits on, in its script), or told the outcome. */
export interface ClientState {
  readonly phase: "idle" | "running" | "committed" | "aborted";
  readonly at: number;
}

/**
 * A client running one transaction: begin, a write of its own id to each of its `keys`, then commit, each request
 * sent when the previous one was acknowledged (asked again when the database answers busy). The transaction is one
 * operation in the history: invoked at begin, returned "committed" or "aborted" when the database says so.
 */
export function client(options: { name: string; database: Id; keys: readonly number[] }): Actor<ClientState, WalMessage> {
  const script: readonly Request[] = [{ type: "begin" }, ...options.keys.map((key) => ({ type: "write" as const, key })), { type: "commit" }];
  const ask = (state: ClientState, at: number, out: Out<WalMessage>): ClientState => {
    out.send(options.database, script[at]!);
    return at === state.at && state.phase === "running" ? state : { phase: "running", at };
  };
  return {
    name: options.name,
    init: () => ({ phase: "idle", at: 0 }),
    invoke(state, out) {
      if (state.phase !== "idle") return undefined;
      out.invoked({ op: "transaction" });
      return ask(state, 0, out);
    },
    receive(state, _from, message, out) {
      if (state.phase !== "running") return state;
      switch (message.type) {
        case "ok":
          return state.at + 1 < script.length ? ask(state, state.at + 1, out) : state;
        case "busy":
          return ask(state, state.at, out);
        case "committed":
        case "aborted":
          out.returned(message.type);
          return { ...state, phase: message.type };
        default:
          return state;
      }
    },
    done: (state) => state.phase === "committed" || state.phase === "aborted",
  };
}
