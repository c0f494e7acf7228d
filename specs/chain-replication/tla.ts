import type { ChainClientState, chainReplicationRoles } from "../../src/protocols/chain-replication/index.ts";
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

/** The pairing of one configuration with ChainReplication.tla: constants and the state projection. */
export function chainReplicationPairing(options: {
  model: ActorModel<ReturnType<typeof chainReplicationRoles>>;
  scripts: ReturnType<typeof registerScripts>;
  crashes: number;
  readAtHead: boolean;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { nodes, clients } = model.ids;
  const client = (s: ChainClientState) => tlaRecord({ ...(plainToTla(s) as { fields: Record<string, TlaValue> }).fields, down: tlaSet(s.down) });
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
        node: tlaFunction(roles.nodes.map((n, i) => [nodes[i]!, plainToTla(n)])),
        cli: tlaFunction(roles.clients.map((c, i) => [clients[i]!, client(c)])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}
