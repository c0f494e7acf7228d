/**
 * TLA+ values as TLC prints them: booleans, integers, strings, model values, sets, sequences (and tuples),
 * records and functions. `normalize` gives the one canonical form of each TLA+ value (a function on 1..n
 * is a sequence, a function on strings a record, sets sorted and without repeats) so equal values compare equal.
 */
export type TlaValue = boolean | number | string | TlaModelValue | TlaSet | TlaSeq | TlaRecord | TlaFunction;

export interface TlaModelValue {
  readonly kind: "model";
  readonly name: string;
}
export interface TlaSet {
  readonly kind: "set";
  readonly elements: readonly TlaValue[];
}
export interface TlaSeq {
  readonly kind: "seq";
  readonly elements: readonly TlaValue[];
}
export interface TlaRecord {
  readonly kind: "record";
  readonly fields: Readonly<Record<string, TlaValue>>;
}
export interface TlaFunction {
  readonly kind: "fn";
  readonly pairs: readonly (readonly [TlaValue, TlaValue])[];
}

export const tlaSet = (elements: readonly TlaValue[]): TlaSet => ({ kind: "set", elements });
export const tlaSeq = (elements: readonly TlaValue[]): TlaSeq => ({ kind: "seq", elements });
export const tlaRecord = (fields: Record<string, TlaValue>): TlaRecord => ({ kind: "record", fields });
export const tlaFunction = (pairs: readonly (readonly [TlaValue, TlaValue])[]): TlaFunction => ({ kind: "fn", pairs });
export const modelValue = (name: string): TlaModelValue => ({ kind: "model", name });

/** The value in TLA+ syntax, as TLC prints it. */
export function print(value: TlaValue): string {
  switch (typeof value) {
    case "boolean":
      return value ? "TRUE" : "FALSE";
    case "number":
      return String(value);
    case "string":
      return quote(value);
  }
  switch (value.kind) {
    case "model":
      return value.name;
    case "set":
      return `{${value.elements.map(print).join(", ")}}`;
    case "seq":
      return `<<${value.elements.map(print).join(", ")}>>`;
    case "record":
      return `[${Object.entries(value.fields)
        .map(([k, v]) => `${k} |-> ${print(v)}`)
        .join(", ")}]`;
    case "fn":
      return value.pairs.length === 0 ? "<<>>" : `(${value.pairs.map(([k, v]) => `${print(k)} :> ${print(v)}`).join(" @@ ")})`;
  }
}

