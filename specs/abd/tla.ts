import type { AbdFlaws, abdRoles } from "../../src/protocols/abd/index.ts";
import {
  tlaBag,
  tlaHistory,
  tlaRecordWithSets,
  tlaRole,
  tlaScripts,
  tlaSet,
  type ActorModel,
  type Operation,
  type SystemState,
  type TlaPairing,
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
    // Under symmetry (--symmetry) the servers 0..NServers-1 become model values that TLC's SYMMETRY permutes.
    symmetric: { Servers: servers.map((id) => model.names[id]!) },
    toTla(state) {
      const roles = model.roles(state);
      return {
        srv: tlaRole(servers, roles.servers),
        cli: tlaRole(clients, roles.clients, (c) => tlaRecordWithSets(c, ["heard"])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        hist: tlaHistory(state.history),
      };
    },
  };
}
