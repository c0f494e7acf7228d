import { paxosRoles, retryingPaxosRoles, type AcceptorState, type LearnerState, type PaxosMessage } from "../../src/protocols/paxos/index.ts";
import {
  actorModel,
  always,
  ConfigError,
  defineSpec,
  eventually,
  intKey,
  noDeadlock,
  sometimes,
  terminates,
  type InFlight,
  type SystemState,
} from "interleave";
import { ballotsIn, rankBallots } from "./ballot-ranks.ts";
import { duelingPairing, paxosPairing } from "./tla.ts";

/*
 * Single-decree Paxos ("Paxos Consensus"). Each proposer makes one attempt with its own ballot, so the
 * model is finite and some value is always chosen while a majority of acceptors lives.
 *
 * Variant dueling-proposers: proposers retry after being refused (acceptors nack), and two of them can keep
 * preempting each other forever, the notes' "not guaranteed to terminate" (FLP). Ballots are only compared,
 * so every state renames them to their ranks (./ballot-ranks.ts, passed to actorModel as its canonicalize): the
 * ballots are recycled and the model is finite, yet the cycle the explorer reports is a real execution with ever
 * higher ballots. A proposer retries once every acceptor has answered its attempt (no crashes in this variant),
 * so no stale message piles up; there are no learners: a proposer is done when a majority accepted its value.
 *
 * A value is chosen when a majority of acceptors accepted it in the same ballot: acceptors keep every
 * proposal they accepted as a ghost, so "chosen" is exact. An execution is final when every learner
 * learned a value, so `no-deadlock` means: every execution that stops has taught every learner a value.
 */

/** The process states the properties read: the acceptors' and the learners'. */
export interface PaxosProcs {
  readonly acceptors: readonly AcceptorState[];
  readonly learners: readonly LearnerState[];
}

/** The values chosen in a state: those accepted by a majority of acceptors in one ballot. */
export function chosenValues({ acceptors }: Pick<PaxosProcs, "acceptors">): number[] {
  const majority = Math.floor(acceptors.length / 2) + 1;
  const count = new Map<string, number>();
  for (const a of acceptors) for (const v of a.votes) count.set(`${v.ballot}:${v.value}`, (count.get(`${v.ballot}:${v.value}`) ?? 0) + 1);
  return [...new Set([...count].filter(([, n]) => n >= majority).map(([key]) => Number(key.split(":")[1])))].sort((a, b) => a - b);
}

/** Ids in ascending order, as the processes keep them. */
const sortedIds = (ids: readonly number[]) => [...ids].sort((a, b) => a - b);

const learnedValues = ({ learners }: PaxosProcs) => learners.flatMap((l) => (l.learned === null ? [] : [l.learned]));

/** The properties of every variant; `learnedTwin`: whether the module states LearnedIsChosen (PaxosDueling.tla does not). */
function paxosProperties(procsOf: (s: SystemState) => PaxosProcs, proposers: number, learnedTwin: boolean) {
  const proposed = (v: number) => Number.isInteger(v) && v >= 1 && v <= proposers;
  const at = (holds: (procs: PaxosProcs) => boolean) => (s: SystemState) => holds(procsOf(s));
  return [
    always(
      "agreement",
      at((p) => chosenValues(p).length <= 1),
      { tla: "Agreement" },
    ),
    always(
      "validity",
      at((p) => [...chosenValues(p), ...learnedValues(p)].every(proposed)),
      { tla: "Validity" },
    ),
    always(
      "learned-is-chosen",
      at((p) => learnedValues(p).every((v) => chosenValues(p).includes(v))),
      learnedTwin ? { tla: "LearnedIsChosen" } : {},
    ),
    sometimes(
      "value-chosen",
      at((p) => chosenValues(p).length > 0),
      { tla: "NothingChosen" },
    ),
    noDeadlock<SystemState>({ tla: "NoDeadlock" }),
    terminates<SystemState>({ tla: "Terminates" }),
    eventually(
      "eventually-chosen",
      at((p) => chosenValues(p).length > 0),
      { tla: "EventuallyChosen" },
    ),
  ];
}

