import type { HistoryEvent } from "../../src/actor/index.ts";
import { linearization, operations, type HistoryOperation } from "../props/linearizability.ts";
import type { SequentialSpec } from "../props/sequential.ts";
import { encode } from "../state/encode.ts";
import { toItf } from "../trace/itf.ts";

/** One operation of a history, for the document: who called what, what it returned, and the trace steps of its call and return. */
export interface OperationReport {
  readonly client: string;
  readonly operation: unknown;
  /** What it returned (ITF); absent while it is pending. */
  readonly result?: unknown;
  /** The index of the trace step whose action called it. */
  readonly called: number;
  /** The index of the trace step whose action returned it; null while it is pending. */
  readonly returned: number | null;
}

/** An order of operations that a sequential spec refutes: the last operation would return `expected`, not what it returned. */
export interface RefutedOrder {
  /** Indexes into the explanation's operations, in the order they take effect. */
  readonly order: readonly number[];
  readonly expected: unknown;
}

/**
 * Why a history is not linearizable. `core` is a smallest set of completed operations whose results no order
 * satisfies, every other operation being free to take effect at any point after its call, or never; `refuted` lists
 * the orders of the core that respect real time (an operation goes after every core operation that returned before
 * it was called), with free operations where they help, each up to the operation whose result the spec contradicts.
 */
export interface LinearizabilityExplanation {
  /** The sequential specification's name (e.g. "register"). */
  readonly spec: string;
  /** The operations of the last state's history, in call order. */
  readonly operations: readonly OperationReport[];
  readonly core: readonly number[];
  readonly refuted: readonly RefutedOrder[];
  /** Refuted orders found but left out of `refuted` (it holds at most 8; the search expands at most 20,000 nodes). */
  readonly refutedLeftOut: number;
}

/** The most refuted orders an explanation lists, and the most completed operations searched exhaustively for the smallest core. */
const maxOrders = 8;
const maxKept = 200;
const exhaustiveUpTo = 12;
/** The most (spec state, placed set) nodes the search for refuted orders expands; past it `refutedLeftOut` counts what it found. */
const maxNodes = 20_000;

/**
 * The explanation for a trace whose last history is not linearizable; `histories` holds the history of each trace
 * step (to date each call and return), `names` the clients' names by id. Undefined if the last history is linearizable.
 */
export function explainLinearizability(
  histories: readonly (readonly HistoryEvent[])[],
  spec: SequentialSpec,
  names?: readonly string[],
): LinearizabilityExplanation | undefined {
  const history = histories.at(-1) ?? [];
  if (linearization(history, spec) !== undefined) return undefined;
  const ops = operations(history);
  const stepOf = (event: number) => histories.findIndex((h) => h.length > event);
  const completed = ops.flatMap((o, i) => (o.ret !== undefined ? [i] : []));
  const fails = (kept: readonly number[]) => linearization(relaxed(history, ops, new Set(kept)), spec) === undefined;
  const core = smallestCore(completed, fails);
  const { refuted, total } = refutedOrders(ops, new Set(core), spec);
  return {
    spec: spec.name,
    operations: ops.map((o) => ({
      client: names?.[o.client] ?? `client ${o.client}`,
      operation: toItf(o.operation),
      ...(o.ret !== undefined && { result: toItf(o.result) }),
      called: stepOf(o.call),
      returned: o.ret === undefined ? null : stepOf(o.ret),
    })),
    core,
    refuted,
    refutedLeftOut: total - refuted.length,
  };
}

/**
 * The history with only the responses of the operations in `kept`: every other operation stays pending (free to take
 * effect after its call, or never). Each operation gets its own client (its index), so a client's later calls stay well formed.
 */
function relaxed(history: readonly HistoryEvent[], ops: readonly HistoryOperation[], kept: ReadonlySet<number>): HistoryEvent[] {
  const opAt = new Map<number, number>();
  ops.forEach((o, i) => {
    opAt.set(o.call, i);
    if (o.ret !== undefined) opAt.set(o.ret, i);
  });
  return history.flatMap((event, e): HistoryEvent[] => {
    const i = opAt.get(e)!;
    if ("call" in event) return [{ client: i, call: event.call }];
    return kept.has(i) ? [{ client: i, ret: event.ret }] : [];
  });
}

/** A smallest subset of `completed` that `fails`: by increasing size for a few operations, else by dropping one at a time. */
function smallestCore(completed: readonly number[], fails: (kept: readonly number[]) => boolean): number[] {
  if (completed.length <= exhaustiveUpTo) {
    for (let size = 1; size < completed.length; size++) {
      const found = firstCombination(completed, size, fails);
      if (found) return found;
    }
    return [...completed];
  }
  let kept = [...completed];
  for (const op of completed) {
    const without = kept.filter((k) => k !== op);
    if (fails(without)) kept = without;
  }
  return kept;
}

/** The first combination of `size` items (in lexicographic order) that `test` accepts. */
function firstCombination(items: readonly number[], size: number, test: (chosen: readonly number[]) => boolean): number[] | undefined {
  const chosen: number[] = [];
  const pick = (from: number): number[] | undefined => {
    if (chosen.length === size) return test(chosen) ? [...chosen] : undefined;
    for (let i = from; i <= items.length - (size - chosen.length); i++) {
      chosen.push(items[i]!);
      const found = pick(i + 1);
      chosen.pop();
      if (found) return found;
    }
    return undefined;
  };
  return pick(0);
}

/**
 * The orders of the core that respect real time, each cut at the first core operation whose result the spec
 * contradicts; free operations (the others) join where they take effect. Each (spec state, placed set) is expanded
 * once, so an order is listed by its first path.
 */
function refutedOrders(
  ops: readonly HistoryOperation[],
  core: ReadonlySet<number>,
  spec: SequentialSpec,
): { refuted: RefutedOrder[]; total: number } {
  const refuted: RefutedOrder[] = [];
  let total = 0;
  const seen = new Set<string>();
  const mustFollow = ops.map((b) => [...core].filter((a) => ops[a]!.ret! < b.call));
  const visit = (state: unknown, placed: readonly number[]) => {
    const key = `${encode(state)}|${[...placed].sort((x, y) => x - y).join(",")}`;
    if (seen.has(key) || seen.size >= maxNodes) return;
    seen.add(key);
    for (let b = 0; b < ops.length; b++) {
      if (placed.includes(b) || !mustFollow[b]!.every((a) => placed.includes(a))) continue;
      const step = spec.apply(state, ops[b]!.operation);
      if (core.has(b) && encode(step.result) !== encode(ops[b]!.result)) {
        total++;
        if (refuted.length < maxKept) refuted.push({ order: [...placed, b], expected: toItf(step.result) });
        continue;
      }
      visit(step.state, [...placed, b]);
    }
  };
  visit(spec.init, []);
  // The shortest orders first: they say the most with the least.
  return { refuted: refuted.sort((x, y) => x.order.length - y.order.length).slice(0, maxOrders), total };
}
