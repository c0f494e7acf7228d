import { UsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import { isLinearizable } from "../props/linearizability.ts";
import { isLiveness, type Property } from "../props/property.ts";
import { hashInto } from "../state/hash.ts";
import type { ExploreResult, PropertyResult } from "./result.ts";

/*
 * The explorer's side of symmetry reduction (the model's side: ModelSymmetry in ../model.ts, built for actor
 * systems by ../actors/symmetry.ts).
 *
 * Like TLC under SYMMETRY, the explorer keeps exploring concrete states and only files each one under its orbit's
 * representative: a state is new when no member of its orbit was met before, and it is then explored as it was
 * reached. So the parent links and action indexes of the visited set replay, from the initial state, exactly the
 * concrete states that were explored: a counterexample is a real execution, step by step, never a jump between
 * renamed states (./replay.ts needs nothing more). Counts are those of the orbits: distinct states = orbits
 * reached, depth = BFS levels of the orbits (a state and its renamings are equally far from the symmetric initial
 * states), generated = the successors computed, as TLC counts them.
 *
 * Soundness. Safety verdicts are preserved when the model and every property are symmetric: a renaming of a
 * violating state violates too. Liveness is not decided: its fairness classes name concrete messages and the edges
 * of the reduced graph join orbits, not states, so a fair cycle of orbits need not be a fair execution (TLC warns
 * the same). A run with --symmetry leaves the liveness properties unchecked, saying so (verdict ?, exit 3), rather
 * than deciding them wrongly or refusing specs that also have safety properties to check. That the declared
 * symmetry holds is checked on a sample of the states met (the first few hundred, then one in 512): for each
 * generator of the group, renaming then stepping must give the same successors as stepping then renaming, and every
 * safety property and the final-state test must give the same verdict on the state and its renaming. A failure is
 * a UsageError naming the generator and the step.
 */

/** Checked with the self-check: the first `sampledFirst` distinct states, then one in `sampledEvery`. */
const sampledFirst = 256;
const sampledEvery = 512;

/** What the explorer uses of a model's symmetry. */
export interface SymmetryInUse<S> {
  /** The state filed under, whose fingerprint stands for the orbit. */
  canonical(state: S): S;
  /** Whether the state with this id (discovery order) is checked. */
  sampled(id: number): boolean;
  /** The self-check on one state; a UsageError when the declared symmetry does not hold there. */
  check(state: S): void;
}

/** The note on a liveness property a run under symmetry leaves unchecked. */
export const uncheckedUnderSymmetry = "not checked: symmetry does not preserve liveness; check it without --symmetry";

/** The model's symmetry, checked on samples against the properties; a UsageError when the model declares none or a property is liveness. */
export function symmetryOf<S, A>(model: Model<S, A>, properties: readonly Property<S>[]): SymmetryInUse<S> {
  const symmetry = model.symmetry;
  if (!symmetry) throw new UsageError("--symmetry: this model declares no interchangeable processes (actorModel(roles, { symmetry: { roles } }))");
  const liveness = properties.filter(isLiveness).map((p) => p.name);
  if (liveness.length > 0)
    throw new UsageError(`symmetry does not preserve liveness: ${liveness.join(", ")} cannot be checked under symmetry; check them without it`);
  const tests = properties.flatMap((p): { name: string; holds: (s: S) => boolean }[] => {
    if (p.kind === "always" || p.kind === "sometimes") return [{ name: p.name, holds: p.holds }];
    if (p.kind === "linearizable") return [{ name: p.name, holds: (s) => isLinearizable(p.history(s), p.spec) }];
    return [];
  });
  const fp = new Uint32Array(2);
  const fingerprint = (state: S) => {
    hashInto(state, fp);
    return `${fp[0]}:${fp[1]}`;
  };
  return {
    canonical: (state) => symmetry.canonical(state),
    sampled: (id) => id < sampledFirst || id % sampledEvery === 0,
    check(state) {
      const actions = model.actions(state);
      const successors = actions.map((a) => model.next(state, a));
      for (const generator of symmetry.generators) {
        const renamed = generator.rename(state);
        const refuse = (what: string) => {
          throw new UsageError(`--symmetry: the declared symmetry does not hold under ${generator.name}: ${what}`);
        };
        for (const test of tests)
          if (test.holds(state) !== test.holds(renamed))
            refuse(`property ${test.name} is not symmetric (it holds in a state and not in its renaming, or the other way round)`);
        if (model.isFinal(state) !== model.isFinal(renamed)) refuse("a state is final and its renaming is not, or the other way round");
        if (fingerprint(symmetry.canonical(state)) !== fingerprint(symmetry.canonical(renamed)))
          refuse("a state and its renaming get different representatives");
        const theirs = model.actions(renamed).map((b) => fingerprint(model.next(renamed, b)));
        const left = new Map<string, number>();
        for (const f of theirs) left.set(f, (left.get(f) ?? 0) + 1);
        successors.forEach((next, k) => {
          const f = fingerprint(generator.rename(next));
          const n = left.get(f) ?? 0;
          if (n === 0)
            refuse(
              `after "${model.describe(actions[k]!)}", renaming the state reached is not a successor of the renamed state ` +
                "(a rename misses an id held in a process state or message, or the processes are not interchangeable)",
            );
          left.set(f, n - 1);
        });
        if (theirs.length !== successors.length) refuse(`a state has ${successors.length} successors and its renaming ${theirs.length}`);
      }
    },
  };
}

/** The properties a run under symmetry decides: all but liveness. */
export const safetyOnly = <S>(properties: readonly Property<S>[]): Property<S>[] => properties.filter((p) => !isLiveness(p));

/**
 * The result of a run that decided safety only (under symmetry, or on a bounded model) with every property in its
 * declared place, the liveness ones unchecked (verdict null, with `note`).
 */
export function withLivenessUnchecked<S, A>(
  result: ExploreResult<S, A>,
  properties: readonly Property<S>[],
  note = uncheckedUnderSymmetry,
): ExploreResult<S, A> {
  const decided = new Map(result.properties.map((p) => [p.name, p]));
  const ordered = properties.map((p): PropertyResult<S, A> => decided.get(p.name) ?? { name: p.name, kind: p.kind, holds: null, note });
  return { ...result, properties: [...ordered, ...result.properties.filter((p) => !properties.some((q) => q.name === p.name))] };
}
