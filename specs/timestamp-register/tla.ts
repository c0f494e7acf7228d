import type { Operation } from "../../src/actor/index.ts";
import type { RegisterClientState } from "../../src/protocols/timestamp-register/index.ts";
import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { tlaBag, tlaHistory, tlaScripts } from "../../checker/actors/tla.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaRecord, tlaSet, type TlaRecord } from "../../checker/tlc/value.ts";

/** The pairing of one configuration with TimestampRegister.tla: constants, property twins and the state projection. */
export function timestampRegisterPairing(options: { model: ActorModel; nodes: number; scripts: readonly (readonly Operation[])[]; crashes: number; localClock: boolean; skew: number }): TlaPairing<SystemState> {
  const { model, nodes } = options;
  const nodeIds = Array.from({ length: nodes }, (_, i) => i);
  const clientIds = options.scripts.map((_, i) => nodes + i);
  return {
    constants: {
      NNodes: String(nodes),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      LocalClock: options.localClock ? "TRUE" : "FALSE",
      Skew: String(options.skew),
    },
    twins: {
      linearizable: { invariant: "Linearizable" },
      "versions-are-unique": { invariant: "VersionsAreUnique" },
      "read-returns-written": { violatedInvariant: "NoReadReturnsWritten" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
    },
    toTla(state) {
      return {
        node: tlaFunction(nodeIds.map((n) => [n, plainToTla(state.procs[n])])),
        cli: tlaFunction(clientIds.map((c) => [c, client(state.procs[c] as RegisterClientState)])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}

function client(state: RegisterClientState): TlaRecord {
  return tlaRecord({ ...(plainToTla(state) as TlaRecord).fields, heard: tlaSet(state.heard) });
}
