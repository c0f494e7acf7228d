import type { Actor, Id } from "../../actor/index.ts";

/** A sequence number as the notes write it, `{epoch}.{shardId}.{subSeq}`, held as a tuple; ordered lexicographically. */
export type SeqNum = readonly [epoch: number, shardId: number, subSeq: number];

/** A record in a shard: its partition key, the producer's count of records of that key (1, 2, …), its sequence number. */
export interface StreamRecord {
  readonly key: string;
  readonly n: number;
  readonly seq: SeqNum;
}

/**
 * A shard: the hash bucket `id` among 2^depth buckets (a key's bucket is its hash modulo 2^depth), the epoch its
 * sequence numbers carry, where it ended (how many records it held when it closed; null while open: SHARD_END is
 * reached after that many), and its records in order (sub-sequence numbers 1, 2, …).
 */
export interface Shard {
  readonly epoch: number;
  readonly id: number;
  readonly depth: number;
  readonly end: number | null;
  readonly records: readonly StreamRecord[];
}

/** The stream: its shards, the first being the one every key starts in; the shard handles in messages are indexes here. */
export interface StreamState {
  readonly shards: readonly Shard[];
}

/** Messages between producers and the stream. */
export type StreamMessage =
  | { readonly type: "put"; readonly shard: number; readonly key: string; readonly n: number }
  | { readonly type: "ack"; readonly seq: SeqNum }
  | { readonly type: "redirect"; readonly shard: number };

/** Known-wrong behaviours of the stream. */
export interface StreamFlaws {
  /** A split's children keep the parent's epoch: a child's sequence numbers start over inside the parent's epoch. */
  readonly splitWithoutEpoch?: boolean;
  /** A closed shard keeps accepting records instead of redirecting the producer to the child. */
  readonly closedShardAccepts?: boolean;
}

/** Whether sequence number `a` comes before `b`: epoch first, then shard id, then sub-sequence number. */
export const seqBefore = (a: SeqNum, b: SeqNum): boolean => (a[0] !== b[0] ? a[0] < b[0] : a[1] !== b[1] ? a[1] < b[1] : a[2] < b[2]);

/** The notes' text of a sequence number. */
export const seqText = (seq: SeqNum): string => seq.join(".");

/**
 * The stream's front end (put → proxy → shard). A put to an open shard gets the next sequence number of that shard:
 * `{epoch}.{shardId}.{subSeq}`, each shard its own generator. The local event "split" (once) closes the first shard and
 * splits its hash bucket on the next bit of the hash: two children, in a new epoch. A put to a closed shard is
 * answered with a redirect to the child that holds the key's bucket now, and the producer requeues it there.
 */
export function stream(options: { name: string; hash: (key: string) => number; flaws?: StreamFlaws }): Actor<StreamState, StreamMessage> {
  const { hash, flaws = {} } = options;
  const childOf = (state: StreamState, parent: Shard, key: string): number => {
    const bucket = hash(key) % 2 ** (parent.depth + 1);
    return state.shards.findIndex((s) => s.depth === parent.depth + 1 && s.id === bucket);
  };
  return {
    name: options.name,
    init: () => ({ shards: [{ epoch: 0, id: 0, depth: 0, end: null, records: [] }] }),
    localEvents: (state) => (state.shards.length === 1 ? ["split"] : []),
    onLocalEvent(state) {
      const parent = state.shards[0]!;
      const epoch = flaws.splitWithoutEpoch ? parent.epoch : parent.epoch + 1;
      const child = (id: number): Shard => ({ epoch, id, depth: parent.depth + 1, end: null, records: [] });
      return { shards: [{ ...parent, end: parent.records.length }, child(parent.id), child(parent.id + 2 ** parent.depth)] };
    },
    receive(state, from: Id, message, out) {
      if (message.type !== "put") throw new Error(`${options.name} received ${JSON.stringify(message)}, not a put`);
      const shard = state.shards[message.shard];
      if (shard === undefined) throw new Error(`${options.name}: no shard ${message.shard}`);
      if (shard.end !== null && !flaws.closedShardAccepts) {
        out.send(from, { type: "redirect", shard: childOf(state, shard, message.key) });
        return state;
      }
      const seq: SeqNum = [shard.epoch, shard.id, shard.records.length + 1];
      out.send(from, { type: "ack", seq });
      const shards = state.shards.slice();
      shards[message.shard] = { ...shard, records: [...shard.records, { key: message.key, n: message.n, seq }] };
      return { shards };
    },
  };
}
