import type { InFlight } from "../../actor/index.ts";
import type { AcceptorState } from "./acceptor.ts";
import type { PaxosMessage, Proposal } from "./messages.ts";
import type { RetryingProposerState } from "./retrying-proposer.ts";

/**
 * The abstraction that keeps retrying proposers finite. Every guard compares ballots and a new ballot is
 * chosen by order alone, so renaming the ballots in use to their ranks 1..k (0 stays "none") gives a state
 * that behaves exactly as the original: a bisimulation. Before renaming, the acceptors' ghost votes of a
 * ballot that no acceptor can accept any more (every promise is above it) and that no majority accepted
 * are forgotten: they can never make a value chosen. Proposers are processes 0..P−1, then the acceptors.
 */
export function rankBallots(options: { proposers: number; acceptors: number }) {
  const majority = Math.floor(options.acceptors / 2) + 1;
  return (procs: readonly unknown[], messages: readonly InFlight<PaxosMessage>[]) => {
    const proposers = procs.slice(0, options.proposers) as RetryingProposerState[];
    const acceptors = (procs.slice(options.proposers, options.proposers + options.acceptors) as AcceptorState[]).map((a) => pruneVotes(a, procs, options, majority));
    const used = new Set<number>();
    const note = (b: number) => b > 0 && used.add(b);
    for (const p of proposers) [p.ballot, p.highest?.ballot ?? 0, p.preempted].forEach(note);
    for (const a of acceptors) [a.promised, a.accepted?.ballot ?? 0, ...a.votes.map((v) => v.ballot)].forEach(note);
    for (const { msg } of messages) [msg.ballot, msg.type === "promise" ? (msg.accepted?.ballot ?? 0) : 0, msg.type === "nack" ? msg.promised : 0].forEach(note);
    const ranks = new Map([...used].sort((a, b) => a - b).map((b, i) => [b, i + 1]));
    const rank = (b: number) => (b === 0 ? 0 : ranks.get(b)!);
    const proposal = (p: Proposal | null) => p && { ballot: rank(p.ballot), value: p.value };
    return {
      procs: [
        ...proposers.map((p) => ({ ...p, ballot: rank(p.ballot), highest: proposal(p.highest), preempted: rank(p.preempted) })),
        ...acceptors.map((a) => ({ promised: rank(a.promised), accepted: proposal(a.accepted), votes: a.votes.map((v) => proposal(v)!) })),
        ...procs.slice(options.proposers + options.acceptors),
      ],
      messages: messages.map((m) => ({ ...m, msg: renameMessage(m.msg, rank) })),
    };
  };
}

function pruneVotes(acceptor: AcceptorState, procs: readonly unknown[], options: { proposers: number; acceptors: number }, majority: number): AcceptorState {
  const all = procs.slice(options.proposers, options.proposers + options.acceptors) as AcceptorState[];
  const lowestPromise = Math.min(...all.map((a) => a.promised));
  const votesFor = (ballot: number) => all.filter((a) => a.votes.some((v) => v.ballot === ballot)).length;
  const votes = acceptor.votes.filter((v) => v.ballot >= lowestPromise || votesFor(v.ballot) >= majority);
  return votes.length === acceptor.votes.length ? acceptor : { ...acceptor, votes };
}

function renameMessage(msg: PaxosMessage, rank: (b: number) => number): PaxosMessage {
  switch (msg.type) {
    case "promise":
      return { ...msg, ballot: rank(msg.ballot), accepted: msg.accepted && { ballot: rank(msg.accepted.ballot), value: msg.accepted.value } };
    case "nack":
      return { ...msg, ballot: rank(msg.ballot), promised: rank(msg.promised) };
    default:
      return { ...msg, ballot: rank(msg.ballot) };
  }
}
