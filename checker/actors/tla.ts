import type { HistoryEvent, Operation } from "../../src/actor/index.ts";
import { plainToTla } from "../tlc/plain.ts";
import { print, tlaFunction, tlaRecord, tlaSeq, type TlaRecord, type TlaValue } from "../tlc/value.ts";
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

/** One message in flight as a record: `from`, `to` and the fields of the (object) message. */
export function tlaMessage(model: ActorModel, key: string): TlaValue {
  const { from, to, msg } = model.envelope(key);
  return tlaRecord({ from, to, ...(plainToTla(msg) as TlaRecord).fields });
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
