import type { swfLogRoles, BackendFlaws, Checkpoint, LogValue } from "../../src/protocols/swf-log/index.ts";
import { CHECKPOINT, slotOf } from "../../src/protocols/swf-log/index.ts";
import {
  nil,
  plainToTla,
  tlaBag,
  tlaFunction,
  tlaRecord,
  tlaRecordWithSets,
  tlaRole,
  tlaSet,
  type ActorModel,
  type SystemState,
  type TlaPairing,
} from "interleave";
import type { StoreItem } from "interleave/actor";

/** The constants of one configuration, as SwfLog.tla names them. */
export interface SwfLogConstants {
  readonly ownerEntries: number;
  readonly successorEntries: number;
  readonly window: number;
  readonly term: number;
  readonly guard: number;
  readonly rates: readonly number[];
  readonly checkpointAfter: number;
  readonly partitions: number;
  readonly flaws: BackendFlaws;
}

/**
 * The pairing of one configuration with SwfLog.tla. The table becomes two variables, `log` (slot → entry, writer and
 * version) and `ckpt` (the checkpoint item with its version); the timers one number (or Nil) per backend, since each
 * backend has one timer, "lease". Anything else in a state (another key, another timer, a crash, a client history)
 * is refused: the projection would not be injective.
 */
export function swfLogPairing(model: ActorModel<ReturnType<typeof swfLogRoles>>, c: SwfLogConstants): TlaPairing<SystemState> {
  const backends = model.ids.backends;
  const bool = (b: boolean | undefined) => (b ? "TRUE" : "FALSE");
  return {
    constants: {
      OwnerEntries: String(c.ownerEntries),
      SuccessorEntries: String(c.successorEntries),
      Window: String(c.window),
      Term: String(c.term),
      Guard: String(c.guard),
      Rates: `{${c.rates.join(", ")}}`,
      CheckpointAfter: String(c.checkpointAfter),
      MaxPartitions: String(c.partitions),
      Nil: "Nil",
      NoSeal: bool(c.flaws.noSeal),
      UnconditionalPut: bool(c.flaws.unconditionalPut),
    },
    toTla(state) {
      const env = model.environment(state)!;
      if (state.crashed.length > 0 || state.history.length > 0) throw new Error("swf-log's TLA+ twin has no crashes and no client history");
      const {
        table: [table],
        backends: states,
      } = model.roles(state);
      const slots: [number, ReturnType<typeof tlaRecord>][] = [];
      let ckpt: ReturnType<typeof tlaRecord> | undefined;
      for (const [key, item] of Object.entries(table!) as [string, StoreItem][]) {
        const slot = slotOf(key);
        if (slot !== undefined) {
          const { entry, writer } = item.value as LogValue;
          slots.push([slot, tlaRecord({ entry, writer, version: item.version })]);
        } else if (key === CHECKPOINT) {
          const { upTo, entries } = item.value as Checkpoint;
          ckpt = tlaRecord({ upTo, entries: plainToTla(entries), version: item.version });
        } else throw new Error(`swf-log's TLA+ twin has no table key ${key}`);
      }
      const timer = backends.map((id) => {
        const timers = env.timers[id]!;
        const names = Object.keys(timers);
        if (names.some((n) => n !== "lease")) throw new Error(`swf-log's TLA+ twin knows only the timer "lease", not ${names.join(", ")}`);
        return [id, names.length === 0 ? nil : timers.lease!] as const;
      });
      if (Object.keys(env.timers[0]!).length > 0) throw new Error("swf-log's TLA+ twin gives the table no timer");
      return {
        log: tlaFunction(slots),
        ckpt: ckpt ?? nil,
        b: tlaRole(backends, states, (s) => tlaRecordWithSets(s, ["acked"])),
        net: tlaBag(model, state.network),
        timer: tlaFunction(timer),
        isolated: tlaSet(env.isolated),
        isolations: env.isolations,
      };
    },
  };
}
