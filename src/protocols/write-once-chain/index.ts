import { chainProposer, chainReader } from "./client.ts";
import { chainNode, type ChainFlaws } from "./node.ts";

export type { ProposerState, ReaderState } from "./client.ts";
export type { ChainMessage } from "./messages.ts";
export type { ChainFlaws, ChainNodeState } from "./node.ts";
export { chainProposer, chainReader } from "./client.ts";
export { chainNode } from "./node.ts";

export interface WriteOnceChainOptions {
  readonly nodes: number;
  readonly proposers: number;
  readonly readers: number;
  readonly flaws?: ChainFlaws;
}

/** A write-once chain by role: nodes n1..nN (ids 0..N−1, n1 the head), proposers p1..pP (pi proposes i), readers r1..rR. */
export function writeOnceChainRoles(options: WriteOnceChainOptions) {
  const tail = options.nodes - 1;
  return {
    nodes: Array.from({ length: options.nodes }, (_, i) =>
      chainNode({ name: `n${i + 1}`, next: i === tail ? null : i + 1, flaws: options.flaws ?? {} }),
    ),
    proposers: Array.from({ length: options.proposers }, (_, i) => chainProposer({ name: `p${i + 1}`, value: i + 1, head: 0 })),
    readers: Array.from({ length: options.readers }, (_, i) => chainReader({ name: `r${i + 1}`, tail })),
  };
}