const escapes: Record<string, string> = { '"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r", "\f": "\\f" };

const escaped = /["\\\n\t\r\f]/;
const escapedAll = /["\\\n\t\r\f]/g;

/** A TLA+ string literal. */
function quote(s: string): string {
  return escaped.test(s) ? `"${s.replace(escapedAll, (c) => escapes[c]!)}"` : `"${s}"`;
}

/**
 * The canonical form: sets sorted and deduplicated, functions on 1..n as sequences, functions whose
 * domain is field names as records (as TLC prints them), the empty function as `<<>>`.
 */
export function normalize(value: TlaValue): TlaValue {
  if (typeof value !== "object") return value;
  switch (value.kind) {
    case "model":
      return value;
    case "seq":
      return tlaSeq(value.elements.map(normalize));
    case "set": {
      const byKey = new Map(
        value.elements.map((e) => {
          const n = normalize(e);
          return [print(n), n] as const;
        }),
      );
      return tlaSet([...byKey.keys()].sort(compareKeys).map((k) => byKey.get(k)!));
    }
    case "record":
      return normalizeFunction(Object.entries(value.fields));
    case "fn":
      return normalizeFunction(value.pairs);
  }
}

function normalizeFunction(pairs: readonly (readonly [TlaValue, TlaValue])[]): TlaValue {
  const entries = new Map(
    pairs.map(([k, v]) => {
      const key = normalize(k);
      return [print(key), [key, normalize(v)] as const] as const;
    }),
  );
  const sorted = [...entries.keys()].sort(compareKeys).map((k) => entries.get(k)!);
  if (sorted.every(([k], i) => k === i + 1)) return tlaSeq(sorted.map(([, v]) => v));
  if (sorted.length > 0 && sorted.every(([k]) => typeof k === "string" && fieldName.test(k)))
    return tlaRecord(Object.fromEntries(sorted.map(([k, v]) => [k as string, v])));
  return tlaFunction(sorted);
}

/** Whether a printed value is an integer (`-?\d+`). */
function isIntegerText(s: string): boolean {
  const start = s.charCodeAt(0) === 45 ? 1 : 0; // "-"
  if (s.length === start) return false;
  for (let i = start; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Orders printed values: integers numerically, then everything else by text. */
function compareKeys(a: string, b: string): number {
  const na = isIntegerText(a);
  const nb = isIntegerText(b);
  if (na && nb) return Number(a) - Number(b);
  if (na !== nb) return na ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The canonical text of each sealed value, computed the first time it is asked for. */
const canonicalOfSealed = new WeakMap<object, string>();

/**
 * Seals a value whose members are all sealed or primitive (./plain.ts seals those it makes from deeply frozen
 * plain data, such as interned process states): frozen, container and all, so that its canonical text can be kept.
 */
export function sealed<T extends TlaValue>(value: T): T {
  if (typeof value !== "object") return value;
  if (value.kind === "fn") for (const pair of value.pairs) Object.freeze(pair);
  if (value.kind === "set" || value.kind === "seq") Object.freeze(value.elements);
  if (value.kind === "fn") Object.freeze(value.pairs);
  if (value.kind === "record") Object.freeze(value.fields);
  canonicalOfSealed.set(value, canonicalOfSealed.get(value) ?? "");
  return Object.freeze(value);
}

/** The canonical text of a value, `print(normalize(value))`, in one bottom-up pass: equal TLA+ values give equal text. */
export function canonical(value: TlaValue): string {
  if (typeof value !== "object" || value.kind === "model") return print(value);
  const kept = canonicalOfSealed.get(value);
  if (kept === undefined) return canonicalText(value); // not sealed
  if (kept !== "") return kept;
  const text = canonicalText(value);
  canonicalOfSealed.set(value, text);
  return text;
}

function canonicalText(value: TlaSet | TlaSeq | TlaRecord | TlaFunction): string {
  switch (value.kind) {
    case "seq":
      return `<<${value.elements.map(canonical).join(", ")}>>`;
    case "set":
      return `{${[...new Set(value.elements.map(canonical))].sort(compareKeys).join(", ")}}`;
    case "record":
      return canonicalFunction(Object.entries(value.fields));
    case "fn":
      return canonicalFunction(value.pairs);
  }
}

function canonicalFunction(pairs: readonly (readonly [TlaValue, TlaValue])[]): string {
  const entries = new Map<string, readonly [TlaValue, string]>();
  for (const [k, v] of pairs) entries.set(canonical(k), [k, canonical(v)]);
  const keys = [...entries.keys()].sort(compareKeys);
  if (keys.every((k, i) => k === String(i + 1))) return `<<${keys.map((k) => entries.get(k)![1]).join(", ")}>>`;
  const fields = keys.map((k) => entries.get(k)!);
  if (fields.length > 0 && fields.every(([k]) => typeof k === "string" && fieldName.test(k)))
    return `[${fields.map(([k, v]) => `${k as string} |-> ${v}`).join(", ")}]`;
  return `(${keys.map((k) => `${k} :> ${entries.get(k)![1]}`).join(" @@ ")})`;
}

const fieldName = /^[A-Za-z0-9_]*[A-Za-z][A-Za-z0-9_]*$/;

/** The value in ITF encoding (sets `#set`, functions `#map`, tuples as arrays; model values unserializable). */
export function toItfValue(value: TlaValue): unknown {
  switch (typeof value) {
    case "boolean":
    case "string":
      return value;
    case "number":
      return Number.isSafeInteger(value) ? value : { "#bigint": String(value) };
  }
  switch (value.kind) {
    case "model":
      return { "#unserializable": value.name };
    case "set":
      return { "#set": value.elements.map(toItfValue) };
    case "seq":
      return value.elements.map(toItfValue);
    case "record":
      return Object.fromEntries(Object.entries(value.fields).map(([k, v]) => [k, toItfValue(v)]));
    case "fn":
      return { "#map": value.pairs.map(([k, v]) => [toItfValue(k), toItfValue(v)]) };
  }
}
