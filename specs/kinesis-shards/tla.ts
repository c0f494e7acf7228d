import { shardKey, type kinesisShardsRoles, type WorkerFlaws } from "../../src/protocols/kinesis-shards/index.ts";
import { plainToTla, tlaBag, tlaFunction, tlaRole, tlaSet, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of one configuration with KinesisShards.tla: constants and the state projection. */
export function kinesisShardsPairing(options: {
  model: ActorModel<ReturnType<typeof kinesisShardsRoles>>;
  records: number;
  expiry: number;
  maxLease: number;
  crashes: number;
  flaws: WorkerFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const workers = model.ids.workers;
  const flag = (on: boolean | undefined) => (on ? "TRUE" : "FALSE");
  return {
    constants: {
      W: String(workers.length),
      N: String(options.records),
      Expiry: String(options.expiry),
      MaxLease: String(options.maxLease),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      CheckpointBeforeProcessing: flag(options.flaws.checkpointBeforeProcessing),
      UnconditionalCheckpoint: flag(options.flaws.unconditionalCheckpoint),
    },
    toTla(state) {
      const roles = model.roles(state);
      const env = model.environment(state)!;
      // Workers run one timer, "expiry"; the table none. Anything else would be lost by this projection: refuse it.
      const expiry = workers.map((id) => {
        const timers = env.timers[id]!;
        const names = Object.keys(timers);
        if (names.some((name) => name !== "expiry")) throw new Error(`kinesis-shards toTla: unexpected timers ${names.join(", ")}`);
        return [id, timers.expiry ?? -1] as const;
      });
      const others = env.timers.filter((_, id) => !workers.includes(id)).some((t) => Object.keys(t).length > 0);
      if (others || env.isolated.length > 0 || env.durable.some((d) => d !== null))
        throw new Error("kinesis-shards toTla: the table has timers, or a partition or a durable record appeared: KinesisShards.tla states none");
      const table = roles.table[0]!;
      if (Object.keys(table).length !== 1) throw new Error(`kinesis-shards toTla: the table holds ${Object.keys(table).join(", ")}`);
      return {
        worker: tlaRole(workers, roles.workers),
        table: plainToTla(table[shardKey(0)]),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        expiry: tlaFunction(expiry),
      };
    },
  };
}
