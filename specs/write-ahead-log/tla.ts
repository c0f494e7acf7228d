import type { DatabaseFlaws, writeAheadLogRoles } from "../../src/protocols/write-ahead-log/index.ts";
import { nil, plainToTla, tlaBag, tlaHistory, tlaRecordWithSets, tlaRole, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of one configuration with WriteAheadLog.tla: constants and the state projection. */
export function writeAheadLogPairing(options: {
  model: ActorModel<ReturnType<typeof writeAheadLogRoles>>;
  writes: number;
  logSize: number;
  crashes: number;
  flaws: DatabaseFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const clients = model.ids.clients;
  return {
    constants: {
      T: String(clients.length),
      W: String(options.writes),
      LogSize: String(options.logSize),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      AckBeforeDurable: options.flaws.ackBeforeDurable ? "TRUE" : "FALSE",
      WriteInPlaceFirst: options.flaws.writeInPlaceFirst ? "TRUE" : "FALSE",
      RedoUncommitted: options.flaws.redoUncommitted ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const {
        database: [db],
        clients: states,
      } = model.roles(state);
      const env = model.environment(state)!;
      return {
        // Down (crashed) is db = Nil: the explorer's crashed list says no more than that.
        db: db === null || db === undefined ? nil : db.phase === "up" ? tlaRecordWithSets(db, ["active"]) : plainToTla(db),
        disk: plainToTla(env.durable[0]),
        cli: tlaRole(clients, states),
        net: tlaBag(model, state.network),
        crashes: env.crashes,
        hist: tlaHistory(state.history),
      };
    },
  };
}
