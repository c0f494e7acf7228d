import type { alfLeaseRoles, LeaseFlaws } from "../../src/protocols/alf-lease/index.ts";
import { plainToTla, tlaBag, tlaFunction, tlaRole, tlaSet, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The configuration AlfLease.tla is stated at: durations in clock units, the clock rates, the fault budgets. */
export interface AlfLeaseConstants {
  readonly lease: number;
  readonly heartbeat: number;
  readonly unlock: number;
  readonly rates: readonly number[];
  readonly crashes: number;
  readonly crashable: readonly number[];
  readonly partitions: number;
  readonly horizon: number;
  readonly offsets: readonly number[];
}

const set = (items: readonly number[]) => `{${items.join(", ")}}`;
const bool = (b: boolean | undefined) => (b ? "TRUE" : "FALSE");

/**
 * The pairing of one configuration with AlfLease.tla: constants and the state projection. Every process's timers
 * (name → units left) are projected, and with a horizon the global time and the clocks (0 without one: constant, so
 * the projection stays injective).
 */
export function alfLeasePairing(options: {
  model: ActorModel<ReturnType<typeof alfLeaseRoles>>;
  constants: AlfLeaseConstants;
  flaws: LeaseFlaws;
}): TlaPairing<SystemState> {
  const { model, constants: k, flaws } = options;
  const all = model.names.map((_, id) => id);
  return {
    constants: {
      NClients: String(model.ids.clients.length),
      Lease: String(k.lease),
      Heartbeat: String(k.heartbeat),
      Unlock: String(k.unlock),
      Rates: set(k.rates),
      MaxCrashes: String(k.crashes),
      Crashable: set(k.crashable),
      MaxIsolations: String(k.partitions),
      Horizon: String(k.horizon),
      Offsets: set(k.offsets),
      Nil: "Nil",
      AbsoluteExpiry: bool(flaws.absoluteExpiry),
      FromReceipt: bool(flaws.fromReceipt),
      Unfenced: bool(flaws.unfenced),
    },
    toTla(state) {
      const {
        server: [server],
        clients,
        resource: [resource],
      } = model.roles(state);
      const env = model.environment(state)!;
      return {
        server: plainToTla(server),
        client: tlaRole(model.ids.clients, clients),
        resource: plainToTla(resource),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
        timers: tlaFunction(all.map((id) => [id, plainToTla(env.timers[id])])),
        isolated: tlaSet(env.isolated),
        isolations: env.isolations,
        now: env.now ?? 0,
        clock: tlaFunction(all.map((id) => [id, env.clocks?.[id] ?? 0])),
      };
    },
  };
}
