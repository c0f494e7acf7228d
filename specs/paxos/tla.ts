import type { AcceptorFlaws, AcceptorState, LearnerState, ProposerState, RetryingProposerState } from "../../src/protocols/paxos/index.ts";
import type { paxosRoles, retryingPaxosRoles } from "../../src/protocols/paxos/index.ts";
import {
  plainToTla,
  tlaBag,
  tlaFunction,
  tlaRecord,
  tlaSeq,
  tlaSet,
  type ActorModel,
  type SystemState,
  type TlaPairing,
  type TlaValue,
} from "interleave";

type TlaRecord = Extract<TlaValue, { kind: "record" }>;

/** The pairing of one configuration with Paxos.tla: constants and the state projection. */
export function paxosPairing(options: {
  model: ActorModel<ReturnType<typeof paxosRoles>>;
  crashes: number;
  flaws: AcceptorFlaws;
}): TlaPairing<SystemState> {
  const { model } = options;
  const { ids } = model;
  return {
    constants: {
      NProposers: String(ids.proposers.length),
      NAcceptors: String(ids.acceptors.length),
      NLearners: String(ids.learners.length),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      AcceptWithoutPromiseCheck: options.flaws.acceptWithoutPromiseCheck ? "TRUE" : "FALSE",
    },
    toTla(state) {
      const roles = model.roles(state);
      const proposer = (s: ProposerState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, promises: tlaSet(s.promises) });
      const learner = (s: LearnerState) => tlaRecord({ heard: tlaSet(s.heard.map((pair) => tlaSeq([...pair]))), learned: plainToTla(s.learned) });
      return {
        prop: byId(ids.proposers, roles.proposers.map(proposer)),
        acc: acceptorsToTla(ids.acceptors, roles.acceptors),
        lrn: byId(ids.learners, roles.learners.map(learner)),
        net: tlaBag(model, state.network),
        crashed: tlaSet(state.crashed),
      };
    },
  };
}

/** The pairing of a dueling-proposers configuration with PaxosDueling.tla (retrying proposers, ballots as ranks). */
export function duelingPairing(options: { model: ActorModel<ReturnType<typeof retryingPaxosRoles>> }): TlaPairing<SystemState> {
  const { model } = options;
  const { ids } = model;
  return {
    module: "PaxosDueling",
    constants: { NProposers: String(ids.proposers.length), NAcceptors: String(ids.acceptors.length), Nil: "Nil" },
    toTla(state) {
      const roles = model.roles(state);
      const proposer = (s: RetryingProposerState) =>
        tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, promises: tlaSet(s.promises), acks: tlaSet(s.acks) });
      return {
        prop: byId(ids.proposers, roles.proposers.map(proposer)),
        acc: acceptorsToTla(ids.acceptors, roles.acceptors),
        net: tlaBag(model, state.network),
      };
    },
  };
}

/** A TLA+ function from each process id to its value. */
const byId = (ids: readonly number[], values: readonly TlaValue[]) => tlaFunction(ids.map((id, i) => [id, values[i]!]));

function acceptorsToTla(ids: readonly number[], acceptors: readonly AcceptorState[]) {
  const acceptor = (s: AcceptorState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, votes: tlaSet(s.votes.map(plainToTla)) });
  return byId(ids, acceptors.map(acceptor));
}
