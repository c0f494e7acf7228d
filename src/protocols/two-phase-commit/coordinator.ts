import type { Actor, Id, Out } from "../../actor/index.ts";
import { write, type CommitMessage, type Costs, type LogRecord } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface CoordinatorFlaws {
  /** Commit as soon as one resource manager voted yes, without waiting for the others. */
  readonly commitWithoutAllVotes?: boolean;
}

/** The coordinator: collecting votes, then waiting for acknowledgements of its decision, then ended. */
export interface CoordinatorState extends Costs {
  readonly phase: "init" | "collecting" | "decided" | "ended";
  readonly decision: "commit" | "abort" | null;
  /** Resource managers that voted yes, ascending. */
  readonly yes: readonly Id[];
  /** Resource managers that acknowledged the decision, ascending. */
  readonly acks: readonly Id[];
  readonly log: readonly LogRecord[];
}

/**
 * The transaction manager of two-phase commit. It forces a begin record naming the participants, asks
 * each to prepare, forces its decision (commit only if every vote is yes) before sending it, and writes
 * an unforced end record once every participant acknowledged.
 */
export function coordinator(options: { name: string; rms: readonly Id[]; flaws?: CoordinatorFlaws }): Actor<CoordinatorState, CommitMessage> {
  const { rms, flaws = {} } = options;
  const sendAll = (state: CoordinatorState, message: CommitMessage, out: Out<CommitMessage>): CoordinatorState => {
    rms.forEach((rm) => out.send(rm, message));
    return { ...state, sent: state.sent + rms.length };
  };
  /** Logs the decision (a commit forced, an abort not) and sends it to every participant. */
  const decide = (state: CoordinatorState, commit: boolean, out: Out<CommitMessage>): CoordinatorState =>
    sendAll(
      { ...write(state, commit ? "commit" : "abort", commit), phase: "decided", decision: commit ? "commit" : "abort" },
      { type: "decision", commit },
      out,
    );

  return {
    name: options.name,
    init: () => ({ phase: "init", decision: null, yes: [], acks: [], log: [], sent: 0, forced: 0 }),
    localEvents: (state) => (state.phase === "init" ? ["begin"] : []),
    onLocalEvent(state, _event, out) {
      return sendAll({ ...write(state, "begin", true), phase: "collecting" }, { type: "prepare" }, out);
    },
    receive(state, from, message, out) {
      if (message.type === "vote" && state.phase === "collecting") {
        if (!message.yes) return decide(state, false, out);
        const yes = [...state.yes, from].sort((a, b) => a - b);
        if (yes.length === rms.length || flaws.commitWithoutAllVotes) return decide({ ...state, yes }, true, out);
        return { ...state, yes };
      }
      if (message.type === "ack" && state.phase === "decided" && !state.acks.includes(from)) {
        const acks = [...state.acks, from].sort((a, b) => a - b);
        return acks.length === rms.length ? { ...write(state, "end", false), acks, phase: "ended" } : { ...state, acks };
      }
      return state;
    },
    done: (state) => state.phase === "ended",
  };
}
