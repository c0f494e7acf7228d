import type { ActorSystem } from "../../actor/index.ts";
import { chainProposer, chainReader } from "./client.ts";
import type { ChainMessage } from "./messages.ts";
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
  /** How many chain nodes may crash; nothing reconfigures the chain. */
  readonly crashes: number;
  readonly flaws?: ChainFlaws;
}

/** Chain nodes n1..nN (ids 0..N−1, n1 the head), proposers p1..pP (pi proposes i), then readers r1..rR. */
export function writeOnceChainSystem(options: WriteOnceChainOptions): ActorSystem<ChainMessage> {
  const nodes = Array.from({ length: options.nodes }, (_, i) => i);
  const tail = options.nodes - 1;
  return {
    actors: [
      ...nodes.map((i) => chainNode({ name: `n${i + 1}`, next: i === tail ? null : i + 1, flaws: options.flaws ?? {} })),
      ...Array.from({ length: options.proposers }, (_, i) => chainProposer({ name: `p${i + 1}`, value: i + 1, head: 0 })),
      ...Array.from({ length: options.readers }, (_, i) => chainReader({ name: `r${i + 1}`, tail })),
    ],
    network: "unordered",
    crashes: options.crashes,
    crashable: nodes,
  };
}
