import { kinesisShardsRoles, shardKey, type LeaseRecord, type WorkerFlaws } from "../../src/protocols/kinesis-shards/index.ts";
import {
  actorModel,
  always,
  ConfigError,
  defineSpec,
  eventually,
  intKey,
  leadsTo,
  noDeadlock,
  patternKey,
  sometimes,
  type SystemState,
} from "interleave";
import { kinesisShardsPairing } from "./tla.ts";
import { reshardingInstance, reshardingVariants } from "./resharding.ts";

/*
 * Kinesis shard leases with checkpoint/replay, after the notes' "Amazon Kinesis" (the KCL's lease table in DynamoDB).
 *
 * Reading of the notes. One closed shard whose records (sequence numbers 1..N) are immutable data in the configuration,
 * W workers and the lease table: a conditionalStore holding the shard's item {owner, lease, checkpoint, shardEnd,
 * result}. The lease and the checkpoint share the item, and the application's state (`result`, the records applied,
 * in order) is stored with the checkpoint in the same put, so one conditional put both fences and commits. A worker
 * reads the item; an unowned lease it takes at once, a held one only after the item stayed unchanged (same version)
 * for `expiry` units of its own clock, by a put conditional on that version (the KCL's take-over of a lease whose
 * counter stopped moving). Taking over, it restores the stored state and processes the records after the checkpoint,
 * writing after each record the checkpoint and state conditional on its last version; a failed put means its lease
 * was taken, and it watches again. After the last record it checkpoints SHARD_END. The holder's checkpoints are its
 * heartbeat: the KCL also renews leases on a timer, but each renewal would bump the version with no end while it adds
 * nothing the fence does not already give (the conditional write is what makes a stale holder harmless).
 *
 * Time: global ticks no worker reads; a watcher's clock advances one unit a tick (rates [1]; drift would change
 * nothing here, as safety rests on the fence and message delays are unbounded anyway); its expiry timer fires after
 * `expiry` units, and time does not pass while a timer is due. The state keeps the timers' remaining units, no clock.
 * Bounds: crash-stop crashes of workers (a failed worker stays down; another takes over after expiry), and the number
 * of lease grants (`leases`): with unbounded message delays a live holder's lease can be taken over again and again,
 * so lease numbers and versions would grow without end; a worker does not take a lease whose number reached the bound.
 *
 * Properties: `exactly-once` (the stored state is that of applying each record up to the checkpoint once, in order),
 * `no-loss` (at SHARD_END the stored state holds every record), `lease-fenced` (no write under an older lease lands
 * once a newer lease was granted: the table's lease number is never below the one a holder was granted) and
 * `no-regression` (the table's checkpoint is never below one a holder had acknowledged): at most one worker
 * checkpoints the shard at a time. Liveness under weak fairness: a crashed holder's lease is taken over while the model
 * allows another grant, and the shard ends, unless the grants ran out with the last holder down (the bound's artefact).
 * Wrong variants: checkpoint-before-processing (a crash between checkpoint and processing loses the record) and
 * unconditional-checkpoint (a zombie that lost its lease keeps checkpointing: its old lease and checkpoint land).
 *
 * Resharding (variants resharding*, ./resharding.ts, KinesisResharding.tla) is checked as a second system beside the
 * leases, on the producer's side where the notes put it: sequence numbers {epoch}.{shardId}.{subSeq}, one split into a
 * new epoch, redirects from the closed shard. The consumer's side of a split (a child's lease taken only after the
 * parent's SHARD_END) is not modelled: one closed shard is what the lease system above processes.
 */

type Roles = ReturnType<typeof kinesisShardsRoles>;

const keys = {
  workers: intKey({ doc: "workers competing for the shard's lease", default: 2, min: 2, max: 4 }),
  records: intKey({ doc: "records in the shard (sequence numbers 1..records)", default: 2, min: 1, max: 4 }),
  crashes: intKey({ doc: "worker crashes (crash-stop), fewer than workers", default: 1, min: 0, max: 3 }),
  leases: intKey({ doc: "model bound: how many times the lease may be granted", default: 2, min: 1, max: 5 }),
  expiry: intKey({ doc: "units of a watcher's clock an unchanged lease takes to expire", default: 1, min: 1, max: 3 }),
  puts: patternKey({
    doc: "resharding variants: the producer's partition keys, in put order",
    default: "a,b,a,b",
    pattern: /^[a-d](,[a-d]){0,5}$/,
    accepts: "keys a..d separated by commas, at most 6",
  }),
};
const leaseKeys = ["workers", "records", "crashes", "leases", "expiry"] as const;

