import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { tlaBag } from "../../checker/actors/tla.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaRecord, tlaSet, type TlaRecord } from "../../checker/tlc/value.ts";
import type { CoordinatorState } from "../../src/protocols/two-phase-commit/index.ts";

/** The pairing of one configuration with TwoPhaseCommit.tla: constants, property twins and the state projection. */
export function twoPhaseCommitPairing(options: { model: ActorModel; rms: number; crashes: number; commitWithoutAllVotes: boolean }): TlaPairing<SystemState> {
  const rms = Array.from({ length: options.rms }, (_, i) => i + 1);
  return {
    constants: { D: String(options.rms), MaxCrashes: String(options.crashes), Nil: "Nil", CommitWithoutAllVotes: options.commitWithoutAllVotes ? "TRUE" : "FALSE" },
    twins: {
      atomicity: { invariant: "Atomicity" },
      "commit-needs-all-yes": { invariant: "CommitNeedsAllYes" },
      "messages-4d": { invariant: "Messages4D" },
      "forced-writes-2-plus-2d": { invariant: "ForcedWrites2Plus2D" },
      commits: { violatedInvariant: "NeverCommits" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
      "prepared-decides": { property: "PreparedDecides" },
    },
    toTla(state) {
      const tm = state.procs[0] as CoordinatorState;
      return {
        tm: tlaRecord({ ...(plainToTla(tm) as TlaRecord).fields, yes: tlaSet(tm.yes), acks: tlaSet(tm.acks) }),
        rm: tlaFunction(rms.map((r) => [r, plainToTla(state.procs[r])])),
        net: tlaBag(options.model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}
