import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import {
  client,
  content,
  database,
  type DatabaseFlaws,
  type DatabaseState,
  type Durable,
  type LogRecord,
  type Recovering,
  type Serving,
  type WalMessage,
} from "../../src/protocols/write-ahead-log/index.ts";

const recorder = () => recorderOf<WalMessage>();
/** A database of 4 pages (clients 1 and 2 write pages 1-2 and 3-4) with a log of `logSize` records. */
const db = (flaws: DatabaseFlaws = {}, logSize = 7) => database({ name: "db", pages: 4, logSize, flaws });
const up = (s: DatabaseState) => s as Serving;
const recovering = (s: DatabaseState) => s as Recovering;

/** The database's state after requests, each `[client, message]`, in order. */
function after(d: ReturnType<typeof db>, requests: readonly [number, WalMessage][], from: DatabaseState = d.init()): DatabaseState {
  return requests.reduce((s, [c, m]) => d.receive(s, c, m, recorder().out), from);
}
const begun = (d: ReturnType<typeof db>, c: number, keys: number[]) =>
  after(d, [[c, { type: "begin" }], ...keys.map((key): [number, WalMessage] => [c, { type: "write", key }])]);

describe("write-ahead log database, serving", () => {
  it("logs begin and writes in the volatile buffer only: no page written, nothing on disk", () => {
    const d = db();
    const r = recorder();
    let s = d.receive(d.init(), 1, { type: "begin" }, r.out);
    s = d.receive(s, 1, { type: "write", key: 1 }, r.out);
    expect(up(s)).toMatchObject({
      log: [],
      buffer: [
        { t: 1, kind: "start" },
        { t: 1, kind: "change", key: 1 },
      ],
      data: [null, null, null, null],
      active: [1],
    });
    expect(r.persisted).toEqual([]);
    expect(r.sent).toEqual([
      [1, { type: "ok" }],
      [1, { type: "ok" }],
    ]);
  });

  it("forces the buffer with the commit record to disk in the step that acknowledges the commit", () => {
    const d = db();
    const s0 = after(d, [
      [1, { type: "begin" }],
      [2, { type: "begin" }],
      [1, { type: "write", key: 1 }],
    ]);
    const r = recorder();
    const s = up(d.receive(s0, 1, { type: "commit" }, r.out));
    const forced: LogRecord[] = [
      { t: 1, kind: "start" },
      { t: 2, kind: "start" },
      { t: 1, kind: "change", key: 1 },
      { t: 1, kind: "commit" },
    ];
    expect(s).toMatchObject({ log: forced, buffer: [], active: [2] });
    expect(r.persisted).toEqual([{ log: forced, data: [null, null, null, null] }]);
    expect(r.sent).toEqual([[1, { type: "committed" }]]);
    expect(d.localEvents!(s)).toEqual(["checkpoint"]);
  });

  it("ack-before-durable: acknowledges with the commit record still in the buffer; flush forces it later", () => {
    const d = db({ ackBeforeDurable: true });
    const r = recorder();
    const s = up(d.receive(begun(d, 1, [1]), 1, { type: "commit" }, r.out));
    expect(r.sent).toEqual([[1, { type: "committed" }]]);
    expect(r.persisted).toEqual([]);
    expect(s.buffer.at(-1)).toEqual({ t: 1, kind: "commit" });
    expect(d.localEvents!(s)).toEqual(["flush"]);
    const f = recorder();
    const flushed = up(d.onLocalEvent!(s, "flush", f.out));
    expect(flushed).toMatchObject({ buffer: [], log: s.buffer });
    expect(f.persisted).toEqual([{ log: s.buffer, data: [null, null, null, null] }]);
  });

  it("write-in-place-first: writes the page on disk before the change is logged", () => {
    const d = db({ writeInPlaceFirst: true });
    const r = recorder();
    const s = up(d.receive(after(d, [[1, { type: "begin" }]]), 1, { type: "write", key: 2 }, r.out));
    expect(r.persisted).toEqual([{ log: [], data: [null, 1, null, null] }]);
    expect(s.buffer.at(-1)).toEqual({ t: 1, kind: "change", key: 2 });
  });

  it("answers busy when the log is full, and aborted to a transaction it does not run", () => {
    const d = db({}, 3);
    const full = begun(d, 1, [1, 2]);
    expect(up(full).buffer).toHaveLength(3);
    for (const m of [{ type: "commit" }, { type: "begin" }] as WalMessage[]) {
      const r = recorder();
      const from = m.type === "commit" ? 1 : 2;
      expect(d.receive(full, from, m, r.out)).toBe(full);
      expect(r.sent).toEqual([[from, { type: "busy" }]]);
    }
    const r = recorder();
    expect(d.receive(full, 2, { type: "write", key: 3 }, r.out)).toBe(full);
    expect(r.sent).toEqual([[2, { type: "aborted" }]]);
  });

  it("a checkpoint writes the oldest committed transaction's pages and drops its records, nothing else", () => {
    const d = db();
    let s = after(d, [
      [1, { type: "begin" }],
      [2, { type: "begin" }],
      [2, { type: "write", key: 3 }],
      [1, { type: "write", key: 1 }],
      [1, { type: "write", key: 2 }],
      [1, { type: "commit" }],
    ]);
    const r = recorder();
    s = d.onLocalEvent!(s, "checkpoint", r.out);
    const left: LogRecord[] = [
      { t: 2, kind: "start" },
      { t: 2, kind: "change", key: 3 },
    ];
    expect(up(s)).toMatchObject({ log: left, data: [1, 1, null, null], active: [2] });
    expect(r.persisted).toEqual([{ log: left, data: [1, 1, null, null] }]);
    expect(d.localEvents!(s)).toEqual([]);
  });
});

