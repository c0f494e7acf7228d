import type { ActorSystem, Operation } from "../../actor/index.ts";
import { chainClient } from "./client.ts";
import type { ChainMessage } from "./messages.ts";
import { chainNode } from "./node.ts";

export type { ChainClientState } from "./client.ts";
export type { ChainMessage, Value, Version } from "./messages.ts";
export type { ChainNodeState } from "./node.ts";
export { chainClient } from "./client.ts";
export { chainNode } from "./node.ts";
export { newer } from "./messages.ts";

export interface ChainReplicationOptions {
  readonly nodes: number;
  /** One script per client: the operations it performs in order. */
  readonly scripts: readonly (readonly Operation[])[];
  /** Whether the head may crash (once); its successor then becomes the head. */
  readonly headCrashes: number;
  readonly readAtHead?: boolean;
}

/**
 * Nodes n1..nN in chain order (ids 0..N−1; n1 the head, nN the tail), then clients c1..cM, on an unordered
 * network. Only the head may crash; clients hear of it (fail-stop) and send to the new head.
 */
export function chainReplicationSystem(options: ChainReplicationOptions): ActorSystem<ChainMessage> {
  const nodes = Array.from({ length: options.nodes }, (_, i) => i);
  return {
    actors: [
      ...nodes.map((i) => chainNode({ name: `n${i + 1}`, id: i, successor: i + 1 < options.nodes ? i + 1 : null })),
      ...options.scripts.map((script, i) => chainClient({ name: `c${i + 1}`, nodes, script, readAtHead: options.readAtHead ?? false })),
    ],
    network: "unordered",
    crashes: options.headCrashes,
    crashable: [0],
  };
}
