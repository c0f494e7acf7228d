import type { Id } from "../../actor/index.ts";

/** A timestamp: (counter, writer id), ordered lexicographically. */
export type Timestamp = readonly [counter: number, writer: Id];

/** The value of the register; `null` before any write. */
export type Value = number | null;

/** Messages between ABD clients and servers. `rid` is the client's request id for one phase. */
export type AbdMessage =
  | { readonly type: "query"; readonly rid: number }
  | { readonly type: "queryReply"; readonly rid: number; readonly ts: Timestamp; readonly value: Value }
  | { readonly type: "update"; readonly rid: number; readonly ts: Timestamp; readonly value: Value }
  | { readonly type: "updateAck"; readonly rid: number };

/** True when timestamp `a` is greater than `b`. */
export const later = (a: Timestamp, b: Timestamp): boolean => a[0] > b[0] || (a[0] === b[0] && a[1] > b[1]);
