import type { HistoryEvent, Id, Operation } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import { plainToTla } from "../tlc/plain.ts";
import { print, tlaFunction, tlaRecord, tlaSeq, tlaSet, type TlaRecord, type TlaValue } from "../tlc/value.ts";
import type { ActorModel } from "./system.ts";

/**
 * The messages in flight as a TLA+ bag, the way the paired specs hold them: a function from each message
 * (a record of `from`, `to` and the message's own fields) to its number of copies.
 */
export function tlaBag(model: ActorModel, network: readonly string[]): TlaValue {
  const copies = new Map<string, number>();
  for (const key of network) copies.set(key, (copies.get(key) ?? 0) + 1);
  return tlaFunction([...copies].map(([key, n]) => [tlaMessage(model, key), n]));
}

/** One message in flight as a record: `from`, `to`, the fields of the (object) message and, with bounded delays, `ticksLeft`. */
export function tlaMessage(model: ActorModel, key: string): TlaValue {
  const { from, to, msg, left } = model.envelope(key);
  if (left !== undefined && typeof msg === "object" && msg !== null && "ticksLeft" in msg)
    throw new UsageError("a message with a field ticksLeft under bounded delays: the TLA+ record would hold two; rename the field");
  return tlaRecord({ from, to, ...(plainToTla(msg) as TlaRecord).fields, ...(left !== undefined && { ticksLeft: left }) });
}

/** The client history as a TLA+ sequence of `[client, call]` and `[client, ret]` records. */
export function tlaHistory(history: readonly HistoryEvent[]): TlaValue {
  return tlaSeq(
    history.map((e) => tlaRecord("call" in e ? { client: e.client, call: plainToTla(e.call) } : { client: e.client, ret: plainToTla(e.ret) })),
  );
}

/** Client scripts (one list of operations per client) as the TLA+ text of a sequence of sequences. */
export const tlaScripts = (scripts: readonly (readonly Operation[])[]): string =>
  print(tlaSeq(scripts.map((script) => tlaSeq(script.map(plainToTla)))));

/** One role's process states as a TLA+ function from each process's id to its state, projected by `project`. */
export function tlaRole<S>(ids: readonly Id[], states: readonly S[], project: (state: S) => TlaValue = plainToTla): TlaValue {
  return tlaFunction(states.map((state, i) => [ids[i]!, project(state)]));
}

/** A record as a TLA+ record whose named array fields are sets (e.g. the servers a client has heard from). */
export function tlaRecordWithSets<T extends object>(record: T, sets: readonly (keyof T & string)[]): TlaValue {
  const asSet = (field: keyof T & string) => [field, tlaSet((record[field] as readonly unknown[]).map(plainToTla))] as const;
  return tlaRecord({ ...(plainToTla(record) as TlaRecord).fields, ...Object.fromEntries(sets.map(asSet)) });
}
