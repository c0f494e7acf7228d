import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import {
  acceptor,
  learner,
  proposer,
  retryingProposer,
  type PaxosMessage,
  type ProposerState,
  type RetryingProposerState,
} from "../../src/protocols/paxos/index.ts";
import { rankBallots } from "../../specs/paxos/ballot-ranks.ts";

const recorder = () => recorderOf<PaxosMessage>();

describe("Paxos proposer", () => {
  const p = proposer({ name: "p2", ballot: 2, value: 2, acceptors: [2, 3, 4] });
  const preparing = (): ProposerState => p.onLocalEvent!(p.init(), "propose", recorder().out);

  it("proposes once: prepare with its ballot to every acceptor", () => {
    const r = recorder();
    expect(p.localEvents!(p.init())).toEqual(["propose"]);
    const state = p.onLocalEvent!(p.init(), "propose", r.out);
    expect(state.phase).toBe("preparing");
    expect(r.sent).toEqual([2, 3, 4].map((a) => [a, { type: "prepare", ballot: 2 }]));
    expect(p.localEvents!(state)).toEqual([]);
  });

  it("with a majority of promises it asks to accept the value of the highest-ballot proposal reported", () => {
    const r = recorder();
    let state = p.receive(preparing(), 2, { type: "promise", ballot: 2, accepted: { ballot: 1, value: 1 } }, r.out);
    state = p.receive(state, 2, { type: "promise", ballot: 2, accepted: null }, r.out); // the same acceptor again: ignored
    expect(state.promises).toEqual([2]);
    state = p.receive(state, 4, { type: "promise", ballot: 2, accepted: null }, r.out);
    expect(state).toMatchObject({ phase: "accepting", value: 1, highest: { ballot: 1, value: 1 } });
    expect(r.sent).toEqual([2, 3, 4].map((a) => [a, { type: "accept", ballot: 2, value: 1 }]));
  });

  it("proposes its own value when no acceptor reported a proposal; promises for other ballots are ignored", () => {
    const r = recorder();
    let state = p.receive(preparing(), 2, { type: "promise", ballot: 1, accepted: null }, r.out);
    expect(state.promises).toEqual([]);
    state = p.receive(
      p.receive(state, 2, { type: "promise", ballot: 2, accepted: null }, r.out),
      3,
      { type: "promise", ballot: 2, accepted: null },
      r.out,
    );
    expect(state.value).toBe(2);
  });
});

describe("Paxos acceptor", () => {
  const a = acceptor({ name: "a1", learners: [5] });

  it("promises a higher ballot, reporting its last accepted proposal; ignores a lower or equal one", () => {
    const r = recorder();
    const state = { promised: 1, accepted: { ballot: 1, value: 1 }, votes: [{ ballot: 1, value: 1 }] };
    expect(a.receive(state, 0, { type: "prepare", ballot: 2 }, r.out)).toMatchObject({ promised: 2 });
    expect(a.receive(state, 0, { type: "prepare", ballot: 1 }, r.out)).toBe(state);
    expect(r.sent).toEqual([[0, { type: "promise", ballot: 2, accepted: { ballot: 1, value: 1 } }]]);
  });

  it("accepts at or above its promise, tells the learners and keeps the vote; refuses below", () => {
    const r = recorder();
    const state = { promised: 2, accepted: null, votes: [] };
    expect(a.receive(state, 0, { type: "accept", ballot: 1, value: 1 }, r.out)).toBe(state);
    expect(a.receive(state, 1, { type: "accept", ballot: 2, value: 2 }, r.out)).toEqual({
      promised: 2,
      accepted: { ballot: 2, value: 2 },
      votes: [{ ballot: 2, value: 2 }],
    });
    expect(r.sent).toEqual([[5, { type: "accepted", ballot: 2, value: 2 }]]);
  });

  it("with the accept-without-promise-check flaw it accepts below its promise", () => {
    const flawed = acceptor({ name: "a1", learners: [5], flaws: { acceptWithoutPromiseCheck: true } });
    expect(flawed.receive({ promised: 2, accepted: null, votes: [] }, 0, { type: "accept", ballot: 1, value: 1 }, recorder().out)).toMatchObject({
      promised: 2,
      accepted: { ballot: 1, value: 1 },
    });
  });
});

describe("Paxos learner", () => {
  const l = learner({ name: "l1", acceptors: 3 });

  it("learns once a majority accepted in the same ballot, counting each acceptor once", () => {
    const r = recorder();
    let state = l.receive(l.init(), 2, { type: "accepted", ballot: 1, value: 1 }, r.out);
    state = l.receive(state, 2, { type: "accepted", ballot: 1, value: 1 }, r.out);
    state = l.receive(state, 3, { type: "accepted", ballot: 2, value: 2 }, r.out);
    expect(state.learned).toBeNull();
    expect(l.done!(state)).toBe(false);
    state = l.receive(state, 4, { type: "accepted", ballot: 2, value: 2 }, r.out);
    expect(state.learned).toBe(2);
    expect(l.done!(state)).toBe(true);
    expect(l.receive(state, 2, { type: "accepted", ballot: 2, value: 2 }, r.out)).toBe(state);
  });
});

