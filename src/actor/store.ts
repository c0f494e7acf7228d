/**
 * A table with conditional writes, as an actor: the DynamoDB-like store the notes' lease tables and logs live in.
 * Each item has a value and a version (1 for its first write, one more for each write after). Requests and replies
 * travel the network like any message, so a late conditional write arrives late, as it does in production.
 */
import type { Actor, Id, Out } from "./index.ts";

/** An item of the table: its value and how many writes it has had. */
export interface StoreItem {
  readonly value: unknown;
  readonly version: number;
}

/**
 * The condition of a conditional put: the item's version is `version`; the key has no item (`absent`); or the item's
 * value is a record whose `field` equals `equals` (plain data, compared by content).
 */
export type StoreCondition = { readonly version: number } | { readonly absent: true } | { readonly field: string; readonly equals: unknown };

/**
 * A request to the store. `tag` is echoed in the reply, so that a process can match replies to requests.
 * A put without `expect` is unconditional.
 */
export type StoreRequest =
  | { readonly store: "get"; readonly key: string; readonly tag?: unknown }
  | { readonly store: "put"; readonly key: string; readonly value: unknown; readonly expect?: StoreCondition; readonly tag?: unknown };

/** The store's reply: the item read (null: none); a put done (its new version); or a put refused, with the item as it is. */
export type StoreReply =
  | { readonly store: "got"; readonly key: string; readonly item: StoreItem | null; readonly tag?: unknown }
  | { readonly store: "put-ok"; readonly key: string; readonly version: number; readonly tag?: unknown }
  | { readonly store: "put-failed"; readonly key: string; readonly item: StoreItem | null; readonly tag?: unknown };

/** The store's state: its items by key. */
export type StoreState = Readonly<Record<string, StoreItem>>;

/** Whether a message is a request to a store (what `conditionalStore` answers). */
export const isStoreRequest = (message: unknown): message is StoreRequest =>
  typeof message === "object" && message !== null && ((message as StoreRequest).store === "get" || (message as StoreRequest).store === "put");

/** Whether a message is a store's reply. */
export const isStoreReply = (message: unknown): message is StoreReply => {
  const kind = (message as StoreReply | null)?.store;
  return kind === "got" || kind === "put-ok" || kind === "put-failed";
};

/** Whether `item` meets `condition`. */
export function meets(item: StoreItem | undefined, condition: StoreCondition): boolean {
  if ("absent" in condition) return item === undefined;
  if ("version" in condition) return item !== undefined && item.version === condition.version;
  const value = item?.value;
  return typeof value === "object" && value !== null && samePlain((value as Record<string, unknown>)[condition.field], condition.equals);
}

/** Equality of plain data by content (records whatever their key order, arrays element by element). */
export function samePlain(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const keysB = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((k) => samePlain((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The store's answer to `request` in `state`: its next state and its reply. */
export function answer(state: StoreState, request: StoreRequest): { readonly state: StoreState; readonly reply: StoreReply } {
  const item = state[request.key];
  const tag = request.tag === undefined ? {} : { tag: request.tag };
  if (request.store === "get") return { state, reply: { store: "got", key: request.key, item: item ?? null, ...tag } };
  if (request.expect !== undefined && !meets(item, request.expect))
    return { state, reply: { store: "put-failed", key: request.key, item: item ?? null, ...tag } };
  const version = (item?.version ?? 0) + 1;
  return { state: { ...state, [request.key]: { value: request.value, version } }, reply: { store: "put-ok", key: request.key, version, ...tag } };
}

/**
 * A store process named `name`, holding `initial`'s items (each at version 1) at start. It answers each request
 * from its sender with one reply; a message that is not a request is an error in the protocol, and throws. Its items
 * are durable: each write is persisted before it is acknowledged, so a store that may crash and recover (the model's
 * `recover`) comes back with every write it acknowledged.
 */
export function conditionalStore<M>(name = "store", initial: Readonly<Record<string, unknown>> = {}): Actor<StoreState, M> {
  const start: StoreState = Object.fromEntries(Object.entries(initial).map(([key, value]) => [key, { value, version: 1 }]));
  return {
    name,
    init: () => start,
    receive(state: StoreState, from: Id, message: M, out: Out<M>): StoreState {
      if (!isStoreRequest(message)) throw new Error(`${name} received ${JSON.stringify(message)}, not a get or put`);
      const { state: next, reply } = answer(state, message);
      if (next !== state) out.persist(next);
      out.send(from, reply as M);
      return next;
    },
    recover: (durable) => (durable as StoreState | null) ?? start,
  };
}
