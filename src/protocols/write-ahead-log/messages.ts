import type { Id } from "../../actor/index.ts";

/** A client's request: its transaction's begin, one write (of its own id to `key`), or its commit. */
export type Request = { readonly type: "begin" } | { readonly type: "write"; readonly key: number } | { readonly type: "commit" };

/** The database's answer: ok (logged), busy (no room in the log, or still recovering: ask again), or the transaction's outcome. */
export type Reply = { readonly type: "ok" } | { readonly type: "busy" } | { readonly type: "committed" } | { readonly type: "aborted" };

/** Every message of the write-ahead log system. */
export type WalMessage = Request | Reply;

/** A log record of transaction `t`: its start, one change (page `key` := t), or its commit. */
export type LogRecord =
  | { readonly t: Id; readonly kind: "start" }
  | { readonly t: Id; readonly kind: "change"; readonly key: number }
  | { readonly t: Id; readonly kind: "commit" };

/** Data pages, page k at index k - 1: the id of the transaction whose write the page holds, or null (never written). */
export type Pages = readonly (Id | null)[];

/** What the database keeps on disk (its durable record): the log as far as it was forced, and the data pages. */
export interface Durable {
  readonly log: readonly LogRecord[];
  readonly data: Pages;
}

/** The transactions whose commit record is in `log`. */
export const committedIn = (log: readonly LogRecord[]): Id[] => log.flatMap((r) => (r.kind === "commit" ? [r.t] : []));

/** `data` with page `key` holding `t`'s write. */
export function written(data: Pages, key: number, t: Id): Pages {
  const pages = data.slice();
  pages[key - 1] = t;
  return pages;
}

/** `data` with `t`'s changes in `log` written. */
export function withChanges(data: Pages, log: readonly LogRecord[], t: Id): Pages {
  const pages = data.slice();
  for (const r of log) if (r.kind === "change" && r.t === t) pages[r.key - 1] = t;
  return pages;
}

/**
 * The database's content as a complete recovery would rebuild it from `durable`: the data pages with the changes of
 * every transaction committed in the log redone (null: nothing on disk yet, every page empty).
 */
export function content(durable: Durable | null, pages: number): Pages {
  if (durable === null) return Array.from({ length: pages }, () => null);
  return committedIn(durable.log).reduce((data, t) => withChanges(data, durable.log, t), durable.data);
}
