import type { CoordinatorFlaws, twoPhaseCommitRoles } from "../../src/protocols/two-phase-commit/index.ts";
import { tlaBag, tlaRecordWithSets, tlaRole, tlaSet, type ActorModel, type SystemState, type TlaPairing } from "interleave";

/** The pairing of one configuration with TwoPhaseCommit.tla: constants and the state projection. */
export function twoPhaseCommitPairing(options: {
  model: ActorModel<ReturnType<typeof twoPhaseCommitRoles>>;
  crashes: number;
  flaws: CoordinatorFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const rms = model.ids.rms;
  return {
    constants: {
      D: String(rms.length),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      CommitWithoutAllVotes: options.flaws.commitWithoutAllVotes ? "TRUE" : "FALSE",
    },
    // Under symmetry (--symmetry) the resource managers 1..D become model values that TLC's SYMMETRY permutes.
    symmetric: { RMs: rms.map((id) => model.names[id]!) },
    toTla(state) {
      const {
        coordinator: [tm],
        rms: rmStates,
      } = model.roles(state);
      return {
        tm: tlaRecordWithSets(tm!, ["yes", "acks"]),
        rm: tlaRole(rms, rmStates),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}
