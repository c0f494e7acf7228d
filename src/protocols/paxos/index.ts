import type { Actor, Id } from "../../actor/index.ts";
import { acceptor, type AcceptorFlaws } from "./acceptor.ts";
import { learner } from "./learner.ts";
import type { PaxosMessage } from "./messages.ts";
import { proposer } from "./proposer.ts";
import { retryingProposer } from "./retrying-proposer.ts";

export type { AcceptorFlaws, AcceptorState } from "./acceptor.ts";
export type { LearnerState } from "./learner.ts";
export type { PaxosMessage, Proposal } from "./messages.ts";
export type { ProposerState } from "./proposer.ts";
export type { RetryingProposerState } from "./retrying-proposer.ts";
export { retryingProposer } from "./retrying-proposer.ts";
export { acceptor } from "./acceptor.ts";
export { learner } from "./learner.ts";
export { proposer } from "./proposer.ts";

export interface PaxosOptions {
  readonly proposers: number;
  readonly acceptors: number;
  readonly learners: number;
  readonly flaws?: AcceptorFlaws;
}

/**
 * Single-decree Paxos by role, one attempt per proposer: proposers p1..pP (ids 0..P−1; pi proposes value i
 * with ballot i), acceptors a1..aA, then learners l1..lL.
 */
export function paxosRoles(options: PaxosOptions) {
  return rolesOf(proposer, options, false);
}

/**
 * Paxos whose proposers retry with a higher ballot until they succeed (acceptors then answer every request),
 * laid out as `paxosRoles`. Ballots grow without bound; proposers assume acceptors do not crash.
 */
export function retryingPaxosRoles(options: PaxosOptions) {
  return rolesOf(retryingProposer, options, true);
}

type ProposerOf<S> = (options: { name: string; ballot: number; value: number; acceptors: readonly Id[] }) => Actor<S, PaxosMessage>;

function rolesOf<S>(proposerOf: ProposerOf<S>, options: PaxosOptions, answersAll: boolean) {
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const acceptors = range(options.proposers, options.acceptors);
  const learners = range(options.proposers + options.acceptors, options.learners);
  return {
    proposers: range(0, options.proposers).map((i) => proposerOf({ name: `p${i + 1}`, ballot: i + 1, value: i + 1, acceptors })),
    acceptors: acceptors.map((_, i) => acceptor({ name: `a${i + 1}`, learners, flaws: options.flaws ?? {}, answersAll })),
    learners: learners.map((_, i) => learner({ name: `l${i + 1}`, acceptors: options.acceptors })),
  };
}
