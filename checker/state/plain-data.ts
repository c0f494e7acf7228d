/**
 * What counts as plain data, and the error naming the first value that is not. States and messages must be
 * plain data: records (prototype Object.prototype or null), arrays, Maps, Sets, strings, finite numbers
 * (-0 is 0), bigints, booleans, null and undefined (an undefined field is an absent one, an array hole an undefined).
 * The fast walks (./hash.ts, ./encode.ts) check types, prototypes and depth; when one fails, `findNonPlain`
 * walks again, slowly, to say what and where, also checking own properties (getters, symbol keys, ...).
 */
import { UsageError } from "../errors.ts";
import { encode } from "./encode.ts";

/** Values nested deeper than this are rejected: the walks recurse, and a cycle shows up as unbounded depth. */
export const maxDepth = 1000;

/** A step from a value into it: a record key, an array index, a Map key or value, a Set element (by iteration position). */
export type PathStep = string | number | { readonly mapKey: number } | { readonly mapValue: unknown } | { readonly setElement: number };

/** A state or message holding something that is not plain data: `path` leads from the root to it, `what` says what it is. */
export class PlainDataError extends UsageError {
  override readonly name = "PlainDataError";
  constructor(
    readonly path: readonly PathStep[],
    readonly what: string,
  ) {
    super(`${formatPath(path)}: ${what} (states and messages must be plain data: records, arrays, Maps, Sets, primitives)`);
  }
}

/** Thrown by the fast walks when they meet something that is not plain data; `explainNonPlain` turns it into a PlainDataError. */
export const notPlain: Error = new Error("internal: not plain data");

/**
 * The path as JavaScript-like text after `root`: `procs[2].pending`, `counts.get("a")`, `counts{key 0}`, `seen{element 1}`;
 * `root`, or `(root)`, if empty. A path of more than 24 steps shows its first and last 12.
 */
export function formatPath(path: readonly PathStep[], root = ""): string {
  if (path.length === 0) return root || "(root)";
  let text = root;
  for (let i = 0; i < path.length; i++) {
    if (path.length > 24 && i === 12) {
      text += `…(${path.length - 24} more)…`;
      i = path.length - 13;
      continue;
    }
    const step = path[i]!;
    if (typeof step === "number") text += `[${step}]`;
    else if (typeof step === "string") text += /^[A-Za-z_$][\w$]*$/.test(step) ? (text === "" ? step : `.${step}`) : `[${JSON.stringify(step)}]`;
    else if ("mapKey" in step) text += `{key ${step.mapKey}}`;
    else if ("setElement" in step) text += `{element ${step.setElement}}`;
    else text += `.get(${encode(step.mapValue)})`;
  }
  return text;
}

/** What to throw after a fast walk over `root` failed with `error`: the PlainDataError for `root`, else `error` itself. */
export function explainNonPlain(root: unknown, error: unknown): unknown {
  return findNonPlain(root) ?? error;
}

/** Throws a PlainDataError for the first part of `value` that is not plain data, checking own properties too. */
export function assertPlainData(value: unknown): void {
  const error = findNonPlain(value);
  if (error) throw error;
}

/** The first part of `root` (depth first, in iteration order) that is not plain data, as an error; undefined if none. */
export function findNonPlain(root: unknown): PlainDataError | undefined {
  return search(root);
}

/**
 * What is wrong with this object itself, not its contents: its prototype, or an own property that is an
 * accessor, non-enumerable, symbol-keyed, or (on an array) not an index. `key` is the property at fault.
 */
export function shallowProblem(value: object): { readonly key?: string; readonly what: string } | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  const isArray = Array.isArray(value);
  if (isArray ? proto !== Array.prototype : proto !== Object.prototype && proto !== null) {
    return proto === Map.prototype || proto === Set.prototype ? undefined : { what: classInstance(proto) };
  }
  const symbol = Object.getOwnPropertySymbols(value)[0];
  if (symbol !== undefined) return { what: `a property keyed by a symbol (${String(symbol)})` };
  for (const key of Object.getOwnPropertyNames(value)) {
    if (isArray && (key === "length" || String(Number(key) >>> 0) === key)) continue;
    const field = Object.getOwnPropertyDescriptor(value, key)!;
    if (isArray) return { key, what: "a named property on an array" };
    if (field.get || field.set) return { key, what: "an accessor property (getter or setter)" };
    if (!field.enumerable) return { key, what: "a non-enumerable property" };
    if (key.charCodeAt(0) === 35) return { key, what: `a key starting with "#" (reserved: ITF writes Maps, Sets and bigints as such keys)` };
  }
  return undefined;
}

