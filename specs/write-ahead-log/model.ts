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
    "log-fills-up": {
      summary: "the protocol with a log of clients x (writes + 1) records: running transactions can fill it and block everyone",
      defaults: { log: 6 },
      fails: ["every-transaction-ends"],
    },
  },
  build(config, variant) {
    const flaws: DatabaseFlaws = { ackBeforeDurable: variant === "ack-before-durable", writeInPlaceFirst: variant === "write-in-place-first" };
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