export default defineSpec({
  name: "paxos",
  summary: "single-decree Paxos: proposers, acceptors and learners; at most one value is chosen",
  tlaModule: "Paxos",
  keys: {
    proposers: intKey({ doc: "proposers (proposer i proposes value i with ballot i)", default: 2, min: 1, max: 4 }),
    acceptors: intKey({ doc: "acceptors", default: 3, min: 1, max: 5 }),
    learners: intKey({ doc: "learners (0 only for dueling-proposers)", default: 1, min: 0, max: 3 }),
    crashes: intKey({ doc: "acceptors that may crash (crash-stop)", default: 1, min: 0, max: 5 }),
  },
  variants: {
    main: { summary: "single-decree Paxos, one attempt per proposer" },
    "accept-without-promise-check": {
      summary: "an acceptor accepts a proposal below the ballot it promised",
      defaults: { crashes: 0 },
      fails: ["agreement"],
    },
    "dueling-proposers": {
      summary: "proposers retry with higher ballots when refused: two can preempt each other forever (FLP)",
      defaults: { acceptors: 2, learners: 0, crashes: 0 },
      fails: ["terminates", "eventually-chosen"],
    },
  },
  build(config, variant) {
    const layout = { proposers: config.proposers, acceptors: config.acceptors, learners: config.learners };
    if (config.crashes > layout.acceptors) throw new ConfigError("paxos", "crashes", String(config.crashes), `at most acceptors=${layout.acceptors}`);
    if (variant === "dueling-proposers") {
      if (layout.learners > 0 || config.crashes > 0) {
        const key = layout.learners > 0 ? "learners" : "crashes";
        const message = "dueling-proposers has no learners and no crashes: set learners=0 and crashes=0";
        throw new ConfigError("paxos", key, String(config[key]), "0 in dueling-proposers", message);
      }
      const model = actorModel(retryingPaxosRoles(layout), {
        canonicalize: rankBallots(layout),
        symmetry: {
          roles: ["acceptors"],
          rename: { proposers: (p, id) => ({ ...p, promises: sortedIds(p.promises.map(id)), acks: sortedIds(p.acks.map(id)) }) },
        },
        idFields: { states: { proposers: ["promises", "acks"] } },
      });
      const inFlight = (s: SystemState) => s.network.map((key) => model.envelope(key) as InFlight<PaxosMessage>);
      const bound = 2 * (layout.proposers + layout.acceptors);
      return {
        model,
        tla: duelingPairing({ model }),
        properties: [
          ...paxosProperties((s) => model.roles(s), layout.proposers, false),
          always("ballots-bounded", (s: SystemState) => [...ballotsIn(s.procs, inFlight(s), layout)].every((b) => b <= bound), {
            tla: "BallotsBounded",
          }),
        ],
      };
    }
    if (layout.learners === 0) {
      const message = "learners=0 is for dueling-proposers only (its proposers learn from the acceptors)";
      throw new ConfigError("paxos", "learners", "0", "at least 1 outside dueling-proposers", message);
    }
    const flaws = { acceptWithoutPromiseCheck: variant === "accept-without-promise-check" };
    const model = actorModel(paxosRoles({ ...layout, flaws }), {
      crashes: config.crashes,
      crashable: ["acceptors"],
      symmetry: {
        roles: ["acceptors"],
        rename: {
          proposers: (p, id) => ({ ...p, promises: sortedIds(p.promises.map(id)) }),
          learners: (l, id) => ({ ...l, heard: l.heard.map(([ballot, a]) => [ballot, id(a)] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]) }),
        },
      },
      idFields: { states: { proposers: ["promises"], learners: ["heard.*.1"] } },
    });
    return {
      model,
      tla: paxosPairing({ model, crashes: config.crashes, flaws }),
      properties: paxosProperties((s) => model.roles(s), layout.proposers, true),
    };
  },
});
