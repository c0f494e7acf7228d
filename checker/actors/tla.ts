import type { HistoryEvent, Id, Operation } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import { plainToTla } from "../tlc/plain.ts";
import { print, sealed, tlaFunction, tlaRecord, tlaSeq, tlaSet, type TlaRecord, type TlaValue } from "../tlc/value.ts";
import type { ActorModel } from "./system.ts";

/**
 * The messages in flight as a TLA+ bag, the way the paired specs hold them: a function from each message
 * (a record of `from`, `to` and the message's own fields) to its number of copies.
 */
export function tlaBag(model: ActorModel, network: readonly string[]): TlaValue {
  // A network array is shared by every state a step leaves it to (states are immutable): its bag is made once.
  const bags = kept(bagsOf, model, () => new WeakMap<readonly string[], TlaValue>());
  let bag = bags.get(network);
  if (bag === undefined) {
    const copies = new Map<string, number>();
    for (const key of network) copies.set(key, (copies.get(key) ?? 0) + 1);
    bags.set(network, (bag = sealed(tlaFunction([...copies].map(([key, n]) => [tlaMessage(model, key), n])))));
  }
  return bag;
}

/** One message in flight as a record: `from`, `to`, the fields of the (object) message and, with bounded delays, `ticksLeft`. */
export function tlaMessage(model: ActorModel, key: string): TlaValue {
  const messages = kept(messagesOf, model, () => new Map<string, TlaValue>());
  let record = messages.get(key);
  if (record === undefined) {
    const { from, to, msg, left } = model.envelope(key);
    if (left !== undefined && typeof msg === "object" && msg !== null && "ticksLeft" in msg)
      throw new UsageError("a message with a field ticksLeft under bounded delays: the TLA+ record would hold two; rename the field");
    const fields = (plainToTla(msg) as TlaRecord).fields;
    record = tlaRecord({ from, to, ...fields, ...(left !== undefined && { ticksLeft: left }) });
    // Messages are frozen plain data: when its fields' values are sealed, so may the record be (its text is then kept).
    if (Object.isFrozen(fields)) sealed(record);
    messages.set(key, record);
  }
  return record;
}

/** The bags of a model's networks, and the records of its messages (keys are canonical: one record per message). */
const bagsOf = new WeakMap<ActorModel, WeakMap<readonly string[], TlaValue>>();
const messagesOf = new WeakMap<ActorModel, Map<string, TlaValue>>();
const kept = <K extends object, V>(table: WeakMap<K, V>, key: K, make: () => V): V => {
  let value = table.get(key);
  if (value === undefined) table.set(key, (value = make()));
  return value;
};

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
  const base = plainToTla(record) as TlaRecord;
  const make = (seal: <V extends TlaValue>(value: V) => V = (value) => value) => {
    const asSet = (field: keyof T & string) => [field, seal(tlaSet((record[field] as readonly unknown[]).map(plainToTla)))] as const;
    return seal(tlaRecord({ ...base.fields, ...Object.fromEntries(sets.map(asSet)) }));
  };
  // plainToTla seals only what it made from deeply frozen data (an interned process state): such a record is projected
  // once per choice of sets, and sealed, since its sets are made of sealed values too.
  if (!Object.isFrozen(base)) return make();
  const bySets = kept(withSets, record, () => new Map<string, TlaValue>());
  const which = sets.join(",");
  let value = bySets.get(which);
  if (value === undefined) bySets.set(which, (value = make(sealed)));
  return value;
}
const withSets = new WeakMap<object, Map<string, TlaValue>>();
