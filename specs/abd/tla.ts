import type { Operation } from "../../src/actor/index.ts";
import type { ClientState, ServerState } from "../../src/protocols/abd/index.ts";
import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { tlaBag, tlaHistory, tlaScripts } from "../../checker/actors/tla.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaRecord, tlaSet, type TlaValue } from "../../checker/tlc/value.ts";

/** The pairing of one ABD configuration with Abd.tla: constants, property twins and the state projection. */
export function abdPairing(options: { model: ActorModel; servers: number; scripts: readonly (readonly Operation[])[]; crashes: number; readerSkipsWriteBack: boolean; writerSkipsQuery: boolean }): TlaPairing<SystemState> {
  const { model, servers } = options;
  const serverIds = Array.from({ length: servers }, (_, i) => i);
  const clientIds = options.scripts.map((_, i) => servers + i);
  return {
    constants: {
      NServers: String(servers),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      ReaderSkipsWriteBack: options.readerSkipsWriteBack ? "TRUE" : "FALSE",
      WriterSkipsQuery: options.writerSkipsQuery ? "TRUE" : "FALSE",
    },
    twins: {
      linearizable: { invariant: "Linearizable" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
      "every-operation-completes": { property: "EveryOperationCompletes" },
      "read-returns-written": { violatedInvariant: "NoReadReturnsWritten" },
      "timestamps-are-unique": { invariant: "TimestampsAreUnique" },
    },
    toTla(state) {
      return {
        srv: tlaFunction(serverIds.map((s) => [s, plainToTla(state.procs[s] as ServerState)])),
        cli: tlaFunction(clientIds.map((c) => [c, client(state.procs[c] as ClientState)])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}

function client(state: ClientState): TlaValue {
  return tlaRecord({ ...(plainToTla(state) as { fields: Record<string, TlaValue> }).fields, heard: tlaSet(state.heard) });
}
