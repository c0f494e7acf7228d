import { assignIds } from "../../actor/index.ts";
import { leaseClient } from "./client.ts";
import { unlockAfter, type DriftBound } from "./messages.ts";
import { leaseResource } from "./resource.ts";
import { leaseServer } from "./server.ts";

export type { ClientFlaws, ClientState } from "./client.ts";
export type { DriftBound, LeaseMessage } from "./messages.ts";
export type { ResourceState } from "./resource.ts";
export type { ServerState } from "./server.ts";
export { heartbeatTimer, leaseClient, leaseTimers } from "./client.ts";
export { unlockAfter } from "./messages.ts";
export { leaseResource } from "./resource.ts";
export { leaseServer, unlockTimer } from "./server.ts";

/** Known-wrong behaviours, each shown by a variant of the spec. */
export interface LeaseFlaws {
  /** The lease is an absolute expiry time on the server's clock, compared with the client's unsynchronised clock. */
  readonly absoluteExpiry?: boolean;
  /** The client measures its lease from receipt of the grant: the staleness of the request is ignored. */
  readonly fromReceipt?: boolean;
  /** The server unlocks after the lease itself, without the margin the drift bound asks for. */
  readonly noDriftMargin?: boolean;
  /** The resource applies every write, whatever its lease's sequence number. */
  readonly unfenced?: boolean;
}

/** The lease durations of a system: the client's wait time and the server's unlock timer, in local clock units. */
export function leaseDurations(lease: number, drift: DriftBound, flaws: LeaseFlaws = {}): { lease: number; unlock: number } {
  return { lease, unlock: flaws.noDriftMargin ? lease : unlockAfter(lease, drift) };
}

/**
 * An ALF lease system by role: the lock server (id 0), clients c1..cN (ids 1..N), the resource (id N + 1). `lease`
 * and `heartbeat` are in local clock units; `drift` bounds the clocks' rates, from which the server's margin follows.
 */
export function alfLeaseRoles(options: { clients: number; lease: number; heartbeat: number; drift: DriftBound; flaws?: LeaseFlaws }) {
  const flaws = options.flaws ?? {};
  const ids = assignIds({ server: 1, clients: options.clients, resource: 1 });
  const { lease, unlock } = leaseDurations(options.lease, options.drift, flaws);
  const server = ids.server[0]!;
  const resource = ids.resource[0]!;
  return {
    server: [leaseServer({ name: "server", unlock, lease, absoluteExpiry: flaws.absoluteExpiry })],
    clients: ids.clients.map((_, i) =>
      leaseClient({
        name: `c${i + 1}`,
        server,
        resource,
        lease,
        heartbeat: options.heartbeat,
        flaws: { fromReceipt: flaws.fromReceipt, absoluteExpiry: flaws.absoluteExpiry },
      }),
    ),
    resource: [leaseResource({ name: "resource", unfenced: flaws.unfenced })],
  };
}
