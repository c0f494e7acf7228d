import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import {
  coordinator,
  resourceManager,
  type CommitMessage,
  type CoordinatorState,
  type ResourceManagerState,
} from "../../src/protocols/two-phase-commit/index.ts";

const recorder = () => recorderOf<CommitMessage>();

describe("two-phase commit coordinator", () => {
  const tm = coordinator({ name: "tm", rms: [1, 2] });
  const begun = (): CoordinatorState => tm.onLocalEvent!(tm.init(), "begin", recorder().out);

  it("begins by forcing a begin record and asking every participant to prepare", () => {
    const r = recorder();
    expect(tm.localEvents!(tm.init())).toEqual(["begin"]);
    const state = tm.onLocalEvent!(tm.init(), "begin", r.out);
    expect(state).toMatchObject({ phase: "collecting", log: [{ record: "begin", forced: true }], forced: 1, sent: 2 });
    expect(r.sent).toEqual([
      [1, { type: "prepare" }],
      [2, { type: "prepare" }],
    ]);
    expect(tm.localEvents!(state)).toEqual([]);
  });

  it("commits only when every vote is yes, forcing the commit record before sending it", () => {
    const r = recorder();
    let state = tm.receive(begun(), 2, { type: "vote", yes: true }, r.out);
    expect(state).toMatchObject({ phase: "collecting", yes: [2] });
    expect(r.sent).toEqual([]);
    state = tm.receive(state, 1, { type: "vote", yes: true }, r.out);
    expect(state).toMatchObject({ phase: "decided", decision: "commit", forced: 2, sent: 4 });
    expect(r.sent).toEqual([
      [1, { type: "decision", commit: true }],
      [2, { type: "decision", commit: true }],
    ]);
  });

  it("aborts on the first no, without forcing; late votes are ignored", () => {
    const r = recorder();
    const state = tm.receive(begun(), 1, { type: "vote", yes: false }, r.out);
    expect(state).toMatchObject({ phase: "decided", decision: "abort", forced: 1 });
    expect(state.log.at(-1)).toEqual({ record: "abort", forced: false });
    expect(tm.receive(state, 2, { type: "vote", yes: true }, r.out)).toBe(state);
  });

  it("ends after every acknowledgement, counting each participant once", () => {
    let state = tm.receive(tm.receive(begun(), 1, { type: "vote", yes: true }, recorder().out), 2, { type: "vote", yes: true }, recorder().out);
    state = tm.receive(state, 1, { type: "ack" }, recorder().out);
    state = tm.receive(state, 1, { type: "ack" }, recorder().out);
    expect(state.phase).toBe("decided");
    state = tm.receive(state, 2, { type: "ack" }, recorder().out);
    expect(state).toMatchObject({ phase: "ended", acks: [1, 2] });
    expect(state.log.map((l) => l.record)).toEqual(["begin", "commit", "end"]);
    expect(tm.done!(state)).toBe(true);
  });

  it("with the commit-without-all-votes flaw, one yes is enough", () => {
    const flawed = coordinator({ name: "tm", rms: [1, 2], flaws: { commitWithoutAllVotes: true } });
    const state = flawed.receive(flawed.onLocalEvent!(flawed.init(), "begin", recorder().out), 2, { type: "vote", yes: true }, recorder().out);
    expect(state.decision).toBe("commit");
  });
});

describe("two-phase commit resource manager", () => {
  const rm = resourceManager({ name: "rm1", coordinator: 0 });
  const asked = (): ResourceManagerState => rm.receive(rm.init(), 0, { type: "prepare" }, recorder().out);

  it("asked to prepare, it may vote yes or no", () => {
    expect(rm.localEvents!(rm.init())).toEqual([]);
    expect(rm.localEvents!(asked())).toEqual(["vote yes", "vote no"]);
  });

  it("votes yes after forcing its prepared record", () => {
    const r = recorder();
    const state = rm.onLocalEvent!(asked(), "vote yes", r.out);
    expect(state).toMatchObject({ phase: "prepared", vote: "yes", forced: 1, sent: 1, log: [{ record: "prepared", forced: true }] });
    expect(r.sent).toEqual([[0, { type: "vote", yes: true }]]);
  });

  it("votes no by aborting at once, unforced", () => {
    const r = recorder();
    expect(rm.onLocalEvent!(asked(), "vote no", r.out)).toMatchObject({ phase: "aborted", vote: "no", forced: 0 });
    expect(r.sent).toEqual([[0, { type: "vote", yes: false }]]);
  });

  it("forces the commit record before acknowledging a commit", () => {
    const r = recorder();
    const prepared = rm.onLocalEvent!(asked(), "vote yes", recorder().out);
    expect(rm.receive(prepared, 0, { type: "decision", commit: true }, r.out)).toMatchObject({ phase: "committed", forced: 2 });
    expect(r.sent).toEqual([[0, { type: "ack" }]]);
  });

  it("an abort that overtakes the prepare aborts a working participant, and the late prepare is ignored", () => {
    const r = recorder();
    const aborted = rm.receive(rm.init(), 0, { type: "decision", commit: false }, r.out);
    expect(aborted.phase).toBe("aborted");
    expect(r.sent).toEqual([[0, { type: "ack" }]]);
    expect(rm.receive(aborted, 0, { type: "prepare" }, r.out)).toBe(aborted);
  });

  it("a participant that voted no still acknowledges the abort", () => {
    const r = recorder();
    const no = rm.onLocalEvent!(asked(), "vote no", recorder().out);
    expect(rm.receive(no, 0, { type: "decision", commit: false }, r.out)).toMatchObject({ phase: "aborted", sent: 2 });
    expect(r.sent).toEqual([[0, { type: "ack" }]]);
  });
});
