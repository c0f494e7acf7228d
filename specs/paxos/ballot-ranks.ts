import type { InFlight } from "interleave";
import type { AcceptorState, PaxosMessage, Proposal, RetryingProposerState } from "../../src/protocols/paxos/index.ts";

/** Where the processes sit: proposers are processes 0..P−1, then the A acceptors. */
export interface BallotLayout {
  readonly proposers: number;
  readonly acceptors: number;
}

/** Every ballot in use (above 0, "none"): held by a retrying proposer or an acceptor, or carried by a message. */
export function ballotsIn(procs: readonly unknown[], messages: readonly InFlight<PaxosMessage>[], layout: BallotLayout): Set<number> {
  const used = new Set<number>();
  const note = (b: number) => b > 0 && used.add(b);
  for (const p of procs.slice(0, layout.proposers) as RetryingProposerState[]) [p.ballot, p.highest?.ballot ?? 0, p.preempted].forEach(note);
  for (const a of procs.slice(layout.proposers, layout.proposers + layout.acceptors) as AcceptorState[])
    [a.promised, a.accepted?.ballot ?? 0, ...a.votes.map((v) => v.ballot)].forEach(note);
  for (const { msg } of messages)
    [msg.ballot, msg.type === "promise" ? (msg.accepted?.ballot ?? 0) : 0, msg.type === "nack" ? msg.promised : 0].forEach(note);
  return used;
}

/**
 * The abstraction that keeps retrying proposers finite. Every guard compares ballots and a new ballot is
 * chosen by order alone, so renaming the ballots in use to their ranks 1..k (0 stays "none") gives a state
 * that behaves exactly as the original: a bisimulation. Before renaming, the acceptors' ghost votes of a
 * ballot that no acceptor can accept any more (every promise is above it) and that no majority accepted
 * are forgotten: they can never make a value chosen. Returns its arguments when they are already canonical.
 */
export function rankBallots(layout: BallotLayout) {
  return (procs: readonly unknown[], messages: readonly InFlight<PaxosMessage>[]) => {
    const pruned = pruneVotes(procs, layout);
    const used = [...ballotsIn(pruned, messages, layout)].sort((a, b) => a - b);
    if (used.every((b, i) => b === i + 1)) return { procs: pruned, messages };
    const ranks = new Map(used.map((b, i) => [b, i + 1]));
    const rank = (b: number) => (b === 0 ? 0 : ranks.get(b)!);
    const proposal = (p: Proposal | null) => p && { ballot: rank(p.ballot), value: p.value };
    const acceptors = pruned.slice(layout.proposers, layout.proposers + layout.acceptors) as AcceptorState[];
    return {
      procs: [
        ...(pruned.slice(0, layout.proposers) as RetryingProposerState[]).map((p) => ({
          ...p,
          ballot: rank(p.ballot),
          highest: proposal(p.highest),
          preempted: rank(p.preempted),
        })),
        ...acceptors.map((a) => ({ promised: rank(a.promised), accepted: proposal(a.accepted), votes: a.votes.map((v) => proposal(v)!) })),
        ...pruned.slice(layout.proposers + layout.acceptors),
      ],
      messages: messages.map((m) => ({ ...m, msg: renameMessage(m.msg, rank) })),
    };
  };
}

/** The processes with the acceptors' dead, unchosen votes forgotten; `procs` itself when there are none. */
function pruneVotes(procs: readonly unknown[], layout: BallotLayout): readonly unknown[] {
  const acceptors = procs.slice(layout.proposers, layout.proposers + layout.acceptors) as AcceptorState[];
  const majority = Math.floor(layout.acceptors / 2) + 1;
  const lowestPromise = Math.min(...acceptors.map((a) => a.promised));
  const voters = new Map<number, number>();
  for (const a of acceptors) for (const v of a.votes) voters.set(v.ballot, (voters.get(v.ballot) ?? 0) + 1);
  const live = (v: Proposal) => v.ballot >= lowestPromise || voters.get(v.ballot)! >= majority;
  if (acceptors.every((a) => a.votes.every(live))) return procs;
  return procs.map((p, id) => {
    if (id < layout.proposers || id >= layout.proposers + layout.acceptors) return p;
    const a = p as AcceptorState;
    return { ...a, votes: a.votes.filter(live) };
  });
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
