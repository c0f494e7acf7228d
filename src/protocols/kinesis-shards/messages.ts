import type { Id, StoreReply, StoreRequest } from "../../actor/index.ts";

/**
 * A shard's item in the lease table: the lease (who holds it, and how many times it was granted) and the checkpoint
 * stored with the application's state, in one item so that one conditional put writes them together.
 */
export interface LeaseRecord {
  /** The worker holding the lease; null before anyone took it. */
  readonly owner: Id | null;
  /** How many times the lease was granted (one more at each take-over): the fence a holder's writes carry. */
  readonly lease: number;
  /** The sequence number of the last record whose effect `result` holds (0: none, the trim horizon). */
  readonly checkpoint: number;
  /** SHARD_END: the shard is closed and every record of it was processed. */
  readonly shardEnd: boolean;
  /** The application's state at the checkpoint: the sequence numbers of the records it applied, in order. */
  readonly result: readonly number[];
}

/** Every message of the system: requests to the lease table and its replies. */
export type ShardMessage = StoreRequest | StoreReply;

/** The lease table's key of shard `shard`. */
export const shardKey = (shard: number): string => `shard${shard}`;

/** A shard's item before any worker took it. */
export const unleased: LeaseRecord = { owner: null, lease: 0, checkpoint: 0, shardEnd: false, result: [] };
