import type { Id } from "../../actor/index.ts";

/** The version of an update: (sequence number, the head that assigned it), ordered lexicographically. */
export type Version = readonly [seq: number, head: Id];

/** The value of the register; `null` before any write. */
export type Value = number | null;

/** Messages of chain replication. `rid` is the client's request id; `client` is whom the tail answers. */
export type ChainMessage =
  | { readonly type: "write"; readonly rid: number; readonly value: number }
  | { readonly type: "update"; readonly version: Version; readonly value: number; readonly client: Id; readonly rid: number }
  | { readonly type: "ack"; readonly rid: number }
  | { readonly type: "read"; readonly rid: number }
  | { readonly type: "readReply"; readonly rid: number; readonly value: Value };

/** True when version `a` is newer than `b`. */
export const newer = (a: Version, b: Version): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
