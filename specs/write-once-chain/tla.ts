import type { writeOnceChainRoles } from "../../src/protocols/write-once-chain/index.ts";
import { plainToTla, tlaBag, tlaFunction, tlaSet, type ActorModel, type SystemState, type TlaPairing, type TlaValue } from "interleave";

/** The pairing of one configuration with WriteOnceChain.tla: constants and the state projection. */
export function writeOnceChainPairing(options: {
  model: ActorModel<ReturnType<typeof writeOnceChainRoles>>;
  crashes: number;
  lastWriteWins: boolean;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { ids } = model;
  /** One role's states as a TLA+ function from id to state. */
  const byId = (role: keyof typeof ids, states: readonly unknown[]): TlaValue => tlaFunction(states.map((s, i) => [ids[role][i]!, plainToTla(s)]));
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
        node: byId("nodes", roles.nodes),
        prop: byId("proposers", roles.proposers),
        rdr: byId("readers", roles.readers),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}