describe("write-ahead log database, recovering", () => {
  /** A disk whose log holds transaction 2 committed (pages 3 and 4, not yet written) and transaction 1 uncommitted. */
  const disk: Durable = {
    log: [
      { t: 1, kind: "start" },
      { t: 2, kind: "start" },
      { t: 2, kind: "change", key: 3 },
      { t: 1, kind: "change", key: 1 },
      { t: 2, kind: "change", key: 4 },
      { t: 2, kind: "commit" },
    ],
    data: [null, null, null, null],
  };

  /** Runs the recovery's local events to the end; the records persisted on the way. */
  function recoverFully(d: ReturnType<typeof db>, from: DatabaseState) {
    const persisted: unknown[] = [];
    let s = from;
    while (s.phase === "recovering") {
      const [event] = d.localEvents!(s);
      const r = recorder();
      s = d.onLocalEvent!(s, event!, r.out);
      persisted.push(...r.persisted);
    }
    return { state: up(s), persisted };
  }

  it("recovers from nothing on disk: an empty log, empty pages", () => {
    const d = db();
    const s = recovering(d.recover!(null, recorder().out));
    expect(s).toEqual({ phase: "recovering", log: [], data: [null, null, null, null], next: 0, target: [null, null, null, null] });
    expect(d.localEvents!(s)).toEqual(["finish"]);
  });

  it("redoes the committed transaction's changes one page at a time, persisting each, and drops the uncommitted one", () => {
    const d = db();
    const start = recovering(d.recover!(disk, recorder().out));
    expect(start.target).toEqual([null, null, 2, 2]);
    expect(content(disk, 4)).toEqual([null, null, 2, 2]);
    const { state, persisted } = recoverFully(d, start);
    expect(persisted).toEqual([
      { log: disk.log, data: [null, null, 2, null] },
      { log: disk.log, data: [null, null, 2, 2] },
      { log: [], data: [null, null, 2, 2] },
    ]);
    expect(state).toEqual({ phase: "up", log: [], buffer: [], data: [null, null, 2, 2], active: [] });
    // Transaction 1 is gone: its write is answered aborted.
    const r = recorder();
    d.receive(state, 1, { type: "write", key: 2 }, r.out);
    expect(r.sent).toEqual([[1, { type: "aborted" }]]);
  });

  it("a recovery interrupted after its first page and started over ends with the same pages (redo is idempotent)", () => {
    const d = db();
    const r = recorder();
    d.onLocalEvent!(d.recover!(disk, recorder().out), "redo", r.out);
    const interrupted = r.persisted[0] as Durable;
    const again = recovering(d.recover!(interrupted, recorder().out));
    expect(again.target).toEqual([null, null, 2, 2]);
    expect(recoverFully(d, again).state.data).toEqual(recoverFully(d, d.recover!(disk, recorder().out)).state.data);
  });

  it("redo-uncommitted: redoes the uncommitted transaction's change too", () => {
    const d = db({ redoUncommitted: true });
    const r = recorder();
    d.onLocalEvent!(d.recover!(disk, recorder().out), "redo", r.out);
    expect(r.persisted).toEqual([{ log: disk.log, data: [null, null, 2, null] }]);
    const s = d.onLocalEvent!(d.onLocalEvent!(d.recover!(disk, recorder().out), "redo", recorder().out), "redo", r.out);
    expect(s.data).toEqual([1, null, 2, null]);
  });

  it("while recovering, answers begin busy and any other request aborted", () => {
    const d = db();
    const s = d.recover!(disk, recorder().out);
    const r = recorder();
    expect(d.receive(s, 1, { type: "begin" }, r.out)).toBe(s);
    expect(d.receive(s, 1, { type: "commit" }, r.out)).toBe(s);
    expect(r.sent).toEqual([
      [1, { type: "busy" }],
      [1, { type: "aborted" }],
    ]);
  });
});

describe("write-ahead log client", () => {
  const c = client({ name: "c1", database: 0, keys: [1, 2] });

  it("runs begin, its writes and commit, one request per acknowledgement, and reports the outcome", () => {
    const r = recorder();
    let s = c.invoke!(c.init(), r.out)!;
    expect(c.invoke!(s, recorder().out)).toBeUndefined();
    for (let i = 0; i < 3; i++) s = c.receive(s, 0, { type: "ok" }, r.out);
    expect(r.sent.map(([, m]) => m)).toEqual([{ type: "begin" }, { type: "write", key: 1 }, { type: "write", key: 2 }, { type: "commit" }]);
    expect(c.done!(s)).toBe(false);
    s = c.receive(s, 0, { type: "committed" }, r.out);
    expect(r.events).toEqual([{ call: { op: "transaction" } }, { ret: "committed" }]);
    expect(c.done!(s)).toBe(true);
  });

  it("asks again with the same request when the database is busy", () => {
    const r = recorder();
    const s = c.receive(c.invoke!(c.init(), recorder().out)!, 0, { type: "ok" }, recorder().out);
    const again = c.receive(s, 0, { type: "busy" }, r.out);
    expect(again).toEqual(s);
    expect(r.sent).toEqual([[0, { type: "write", key: 1 }]]);
  });

  it("stops at aborted, whatever comes later", () => {
    const r = recorder();
    const s = c.receive(c.invoke!(c.init(), recorder().out)!, 0, { type: "aborted" }, r.out);
    expect(s.phase).toBe("aborted");
    expect(c.receive(s, 0, { type: "ok" }, r.out)).toBe(s);
    expect(r.events).toEqual([{ ret: "aborted" }]);
  });
});
