import { ballotsIn, paxosSystem, type AcceptorState, type LearnerState, type PaxosMessage } from "../../src/protocols/paxos/index.ts";
import type { InFlight } from "../../src/actor/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { always, eventually, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { defineSpec, intKey, type Config } from "../../checker/spec.ts";
import { duelingPairing, paxosPairing } from "./tla.ts";

/*
 * Single-decree Paxos ("Paxos Consensus"). Each proposer makes one attempt with its own ballot, so the
 * model is finite and some value is always chosen while a majority of acceptors lives.
 *
 * Variant dueling-proposers: proposers retry after being refused (acceptors nack), and two of them can keep
 * preempting each other forever, the notes' "not guaranteed to terminate" (FLP). Ballots are only compared,
 * so every state renames them to their ranks (src/protocols/paxos/ballot-ranks.ts): the ballots are
 * recycled and the model is finite, yet the cycle the explorer reports is a real execution with ever higher
 * ballots. A proposer retries once every acceptor has answered its attempt (no crashes in this variant), so
 * no stale message piles up; there are no learners: a proposer is done when a majority accepted its value.
 *
 * A value is chosen when a majority of acceptors accepted it in the same ballot: acceptors keep every
 * proposal they accepted as a ghost, so "chosen" is exact. An execution is final when every learner
 * learned a value, so `no-deadlock` means: every execution that stops has taught every learner a value.
 */

export interface PaxosLayout {
  readonly proposers: number;
  readonly acceptors: number;
  readonly learners: number;
}

/** The values chosen in a state: those accepted by a majority of acceptors in one ballot. */
export function chosenValues(state: SystemState, layout: PaxosLayout): number[] {
  const acceptors = state.procs.slice(layout.proposers, layout.proposers + layout.acceptors) as AcceptorState[];
  const majority = Math.floor(layout.acceptors / 2) + 1;
  const count = new Map<string, number>();
  for (const a of acceptors) for (const v of a.votes) count.set(`${v.ballot}:${v.value}`, (count.get(`${v.ballot}:${v.value}`) ?? 0) + 1);
  return [...new Set([...count].filter(([, n]) => n >= majority).map(([key]) => Number(key.split(":")[1])))].sort((a, b) => a - b);
}

const learnedValues = (state: SystemState, layout: PaxosLayout) =>
  (state.procs.slice(layout.proposers + layout.acceptors) as LearnerState[]).flatMap((l) => (l.learned === null ? [] : [l.learned]));

function build(config: Config, variant: string) {
  const layout: PaxosLayout = { proposers: Number(config.proposers), acceptors: Number(config.acceptors), learners: Number(config.learners) };
  if (Number(config.crashes) > layout.acceptors) throw new UsageError(`crashes=${config.crashes} is more than acceptors=${layout.acceptors}`);
  const retry = variant === "dueling-proposers";
  if (retry && (layout.learners > 0 || Number(config.crashes) > 0)) throw new UsageError("dueling-proposers has no learners and no crashes: set learners=0 and crashes=0");
  if (!retry && layout.learners === 0) throw new UsageError("learners=0 is for dueling-proposers only (its proposers learn from the acceptors)");
  const flaws = { acceptWithoutPromiseCheck: variant === "accept-without-promise-check" };
  const model = actorModel(paxosSystem({ ...layout, crashes: Number(config.crashes), flaws, retry }));
  const proposed = (v: number) => Number.isInteger(v) && v >= 1 && v <= layout.proposers;
  return {
    model,
    tla: retry ? duelingPairing({ model, layout }) : paxosPairing({ model, layout, crashes: Number(config.crashes), acceptWithoutPromiseCheck: flaws.acceptWithoutPromiseCheck }),
    properties: [
      always<SystemState>("agreement", (s) => chosenValues(s, layout).length <= 1),
      always<SystemState>("validity", (s) => [...chosenValues(s, layout), ...learnedValues(s, layout)].every(proposed)),
      always<SystemState>("learned-is-chosen", (s) => learnedValues(s, layout).every((v) => chosenValues(s, layout).includes(v))),
      sometimes<SystemState>("value-chosen", (s) => chosenValues(s, layout).length > 0),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
      eventually<SystemState>("eventually-chosen", (s) => chosenValues(s, layout).length > 0),
      ...(retry ? [always<SystemState>("ballots-bounded", (s) => [...ballotsIn(s.procs, s.network.map((key) => model.envelope(key) as InFlight<PaxosMessage>), layout)].every((b) => b <= 2 * (layout.proposers + layout.acceptors)))] : []),
    ],
  };
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
    "accept-without-promise-check": { summary: "an acceptor accepts a proposal below the ballot it promised", defaults: { crashes: 0 }, fails: ["agreement"] },
    "dueling-proposers": {
      summary: "proposers retry with higher ballots when refused: two can preempt each other forever (FLP)",
      defaults: { acceptors: 2, learners: 0, crashes: 0 },
      fails: ["terminates", "eventually-chosen"],
    },
  },
  build,
});
