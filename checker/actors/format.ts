import type { HistoryEvent, Id } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import { inCanonicalOrder } from "../state/encode.ts";
import type { Envelope } from "./network.ts";

/**
 * Compact one-line rendering of plain data, for messages, operations and state diffs: a record with a
 * string `type` (or `op`) as `tag(fields)`, a Map as `Map{k → v}`, a Set as `Set{a, b}` (both in canonical order).
 * Strings in `bare` (process names) are shown without quotes.
 */
export function formatValue(value: unknown, bare: ReadonlySet<string> = noNames): string {
  const show = (v: unknown) => formatValue(v, bare);
  if (value === null || value === undefined) return String(value);
  if (typeof value === "string") return bare.has(value) ? value : JSON.stringify(value);
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(show).join(", ")}]`;
  if (value instanceof Map)
    return `Map{${sorted([...value], ([k]) => k)
      .map(([k, v]) => `${show(k)} → ${show(v)}`)
      .join(", ")}}`;
  if (value instanceof Set)
    return `Set{${sorted([...value], (e) => e)
      .map(show)
      .join(", ")}}`;
  const record = value as Record<string, unknown>;
  const tag = typeof record.type === "string" ? record.type : typeof record.op === "string" ? record.op : undefined;
  const fields = Object.entries(record)
    .filter(([key]) => tag === undefined || (key !== "type" && key !== "op"))
    .map(([key, v]) => `${key}: ${show(v)}`)
    .join(", ");
  return tag === undefined ? `{${fields}}` : `${tag}(${fields})`;
}

const noNames: ReadonlySet<string> = new Set();

/** `items` in canonical order (./encode.ts), or as given if something in them is not plain data. */
function sorted<T>(items: readonly T[], keyOf: (item: T) => unknown): readonly T[] {
  try {
    return inCanonicalOrder(items, keyOf);
  } catch {
    return items;
  }
}

/**
 * Where process ids hide in an actor system's process states and messages (actorModel's `idFields`), so that
 * traces show the processes' names ("s1") instead of their numbers. A path is fields separated by dots; a
 * segment that is a number picks an element of an array (a tuple's position), and `*` every element of an array
 * or Set (every value of a Map or record). The value it reaches is an id, or an array or Set of ids; a path a
 * value does not have is skipped. E.g. `heard` (a list of servers), `ts.1` (the writer in `[counter, writer]`),
 * `votes.*.1` (the voter in each `[ballot, voter]`). Display only: states are explored and compared as they are.
 */
export interface IdFields<Role extends string = string> {
  /** Per role: the paths into its processes' states that hold ids. */
  readonly states?: { readonly [K in Role]?: readonly string[] };
  /** The paths into messages that hold ids (every message; a path a message does not have is skipped). */
  readonly messages?: readonly string[];
  /** Per role: the paths into its processes' durable records (crash-recovery) that hold ids. */
  readonly durable?: { readonly [K in Role]?: readonly string[] };
}

/** Process ids named in states, messages and history events, as an actor system's `idFields` declare them. */
export class ProcessNaming {
  /** The processes' names, as a set: the renderers show them bare. */
  readonly bare: ReadonlySet<string>;
  private readonly statePaths: readonly (readonly string[][])[];
  private readonly durablePaths: readonly (readonly string[][])[];
  private readonly messagePaths: readonly string[][];

  /** A UsageError for a role the system does not have, or an empty path or segment. */
  constructor(
    readonly names: readonly string[],
    ids: Readonly<Record<string, readonly Id[]>>,
    fields: IdFields = {},
  ) {
    this.bare = new Set(names);
    const byProcess = (perRole: Readonly<Record<string, readonly string[] | undefined>>): string[][][] => {
      const byRole = Object.entries(perRole);
      const unknown = byRole.find(([role]) => !(role in ids));
      if (unknown) throw new UsageError(`idFields names role "${unknown[0]}"; roles: ${Object.keys(ids).join(", ")}`);
      const paths = names.map((): string[][] => []);
      for (const [role, declared] of byRole) for (const id of ids[role]!) paths[id]!.push(...(declared ?? []).map(parsePath));
      return paths;
    };
    this.statePaths = byProcess(fields.states ?? {});
    this.durablePaths = byProcess(fields.durable ?? {});
    this.messagePaths = (fields.messages ?? []).map(parsePath);
  }

  /** Process `id`'s state with the ids its role declares named. */
  state(id: Id, state: unknown): unknown {
    return this.statePaths[id]!.reduce((value, path) => this.at(value, path, 0), state);
  }

  /** Process `id`'s durable record with the ids its role declares named. */
  durable(id: Id, record: unknown): unknown {
    return this.durablePaths[id]!.reduce((value, path) => this.at(value, path, 0), record);
  }

  /** A message with the ids the declaration names in messages named. */
  message(message: unknown): unknown {
    return this.messagePaths.reduce((value, path) => this.at(value, path, 0), message);
  }

  /** The value with the id (or ids) at `path` from segment `i` on named. */
  private at(value: unknown, path: readonly string[], i: number): unknown {
    if (i === path.length) return this.leaf(value);
    const segment = path[i]!;
    const inner = (v: unknown) => this.at(v, path, i + 1);
    if (segment === "*") {
      if (Array.isArray(value)) return value.map(inner);
      if (value instanceof Set) return new Set([...value].map(inner));
      if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, inner(v)]));
      if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inner(v)]));
      return value;
    }
    if (Array.isArray(value) && /^\d+$/.test(segment)) {
      const index = Number(segment);
      if (index >= value.length) return value;
      const copy = value.slice();
      copy[index] = inner(value[index]);
      return copy;
    }
    if (isRecord(value) && Object.hasOwn(value, segment)) return { ...value, [segment]: inner(value[segment]) };
    return value;
  }

  /** An id as its process's name; an array or Set of ids each named; anything else as it is. */
  private leaf(value: unknown): unknown {
    if (typeof value === "number") return Number.isInteger(value) && value >= 0 && value < this.names.length ? this.names[value] : value;
    if (Array.isArray(value)) return value.map((v) => (typeof v === "number" ? this.leaf(v) : v));
    if (value instanceof Set) return new Set([...value].map((v) => (typeof v === "number" ? this.leaf(v) : v)));
    return value;
  }
}

function parsePath(path: string): string[] {
  const segments = path.split(".");
  if (segments.some((s) => s === "")) throw new UsageError(`idFields: "${path}" is not a path (fields separated by dots, e.g. "ts.1" or "heard")`);
  return segments;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

/**
 * An actor system's state as a person reads it: each process's state under its name (ids named as declared),
 * `network` the messages in flight as `{from, to, message}`, `crashed` the crashed processes' names, and
 * `history` the client history as `{client, call}` and `{client, ret}` events.
 */
export function systemView(
  state: {
    readonly procs: readonly unknown[];
    readonly network: readonly string[];
    readonly crashed: readonly Id[];
    readonly history: readonly HistoryEvent[];
  },
  naming: ProcessNaming,
  envelope: (key: string) => Envelope,
): Record<string, unknown> {
  const { names } = naming;
  return {
    ...Object.fromEntries(names.map((name, id) => [name, naming.state(id, state.procs[id])])),
    network: state.network.map((key) => namedEnvelope(envelope(key), naming)),
    crashed: state.crashed.map((id) => names[id]),
    history: state.history.map((e) => ("call" in e ? { client: names[e.client], call: e.call } : { client: names[e.client], ret: e.ret })),
  };
}

/** A message in flight with its processes named: `{from, to, message}`, and with bounded delays `ticksLeft`. */
export const namedEnvelope = (e: Envelope, naming: ProcessNaming) => ({
  from: naming.names[e.from],
  to: naming.names[e.to],
  message: naming.message(e.msg),
  ...(e.left !== undefined && { ticksLeft: e.left }),
});
