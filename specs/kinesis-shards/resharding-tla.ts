import { keyHash, type reshardingRoles, type StreamFlaws } from "../../src/protocols/kinesis-shards/index.ts";
import { plainToTla, printTla, tlaBag, tlaFunction, tlaSeq, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of a resharding configuration with KinesisResharding.tla: constants and the state projection. */
export function reshardingPairing(options: {
  model: ActorModel<ReturnType<typeof reshardingRoles>>;
  script: readonly string[];
  flaws: StreamFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const keys = [...new Set(options.script)].sort();
  return {
    module: "KinesisResharding",
    constants: {
      Script: printTla(tlaSeq([...options.script])),
      Hash: printTla(tlaFunction(keys.map((k) => [k, keyHash(k)] as const))),
      Nil: "Nil",
      SplitWithoutEpoch: options.flaws.splitWithoutEpoch ? "TRUE" : "FALSE",
      ClosedShardAccepts: options.flaws.closedShardAccepts ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const roles = model.roles(state);
      return {
        producer: plainToTla(roles.producer[0]!),
        shards: plainToTla(roles.stream[0]!.shards),
        net: tlaBag(model, state.network),
      };
    },
  };
}
