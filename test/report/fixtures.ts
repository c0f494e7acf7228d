import type { Actor, Id } from "interleave/actor";
import { actorModel, defineSpec, eventually, intKey, linearizable, noDeadlock, register, type SystemState } from "interleave";

/*
 * A register kept by two servers that never talk to each other: a client writes to s1 and, once the write returned,
 * another client reads from s2 and gets the initial null (not linearizable). Servers remember who wrote last (an id
 * in their state) and write messages name their client (an id in a message), both declared in idFields.
 */

type Msg =
  | { readonly type: "write"; readonly value: number; readonly client: Id }
  | { readonly type: "ack" }
  | { readonly type: "read" }
  | { readonly type: "value"; readonly value: number | null };

interface Server {
  readonly value: number | null;
  readonly lastWriter: Id | null;
  readonly seen: readonly Id[];
}

const server = (name: string): Actor<Server, Msg> => ({
  name,
  init: () => ({ value: null, lastWriter: null, seen: [] }),
  receive(state, from, message, out) {
    const seen = state.seen.includes(from) ? state.seen : [...state.seen, from].sort((a, b) => a - b);
    if (message.type === "write") {
      out.send(from, { type: "ack" });
      return { value: message.value, lastWriter: message.client, seen };
    }
    if (message.type === "read") out.send(from, { type: "value", value: state.value });
    return { ...state, seen };
  },
});

type Client = "idle" | "busy" | "done";

/** A client that runs one operation against `target`: write 1 (as `self`), or read. */
const client = (name: string, op: "write" | "read", target: Id, self: Id): Actor<Client, Msg> => ({
  name,
  init: () => "idle",
  invoke(state, out) {
    if (state !== "idle") return undefined;
    out.invoked(op === "write" ? { op: "write", value: 1 } : { op: "read" });
    out.send(target, op === "write" ? { type: "write", value: 1, client: self } : { type: "read" });
    return "busy";
  },
  receive(state, _from, message, out) {
    if (state !== "busy") return state;
    if (message.type === "ack") out.returned("ok");
    else if (message.type === "value") out.returned(message.value);
    else return state;
    return "done";
  },
  done: (state) => state === "done",
});

/** s1, s2, then c1 (writes 1 to s1) and c2 (reads from s2). */
export const splitRegister = defineSpec({
  name: "split-register",
  summary: "a register on two servers that never replicate",
  keys: { servers: intKey({ doc: "servers", default: 2, min: 2, max: 2 }) },
  variants: { main: { summary: "wrong on purpose", fails: ["linearizable"] } },
  build() {
    const model = actorModel(
      { servers: [server("s1"), server("s2")], clients: [client("c1", "write", 0, 2), client("c2", "read", 1, 3)] },
      { idFields: { states: { servers: ["lastWriter", "seen"] }, messages: ["client"] } },
    );
    return {
      model,
      properties: [
        linearizable("linearizable", (s: SystemState) => s.history, register, { tla: "Linearizable" }),
        noDeadlock<SystemState>(),
        eventually("all-done", (s: SystemState) => model.isFinal(s)),
      ],
    };
  },
});

/** True when `value` is in the ITF value encoding: records, arrays, and the one-field #set, #map, #tup, #bigint, #unserializable objects. */
export function isItf(value: unknown): boolean {
  if (value === null || typeof value === "boolean" || typeof value === "string") return true;
  if (typeof value === "number") return Number.isSafeInteger(value) || !Number.isInteger(value);
  if (Array.isArray(value)) return value.every(isItf);
  if (typeof value !== "object") return false;
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  if (keys.some((k) => k.startsWith("#"))) {
    if (keys.length !== 1) return false;
    const inner = record[keys[0]!];
    switch (keys[0]) {
      case "#set":
      case "#tup":
        return Array.isArray(inner) && inner.every(isItf);
      case "#map":
        return Array.isArray(inner) && inner.every((e) => Array.isArray(e) && e.length === 2 && isItf(e[0]) && isItf(e[1]));
      case "#bigint":
        return typeof inner === "string" && /^-?\d+$/.test(inner);
      case "#unserializable":
        return typeof inner === "string";
      default:
        return false;
    }
  }
  return keys.every((k) => isItf(record[k]));
}
