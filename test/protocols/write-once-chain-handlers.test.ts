import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { chainNode, chainProposer, chainReader, type ChainMessage } from "../../src/protocols/write-once-chain/index.ts";

const recorder = () => recorderOf<ChainMessage>();

describe("write-once chain node", () => {
  const head = chainNode({ name: "n1", next: 1 });
  const tail = chainNode({ name: "n3", next: null });

  it("the head keeps the first proposal and passes the value it holds down the chain for each proposer", () => {
    const r = recorder();
    const first = head.receive(head.init(), 3, { type: "propose", value: 1 }, r.out);
    expect(first).toEqual({ value: 1 });
    expect(head.receive(first, 4, { type: "propose", value: 2 }, r.out)).toBe(first);
    expect(r.sent).toEqual([
      [1, { type: "write", value: 1, proposer: 3 }],
      [1, { type: "write", value: 1, proposer: 4 }],
    ]);
  });

  it("the tail answers the proposer with the value it holds, and readers with it or null", () => {
    const r = recorder();
    expect(tail.receive(tail.init(), 5, { type: "read" }, r.out)).toEqual({ value: null });
    const decided = tail.receive(tail.init(), 1, { type: "write", value: 2, proposer: 4 }, r.out);
    tail.receive(decided, 1, { type: "write", value: 1, proposer: 3 }, r.out);
    tail.receive(decided, 5, { type: "read" }, r.out);
    expect(r.sent).toEqual([
      [5, { type: "readReply", value: null }],
      [4, { type: "decided", value: 2 }],
      [3, { type: "decided", value: 2 }],
      [5, { type: "readReply", value: 2 }],
    ]);
  });

  it("with the last-write-wins flaw every write overwrites", () => {
    const flawed = chainNode({ name: "n1", next: 1, flaws: { lastWriteWins: true } });
    expect(flawed.receive({ value: 1 }, 4, { type: "propose", value: 2 }, recorder().out)).toEqual({ value: 2 });
  });
});

describe("write-once chain clients", () => {
  it("a proposer proposes once at the head and learns the first answer", () => {
    const p = chainProposer({ name: "p1", value: 1, head: 0 });
    const r = recorder();
    const waiting = p.onLocalEvent!(p.init(), "propose", r.out);
    expect(r.sent).toEqual([[0, { type: "propose", value: 1 }]]);
    expect(p.localEvents!(waiting)).toEqual([]);
    expect(p.done!(waiting)).toBe(false);
    const learned = p.receive(waiting, 2, { type: "decided", value: 2 }, r.out);
    expect(learned.learned).toBe(2);
    expect(p.done!(learned)).toBe(true);
  });

  it("a reader asks the tail once and keeps its answer", () => {
    const reader = chainReader({ name: "r1", tail: 2 });
    const r = recorder();
    const reading = reader.onLocalEvent!(reader.init(), "read", r.out);
    expect(r.sent).toEqual([[2, { type: "read" }]]);
    expect(reader.receive(reading, 2, { type: "readReply", value: null }, r.out)).toEqual({ phase: "read", result: null });
  });
});
