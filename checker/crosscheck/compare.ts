import { createHash } from "node:crypto";
import { explore } from "../explore/search.ts";
import type { ExploreResult, Trace } from "../explore/result.ts";
import type { Comparison } from "../report.ts";
import type { Model } from "../model.ts";
import type { TlaPairing } from "../spec.ts";
import type { TlcViolation } from "../tlc/output.ts";
import { FairnessClasses } from "../explore/fairness.ts";
import type { PairedTlcResult } from "./paired-tlc.ts";
import { canonical, tlaRecord } from "../tlc/value.ts";

/** The explorer's side: a complete run with every state projected to TLA+. */
export interface ProjectedRun<S, A> {
  readonly result: ExploreResult<S, A>;
  /** stateHash of every reachable state's projection (a set: equal projections collapse). */
  readonly projected: ReadonlySet<string>;
  /** The text behind each hash, kept for the first `textsKept` states, to show differences. */
  readonly texts: ReadonlyMap<string, string>;
}

/** A reachable set as hashes, with the texts of the first few states kept for error messages. */
export class HashedStates {
  readonly hashes = new Set<string>();
  readonly texts = new Map<string, string>();

  add(text: string): void {
    const h = stateHash(text);
    this.hashes.add(h);
    if (this.texts.size < textsKept) this.texts.set(h, text);
  }
}

const textsKept = 100_000;

/** Explores everything (no stop at a violation), projecting each distinct state with `toTla`. */
export function exploreProjected<S, A>(
  model: Model<S, A>,
  pairing: TlaPairing<S>,
  properties: Parameters<typeof explore<S, A>>[1]["properties"],
): ProjectedRun<S, A> {
  const states = new HashedStates();
  const result = explore(model, { properties, continueAfterViolation: true, onNewState: (s) => states.add(projectedText(pairing, s)) });
  return { result, projected: states.hashes, texts: states.texts };
}

/** The canonical TLA+ text of a state's projection. */
export const projectedText = <S>(pairing: TlaPairing<S>, state: S): string => canonical(tlaRecord({ ...pairing.toTla(state) }));

/** A 128-bit hash (hex) of a state's canonical text: reachable sets are compared as sets of these. */
export const stateHash = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** A digest of a reachable set: SHA-256 of its sorted state hashes, one per line. */
export function reachableDigest(hashes: Iterable<string>): string {
  return createHash("sha256")
    .update([...hashes].sort().join("\n"))
    .digest("hex");
}

/** Compares the explorer and TLC on one configuration: verdicts, counts, reachable sets, injectivity, replays. */
export function compare<S, A>(model: Model<S, A>, pairing: TlaPairing<S>, ours: ProjectedRun<S, A>, tlc: PairedTlcResult): Comparison[] {
  const comparisons: Comparison[] = [];
  for (const [name, theirs] of tlc.verdicts) {
    const mine = ours.result.properties.find((p) => p.name === name);
    const agree = mine?.holds === theirs.holds;
    comparisons.push({ what: `verdict of ${name}`, agree, detail: `explorer ${verdict(mine?.holds)}, TLC ${verdict(theirs.holds)}` });
  }
  for (const key of ["distinctStates", "generatedStates", "depth"] as const) {
    const a = ours.result[key];
    const b = tlc.counts[key];
    comparisons.push({ what: key, agree: a === b, detail: `explorer ${a.toLocaleString("en")}, TLC ${b.toLocaleString("en")}` });
  }
  const injective = ours.projected.size === ours.result.distinctStates;
  comparisons.push({
    what: "toTla is injective",
    agree: injective,
    detail: `${ours.result.distinctStates.toLocaleString("en")} states, ${ours.projected.size.toLocaleString("en")} distinct projections`,
  });
  if (tlc.reachable) {
    const theirs = tlc.reachable.hashes;
    const onlyOurs = [...ours.projected].filter((h) => !theirs.has(h));
    const onlyTheirs = [...theirs].filter((h) => !ours.projected.has(h));
    const examples = [...onlyTheirs.slice(0, 2).map((h) => tlc.reachable!.texts.get(h) ?? h)];
    const sample = (label: string, states: readonly string[], shown: readonly string[]) =>
      states.length ? [`${states.length} only in ${label}${shown.length ? `, e.g. ${shown.join("  |  ")}` : ""}`] : [];
    comparisons.push({
      what: "reachable sets",
      agree: onlyOurs.length === 0 && onlyTheirs.length === 0,
      detail: [
        `digest ${reachableDigest(ours.projected).slice(0, 16)}… vs ${reachableDigest(theirs).slice(0, 16)}…`,
        ...sample(
          "the explorer",
          onlyOurs,
          onlyOurs.slice(0, 2).map((h) => ours.texts.get(h) ?? h),
        ),
        ...sample("TLC", onlyTheirs, examples),
      ].join("; "),
    });
  }
  for (const [name, theirs] of tlc.verdicts) {
    if (!theirs.violation) continue;
    const replayed = replayOnImplementation(model, pairing, theirs.violation);
    const lasso = theirs.violation.loopsBackTo !== null || theirs.violation.stutters;
    comparisons.push({
      what: `TLC's ${lasso ? "lasso" : "counterexample"} for ${name} replays on the implementation${lasso ? " as a fair execution" : ""}`,
      agree: replayed.ok,
      detail: replayed.detail,
    });
  }
  return comparisons;
}

