import type { Id, StoreItem, StoreReply, StoreRequest, StoreState } from "../../actor/index.ts";

/**
 * The shard's write-ahead log as it lives in the table: one item per slot (the notes' `{seq_id, entry, writer}`,
 * seq_id being the slot in the item's key), a checkpoint item, and the "sealed" marker a new owner writes into the
 * slots the old owner may still write.
 */

/** The entry a new owner writes into a slot to fence it: no late conditional write of the old owner can land there. */
export const SEALED = "sealed";

/** A log slot's value: an entry written by `writer`, or `SEALED` written by the owner that fenced the slot. */
export interface LogValue {
  readonly entry: string;
  readonly writer: Id;
}

/** The checkpoint: the in-memory state (the entries applied, in log order) after replaying slots 1..upTo. */
export interface Checkpoint {
  readonly upTo: number;
  readonly entries: readonly string[];
}

/** The table key of log slot `slot` (slots count from 1). */
export const slotKey = (slot: number): string => `log/${slot}`;

/** The key of the checkpoint item. */
export const CHECKPOINT = "checkpoint";

/** The slot a table key names, or undefined when the key is not a log slot. */
export function slotOf(key: string): number | undefined {
  const match = /^log\/([1-9][0-9]*)$/.exec(key);
  return match ? Number(match[1]) : undefined;
}

/** The table at start: an empty log and the checkpoint of the empty log. */
export const initialTable = (): Readonly<Record<string, unknown>> => ({ [CHECKPOINT]: { upTo: 0, entries: [] } satisfies Checkpoint });

/** The ALF heartbeat: the owner tells its successor that it holds the shard's lease from now on. */
export interface Heartbeat {
  readonly type: "heartbeat";
}

/** Every message of the system: requests to the table, its replies, and the heartbeat. */
export type SwfMessage = StoreRequest | StoreReply | Heartbeat;

/**
 * The state replaying the log's slots 1..upTo rebuilds: the entries in slot order, sealed slots skipped; null when a
 * slot in that range is empty (no complete prefix to replay).
 */
export function replay(table: StoreState, upTo: number): readonly string[] | null {
  const entries: string[] = [];
  for (let slot = 1; slot <= upTo; slot++) {
    const item = table[slotKey(slot)] as StoreItem | undefined;
    if (item === undefined) return null;
    const { entry } = item.value as LogValue;
    if (entry !== SEALED) entries.push(entry);
  }
  return entries;
}

/** The log slots that hold an item, ascending. */
export function filledSlots(table: StoreState): number[] {
  return Object.keys(table)
    .flatMap((key) => {
      const slot = slotOf(key);
      return slot === undefined ? [] : [slot];
    })
    .sort((a, b) => a - b);
}
