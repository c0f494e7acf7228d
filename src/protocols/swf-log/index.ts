import { conditionalStore } from "../../actor/index.ts";
import { backend, type BackendFlaws } from "./backend.ts";
import { initialTable, type SwfMessage } from "./log.ts";

export type { BackendFlaws, BackendOptions, BackendState, Phase } from "./backend.ts";
export type { Checkpoint, Heartbeat, LogValue, SwfMessage } from "./log.ts";
export { backend } from "./backend.ts";
export { CHECKPOINT, SEALED, filledSlots, initialTable, replay, slotKey, slotOf } from "./log.ts";

/** What one shard's system is made of: how many entries each owner appends, the write window, the lease's timing. */
export interface SwfLogOptions {
  /** Entries the first owner appends. */
  readonly ownerEntries: number;
  /** Entries the successor appends once it owns the shard. */
  readonly successorEntries: number;
  /** The notes' N write spots: an owner's log writes in flight at once. */
  readonly window: number;
  /** The owner's lease, in units of its clock. */
  readonly term: number;
  /** The successor's wait after the heartbeat, in units of its clock, before it takes over. */
  readonly guard: number;
  /** After how many of its own entries an owner writes a checkpoint (0: never). */
  readonly checkpointAfter: number;
  readonly flaws?: BackendFlaws;
}

/**
 * The shard's system by role: the table (id 0, a conditional store holding the log, one item per slot, and the
 * checkpoint), then the backends b1 (id 1, the first owner) and b2 (id 2, its successor).
 */
export function swfLogRoles(options: SwfLogOptions) {
  const common = { store: 0, window: options.window, term: options.term, guard: options.guard, checkpointAfter: options.checkpointAfter };
  const flaws = options.flaws ?? {};
  return {
    table: [conditionalStore<SwfMessage>("table", initialTable())],
    backends: [
      backend({ ...common, name: "b1", self: 1, firstOwner: true, successor: 2, entries: options.ownerEntries, flaws }),
      backend({ ...common, name: "b2", self: 2, firstOwner: false, entries: options.successorEntries, flaws }),
    ],
  };
}