function classInstance(proto: unknown): string {
  const ctor = (proto as { constructor?: unknown } | null)?.constructor;
  const name = typeof ctor === "function" && ctor.prototype === proto ? ctor.name : "";
  return name ? `a class instance (${name})` : "an object with a prototype other than Object.prototype";
}

interface Frame {
  readonly value: object;
  /** Length of the path to `value`. */
  readonly depth: number;
  readonly contents: readonly (readonly [PathStep, unknown])[];
  next: number;
}

/** Depth first without recursion, so that a deep or cyclic value cannot overflow the stack here. */
function search(root: unknown): PlainDataError | undefined {
  const path: PathStep[] = [];
  const open = new Map<object, number>(); // the objects on the path to the current one, with their depths
  const stack: Frame[] = [];
  let found = enter(root, path, open, stack);
  while (found === undefined && stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    path.length = frame.depth;
    if (frame.next < frame.contents.length) {
      const [step, child] = frame.contents[frame.next++]!;
      path.push(step);
      found = enter(child, path, open, stack);
    } else {
      stack.pop();
      open.delete(frame.value);
      found = equalMembers(frame.value, path);
    }
  }
  return found;
}

/** Checks `value` itself; an acceptable container is opened (pushed, with its contents to visit). */
function enter(value: unknown, path: PathStep[], open: Map<object, number>, stack: Frame[]): PlainDataError | undefined {
  const fail = (what: string) => new PlainDataError(path.slice(), what);
  switch (typeof value) {
    case "number":
      return Number.isFinite(value) ? undefined : fail(`a non-finite number (${value})`);
    case "function":
      return fail(value.name ? `a function (${value.name})` : "a function");
    case "symbol":
      return fail(`a symbol (${String(value)})`);
    case "object":
      if (value === null) return undefined;
      break;
    default:
      return undefined;
  }
  const ancestor = open.get(value);
  if (ancestor !== undefined) return fail(`a cycle: this is ${formatPath(path.slice(0, ancestor))} again, so it contains itself`);
  if (path.length >= maxDepth) return fail(`a value nested more than ${maxDepth} levels deep`);
  const problem = shallowProblem(value);
  if (problem) return new PlainDataError(problem.key === undefined ? path.slice() : [...path, problem.key], problem.what);
  open.set(value, path.length);
  stack.push({ value, depth: path.length, contents: contentsOf(value), next: 0 });
  return undefined;
}

function contentsOf(value: object): (readonly [PathStep, unknown])[] {
  if (value instanceof Map)
    return [...value].flatMap(
      ([k, v], i) =>
        [
          [{ mapKey: i }, k],
          [{ mapValue: k }, v],
        ] as const,
    );
  if (value instanceof Set) return [...value].map((e, i) => [{ setElement: i }, e] as const);
  if (Array.isArray(value)) return Array.from(value, (e, i) => [i, e] as const);
  return Object.keys(value).map((key) => [key, (value as Record<string, unknown>)[key]] as const);
}

/** Distinct objects with equal contents (two `{a: 1}` keys) would make a Map or Set look like one of another size. */
function equalMembers(value: object, path: readonly PathStep[]): PlainDataError | undefined {
  if (!(value instanceof Map || value instanceof Set)) return undefined;
  const seen = new Set<string>();
  for (const member of value.keys()) {
    const e = encode(member);
    const what = value instanceof Map ? "a Map with two equal keys" : "a Set with two equal elements";
    if (seen.has(e)) return new PlainDataError(path.slice(), `${what} (${e}), distinct objects alike`);
    seen.add(e);
  }
  return undefined;
}
