import type { AcceptorFlaws, AcceptorState, LearnerState, ProposerState, RetryingProposerState } from "../../src/protocols/paxos/index.ts";
import type { paxosRoles, retryingPaxosRoles } from "../../src/protocols/paxos/index.ts";
import {
  plainToTla,
  tlaBag,
  tlaRecord,
  tlaRecordWithSets,
  tlaRole,
  tlaSeq,
  tlaSet,
  type ActorModel,
  type SystemState,
  type TlaPairing,
} from "interleave";

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
    // Under symmetry (--symmetry) the acceptors become model values that TLC's SYMMETRY permutes.
    symmetric: { Acceptors: ids.acceptors.map((id) => model.names[id]!) },
    toTla(state) {
      const roles = model.roles(state);
      const proposer = (s: ProposerState) => tlaRecordWithSets(s, ["promises"]);
      const learner = (s: LearnerState) => tlaRecord({ heard: tlaSet(s.heard.map((pair) => tlaSeq([...pair]))), learned: plainToTla(s.learned) });
      return {
        prop: tlaRole(ids.proposers, roles.proposers, proposer),
        acc: acceptorsToTla(ids.acceptors, roles.acceptors),
        lrn: tlaRole(ids.learners, roles.learners, learner),
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
    symmetric: { Acceptors: ids.acceptors.map((id) => model.names[id]!) },
    toTla(state) {
      const roles = model.roles(state);
      const proposer = (s: RetryingProposerState) => tlaRecordWithSets(s, ["promises", "acks"]);
      return {
        prop: tlaRole(ids.proposers, roles.proposers, proposer),
        acc: acceptorsToTla(ids.acceptors, roles.acceptors),
        net: tlaBag(model, state.network),
      };
    },
  };
}

function acceptorsToTla(ids: readonly number[], acceptors: readonly AcceptorState[]) {
  return tlaRole(ids, acceptors, (s) => tlaRecordWithSets(s, ["votes"]));
}
