import type { TlaPairing } from "../../checker/spec.ts";
import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction } from "../../checker/tlc/value.ts";
import { tlaBag } from "../../checker/actors/tla.ts";

/** The pairing of one configuration with LamportClocks.tla: constants, property twins and the state projection. */
export function lamportPairing(options: { model: ActorModel; processes: number; events: number; receiveWithoutMax: boolean }): TlaPairing<SystemState> {
  const { model } = options;
  const ids = Array.from({ length: options.processes }, (_, i) => i);
  return {
    constants: {
      N: String(options.processes),
      Events: String(options.events),
      ReceiveWithoutMax: options.receiveWithoutMax ? "TRUE" : "FALSE",
    },
    twins: {
      "clock-condition": { invariant: "ClockCondition" },
      "clocks-increase": { invariant: "ClocksIncrease" },
      "message-received": { violatedInvariant: "NoMessageReceived" },
      "concurrent-events-ordered": { violatedInvariant: "NoConcurrentEventsOrdered" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
    },
    toTla(state) {
      return {
        proc: tlaFunction(ids.map((p) => [p, plainToTla(state.procs[p])])),
        net: tlaBag(model, state.network),
      };
    },
  };
}
