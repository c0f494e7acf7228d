import {
  committedIn,
  content,
  pagesOf,
  writeAheadLogRoles,
  type DatabaseFlaws,
  type Durable,
  type LogRecord,
  type Pages,
} from "../../src/protocols/write-ahead-log/index.ts";
import { actorModel, always, defineSpec, eventually, intKey, noDeadlock, sometimes, type RoleStates, type SystemState } from "interleave";
import { writeAheadLogPairing } from "./tla.ts";

/*
 * Write-ahead logging as in the notes ("Write Ahead Logging"): transactions write their start, change and commit
 * records to the log as they occur; after a failure the database looks for commit records, recovers the
 * transactions it finds committed and drops the rest; and "if the log fills up, then everyone is blocked".
 *
 * Our reading. One database process db, crash-recovery (recover "eventually"): its durable record is {log, data},
 * the log as forced and the data pages, written through out.persist; its volatile state (lost in a crash) holds a
 * log buffer and the transactions it runs. T clients each run one transaction (begin, a write to each of its own W
 * pages, commit), one request at a time; the transaction is one operation in the history, returning "committed" or
 * "aborted", so "acknowledged" is a client having been told committed. Transactions write disjoint pages (the notes
 * say nothing of concurrency control; with shared pages an isolation protocol would be part of the model) and a page
 * holds the id of the transaction that wrote it, so the content shows exactly whose writes are visible.
 *  - Every request appends one record to the volatile buffer; the log (disk and buffer together) holds `log`
 *    records, and a request that finds it full is answered busy and asked again.
 *  - A commit appends its record and forces the buffer to disk in the step that acknowledges it (a crash between the
 *    force and the reply, which would leave a committed transaction unacknowledged, is not modeled).
 *  - Pages are written only after the commit (no steal): a checkpoint, a local event, writes the oldest committed
 *    transaction's pages and drops its records, in one step, which is what makes a bounded log meaningful.
 *  - Recovery is a sequence of local events: "redo" writes one page of a transaction committed in the log,
 *    persisted at once; "finish" truncates the log (the uncommitted transactions dropped) and serves again. A
 *    crash may hit a recovery (crashes=2 by default), which starts over from the first record; requests meanwhile
 *    are answered busy (begin) or aborted (the transaction was lost).
 * Properties: acknowledged-commits-survive (the content a recovery would rebuild from the disk, now, holds every
 * acknowledged transaction's writes: "survives any crash" as a state invariant, no crash needed to see it fail);
 * no-partial-transaction (whenever the database serves, a transaction it does not run is visible entirely or not at
 * all, and not at all once its client was told aborted); recovery-idempotent (during a recovery the content the disk
 * holds stays the content the recovery started from, so a recovery cut by a crash and redone ends where one
 * uncut would: `target` is a ghost field for this); recovery-redone (sometimes: such a cut-and-redone recovery
 * happens); every-transaction-ends (eventually, under weak fairness). The log-fills-up variant is main with a log of
 * T x (W + 1) records: every running transaction logs its start and writes, no commit record fits, everyone is
 * answered busy for ever: a fair lasso. One record more is enough, since a commit then always fits, and the
 * checkpoint frees the log.
 *
 * Wrong variants: ack-before-durable (the commit is acknowledged with its record still in the buffer, forced later by
 * a local "flush"); write-in-place-first (a write's page goes to disk before its change is logged, so a crash leaves
 * an uncommitted page that redo-only recovery cannot take back); redo-uncommitted (recovery redoes every change in
 * the log instead of only the committed transactions'); and log-fills-up above.
 *
 * Time: none. The model has no clocks or timers: busy requests are asked again at once, and "blocked" is a fair
 * cycle of busy answers, not a timeout.
 */

type Roles = ReturnType<typeof writeAheadLogRoles>;

/**
 * Whether a page already holds a change of a transaction still committed in the log: only a recovery that redid it
 * and then crashed leaves that (a checkpoint writes a transaction's pages and drops its records in one step).
 */
const redoneAlready = (log: readonly LogRecord[], data: Pages) =>
  log.some((r) => r.kind === "change" && data[r.key - 1] === r.t && committedIn(log).includes(r.t));