const flawsOf: Record<string, WorkerFlaws> = {
  main: {},
  "checkpoint-before-processing": { checkpointBeforeProcessing: true },
  "unconditional-checkpoint": { unconditionalCheckpoint: true },
};

export default defineSpec({
  name: "kinesis-shards",
  summary: "Kinesis shard leases with checkpoint/replay: lease table with conditional writes, take-over after expiry, exactly-once state",
  tlaModule: "KinesisShards",
  keys,
  variants: {
    main: { summary: "checkpoint and state in one put conditional on the lease item's version" },
    "checkpoint-before-processing": {
      summary: "a worker checkpoints a record before processing it: a crash in between loses it",
      fails: ["exactly-once", "no-loss"],
    },
    "unconditional-checkpoint": {
      summary: "checkpoints are written without the condition: a worker whose lease was taken over keeps checkpointing",
      fails: ["lease-fenced", "no-regression", "expired-lease-taken-over"],
    },
    ...reshardingVariants,
  },
  build(config, variant) {
    /** A key the chosen part of the system does not read may not be set: it would be silently ignored. */
    const unread = (names: readonly (keyof typeof keys)[]) => {
      const set = names.find((k) => config[k] !== keys[k].default);
      if (set !== undefined)
        throw new ConfigError("kinesis-shards", set, String(config[set]), `its default in variant ${variant}, which does not read it`);
    };
    if (variant in reshardingVariants) {
      unread(leaseKeys);
      return reshardingInstance(config.puts.split(","), variant as keyof typeof reshardingVariants);
    }
    unread(["puts"]);
    if (config.crashes >= config.workers)
      throw new ConfigError("kinesis-shards", "crashes", String(config.crashes), `fewer than workers=${config.workers}`);
    const flaws = flawsOf[variant] ?? {};
    const n = config.records;
    const model = actorModel(kinesisShardsRoles({ workers: config.workers, records: n, expiry: config.expiry, maxLease: config.leases, flaws }), {
      crashes: config.crashes,
      crashable: ["workers"],
      time: { rates: [1] },
      idFields: { states: { table: ["shard0.value.owner"] }, messages: ["value.owner", "item.value.owner"] },
    });
    const item = (s: SystemState): LeaseRecord => model.roles(s).table[0]![shardKey(0)]!.value as LeaseRecord;
    const holders = (s: SystemState) => model.roles(s).workers.filter((w) => w.phase === "writing" || w.phase === "ending");
    const prefix = (k: number) => Array.from({ length: k }, (_, i) => i + 1);
    const same = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    const ownerDown = (s: SystemState) => {
      const owner = item(s).owner;
      return owner !== null && s.crashed.includes(owner);
    };
    /** Each worker has at most one request or reply in flight (what lets KinesisShards.tla state delivery fairness per worker). */
    const oneAtATime = (s: SystemState) =>
      model.ids.workers.every((w) => {
        const mine = s.network.filter((key) => {
          const { from, to } = model.envelope(key);
          return from === w || to === w;
        });
        return mine.length <= 1;
      });
    return {
      model,
      tla: kinesisShardsPairing({ model, records: n, expiry: config.expiry, maxLease: config.leases, crashes: config.crashes, flaws }),
      properties: [
        always("exactly-once", (s: SystemState) => same(item(s).result, prefix(item(s).checkpoint)), { tla: "ExactlyOnce" }),
        always("no-loss", (s: SystemState) => !item(s).shardEnd || same(item(s).result, prefix(n)), { tla: "NoLoss" }),
        always("lease-fenced", (s: SystemState) => holders(s).every((w) => item(s).lease >= w.lease), { tla: "LeaseFenced" }),
        always("no-regression", (s: SystemState) => holders(s).every((w) => item(s).checkpoint >= w.checkpoint), { tla: "NoRegression" }),
        always("one-request-at-a-time", (s: SystemState) => oneAtATime(s), { tla: "OneRequestAtATime" }),
        sometimes("lease-taken-over", (s: SystemState) => item(s).lease >= 2, { tla: "NeverTakenOver" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        leadsTo(
          "expired-lease-taken-over",
          (s: SystemState) => ownerDown(s) && !item(s).shardEnd && item(s).lease < config.leases,
          (s: SystemState) => item(s).shardEnd || !ownerDown(s),
          { tla: "ExpiredLeaseTakenOver" },
        ),
        eventually("shard-ends", (s: SystemState) => item(s).shardEnd || (ownerDown(s) && item(s).lease === config.leases), { tla: "ShardEnds" }),
      ],
    };
  },
});
