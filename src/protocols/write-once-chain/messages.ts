import type { Id } from "../../actor/index.ts";

/** Messages of the write-once chain: proposals enter at the head, the tail answers proposers and readers. */
export type ChainMessage =
  | { readonly type: "propose"; readonly value: number }
  /** Down the chain: the value the sender holds, on behalf of `proposer` (who gets the tail's answer). */
  | { readonly type: "write"; readonly value: number; readonly proposer: Id }
  | { readonly type: "decided"; readonly value: number }
  | { readonly type: "read" }
  | { readonly type: "readReply"; readonly value: number | null };
