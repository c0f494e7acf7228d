import type { ActorSystem, Network, Operation } from "../../actor/index.ts";
import { abdClient, type AbdFlaws } from "./client.ts";
import type { AbdMessage } from "./messages.ts";
import { abdServer } from "./server.ts";

export type { AbdFlaws, ClientState } from "./client.ts";
export type { AbdMessage, Timestamp, Value } from "./messages.ts";
export type { ServerState } from "./server.ts";
export { abdClient } from "./client.ts";
export { abdServer } from "./server.ts";

export interface AbdOptions {
  readonly servers: number;
  /** One script per client: the operations it performs in order. */
  readonly scripts: readonly (readonly Operation[])[];
  /** How many servers may crash. */
  readonly crashes: number;
  readonly network: Network;
  readonly flaws?: AbdFlaws;
}

/** An ABD system: servers s1..sN (ids 0..N−1), then clients c1..cM. Only servers crash. */
export function abdSystem(options: AbdOptions): ActorSystem<AbdMessage> {
  const servers = Array.from({ length: options.servers }, (_, i) => i);
  return {
    actors: [
      ...servers.map((i) => abdServer(`s${i + 1}`)),
      ...options.scripts.map((script, i) =>
        abdClient({ name: `c${i + 1}`, id: options.servers + i, servers, script, flaws: options.flaws ?? {} }),
      ),
    ],
    network: options.network,
    crashes: options.crashes,
    crashable: servers,
  };
}