const verdict = (holds: boolean | null | undefined) => (holds === true ? "holds" : holds === false ? "violated" : "undecided");

/** What a replay of TLC's trace found: whether it replays (and is fair, for a lasso), in words, and the path it followed. */
export interface Replay<S, A> {
  readonly ok: boolean;
  readonly detail: string;
  /**
   * The implementation's path through TLC's states, when every step matched: one step per TLC state, and for a loop
   * the step back to the state it returns to (the explorer's lassos have it too); loopsBackTo as TLC's.
   */
  readonly trace?: Trace<S, A>;
}

/**
 * Follows TLC's trace on the model: each TLC state must be the projection of some successor of the last.
 * A lasso must also close (its last state steps back to the loop's first) and be fair on the model: each
 * weakly fair action enabled in every state of the cycle is taken in it; a stuttering end has no fair
 * action enabled.
 */
export function replayOnImplementation<S, A>(
  model: Model<S, A>,
  pairing: TlaPairing<S>,
  trace: Pick<TlcViolation, "states" | "loopsBackTo" | "stutters">,
): Replay<S, A> {
  const { states } = trace;
  const wanted = states.map((s) => canonical(tlaRecord({ ...s.variables })));
  let current = model.initialStates().find((s) => projectedText(pairing, s) === wanted[0]);
  if (current === undefined) return { ok: false, detail: `no initial state of the implementation is TLC's state 1: ${wanted[0]}` };
  const classes = new FairnessClasses(model);
  const path: S[] = [current];
  const steps: { action: A | null; state: S }[] = [{ action: null, state: current }];
  const takenAt: Set<number>[] = [];
  const stepTo = (from: S, target: string) => {
    const matching = model.actions(from).filter((a) => projectedText(pairing, model.next(from, a)) === target);
    return {
      action: matching[0],
      next: matching.length ? model.next(from, matching[0]!) : undefined,
      taken: new Set(matching.map((a) => classes.classOf(a)).filter((c) => c >= 0)),
    };
  };
  for (let i = 1; i < wanted.length; i++) {
    const { next, taken, action } = stepTo(current, wanted[i]!);
    if (next === undefined)
      return { ok: false, detail: `step ${i + 1} (${states[i]!.action}) has no matching transition; TLC's state: ${wanted[i]}` };
    takenAt.push(taken);
    steps.push({ action: action!, state: next });
    path.push((current = next));
  }
  const replayed = `${states.length} states replayed step by step`;
  const enabled = (s: S) =>
    new Set(
      model
        .actions(s)
        .map((a) => classes.classOf(a))
        .filter((c) => c >= 0),
    );
  if (trace.stutters) {
    const owed = enabled(current);
    const stuttering = { steps, loopsBackTo: steps.length - 1 };
    return owed.size === 0
      ? { ok: true, detail: `${replayed}; the last stutters with no fair action enabled`, trace: stuttering }
      : { ok: false, detail: `${replayed}, but the last state stutters while ${owed.size} weakly fair action(s) stay enabled`, trace: stuttering };
  }
  if (trace.loopsBackTo === null) return { ok: true, detail: replayed, trace: { steps, loopsBackTo: null } };
  const back = trace.loopsBackTo;
  const closing = stepTo(current, wanted[back]!);
  if (closing.next === undefined) return { ok: false, detail: `${replayed}, but state ${states.length} has no transition back to state ${back + 1}` };
  const taken = new Set([...takenAt.slice(back), closing.taken].flatMap((t) => [...t]));
  const cycle = path.slice(back).map(enabled);
  const starved = [...cycle[0]!].filter((c) => !taken.has(c) && cycle.every((e) => e.has(c)));
  const lasso = { steps: [...steps, { action: closing.action!, state: closing.next }], loopsBackTo: back };
  return starved.length === 0
    ? { ok: true, detail: `${replayed}, back to state ${back + 1}; the cycle is weakly fair`, trace: lasso }
    : {
        ok: false,
        detail: `${replayed}, back to state ${back + 1}, but ${starved.length} weakly fair action(s) stay enabled and are never taken in the cycle`,
        trace: lasso,
      };
}
