import type { Actor, Id, Out } from "../../actor/index.ts";
import type { LeaseMessage } from "./messages.ts";

/** Known-wrong ways for a client to measure its lease, to show what the checker catches. */
export interface ClientFlaws {
  /** Measure the lease from receipt of the grant (or renewal), ignoring the staleness Ts of the request's transit. */
  readonly fromReceipt?: boolean;
  /** Hold the lease until the server's expiry time, as read on the client's own (unsynchronised) clock. */
  readonly absoluteExpiry?: boolean;
}

/**
 * A client's progress: idle (will ask), requesting (asked; its wait time runs), late (its wait time ran out before the
 * answer: a grant will be discarded), holding (believes it holds the lock), released (done), failed (on_failure: it
 * stopped using the lock). Only while holding are `seq` (the lease's sequence number), `lease`, `renewing` and `write` set.
 */
export interface ClientState {
  readonly phase: "idle" | "requesting" | "late" | "holding" | "released" | "failed";
  readonly seq: number | null;
  /** Which lease timer (lease0 or lease1) measures the lease in force; the other measures a renewal's, from its send. */
  readonly lease: 0 | 1;
  /** A renew is outstanding. */
  readonly renewing: boolean;
  /** The holder's write to the resource: not sent yet, sent, or applied (then it releases the lock). */
  readonly write: "unsent" | "sent" | "applied";
}

/** Timer names: the two lease timers and the heartbeat that triggers a renewal. */
export const leaseTimers = ["lease0", "lease1"] as const;
export const heartbeatTimer = "heartbeat";

const idle: ClientState = { phase: "idle", seq: null, lease: 0, renewing: false, write: "unsent" };

/**
 * An ALF client that takes the lock once to write to the resource, then, the write applied, releases it. Its wait
 * time is `lease` units of its own clock measured from when it *sent* the request (the notes' staleness Ts cuts into
 * it): a lease timer is started at each send of an acquire or a renew. Every `heartbeat` units it renews; a confirmed renewal makes the
 * renewal's timer the lease in force. When the lease in force runs out the client calls on_failure: it stops using the
 * lock for good; so it does when the resource refuses its write as older than another's (the fence tells it the lock
 * moved on). A busy answer sends it back to idle to ask again.
 */
export function leaseClient(options: {
  name: string;
  server: Id;
  resource: Id;
  lease: number;
  heartbeat: number;
  flaws?: ClientFlaws;
}): Actor<ClientState, LeaseMessage> {
  const { server, resource, lease, heartbeat, flaws = {} } = options;
  const fromSend = !flaws.fromReceipt && !flaws.absoluteExpiry;
  const stopAll = (out: Out<LeaseMessage>) => [...leaseTimers, heartbeatTimer].forEach((t) => out.cancelTimer(t));
  /** on_failure: stop using the lock. */
  const onFailure = (out: Out<LeaseMessage>): ClientState => {
    stopAll(out);
    return { ...idle, phase: "failed" };
  };
  /** With absoluteExpiry: the units left until `expires` on this client's clock (none left: 0). */
  const untilExpiry = (expires: number | undefined, out: Out<LeaseMessage>) => Math.max(0, (expires ?? 0) - out.now());

  return {
    name: options.name,
    init: () => idle,
    localEvents(state) {
      if (state.phase === "idle") return ["acquire"];
      if (state.phase !== "holding") return [];
      return state.write === "unsent" ? ["write"] : state.write === "applied" ? ["release"] : [];
    },
    onLocalEvent(state, event, out) {
      switch (event) {
        case "acquire":
          out.send(server, { type: "acquire" });
          if (fromSend) out.setTimer(leaseTimers[0], lease);
          return { ...idle, phase: "requesting" };
        case "write":
          out.send(resource, { type: "write", seq: state.seq! });
          return { ...state, write: "sent" };
        default:
          out.send(server, { type: "release", seq: state.seq! });
          stopAll(out);
          return { ...idle, phase: "released" };
      }
    },
    receive(state, _from, message, out) {
      switch (message.type) {
        case "busy":
          if (state.phase !== "requesting" && state.phase !== "late") return state;
          out.cancelTimer(leaseTimers[0]);
          return idle;
        case "grant": {
          if (state.phase === "late") return { ...idle, phase: "failed" }; // the grant came after the wait time: discarded
          if (state.phase !== "requesting") return state;
          if (flaws.absoluteExpiry) {
            const left = untilExpiry(message.expires, out);
            if (left === 0) return onFailure(out);
            out.setTimer(leaseTimers[0], left);
          } else if (flaws.fromReceipt) out.setTimer(leaseTimers[0], lease);
          out.setTimer(heartbeatTimer, heartbeat);
          return { ...idle, phase: "holding", seq: message.seq };
        }
        case "renewed": {
          if (state.phase !== "holding" || !state.renewing || message.seq !== state.seq) return state;
          out.setTimer(heartbeatTimer, heartbeat);
          if (fromSend) {
            out.cancelTimer(leaseTimers[state.lease]);
            return { ...state, lease: state.lease === 0 ? 1 : 0, renewing: false };
          }
          if (flaws.absoluteExpiry) {
            const left = untilExpiry(message.expires, out);
            if (left > 0) out.setTimer(leaseTimers[state.lease], left);
          } else out.setTimer(leaseTimers[state.lease], lease);
          return { ...state, renewing: false };
        }
        case "written":
          if (state.phase !== "holding" || state.write !== "sent" || message.seq !== state.seq) return state;
          return message.ok ? { ...state, write: "applied" } : onFailure(out);
        default:
          return state;
      }
    },
    onTimer(state, name, out) {
      if (name === heartbeatTimer) {
        out.send(server, { type: "renew", seq: state.seq! });
        const renewal = state.lease === 0 ? 1 : 0;
        if (fromSend) out.setTimer(leaseTimers[renewal], lease);
        return { ...state, renewing: true };
      }
      // A lease timer ran out. A renewal's timer started after the lease in force did, on the same clock: when it runs
      // out, so has the lease in force. Requesting, the wait for the answer is over: a grant will be discarded.
      if (state.phase === "requesting") return { ...idle, phase: "late" };
      return onFailure(out);
    },
    done: (state) => state.phase === "released" || state.phase === "failed",
  };
}
