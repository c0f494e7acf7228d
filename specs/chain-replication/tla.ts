import type { chainReplicationRoles } from "../../src/protocols/chain-replication/index.ts";
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

/** The pairing of one configuration with ChainReplication.tla: constants and the state projection. */
export function chainReplicationPairing(options: {
  model: ActorModel<ReturnType<typeof chainReplicationRoles>>;
  scripts: ReturnType<typeof registerScripts>;
  crashes: number;
  readAtHead: boolean;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { nodes, clients } = model.ids;
  return {
    constants: {
      NNodes: String(nodes.length),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      ReadAtHead: options.readAtHead ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const roles = model.roles(state);
      return {
        node: tlaRole(nodes, roles.nodes),
        cli: tlaRole(clients, roles.clients, (c) => tlaRecordWithSets(c, ["down"])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}
