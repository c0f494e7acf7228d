import type { Model } from "../../checker/model.ts";
import { encode } from "../../checker/state/encode.ts";

/*
 * Lamport's two-phase commit (TwoPhase.tla), the model of Stateright's examples/2pc.rs, as a plain Model: a
 * transaction manager, `rms` resource managers and a set of messages never consumed. Its TLA+ twin is
 * fixtures/TwoPhase.tla. The resource managers are interchangeable: `symmetry` renames them, its representative
 * being the renaming with the least canonical encoding (every permutation is tried).
 */

export type RmState = "working" | "prepared" | "committed" | "aborted";

export interface TwoPhaseState {
  readonly rmState: readonly RmState[];
  readonly tmState: "init" | "committed" | "aborted";
  /** Resource managers the transaction manager heard prepared, ascending. */
  readonly tmPrepared: readonly number[];
  /** The messages sent: Prepared from each of these resource managers (ascending), Commit, Abort. */
  readonly prepared: readonly number[];
  readonly commit: boolean;
  readonly abort: boolean;
}

export type TwoPhaseAction =
  | { readonly kind: "TMCommit" | "TMAbort" }
  | { readonly kind: "TMRcvPrepared" | "RMPrepare" | "RMChooseToAbort" | "RMRcvCommitMsg" | "RMRcvAbortMsg"; readonly rm: number };

const sorted = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);
const withRm = (state: TwoPhaseState, rm: number, to: RmState) => state.rmState.map((s, r) => (r === rm ? to : s));

/** The state with resource manager r renamed to `map[r]`. */
export function renameRms(state: TwoPhaseState, map: readonly number[]): TwoPhaseState {
  const rmState = new Array<RmState>(state.rmState.length);
  state.rmState.forEach((s, r) => (rmState[map[r]!] = s));
  return { ...state, rmState, tmPrepared: sorted(state.tmPrepared.map((r) => map[r]!)), prepared: sorted(state.prepared.map((r) => map[r]!)) };
}

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) => Array.from({ length: n }, (_, at) => [...p.slice(0, at), n - 1, ...p.slice(at)]));
}

/** The model with `rms` resource managers; its actions are enumerated as TwoPhase.tla's Next, one successor each. */
export function twoPhaseSys(rms: number): Model<TwoPhaseState, TwoPhaseAction> {
  const all = Array.from({ length: rms }, (_, r) => r);
  const group = permutations(rms);
  const swap = all.map((r) => (r === 0 ? 1 : r === 1 ? 0 : r));
  const rotation = all.map((r) => (r + 1) % rms);
  return {
    initialStates: () => [{ rmState: all.map(() => "working"), tmState: "init", tmPrepared: [], prepared: [], commit: false, abort: false }],
    actions(s) {
      const actions: TwoPhaseAction[] = [];
      if (s.tmState === "init" && s.tmPrepared.length === rms) actions.push({ kind: "TMCommit" });
      if (s.tmState === "init") actions.push({ kind: "TMAbort" });
      for (const rm of all) {
        if (s.tmState === "init" && s.prepared.includes(rm)) actions.push({ kind: "TMRcvPrepared", rm });
        if (s.rmState[rm] === "working") actions.push({ kind: "RMPrepare", rm }, { kind: "RMChooseToAbort", rm });
        if (s.commit) actions.push({ kind: "RMRcvCommitMsg", rm });
        if (s.abort) actions.push({ kind: "RMRcvAbortMsg", rm });
      }
      return actions;
    },
    next(s, a) {
      switch (a.kind) {
        case "TMCommit":
          return { ...s, tmState: "committed", commit: true };
        case "TMAbort":
          return { ...s, tmState: "aborted", abort: true };
        case "TMRcvPrepared":
          return { ...s, tmPrepared: s.tmPrepared.includes(a.rm) ? s.tmPrepared : sorted([...s.tmPrepared, a.rm]) };
        case "RMPrepare":
          return { ...s, rmState: withRm(s, a.rm, "prepared"), prepared: sorted([...s.prepared, a.rm]) };
        case "RMChooseToAbort":
        case "RMRcvAbortMsg":
          return { ...s, rmState: withRm(s, a.rm, "aborted") };
        case "RMRcvCommitMsg":
          return { ...s, rmState: withRm(s, a.rm, "committed") };
      }
    },
    describe: (a) => ("rm" in a ? `${a.kind}(rm${a.rm + 1})` : a.kind),
    actionData: (a) => a,
    isFinal: () => true,
    symmetry: {
      canonical(state) {
        let best = state;
        let bestKey = encode(state);
        for (const map of group) {
          const renamed = renameRms(state, map);
          const key = encode(renamed);
          if (key < bestKey) [best, bestKey] = [renamed, key];
        }
        return best;
      },
      generators: [
        ...(rms >= 2 ? [{ name: "rm1 ↔ rm2", rename: (s: TwoPhaseState) => renameRms(s, swap) }] : []),
        ...(rms >= 3 ? [{ name: "rotation", rename: (s: TwoPhaseState) => renameRms(s, rotation) }] : []),
      ],
    },
  };
}

/** TwoPhase.tla's invariant: no resource manager commits while another aborts. */
export const consistent = (s: TwoPhaseState) => !(s.rmState.includes("committed") && s.rmState.includes("aborted"));
