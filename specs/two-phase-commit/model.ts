import { twoPhaseCommitSystem, type CoordinatorState, type ResourceManagerState } from "../../src/protocols/two-phase-commit/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { always, leadsTo, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { defineSpec, intKey, type Config } from "../../checker/spec.ts";
import { twoPhaseCommitPairing } from "./tla.ts";

/*
 * Two-phase commit as in the notes ("Two Phase Commit"): a coordinator and D resource managers, with the
 * log writes explicit. The notes give the cost of a committed distributed transaction as Wt = 2 + 2D
 * forced writes and Mt = 4D messages. This model forces: the coordinator's begin record (naming the
 * participants, so a recovering coordinator knows whom to ask; presumed nothing) and its commit record;
 * each participant's prepared record and commit record. Messages: prepare, vote, decision, ack per
 * participant. Aborts are not forced (a participant without a commit record aborts on recovery). With these
 * choices both formulas hold in every committing execution; without the begin record (R*'s presumed
 * nothing) forced writes would be 1 + 2D, and the cost invariants below would catch it.
 *
 * Two-phase commit blocks: a participant that voted yes may neither commit nor abort on its own. With
 * crashes=1 (variant coordinator-crash) the coordinator may crash, and `prepared-decides` (every prepared
 * participant eventually learns the decision) fails: the trace ends with prepared participants stuttering
 * forever, as no fair step is left to take.
 */

const coordinatorOf = (s: SystemState) => s.procs[0] as CoordinatorState;
const rmsOf = (s: SystemState) => s.procs.slice(1) as ResourceManagerState[];
const total = (s: SystemState, key: "sent" | "forced") => (s.procs as (CoordinatorState | ResourceManagerState)[]).reduce((sum, p) => sum + p[key], 0);
const committedAndEnded = (s: SystemState) => coordinatorOf(s).phase === "ended" && coordinatorOf(s).decision === "commit";

function build(config: Config, variant: string) {
  const d = Number(config.rms);
  const crashes = Number(config.crashes);
  const model = actorModel(twoPhaseCommitSystem({ rms: d, crashes, flaws: { commitWithoutAllVotes: variant === "commit-without-all-votes" } }));
  const somePrepared = (s: SystemState) => rmsOf(s).some((r) => r.phase === "prepared");
  return {
    model,
    tla: twoPhaseCommitPairing({ model, rms: d, crashes, commitWithoutAllVotes: variant === "commit-without-all-votes" }),
    properties: [
      always<SystemState>("atomicity", (s) => !(rmsOf(s).some((r) => r.phase === "committed") && rmsOf(s).some((r) => r.phase === "aborted"))),
      always<SystemState>("commit-needs-all-yes", (s) => !rmsOf(s).some((r) => r.phase === "committed") || rmsOf(s).every((r) => r.vote === "yes")),
      always<SystemState>("messages-4d", (s) => !committedAndEnded(s) || total(s, "sent") === 4 * d),
      always<SystemState>("forced-writes-2-plus-2d", (s) => !committedAndEnded(s) || total(s, "forced") === 2 + 2 * d),
      sometimes<SystemState>("commits", committedAndEnded),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
      leadsTo<SystemState>("prepared-decides", somePrepared, (s) => !somePrepared(s)),
    ],
  };
}

export default defineSpec({
  name: "two-phase-commit",
  summary: "two-phase commit: a coordinator and D resource managers, forced log writes and message costs",
  tlaModule: "TwoPhaseCommit",
  keys: {
    rms: intKey({ doc: "resource managers (D)", default: 3, min: 1, max: 6 }),
    crashes: intKey({ doc: "coordinator crashes (crash-stop, never recovers)", default: 0, min: 0, max: 1 }),
  },
  variants: {
    main: { summary: "commit only when every resource manager voted yes" },
    "commit-without-all-votes": { summary: "the coordinator commits on the first yes vote", fails: ["atomicity", "commit-needs-all-yes", "no-deadlock", "prepared-decides"] },
    "coordinator-crash": {
      summary: "the protocol with a coordinator that may crash: prepared participants block forever",
      defaults: { crashes: 1 },
      fails: ["no-deadlock", "prepared-decides"],
    },
  },
  build,
});
