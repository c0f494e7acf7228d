import { conditionalStore } from "../../actor/index.ts";
import { shardKey, unleased, type ShardMessage } from "./messages.ts";
import { worker, type WorkerFlaws } from "./worker.ts";
import { producer } from "./producer.ts";
import { stream, type StreamFlaws } from "./stream.ts";

export type { LeaseRecord, ShardMessage } from "./messages.ts";
export type { WorkerFlaws, WorkerOptions, WorkerState } from "./worker.ts";
export { shardKey, unleased } from "./messages.ts";
export { worker } from "./worker.ts";

/** What a Kinesis shard-processing system is made of: its workers, its shard's records, and the lease rules. */
export interface KinesisShardsOptions {
  readonly workers: number;
  /** How many records the (closed) shard holds: sequence numbers 1..records. */
  readonly records: number;
  /** Units of a watcher's clock an unchanged lease item takes to expire. */
  readonly expiry: number;
  /** Model bound on lease grants (see WorkerOptions.maxLease). */
  readonly maxLease: number;
  readonly flaws?: WorkerFlaws;
}

/** The system by role: workers w1..wW (ids 0..W-1), then the lease table (id W) holding the shard's unleased item. */
export function kinesisShardsRoles(options: KinesisShardsOptions) {
  const table = options.workers;
  const stream = Array.from({ length: options.records }, (_, i) => i + 1);
  return {
    workers: Array.from({ length: options.workers }, (_, id) =>
      worker({ name: `w${id + 1}`, id, table, stream, expiry: options.expiry, maxLease: options.maxLease, flaws: options.flaws ?? {} }),
    ),
    table: [conditionalStore<ShardMessage>("leases", { [shardKey(0)]: unleased })],
  };
}

export type { ProducerState } from "./producer.ts";
export type { SeqNum, Shard, StreamFlaws, StreamMessage, StreamRecord, StreamState } from "./stream.ts";
export { producer } from "./producer.ts";
export { seqBefore, seqText, stream } from "./stream.ts";

/** A partition key's hash (the notes' md5, here the sum of its character codes): its bucket among 2^d is hash % 2^d. */
export const keyHash = (key: string): number => [...key].reduce((sum, c) => sum + c.charCodeAt(0), 0);

/** The resharding system by role: the producer p (id 0) putting `script`'s keys in order, then the stream (id 1). */
export function reshardingRoles(options: { script: readonly string[]; flaws?: StreamFlaws }) {
  return {
    producer: [producer({ name: "p", stream: 1, script: options.script })],
    stream: [stream({ name: "stream", hash: keyHash, flaws: options.flaws ?? {} })],
  };
}
