/** Messages of two-phase commit between the coordinator (transaction manager) and the resource managers. */
export type CommitMessage =
  | { readonly type: "prepare" }
  | { readonly type: "vote"; readonly yes: boolean }
  | { readonly type: "decision"; readonly commit: boolean }
  | { readonly type: "ack" };

/** A log record as written, and whether it was forced to disk before the process went on. */
export interface LogRecord {
  readonly record: string;
  readonly forced: boolean;
}

/** What a process has spent so far: messages sent and forced log writes (ghost counters for the cost checks). */
export interface Costs {
  readonly sent: number;
  readonly forced: number;
}

/** Appends a log record and counts it if forced. */
export const write = <S extends Costs & { readonly log: readonly LogRecord[] }>(state: S, record: string, forced: boolean): S => ({
  ...state,
  log: [...state.log, { record, forced }],
  forced: state.forced + (forced ? 1 : 0),
});
