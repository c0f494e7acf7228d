import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { tlaBag } from "../../checker/actors/tla.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaRecord, tlaSet, tlaSeq, type TlaRecord } from "../../checker/tlc/value.ts";
import type { AcceptorState, LearnerState, ProposerState, RetryingProposerState } from "../../src/protocols/paxos/index.ts";
import type { PaxosLayout } from "./model.ts";

/** The pairing of one configuration with Paxos.tla: constants, property twins and the state projection. */
export function paxosPairing(options: { model: ActorModel; layout: PaxosLayout; crashes: number; acceptWithoutPromiseCheck: boolean }): TlaPairing<SystemState> {
  const { proposers, acceptors, learners } = options.layout;
  return {
    constants: {
      NProposers: String(proposers),
      NAcceptors: String(acceptors),
      NLearners: String(learners),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      AcceptWithoutPromiseCheck: options.acceptWithoutPromiseCheck ? "TRUE" : "FALSE",
    },
    twins: {
      agreement: { invariant: "Agreement" },
      validity: { invariant: "Validity" },
      "learned-is-chosen": { invariant: "LearnedIsChosen" },
      "value-chosen": { violatedInvariant: "NothingChosen" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
      "eventually-chosen": { property: "EventuallyChosen" },
    },
    toTla(state) {
      const proposer = (s: ProposerState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, promises: tlaSet(s.promises) });
      const learner = (s: LearnerState) => tlaRecord({ heard: tlaSet(s.heard.map((pair) => tlaSeq([...pair]))), learned: plainToTla(s.learned) });
      return {
        prop: tlaFunction(range(0, proposers).map((p) => [p, proposer(state.procs[p] as ProposerState)])),
        acc: acceptorsToTla(state, proposers, acceptors),
        lrn: tlaFunction(range(proposers + acceptors, learners).map((l) => [l, learner(state.procs[l] as LearnerState)])),
        net: tlaBag(options.model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

function acceptorsToTla(state: SystemState, proposers: number, acceptors: number) {
  const acceptor = (s: AcceptorState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, votes: tlaSet(s.votes.map(plainToTla)) });
  return tlaFunction(range(proposers, acceptors).map((a) => [a, acceptor(state.procs[a] as AcceptorState)]));
}

/** The pairing of a dueling-proposers configuration with PaxosDueling.tla (retrying proposers, ballots as ranks). */
export function duelingPairing(options: { model: ActorModel; layout: PaxosLayout }): TlaPairing<SystemState> {
  const { proposers, acceptors } = options.layout;
  return {
    module: "PaxosDueling",
    constants: { NProposers: String(proposers), NAcceptors: String(acceptors), Nil: "Nil" },
    twins: {
      agreement: { invariant: "Agreement" },
      validity: { invariant: "Validity" },
      "value-chosen": { violatedInvariant: "NothingChosen" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
      "eventually-chosen": { property: "EventuallyChosen" },
      "ballots-bounded": { invariant: "BallotsBounded" },
    },
    toTla(state) {
      const proposer = (s: RetryingProposerState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, promises: tlaSet(s.promises), acks: tlaSet(s.acks) });
      return {
        prop: tlaFunction(range(0, proposers).map((p) => [p, proposer(state.procs[p] as RetryingProposerState)])),
        acc: acceptorsToTla(state, proposers, acceptors),
        net: tlaBag(options.model, state.network),
      };
    },
  };
}
