import type { Operation } from "../../actor/index.ts";
import { registerClient, type Stamping } from "./client.ts";
import { storageNode } from "./storage.ts";

export type { RegisterClientState, Stamping } from "./client.ts";
export type { RegisterMessage, Value, Version } from "./messages.ts";
export type { StorageState } from "./storage.ts";
export { registerClient } from "./client.ts";
export { storageNode } from "./storage.ts";
export { newer } from "./messages.ts";

export interface TimestampRegisterOptions {
  readonly nodes: number;
  /** One script per client: the operations it performs in order. */
  readonly scripts: readonly (readonly Operation[])[];
  /** Two-phase writes, or each writer's own clock: client i's clock starts `skew × (clients − 1 − i)` ahead. */
  readonly stamping: "two-phase" | "local-clock";
  readonly skew: number;
}

/** A timestamp register by role: storage nodes n1..nN (ids 0..N−1), then clients c1..cM. */
export function timestampRegisterRoles(options: TimestampRegisterOptions) {
  const nodes = Array.from({ length: options.nodes }, (_, i) => i);
  const clients = options.scripts.length;
  const stampingOf = (i: number): Stamping =>
    options.stamping === "two-phase" ? { kind: "two-phase" } : { kind: "local-clock", offset: options.skew * (clients - 1 - i) };
  return {
    nodes: nodes.map((i) => storageNode(`n${i + 1}`)),
    clients: options.scripts.map((script, i) => registerClient({ name: `c${i + 1}`, id: options.nodes + i, nodes, script, stamping: stampingOf(i) })),
  };
}
