/**
 * Merging the shares of a simulation into the result the sequential run of the same traces gives.
 *
 * The rule. Trace i's walk depends only on (seed, i), and whether a state violates or witnesses a property depends
 * only on the state, so every finding has a place, (trace, event), that does not depend on which thread walked it
 * (event 2p: the state at position p visited and checked; 2p + 1: its expansion, the deadlock check, the step out).
 * The sequential run walks the traces in order and stops at the first of:
 * - a violation: the earliest place violating any safety property; with --continue, the place where the last safety
 *   property still unviolated is first violated (the latest of the properties' earliest violations);
 * - the model's code throwing: the earliest throw;
 * - an interruption (Ctrl-C, the memory bound): on several threads, the first place some share did not reach.
 * That place is the cut. The merged result is everything at or before the cut: each property's first violation (or
 * witness) is the earliest over the shares, if at or before the cut; the states counted are those of the traces
 * before the cut's trace, walked in full, plus the cut's trace up to the cut; the distinct states are the distinct
 * fingerprints whose earliest visit over the shares is at or before the cut; traces = the cut's trace less the first,
 * plus one. Shares walk past the cut (they learn of it late) and stop early past it (`pastStop`); every trace before
 * it is walked in full, which the merge checks.
 *
 * One case it cannot decide from the records: a share stops only at its own findings, but it skips a property once
 * it found it itself, while the sequential run skips it once any trace before found it. So where a property's check
 * throws, the sequential run may not have checked that property at that state (another thread found it earlier): the
 * merge then says "rerun", and the caller walks the traces again on one thread. A check that throws is rare.
 */
import type { Property } from "../../props/property.ts";
import type { StopReason } from "../result.ts";
import type { ShareRecord, ShareThrow } from "../simulate-walk.ts";
import { compareKeys, earlier, eachVisit, FirstVisits, type Key } from "./simulate-visits.ts";

/** What the shares' records are merged under: the traces asked for, --continue, and which properties are safety properties. */
export interface MergePlan {
  readonly firstTrace: number;
  readonly tracesAsked: number;
  readonly continueAfterViolation: boolean;
  /** The kind of each property walked, in the shares' order (safety properties, and sometimes-properties). */
  readonly kinds: readonly Property<unknown>["kind"][];
}

/** The sequential run's figures and findings. */
export interface MergedSimulation {
  readonly stopReason: StopReason;
  readonly traces: number;
  readonly generated: number;
  readonly distinct: number;
  readonly depth: number;
  /** Per property: where the run first violated (or witnessed) it, or null. */
  readonly found: readonly (Key | null)[];
  /** The model's code threw where the run stopped. */
  readonly thrown?: ShareThrow;
}

