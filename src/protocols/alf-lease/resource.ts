import type { Actor } from "../../actor/index.ts";
import type { LeaseMessage } from "./messages.ts";

/** The protected resource: the sequence numbers of the writes it applied, in the order it applied them. */
export interface ResourceState {
  readonly applied: readonly number[];
}

/**
 * The resource the lock protects; it answers each write. Fenced (the fix): it refuses a write whose lease's sequence number is older than
 * the last it applied, so a holder whose lease lapsed cannot write after a newer holder did. With `unfenced` (the
 * notes' "the user may come back thinking it still has the lock and doing writes") it applies every write.
 */
export function leaseResource(options: { name: string; unfenced?: boolean }): Actor<ResourceState, LeaseMessage> {
  return {
    name: options.name,
    init: () => ({ applied: [] }),
    receive(state, from, message, out) {
      if (message.type !== "write") return state;
      const last = state.applied.at(-1);
      const ok = options.unfenced || last === undefined || message.seq >= last;
      out.send(from, { type: "written", seq: message.seq, ok });
      return ok ? { applied: [...state.applied, message.seq] } : state;
    },
  };
}
