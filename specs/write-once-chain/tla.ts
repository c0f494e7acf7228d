import type { writeOnceChainRoles } from "../../src/protocols/write-once-chain/index.ts";
import { tlaBag, tlaRole, tlaSet, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of one configuration with WriteOnceChain.tla: constants and the state projection. */
export function writeOnceChainPairing(options: {
  model: ActorModel<ReturnType<typeof writeOnceChainRoles>>;
  crashes: number;
  lastWriteWins: boolean;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { ids } = model;
  return {
    constants: {
      NNodes: String(ids.nodes.length),
      NProposers: String(ids.proposers.length),
      NReaders: String(ids.readers.length),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      LastWriteWins: options.lastWriteWins ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const roles = model.roles(state);
      return {
        node: tlaRole(ids.nodes, roles.nodes),
        prop: tlaRole(ids.proposers, roles.proposers),
        rdr: tlaRole(ids.readers, roles.readers),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}
