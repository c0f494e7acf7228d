import { twoPhaseCommitRoles } from "../../src/protocols/two-phase-commit/index.ts";
import { actorModel, always, defineSpec, intKey, leadsTo, noDeadlock, sometimes, terminates, type RoleStates, type SystemState } from "interleave";
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

type Roles = ReturnType<typeof twoPhaseCommitRoles>;
type Procs = RoleStates<Roles>;

const committedAndEnded = ({ coordinator: [tm] }: Procs) => tm!.phase === "ended" && tm!.decision === "commit";
const total = (procs: Procs, key: "sent" | "forced") => [...procs.coordinator, ...procs.rms].reduce((sum, p) => sum + p[key], 0);
const atomic = ({ rms }: Procs) => !(rms.some((r) => r.phase === "committed") && rms.some((r) => r.phase === "aborted"));
const commitNeedsAllYes = ({ rms }: Procs) => !rms.some((r) => r.phase === "committed") || rms.every((r) => r.vote === "yes");
const somePrepared = ({ rms }: Procs) => rms.some((r) => r.phase === "prepared");

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
    "commit-without-all-votes": {
      summary: "the coordinator commits on the first yes vote",
      fails: ["atomicity", "commit-needs-all-yes", "no-deadlock", "prepared-decides"],
    },
    "coordinator-crash": {
      summary: "the protocol with a coordinator that may crash: prepared participants block forever",
      defaults: { crashes: 1 },
      fails: ["no-deadlock", "prepared-decides"],
    },
  },
  build(config, variant) {
    const d = config.rms;
    const flaws = { commitWithoutAllVotes: variant === "commit-without-all-votes" };
    // The resource managers are interchangeable (--symmetry); the coordinator names them in its yes votes and acks.
    const sorted = (ids: readonly number[]) => [...ids].sort((x, y) => x - y);
    const model = actorModel(twoPhaseCommitRoles({ rms: d, flaws }), {
      crashes: config.crashes,
      crashable: ["coordinator"],
      symmetry: { roles: ["rms"], rename: { coordinator: (tm, id) => ({ ...tm, yes: sorted(tm.yes.map(id)), acks: sorted(tm.acks.map(id)) }) } },
      idFields: { states: { coordinator: ["yes", "acks"] } },
    });
    const at = (holds: (procs: Procs) => boolean) => (s: SystemState) => holds(model.roles(s));
    return {
      model,
      tla: twoPhaseCommitPairing({ model, crashes: config.crashes, flaws }),
      properties: [
        always("atomicity", at(atomic), { tla: "Atomicity" }),
        always("commit-needs-all-yes", at(commitNeedsAllYes), { tla: "CommitNeedsAllYes" }),
        always(
          "messages-4d",
          at((p) => !committedAndEnded(p) || total(p, "sent") === 4 * d),
          { tla: "Messages4D" },
        ),
        always(
          "forced-writes-2-plus-2d",
          at((p) => !committedAndEnded(p) || total(p, "forced") === 2 + 2 * d),
          { tla: "ForcedWrites2Plus2D" },
        ),
        sometimes("commits", at(committedAndEnded), { tla: "NeverCommits" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
        leadsTo(
          "prepared-decides",
          at(somePrepared),
          at((p) => !somePrepared(p)),
          { tla: "PreparedDecides" },
        ),
      ],
    };
  },
});
