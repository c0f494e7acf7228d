import type { Actor, Id, Out } from "../../actor/index.ts";
import { write, type CommitMessage, type Costs, type LogRecord } from "./messages.ts";

/** A resource manager: working, asked to prepare, prepared (voted yes), or finished one way or the other. */
export interface ResourceManagerState extends Costs {
  readonly phase: "working" | "asked" | "prepared" | "committed" | "aborted";
  readonly vote: "yes" | "no" | null;
  readonly log: readonly LogRecord[];
}

/**
 * A participant of two-phase commit. Asked to prepare, it may vote yes (forcing a prepared record first)
 * or no (aborting at once); it forces a commit record before acknowledging a commit, and acknowledges an
 * abort after an unforced abort record.
 */
export function resourceManager(options: { name: string; coordinator: Id }): Actor<ResourceManagerState, CommitMessage> {
  const tm = options.coordinator;
  const send = (state: ResourceManagerState, message: CommitMessage, out: Out<CommitMessage>): ResourceManagerState => {
    out.send(tm, message);
    return { ...state, sent: state.sent + 1 };
  };

  return {
    name: options.name,
    init: () => ({ phase: "working", vote: null, log: [], sent: 0, forced: 0 }),
    localEvents: (state) => (state.phase === "asked" ? ["vote yes", "vote no"] : []),
    onLocalEvent(state, event, out) {
      if (event === "vote yes") return send({ ...write(state, "prepared", true), phase: "prepared", vote: "yes" }, { type: "vote", yes: true }, out);
      return send({ ...write(state, "abort", false), phase: "aborted", vote: "no" }, { type: "vote", yes: false }, out);
    },
    receive(state, _from, message, out) {
      if (message.type === "prepare" && state.phase === "working") return { ...state, phase: "asked" };
      if (message.type !== "decision") return state;
      if (message.commit && state.phase === "prepared") return send({ ...write(state, "commit", true), phase: "committed" }, { type: "ack" }, out);
      // An abort can overtake the prepare on an unordered network: a working participant aborts too.
      if (!message.commit && (state.phase === "working" || state.phase === "asked" || state.phase === "prepared"))
        return send({ ...write(state, "abort", false), phase: "aborted" }, { type: "ack" }, out);
      if (!message.commit && state.phase === "aborted") return send(state, { type: "ack" }, out);
      return state;
    },
    done: (state) => state.phase === "committed" || state.phase === "aborted",
  };
}
