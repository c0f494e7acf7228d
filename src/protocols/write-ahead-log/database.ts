import type { Actor, Id, Out } from "../../actor/index.ts";
import { committedIn, content, withChanges, written, type Durable, type LogRecord, type Pages, type Request, type WalMessage } from "./messages.ts";

/** Known-wrong variants of the database, for the checker to catch. */
export interface DatabaseFlaws {
  /** Acknowledge a commit once its record is in the log buffer, forcing the log later (local event "flush"). */
  readonly ackBeforeDurable?: boolean;
  /** Write a page in place when the write arrives, before the change is logged (and before the commit). */
  readonly writeInPlaceFirst?: boolean;
  /** Recovery redoes every change in the log, committed or not (the notes: recover the committed, drop the rest). */
  readonly redoUncommitted?: boolean;
}

/** Serving transactions: the log on disk (`log`, as forced), the volatile log buffer, the data pages, the transactions running. */
export interface Serving {
  readonly phase: "up";
  readonly log: readonly LogRecord[];
  readonly buffer: readonly LogRecord[];
  readonly data: Pages;
  /** The transactions begun and neither committed nor lost, ascending. */
  readonly active: readonly Id[];
}

/**
 * Recovering after a crash: redoing, in log order, the changes of the transactions committed in the log from `next`
 * on. `target` is a ghost for the checker: the content the recovery set out to rebuild (what the disk held at its start).
 */
export interface Recovering {
  readonly phase: "recovering";
  readonly log: readonly LogRecord[];
  readonly data: Pages;
  readonly next: number;
  readonly target: Pages;
}

export type DatabaseState = Serving | Recovering;

/**
 * The index of the next change to redo, at `next` or after: of a transaction committed in the log (of any transaction,
 * with `everyChange`); -1 when none is left.
 */
export const nextRedo = (state: Recovering, everyChange = false): number => {
  const winners = committedIn(state.log);
  return state.log.findIndex((r, i) => i >= state.next && r.kind === "change" && (everyChange || winners.includes(r.t)));
};

/**
 * A database with a write-ahead log of `logSize` records (on disk and in the buffer together). Each request appends
 * one record to the volatile buffer (busy when the log is full); a commit appends its record and forces the buffer
 * to disk before it is acknowledged. Pages are written only after the commit, by a checkpoint that writes the oldest
 * committed transaction's pages and drops its records from the log. After a crash it recovers step by step: each
 * "redo" writes one page of a committed transaction (persisted at once), "finish" truncates the log (dropping the
 * transactions that never committed) and serves again. Redo writes whole values, so a recovery that crashes and
 * starts over from the first record rebuilds the same pages.
 */
export function database(options: { name: string; pages: number; logSize: number; flaws?: DatabaseFlaws }): Actor<DatabaseState, WalMessage> {
  const flaws = options.flaws ?? {};
  const empty: Durable = { log: [], data: Array.from({ length: options.pages }, () => null) };
  const redoAt = (s: Recovering) => nextRedo(s, flaws.redoUncommitted);
  const room = (s: Serving) => s.log.length + s.buffer.length < options.logSize;
  const persist = (out: Out<WalMessage>, log: readonly LogRecord[], data: Pages) => out.persist({ log, data } satisfies Durable);
  const reply = <S>(state: S, to: Id, type: "ok" | "busy" | "committed" | "aborted", out: Out<WalMessage>): S => {
    out.send(to, { type });
    return state;
  };

  /** Serving, request `m` of transaction `t`. */
  function serve(s: Serving, t: Id, m: Request, out: Out<WalMessage>): Serving {
    const running = s.active.includes(t);
    if (m.type !== "begin" && !running) return reply(s, t, "aborted", out); // lost in a crash: its records are gone or will be dropped
    if (!room(s)) return reply(s, t, "busy", out); // the log is full: everyone waits
    switch (m.type) {
      case "begin":
        if (running) return reply(s, t, "ok", out);
        return reply({ ...s, buffer: [...s.buffer, { t, kind: "start" }], active: [...s.active, t].sort((a, b) => a - b) }, t, "ok", out);
      case "write": {
        const data = flaws.writeInPlaceFirst ? written(s.data, m.key, t) : s.data;
        if (flaws.writeInPlaceFirst) persist(out, s.log, data); // the page is on disk before its change is even in the buffer
        return reply({ ...s, data, buffer: [...s.buffer, { t, kind: "change", key: m.key }] }, t, "ok", out);
      }
      case "commit": {
        const active = s.active.filter((a) => a !== t);
        const buffer = [...s.buffer, { t, kind: "commit" } as const];
        if (flaws.ackBeforeDurable) return reply({ ...s, buffer, active }, t, "committed", out);
        const log = [...s.log, ...buffer]; // forced: the commit record is on disk before the acknowledgement
        persist(out, log, s.data);
        return reply({ ...s, log, buffer: [], active }, t, "committed", out);
      }
    }
  }

  return {
    name: options.name,
    init: () => ({ phase: "up", log: [], buffer: [], data: empty.data, active: [] }),
    receive(state, from, message, out) {
      if (message.type !== "begin" && message.type !== "write" && message.type !== "commit") return state;
      if (state.phase === "up") return serve(state, from, message, out);
      return reply(state, from, message.type === "begin" ? "busy" : "aborted", out); // recovering: nothing runs yet
    },
    localEvents(state) {
      if (state.phase === "recovering") return [redoAt(state) >= 0 ? "redo" : "finish"];
      const events: string[] = [];
      if (state.log.some((r) => r.kind === "commit")) events.push("checkpoint");
      if (state.buffer.some((r) => r.kind === "commit")) events.push("flush");
      return events;
    },
    onLocalEvent(state, event, out) {
      if (state.phase === "recovering") {
        const at = redoAt(state);
        if (event === "finish" && at < 0) {
          persist(out, [], state.data); // truncated: the committed transactions are in the pages, the rest dropped
          return { phase: "up", log: [], buffer: [], data: state.data, active: [] };
        }
        if (event !== "redo" || at < 0) return state;
        const record = state.log[at] as Extract<LogRecord, { kind: "change" }>;
        const data = written(state.data, record.key, record.t);
        persist(out, state.log, data);
        return { ...state, data, next: at + 1 };
      }
      if (event === "checkpoint") {
        const t = committedIn(state.log)[0];
        if (t === undefined) return state;
        const data = withChanges(state.data, state.log, t);
        const log = state.log.filter((r) => r.t !== t);
        persist(out, log, data);
        return { ...state, log, data };
      }
      if (event === "flush" && state.buffer.length > 0) {
        const log = [...state.log, ...state.buffer];
        persist(out, log, state.data);
        return { ...state, log, buffer: [] };
      }
      return state;
    },
    recover(durable) {
      const disk = (durable as Durable | null) ?? empty;
      return { phase: "recovering", log: disk.log, data: disk.data, next: 0, target: content(disk, options.pages) };
    },
  };
}
