import type { AbdFlaws, ClientState, abdRoles } from "../../src/protocols/abd/index.ts";
import {
  plainToTla,
  tlaBag,
  tlaFunction,
  tlaHistory,
  tlaRecord,
  tlaScripts,
  tlaSet,
  type ActorModel,
  type Operation,
  type SystemState,
  type TlaPairing,
  type TlaValue,
} from "interleave";

/** The pairing of one ABD configuration with Abd.tla: constants and the state projection. */
export function abdPairing(options: {
  model: ActorModel<ReturnType<typeof abdRoles>>;
  scripts: readonly (readonly Operation[])[];
  crashes: number;
  flaws: AbdFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { servers, clients } = model.ids;
  return {
    constants: {
      NServers: String(servers.length),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      ReaderSkipsWriteBack: options.flaws.readerSkipsWriteBack ? "TRUE" : "FALSE",
      WriterSkipsQuery: options.flaws.writerSkipsQuery ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const roles = model.roles(state);
      return {
        srv: tlaFunction(roles.servers.map((s, i) => [servers[i]!, plainToTla(s)])),
        cli: tlaFunction(roles.clients.map((c, i) => [clients[i]!, client(c)])),
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
