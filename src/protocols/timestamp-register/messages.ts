import type { Id } from "../../actor/index.ts";

/** A version: (timestamp, writer id), ordered lexicographically; the writer id breaks ties. */
export type Version = readonly [timestamp: number, writer: Id];

/** The value of the register; `null` before any write. */
export type Value = number | null;

/** Messages between clients and storage nodes. `rid` is the client's request id for one phase. */
export type RegisterMessage =
  | { readonly type: "read"; readonly rid: number }
  | { readonly type: "readReply"; readonly rid: number; readonly version: Version; readonly value: Value }
  | { readonly type: "write"; readonly rid: number; readonly version: Version; readonly value: Value }
  | { readonly type: "writeAck"; readonly rid: number };

/** True when version `a` is newer than `b`. */
export const newer = (a: Version, b: Version): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