describe("Paxos retrying proposer (dueling-proposers)", () => {
  const p = retryingProposer({ name: "p1", ballot: 1, value: 1, acceptors: [2, 3] });
  const preparing = (): RetryingProposerState => p.onLocalEvent!(p.init(), "propose", recorder().out);

  it("waits for every acceptor's answer; a refused attempt restarts just above the highest ballot refused it", () => {
    const r = recorder();
    let state = p.receive(preparing(), 2, { type: "nack", ballot: 1, promised: 2 }, r.out);
    expect(state).toMatchObject({ phase: "preparing", waiting: 1, preempted: 2 });
    expect(r.sent).toEqual([]);
    state = p.receive(state, 3, { type: "promise", ballot: 1, accepted: null }, r.out);
    expect(state).toMatchObject({ phase: "preparing", ballot: 2.5, waiting: 2, preempted: 0, promises: [] });
    expect(r.sent).toEqual([2, 3].map((a) => [a, { type: "prepare", ballot: 2.5 }]));
  });

  it("is done once a majority accepted its proposal, and then ignores every answer", () => {
    const r = recorder();
    let state = p.receive(
      p.receive(preparing(), 2, { type: "promise", ballot: 1, accepted: null }, r.out),
      3,
      { type: "promise", ballot: 1, accepted: null },
      r.out,
    );
    expect(state).toMatchObject({ phase: "accepting", value: 1, waiting: 2 });
    state = p.receive(p.receive(state, 2, { type: "accepted", ballot: 1, value: 1 }, r.out), 3, { type: "accepted", ballot: 1, value: 1 }, r.out);
    expect(state).toMatchObject({ phase: "done", acks: [], waiting: 0 });
    expect(p.done!(state)).toBe(true);
    expect(p.receive(state, 2, { type: "nack", ballot: 1, promised: 3 }, r.out)).toBe(state);
  });

  it("ignores answers to an older attempt", () => {
    const state = preparing();
    expect(p.receive(state, 2, { type: "nack", ballot: 0.5, promised: 2 }, recorder().out)).toBe(state);
  });
});

describe("Paxos acceptor that answers every request", () => {
  const a = acceptor({ name: "a1", learners: [], answersAll: true });

  it("refuses a prepare or accept below its promise with a nack naming the promise; tells the proposer what it accepts", () => {
    const r = recorder();
    const state = { promised: 3, accepted: null, votes: [] };
    expect(a.receive(state, 0, { type: "prepare", ballot: 2 }, r.out)).toBe(state);
    expect(a.receive(state, 1, { type: "accept", ballot: 1, value: 2 }, r.out)).toBe(state);
    a.receive(state, 1, { type: "accept", ballot: 3, value: 2 }, r.out);
    expect(r.sent).toEqual([
      [0, { type: "nack", ballot: 2, promised: 3 }],
      [1, { type: "nack", ballot: 1, promised: 3 }],
      [1, { type: "accepted", ballot: 3, value: 2 }],
    ]);
  });
});

describe("ballot ranks (the dueling-proposers abstraction)", () => {
  const canonical = rankBallots({ proposers: 1, acceptors: 2 });
  const proposerAt = (ballot: number, preempted = 0): RetryingProposerState => ({
    phase: "preparing",
    ballot,
    promises: [],
    highest: null,
    value: null,
    acks: [],
    waiting: 2,
    preempted,
  });

  it("renames the ballots in use to 1..k in order, in processes and messages; 0 stays none", () => {
    const out = canonical(
      [
        proposerAt(7.5),
        { promised: 7, accepted: { ballot: 4, value: 1 }, votes: [{ ballot: 4, value: 1 }] },
        { promised: 0, accepted: null, votes: [] },
      ],
      [{ from: 1, to: 0, msg: { type: "nack", ballot: 4, promised: 7 } }],
    );
    expect(out.procs).toEqual([
      proposerAt(3),
      { promised: 2, accepted: { ballot: 1, value: 1 }, votes: [{ ballot: 1, value: 1 }] },
      { promised: 0, accepted: null, votes: [] },
    ]);
    expect(out.messages).toEqual([{ from: 1, to: 0, msg: { type: "nack", ballot: 1, promised: 2 } }]);
  });

  it("hands back the very arrays it was given when they are already canonical", () => {
    const procs = [proposerAt(2, 1), { promised: 1, accepted: null, votes: [] }, { promised: 2, accepted: null, votes: [] }];
    const messages = [{ from: 0, to: 1, msg: { type: "prepare" as const, ballot: 2 } }];
    const out = canonical(procs, messages);
    expect(out.procs).toBe(procs);
    expect(out.messages).toBe(messages);
  });

  it("forgets votes of a ballot every acceptor promised past, unless a majority accepted it", () => {
    const lone = { promised: 5, accepted: { ballot: 2, value: 1 }, votes: [{ ballot: 2, value: 1 }] };
    const out = canonical([proposerAt(5), lone, { promised: 5, accepted: null, votes: [] }], []);
    expect((out.procs[1] as typeof lone).votes).toEqual([]);
    const both = canonical([proposerAt(5), lone, lone], []);
    expect((both.procs[1] as typeof lone).votes).toEqual([{ ballot: 1, value: 1 }]);
  });
});
