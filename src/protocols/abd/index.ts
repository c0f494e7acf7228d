import type { Operation } from "../../actor/index.ts";
import { abdClient, type AbdFlaws } from "./client.ts";
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
  readonly flaws?: AbdFlaws;
}

/** An ABD system by role: servers s1..sN (ids 0..N−1), then clients c1..cM. */
export function abdRoles(options: AbdOptions) {
  const servers = Array.from({ length: options.servers }, (_, i) => i);
  return {
    servers: servers.map((i) => abdServer(`s${i + 1}`)),
    clients: options.scripts.map((script, i) =>
      abdClient({ name: `c${i + 1}`, id: options.servers + i, servers, script, flaws: options.flaws ?? {} }),
    ),
  };
}