export default defineSpec({
  name: "write-ahead-log",
  summary: "write-ahead logging: transactions log start, change and commit before pages are written; recovery redoes the committed ones",
  tlaModule: "WriteAheadLog",
  keys: {
    clients: intKey({ doc: "clients, each running one transaction", default: 2, min: 1, max: 3 }),
    writes: intKey({ doc: "pages each transaction writes (its own)", default: 2, min: 1, max: 3 }),
    log: intKey({ doc: "log capacity in records (on disk and in the buffer)", default: 7, min: 1, max: 12 }),
    crashes: intKey({ doc: "database crashes (each followed by recovery; 2 lets a crash interrupt a recovery)", default: 2, min: 0, max: 3 }),
  },
  variants: {
    main: { summary: "commit acknowledged after its record is forced; pages written only after the commit" },
    "ack-before-durable": {
      summary: "the commit is acknowledged while its record is still in the volatile log buffer",
      fails: ["acknowledged-commits-survive"],
    },
    "write-in-place-first": {
      summary: "a page is written in place when the write arrives, before the change is logged",
      fails: ["no-partial-transaction"],
    },
    "redo-uncommitted": {
      summary: "recovery redoes every change it finds in the log, committed or not",
      fails: ["no-partial-transaction", "recovery-idempotent"],
    },
    "log-fills-up": {
      summary: "the protocol with a log of clients x (writes + 1) records: running transactions can fill it and block everyone",
      defaults: { log: 6 },
      fails: ["every-transaction-ends"],
    },
  },
  build(config, variant) {
    const flaws: DatabaseFlaws = {
      ackBeforeDurable: variant === "ack-before-durable",
      writeInPlaceFirst: variant === "write-in-place-first",
      redoUncommitted: variant === "redo-uncommitted",
    };
    const pages = config.clients * config.writes;
    const model = actorModel(writeAheadLogRoles({ clients: config.clients, writes: config.writes, logSize: config.log, flaws }), {
      crashes: config.crashes,
      crashable: ["database"],
      recover: "eventually",
      idFields: { states: { database: ["active", "log.*.t", "buffer.*.t", "data.*", "target.*"] } },
    });
    const ids = model.ids.clients;
    /** How many of client `i`'s pages the content rebuilt from the disk shows as its write. */
    const visible = (shown: Pages, i: number) => pagesOf(i + 1, config.writes).filter((k) => shown[k - 1] === ids[i]).length;
    const at = (holds: (procs: RoleStates<Roles>, shown: Pages) => boolean) => (s: SystemState) =>
      holds(model.roles(s), content(model.environment(s)!.durable[0] as Durable | null, pages));
    return {
      model,
      tla: writeAheadLogPairing({ model, writes: config.writes, logSize: config.log, crashes: config.crashes, flaws }),
      properties: [
        always(
          "acknowledged-commits-survive",
          at(({ clients }, shown) => clients.every((c, i) => c.phase !== "committed" || visible(shown, i) === config.writes)),
          { tla: "AcknowledgedCommitsSurvive" },
        ),
        always(
          "no-partial-transaction",
          at(
            ({ database: [db], clients }, shown) =>
              db?.phase !== "up" ||
              clients.every((c, i) => {
                if (db.active.includes(ids[i]!)) return true;
                const n = visible(shown, i);
                return c.phase === "aborted" ? n === 0 : n === 0 || n === config.writes;
              }),
          ),
          { tla: "NoPartialTransaction" },
        ),
        always(
          "recovery-idempotent",
          at(({ database: [db] }, shown) => db?.phase !== "recovering" || shown.every((page, k) => page === db.target[k])),
          { tla: "RecoveryIdempotent" },
        ),
        sometimes(
          "commits",
          at(({ clients }) => clients.some((c) => c.phase === "committed")),
          { tla: "NeverCommits" },
        ),
        sometimes(
          "recovery-redone",
          at(({ database: [db] }) => db?.phase === "recovering" && db.next === 0 && redoneAlready(db.log, db.data)),
          { tla: "NeverRedone" },
        ),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        eventually(
          "every-transaction-ends",
          at(({ clients }) => clients.every((c) => c.phase === "committed" || c.phase === "aborted")),
          { tla: "EveryTransactionEnds" },
        ),
      ],
    };
  },
});
