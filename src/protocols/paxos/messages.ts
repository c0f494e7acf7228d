/** A proposal: a ballot number and the value proposed in it. */
export interface Proposal {
  readonly ballot: number;
  readonly value: number;
}

/** Messages of single-decree Paxos. */
export type PaxosMessage =
  | { readonly type: "prepare"; readonly ballot: number }
  /** The acceptor's promise for `ballot`, with the proposal it accepted last (null: none). */
  | { readonly type: "promise"; readonly ballot: number; readonly accepted: Proposal | null }
  | { readonly type: "accept"; readonly ballot: number; readonly value: number }
  /** To the learners (and, when proposers retry, to the proposer): the sender accepted `value` in `ballot`. */
  | { readonly type: "accepted"; readonly ballot: number; readonly value: number }
  /** When proposers retry: the sender refused the prepare or accept of `ballot`, having promised the higher `promised`. */
  | { readonly type: "nack"; readonly ballot: number; readonly promised: number };
