import type { RegisterClientState, timestampRegisterRoles } from "../../src/protocols/timestamp-register/index.ts";
import {
  plainToTla,
  tlaBag,
  tlaFunction,
  tlaHistory,
  tlaRecord,
  tlaScripts,
  tlaSet,
  type ActorModel,
  type registerScripts,
  type SystemState,
  type TlaPairing,
  type TlaValue,
} from "interleave";

/** The pairing of one configuration with TimestampRegister.tla: constants and the state projection. */
export function timestampRegisterPairing(options: {
  model: ActorModel<ReturnType<typeof timestampRegisterRoles>>;
  scripts: ReturnType<typeof registerScripts>;
  crashes: number;
  localClock: boolean;
  skew: number;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { nodes, clients } = model.ids;
  return {
    constants: {
      NNodes: String(nodes.length),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      LocalClock: options.localClock ? "TRUE" : "FALSE",
      Skew: String(options.skew),
    },
    toTla(state) {
      const roles = model.roles(state);
      return {
        node: tlaFunction(roles.nodes.map((n, i) => [nodes[i]!, plainToTla(n)])),
        cli: tlaFunction(roles.clients.map((c, i) => [clients[i]!, client(c)])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}

function client(state: RegisterClientState): TlaValue {
  return tlaRecord({ ...(plainToTla(state) as { fields: Record<string, TlaValue> }).fields, heard: tlaSet(state.heard) });
}