/** The result of the shares' traces walked in order on one thread, or "rerun" when the records cannot tell it (see above). */
export function mergeShares(records: readonly ShareRecord[], plan: MergePlan): MergedSimulation | "rerun" {
  const { firstTrace, tracesAsked } = plan;
  const safety = plan.kinds.map((kind) => kind !== "sometimes");
  const checkedPerState = plan.kinds.map((kind) => kind !== "deadlock");
  const firsts = plan.kinds.map((_, i) => records.reduce<Key | null>((k, r) => earlier(k, r.found[i]), null));
  const throwing = records.reduce<ShareRecord | undefined>(
    (a, r) => (r.thrown && (!a || compareKeys(r.thrown.key, a.thrown!.key) < 0) ? r : a),
    undefined,
  );
  if (!throwing && records.some((r) => r.initialStates === 0))
    return { stopReason: "traces-done", traces: 0, generated: 0, distinct: 0, depth: 0, found: firsts.map(() => null) };

  const safetyFirsts = firsts.filter((_, i) => safety[i]);
  const violation = !plan.continueAfterViolation
    ? safetyFirsts.reduce(earlier, null)
    : safetyFirsts.length > 0 && safetyFirsts.every((k) => k !== null)
      ? safetyFirsts.reduce((a, b) => (compareKeys(a!, b!) >= 0 ? a : b))
      : null;
  const stopped = earlier(violation, throwing?.thrown!.key);
  const unknown = firstUnknown(records, firstTrace, firstTrace + tracesAsked);
  let cut: Key;
  let stopReason: StopReason;
  if (stopped && (!unknown || compareKeys(stopped, unknown) < 0)) {
    cut = stopped;
    stopReason = "violation";
  } else if (unknown) {
    const interrupted = records.find((r) => r.interrupted)?.interrupted;
    if (!interrupted) throw new Error(`the shares of a simulation left trace ${unknown.trace} unwalked, and none was interrupted`);
    cut = unknown.event > 0 ? { trace: unknown.trace, event: unknown.event - 1 } : { trace: unknown.trace - 1, event: Infinity };
    stopReason = interrupted;
  } else {
    cut = { trace: firstTrace + tracesAsked - 1, event: Infinity };
    stopReason = "traces-done";
  }
  const thrown = stopReason === "violation" && throwing && compareKeys(throwing.thrown!.key, cut) === 0 ? throwing.thrown : undefined;
  // A property decided before the throw, which the throwing share had not decided itself: it checked what the sequential run skips.
  const skippedThere = (i: number) => throwing!.found[i] && compareKeys(throwing!.found[i]!, cut) < 0;
  if (thrown?.checking && firsts.some((k, i) => checkedPerState[i] && k && compareKeys(k, cut) < 0 && !skippedThere(i))) return "rerun";

  const { generated, depth } = walked(records, cut);
  return {
    stopReason,
    traces: cut.event < 0 ? 0 : cut.trace - firstTrace + 1,
    generated,
    distinct: distinctWithin(records, cut),
    depth,
    found: firsts.map((k) => (k && compareKeys(k, cut) <= 0 ? k : null)),
    ...(thrown && { thrown }),
  };
}

/** The first place no share knows: the first trace not walked in full, at the event after a share stopped in it. */
function firstUnknown(records: readonly ShareRecord[], first: number, end: number): Key | null {
  const ranges = records
    .flatMap((r) => r.ranges.flatMap((start, i) => (i % 2 === 0 && r.ranges[i + 1]! > start ? [[start, r.ranges[i + 1]!] as const] : [])))
    .sort((a, b) => a[0] - b[0]);
  let next = first;
  for (const [start, stop] of ranges) {
    if (start > next) break;
    if (start < next) throw new Error(`two shares of a simulation both walked trace ${start}`);
    next = stop;
  }
  if (next >= end) return null;
  const stop = records.find((r) => r.stop?.trace === next)?.stop;
  return { trace: next, event: stop ? stop.event + 1 : 0 };
}

/** The states visited up to the cut, and the longest walk among them. */
function walked(records: readonly ShareRecord[], cut: Key): { generated: number; depth: number } {
  let generated = 0;
  let depth = 0;
  const count = (length: number) => {
    generated += length;
    if (length > depth) depth = length;
  };
  for (const r of records) {
    let j = 0;
    for (let i = 0; i < r.ranges.length; i += 2)
      for (let t = r.ranges[i]!; t < r.ranges[i + 1]!; t++, j++)
        if (t < cut.trace || (t === cut.trace && cut.event === Infinity)) count(r.lengths[j]!);
  }
  if (cut.event >= 0 && cut.event < Infinity) count(Math.floor(cut.event / 2) + 1);
  return { generated, depth };
}

/**
 * The distinct fingerprints first visited at or before the cut: the other shares' visits within the cut are merged
 * into one share's table (this thread's, which it changes), each fingerprint keeping its earliest place; then counted.
 */
function distinctWithin(records: readonly ShareRecord[], cut: Key): number {
  const within = (trace: number, event: number) => trace < cut.trace || (trace === cut.trace && event <= cut.event);
  const base = records.map((r) => r.visits).find((v): v is FirstVisits => v instanceof FirstVisits) ?? new FirstVisits();
  base.reserve(records.reduce((sum, r) => sum + (r.visits instanceof FirstVisits ? r.visits.size : r.visits.hi.length), 0));
  for (const r of records)
    if (r.visits !== base) eachVisit(r.visits, (hi, lo, trace, event) => within(trace, event) && base.lower(hi, lo, trace, event));
  let count = 0;
  eachVisit(base, (_hi, _lo, trace, event) => void (within(trace, event) && count++));
  return count;
}
