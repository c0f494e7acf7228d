import type { Actor, Id } from "../../actor/index.ts";
import type { LeaseMessage } from "./messages.ts";

/** The lock server: who holds the lock (null: free) and the sequence number of the last grant. */
export interface ServerState {
  readonly holder: Id | null;
  readonly seq: number;
}

/** The server's timer: the lock is forcibly released when it fires. */
export const unlockTimer = "unlock";

/**
 * The ALF lock server. It grants a free lock at once (numbering the grant), answers `busy` otherwise, renews the
 * holder's lease on each renew of the current grant, and unlocks when the holder releases or when `unlock` units
 * of its own clock have passed since the last grant or renewal it received. With `absoluteExpiry` (a known-wrong
 * flaw) it also tells the client an expiry time, its clock plus `lease`, instead of letting the client measure.
 */
export function leaseServer(options: { name: string; unlock: number; lease: number; absoluteExpiry?: boolean }): Actor<ServerState, LeaseMessage> {
  const { unlock, lease } = options;
  const expiry = (now: number) => (options.absoluteExpiry ? { expires: now + lease } : {});
  return {
    name: options.name,
    init: () => ({ holder: null, seq: 0 }),
    receive(state, from, message, out) {
      switch (message.type) {
        case "acquire": {
          if (state.holder !== null) {
            out.send(from, { type: "busy" });
            return state;
          }
          const seq = state.seq + 1;
          out.setTimer(unlockTimer, unlock);
          out.send(from, { type: "grant", seq, ...expiry(options.absoluteExpiry ? out.now() : 0) });
          return { holder: from, seq };
        }
        case "renew":
          if (state.holder !== from || message.seq !== state.seq) return state; // too late: the lease has lapsed
          out.setTimer(unlockTimer, unlock);
          out.send(from, { type: "renewed", seq: message.seq, ...expiry(options.absoluteExpiry ? out.now() : 0) });
          return state;
        case "release":
          if (state.holder !== from || message.seq !== state.seq) return state;
          out.cancelTimer(unlockTimer);
          return { ...state, holder: null };
        default:
          return state;
      }
    },
    onTimer: (state) => ({ ...state, holder: null }),
  };
}
