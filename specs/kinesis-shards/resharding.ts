import { reshardingRoles, seqBefore, type StreamFlaws, type StreamRecord } from "../../src/protocols/kinesis-shards/index.ts";
import { actorModel, always, eventually, noDeadlock, sometimes, type SystemState } from "interleave";
import { reshardingPairing } from "./resharding-tla.ts";

/*
 * Resharding, the notes' "dynamic resharding": a producer puts records by partition key to the stream, which gives each
 * the sequence number `{epoch}.{shardId}.{subSeq}` from the shard's own generator. One split (a local event of the
 * stream, at any point) closes the first shard, whose hash bucket splits on the next bit of the key's hash into two
 * children in a new epoch; a put to the closed shard is answered with a redirect to the child holding the key now, and
 * the producer requeues the record there. Puts are one at a time (the producer waits for each sequence number), so
 * put order is the order of each key's records. No time, no crashes: what is checked is the numbering.
 *
 * Properties: `per-key-order` (a key's sequence numbers, compared epoch first, follow its put order across the split),
 * `closed-shards-sealed` (a closed shard never grows: a reader that reached its SHARD_END has read all of it), a split
 * between two puts of one key is reachable (`key-spans-split`), and every put is acknowledged. Wrong variants: the
 * children keep the parent's epoch (a child's numbers restart inside the epoch, before the parent's), and a closed
 * shard that accepts puts instead of redirecting.
 */

const flawsOf: Record<string, StreamFlaws> = {
  resharding: {},
  "resharding-without-epoch": { splitWithoutEpoch: true },
  "resharding-closed-shard-accepts": { closedShardAccepts: true },
};

/** The resharding variants of kinesis-shards. */
export const reshardingVariants = {
  resharding: { summary: "resharding: one split into a new epoch, puts to the closed shard redirected to the child" },
  "resharding-without-epoch": {
    summary: "resharding whose children keep the parent's epoch: a child's sequence numbers sort before the parent's",
    fails: ["per-key-order"],
  },
  "resharding-closed-shard-accepts": {
    summary: "resharding where the closed shard keeps accepting puts instead of redirecting",
    fails: ["closed-shards-sealed", "key-spans-split"],
  },
} as const;

/** The resharding system for the producer's `script`, with its properties and TLA+ pairing. */
export function reshardingInstance(script: readonly string[], variant: keyof typeof reshardingVariants) {
  const flaws = flawsOf[variant] ?? {};
  const model = actorModel(reshardingRoles({ script, flaws }), {});
  const shards = (s: SystemState) => model.roles(s).stream[0]!.shards;
  const keys = [...new Set(script)];
  /** Whether every two records of one key that were put one after the other are numbered in that order. */
  const perKeyOrder = (s: SystemState) => {
    const records: StreamRecord[] = shards(s).flatMap((shard) => shard.records);
    return records.every((a) => records.every((b) => a.key !== b.key || a.n >= b.n || seqBefore(a.seq, b.seq)));
  };
  return {
    model,
    tla: reshardingPairing({ model, script, flaws }),
    properties: [
      always("per-key-order", perKeyOrder, { tla: "PerKeyOrder" }),
      always("closed-shards-sealed", (s: SystemState) => shards(s).every((shard) => shard.end === null || shard.records.length === shard.end), {
        tla: "ClosedShardsSealed",
      }),
      sometimes(
        "key-spans-split",
        (s: SystemState) =>
          keys.some(
            (key) =>
              shards(s)[0]!.records.some((r) => r.key === key) &&
              shards(s)
                .slice(1)
                .some((c) => c.records.some((r) => r.key === key)),
          ),
        { tla: "NeverSpansSplit" },
      ),
      always("one-message-at-a-time", (s: SystemState) => s.network.length <= 1, { tla: "OneMessageAtATime" }),
      noDeadlock<SystemState>({ tla: "NoDeadlock" }),
      eventually("every-put-acknowledged", (s: SystemState) => model.isFinal(s), { tla: "EveryPutAcknowledged" }),
    ],
  };
}
