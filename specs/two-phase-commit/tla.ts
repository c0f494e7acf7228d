import type { CoordinatorFlaws, twoPhaseCommitRoles } from "../../src/protocols/two-phase-commit/index.ts";
import { plainToTla, tlaBag, tlaFunction, tlaRecord, tlaSet, type ActorModel, type SystemState, type TlaPairing, type TlaValue } from "interleave";

type TlaRecord = Extract<TlaValue, { kind: "record" }>;

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
    toTla(state) {
      const {
        coordinator: [tm],
        rms: rmStates,
      } = model.roles(state);
      return {
        tm: tlaRecord({ ...(plainToTla(tm!) as TlaRecord).fields, yes: tlaSet(tm!.yes), acks: tlaSet(tm!.acks) }),
        rm: tlaFunction(rmStates.map((r, i) => [rms[i]!, plainToTla(r)])),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}
