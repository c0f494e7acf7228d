import type { timestampRegisterRoles } from "../../src/protocols/timestamp-register/index.ts";
import {
  tlaBag,
  tlaHistory,
  tlaRecordWithSets,
  tlaRole,
  tlaScripts,
  tlaSet,
  type ActorModel,
  type registerScripts,
  type SystemState,
  type TlaPairing,
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
    // Under symmetry (--symmetry) the storage nodes 0..NNodes-1 become model values that TLC's SYMMETRY permutes.
    symmetric: { Nodes: nodes.map((id) => model.names[id]!) },
    toTla(state) {
      const roles = model.roles(state);
      return {
        node: tlaRole(nodes, roles.nodes),
        cli: tlaRole(clients, roles.clients, (c) => tlaRecordWithSets(c, ["heard"])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}
