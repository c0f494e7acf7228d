import { client } from "./client.ts";
import { database, type DatabaseFlaws } from "./database.ts";

export type { ClientState } from "./client.ts";
export type { DatabaseFlaws, DatabaseState, Recovering, Serving } from "./database.ts";
export type { Durable, LogRecord, Pages, Reply, Request, WalMessage } from "./messages.ts";
export { client } from "./client.ts";
export { database, nextRedo } from "./database.ts";
export { committedIn, content, withChanges } from "./messages.ts";

/** The pages client `c` (1-based) writes when each transaction writes `writes` pages: its own, so transactions never conflict. */
export const pagesOf = (c: number, writes: number): number[] => Array.from({ length: writes }, (_, w) => (c - 1) * writes + w + 1);

/**
 * A write-ahead log system by role: the database db (id 0), then clients c1..cT (ids 1..T), each running one
 * transaction that writes `writes` pages of its own; the log holds `logSize` records.
 */
export function writeAheadLogRoles(options: { clients: number; writes: number; logSize: number; flaws?: DatabaseFlaws }) {
  const clients = Array.from({ length: options.clients }, (_, i) => i + 1);
  return {
    database: [database({ name: "db", pages: options.clients * options.writes, logSize: options.logSize, flaws: options.flaws ?? {} })],
    clients: clients.map((c) => client({ name: `c${c}`, database: 0, keys: pagesOf(c, options.writes) })),
  };
}
