import type { ActorSystem } from "../../actor/index.ts";
import { acceptor, type AcceptorFlaws } from "./acceptor.ts";
import { learner } from "./learner.ts";
import type { PaxosMessage } from "./messages.ts";
import { proposer } from "./proposer.ts";
import { rankBallots } from "./ballot-ranks.ts";
import { retryingProposer } from "./retrying-proposer.ts";

export type { AcceptorFlaws, AcceptorState } from "./acceptor.ts";
export type { LearnerState } from "./learner.ts";
export type { PaxosMessage, Proposal } from "./messages.ts";
export type { ProposerState } from "./proposer.ts";
export type { RetryingProposerState } from "./retrying-proposer.ts";
export { ballotsIn, rankBallots, type BallotLayout } from "./ballot-ranks.ts";
export { retryingProposer } from "./retrying-proposer.ts";
export { acceptor } from "./acceptor.ts";
export { learner } from "./learner.ts";
export { proposer } from "./proposer.ts";

export interface PaxosOptions {
  readonly proposers: number;
  readonly acceptors: number;
  readonly learners: number;
  /** How many acceptors may crash. */
  readonly crashes: number;
  readonly flaws?: AcceptorFlaws;
  /**
   * Proposers retry with a higher ballot until they succeed (acceptors then answer every request), and the
   * ballots in every state are renamed to their ranks (see ./ballot-ranks.ts). Assumes no crash.
   */
  readonly retry?: boolean;
}

/**
 * Proposers p1..pP (ids 0..P−1; pi proposes value i with ballot i), acceptors a1..aA, then learners
 * l1..lL, on an unordered network. Only acceptors crash. With `retry`, proposers retry until they succeed.
 */
export function paxosSystem(options: PaxosOptions): ActorSystem<PaxosMessage> {
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const acceptors = range(options.proposers, options.acceptors);
  const learners = range(options.proposers + options.acceptors, options.learners);
  const retry = options.retry ?? false;
  const proposerOf = retry ? retryingProposer : proposer;
  return {
    actors: [
      ...range(0, options.proposers).map((i) => proposerOf({ name: `p${i + 1}`, ballot: i + 1, value: i + 1, acceptors })),
      ...acceptors.map((_, i) => acceptor({ name: `a${i + 1}`, learners, flaws: options.flaws ?? {}, answersAll: retry })),
      ...learners.map((_, i) => learner({ name: `l${i + 1}`, acceptors: options.acceptors })),
    ],
    network: "unordered",
    crashes: options.crashes,
    crashable: acceptors,
    ...(retry && { canonicalize: rankBallots(options) }),
  };
}
