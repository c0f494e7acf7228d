import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { clockProcess, happensBefore, merge, type ClockMessage, type ProcessState } from "../../src/protocols/lamport-clocks/index.ts";

const recorder = () => recorderOf<ClockMessage>();

describe("vector clocks", () => {
  it("merge is the componentwise maximum", () => {
    expect(merge([1, 0, 3], [0, 2, 1])).toEqual([1, 2, 3]);
  });

  it("happens-before is strict and partial", () => {
    expect(happensBefore([1, 0], [1, 1])).toBe(true);
    expect(happensBefore([1, 1], [1, 1])).toBe(false);
    expect(happensBefore([1, 0], [0, 1])).toBe(false);
    expect(happensBefore([0, 1], [1, 0])).toBe(false);
  });
});

describe("a Lamport-clock process", () => {
  const p2 = clockProcess({ name: "p2", id: 1, processes: 3, events: 2 });
  const at = (clock: number, vc: number[], left = 2): ProcessState => ({ clock, vc, left, log: [] });

  it("offers a local event and a send to each other process while it has events left, nothing after", () => {
    expect(p2.localEvents!(at(0, [0, 0, 0]))).toEqual(["local", "send p1", "send p3"]);
    expect(p2.localEvents!(at(0, [0, 0, 0], 0))).toEqual([]);
    expect(p2.done!(at(0, [0, 0, 0], 0))).toBe(true);
  });

  it("a local event increments the clock and its own vector entry, and is logged", () => {
    const r = recorder();
    const next = p2.onLocalEvent!(at(4, [1, 2, 0]), "local", r.out);
    expect(next).toEqual({ clock: 5, vc: [1, 3, 0], left: 1, log: [{ kind: "local", clock: 5, vc: [1, 3, 0] }] });
    expect(r.sent).toEqual([]);
  });

  it("a send increments the clock and carries it", () => {
    const r = recorder();
    const next = p2.onLocalEvent!(at(4, [1, 2, 0]), "send p3", r.out);
    expect(next.clock).toBe(5);
    expect(r.sent).toEqual([[2, { type: "msg", clock: 5, vc: [1, 3, 0] }]]);
  });

  it("a receive moves the clock past the message's clock (the notes' case 2: 25 receives 13 at 26; 13 receives 25 at 26)", () => {
    const r = recorder();
    expect(p2.receive(at(25, [0, 1, 0]), 0, { type: "msg", clock: 13, vc: [1, 0, 0] }, r.out)).toMatchObject({ clock: 26, vc: [1, 2, 0], left: 2 });
    expect(p2.receive(at(13, [0, 1, 0]), 0, { type: "msg", clock: 25, vc: [1, 0, 0] }, r.out)).toMatchObject({ clock: 26 });
    expect(r.sent).toEqual([]);
  });

  it("with the receive-without-max flaw, a receive only adds one to its own clock", () => {
    const flawed = clockProcess({ name: "p2", id: 1, processes: 3, events: 2, flaws: { receiveWithoutMax: true } });
    expect(flawed.receive(at(13, [0, 1, 0]), 0, { type: "msg", clock: 25, vc: [1, 0, 0] }, recorder().out)).toMatchObject({ clock: 14 });
  });
});
