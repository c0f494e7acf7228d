import type { ClockFlaws, lamportRoles } from "../../src/protocols/lamport-clocks/index.ts";
import { plainToTla, tlaBag, tlaFunction, type ActorModel, type SystemState, type TlaPairing } from "interleave";

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
        proc: tlaFunction(model.roles(state).processes.map((p, i) => [ids[i]!, plainToTla(p)])),
        net: tlaBag(model, state.network),
      };
    },
  };
}
