import type { Operation } from "../../actor/index.ts";
import { chainClient } from "./client.ts";
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
  /** Clients send reads to the head instead of the tail. */
  readonly readAtHead?: boolean;
}

/**
 * Chain replication by role: nodes n1..nN in chain order (ids 0..N−1; n1 the head, nN the tail), then clients
 * c1..cM. Clients hear of a crashed head (fail-stop) and send to the new head.
 */
export function chainReplicationRoles(options: ChainReplicationOptions) {
  const nodes = Array.from({ length: options.nodes }, (_, i) => i);
  return {
    nodes: nodes.map((i) => chainNode({ name: `n${i + 1}`, id: i, successor: i + 1 < options.nodes ? i + 1 : null })),
    clients: options.scripts.map((script, i) => chainClient({ name: `c${i + 1}`, nodes, script, readAtHead: options.readAtHead ?? false })),
  };
}
