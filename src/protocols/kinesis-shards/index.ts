import { conditionalStore } from "../../actor/index.ts";
import { shardKey, unleased, type ShardMessage } from "./messages.ts";
import { worker, type WorkerFlaws } from "./worker.ts";

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
