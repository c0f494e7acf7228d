import type { ClockFlaws, lamportRoles } from "../../src/protocols/lamport-clocks/index.ts";
import { tlaBag, tlaRole, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of one configuration with LamportClocks.tla: constants and the state projection. */
export function lamportPairing(options: {
  model: ActorModel<ReturnType<typeof lamportRoles>>;
  events: number;
  flaws: ClockFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const ids = model.ids.processes;
  return {
    constants: {
      N: String(ids.length),
      Events: String(options.events),
      ReceiveWithoutMax: options.flaws.receiveWithoutMax ? "TRUE" : "FALSE",
    },
    toTla(state) {
      return {
        proc: tlaRole(ids, model.roles(state).processes),
        net: tlaBag(model, state.network),
      };
    },
  };
}
