import type { Actor, Id, Out, StoreItem } from "../../actor/index.ts";
import { shardKey, type LeaseRecord, type ShardMessage } from "./messages.ts";

/** Known-wrong behaviours, for showing what the checker catches. */
export interface WorkerFlaws {
  /** Checkpoint a record's sequence number before processing it: a crash in between loses the record. */
  readonly checkpointBeforeProcessing?: boolean;
  /** Write checkpoints without the condition: a worker whose lease was taken over never learns it and goes on checkpointing. */
  readonly unconditionalCheckpoint?: boolean;
}

/**
 * A worker: idle (not started), observing (reading the table), watching a lease another holds (its expiry timer
 * running), taking a lease (a conditional put in flight), writing a checkpoint or SHARD_END while it holds the lease,
 * or done (the shard ended).
 */
export interface WorkerState {
  readonly phase: "idle" | "observing" | "watching" | "taking" | "writing" | "ending" | "done";
  /** The item's version as this worker last read or wrote it (0: none): the condition of its next put. */
  readonly version: number;
  /** The lease number in that item; while it holds the lease, the number it was granted. */
  readonly lease: number;
  /** The checkpoint in that item; while it holds the lease, its last checkpoint the table acknowledged. */
  readonly checkpoint: number;
  /** Records processed (a holder's position in the shard); otherwise equal to `checkpoint`. */
  readonly position: number;
  /** The application's state: a holder's in memory, a watcher's as read from the table. */
  readonly result: readonly number[];
}

export interface WorkerOptions {
  readonly name: string;
  /** This worker's own id: the owner it writes into the leases it takes. */
  readonly id: Id;
  /** The lease table's id. */
  readonly table: Id;
  /** The shard's records, by sequence number: record i (from 1) is `stream[i - 1]` (a closed shard: immutable data). */
  readonly stream: readonly number[];
  /** How long (local clock units) a lease's item must stay unchanged before this worker takes the lease over. */
  readonly expiry: number;
  /** Model bound: the worker takes no lease whose number has reached this (lease numbers would grow without end). */
  readonly maxLease: number;
  readonly flaws?: WorkerFlaws;
}

const blank = (phase: WorkerState["phase"]): WorkerState => ({ phase, version: 0, lease: 0, checkpoint: 0, position: 0, result: [] });

/**
 * A Kinesis application worker (the KCL's lease taker and record processor) for one shard. It reads the lease
 * table; an unowned lease it takes at once; a lease another holds it takes over only when the item stayed
 * unchanged for `expiry` units of its own clock (the holder's checkpoints are its heartbeat), by a put conditional
 * on the version it read. Holding the lease, it restores the state stored with the checkpoint, processes the records
 * after it one at a time, and after each writes the checkpoint and the state in one put conditional on its last
 * version: a failed put means the lease was taken over, and it goes back to watching. After the last record it
 * writes SHARD_END.
 */
export function worker(options: WorkerOptions): Actor<WorkerState, ShardMessage> {
  const { id: self, table, stream, expiry, maxLease, flaws = {} } = options;
  const key = shardKey(0);

  const put = (state: WorkerState, value: LeaseRecord, conditional: boolean, out: Out<ShardMessage>) =>
    out.send(table, { store: "put", key, value, ...(conditional && { expect: { version: state.version } }) });

  /** Reads `item` (read or returned by a failed put): done if the shard ended, else take the lease or watch it. */
  const observe = (item: StoreItem | null, out: Out<ShardMessage>): WorkerState => {
    if (item === null) throw new Error(`${options.name}: the lease table has no item ${key}`);
    const record = item.value as LeaseRecord;
    if (record.shardEnd) return blank("done");
    const seen: WorkerState = {
      phase: "watching",
      version: item.version,
      lease: record.lease,
      checkpoint: record.checkpoint,
      position: record.checkpoint,
      result: record.result,
    };
    if (record.owner === null && record.lease < maxLease) return take(seen, out);
    out.setTimer("expiry", expiry);
    return seen;
  };

  /** Takes the lease seen in `state` over: the same checkpoint and state, this worker as owner, the next lease number. */
  const take = (state: WorkerState, out: Out<ShardMessage>): WorkerState => {
    const lease = state.lease + 1;
    put(state, { owner: self, lease, checkpoint: state.checkpoint, shardEnd: false, result: state.result }, true, out);
    return { ...state, phase: "taking", lease };
  };

  /** The holder's next write: process the next record and checkpoint it, or SHARD_END after the last. */
  const advance = (state: WorkerState, out: Out<ShardMessage>): WorkerState => {
    const conditional = !flaws.unconditionalCheckpoint;
    const write = (next: WorkerState, shardEnd: boolean) => {
      put(next, { owner: self, lease: next.lease, checkpoint: next.position, shardEnd, result: next.result }, conditional, out);
      return next;
    };
    if (state.position === stream.length) return write({ ...state, phase: "ending" }, true);
    const position = state.position + 1;
    // The flaw checkpoints the record first and processes it once the checkpoint is stored.
    if (flaws.checkpointBeforeProcessing) return write({ ...state, phase: "writing", position }, false);
    return write({ ...state, phase: "writing", position, result: [...state.result, stream[position - 1]!] }, false);
  };

  return {
    name: options.name,
    init: () => blank("idle"),
    localEvents: (state) => (state.phase === "idle" ? ["start"] : []),
    onLocalEvent(state, _event, out) {
      out.send(table, { store: "get", key });
      return blank("observing");
    },
    onTimer(state, _name, out) {
      if (state.phase !== "watching") throw new Error(`${options.name}: expiry fired while ${state.phase}`);
      if (state.lease < maxLease) return take(state, out);
      out.send(table, { store: "get", key }); // no more grants in this model: keep reading until the shard ends
      return blank("observing");
    },
    receive(state, from, message, out) {
      if (from !== table) throw new Error(`${options.name} received ${JSON.stringify(message)} from ${from}, not from the lease table`);
      if (message.store === "got" && state.phase === "observing") return observe(message.item, out);
      if (message.store === "put-failed" && (state.phase === "taking" || state.phase === "writing" || state.phase === "ending"))
        return observe(message.item, out);
      if (message.store === "put-ok" && state.phase === "taking") return advance({ ...state, version: message.version }, out);
      if (message.store === "put-ok" && state.phase === "writing") {
        const processed = flaws.checkpointBeforeProcessing ? [...state.result, stream[state.position - 1]!] : state.result;
        return advance({ ...state, version: message.version, checkpoint: state.position, result: processed }, out);
      }
      if (message.store === "put-ok" && state.phase === "ending") return blank("done");
      throw new Error(`${options.name} received ${JSON.stringify(message)} while ${state.phase}`);
    },
    done: (state) => state.phase === "done",
  };
}
