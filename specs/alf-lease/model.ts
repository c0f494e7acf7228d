import { alfLeaseRoles, leaseDurations, type LeaseFlaws, type LeaseMessage } from "../../src/protocols/alf-lease/index.ts";
import { actorModel, always, ConfigError, defineSpec, intKey, leadsTo, noDeadlock, sometimes, type RoleStates, type SystemState } from "interleave";
import { alfLeasePairing } from "./tla.ts";

/*
 * The ALF lease lock as the notes' "ALF Locks" describe it. Our reading:
 * - Processes: the lock server, N clients (default 2) and the protected resource, so that "acting on the resource" is a
 *   message the resource receives. Each client takes the lock once: it writes once under it, and releases it once the
 *   resource answered the write. A client told busy asks again; a client whose lease runs out calls on_failure and stops
 *   using the lock for good (so each client gets at most one grant, and sequence numbers stay bounded).
 * - A lease is a *duration* (the notes: a timeout duration, not a timeout time): the client measures it on its own clock
 *   from when it *sent* the request (the staleness Ts, "when you hear some news, it is already old"), by a timer
 *   started at the send. A grant that arrives after the wait time ran out is discarded. Renewal by heartbeat: every
 *   `heartbeat` units the holder sends a renew and starts a second lease timer; the server's confirmation makes that
 *   timer the lease in force (the notes' "the staleness is reset", measured from the renew's send again).
 * - The server unlocks at Tu = Ts + delta: `unlock` units of its own clock after the last grant or renewal it received,
 *   where unlock = fastest * ceil(lease / slowest) + 1 (src/protocols/alf-lease/messages.ts): the client's clock at its
 *   slowest has expired the lease at a strictly earlier tick than the server's clock at its fastest reaches the unlock,
 *   whatever the message delays (the server's timer starts no earlier than the client's).
 * - "The user may come back thinking it still has the lock and doing writes": a write sent under a valid lease may
 *   arrive after the lease lapsed and a newer holder wrote. The fix is fencing: the resource refuses a write whose
 *   lease's sequence number is older than the last it applied (and the refusal tells the writer it lost the lock).
 * - Failures: a client may crash (crash-stop; only c1, as the clients are interchangeable) or be isolated by a
 *   partition (healed eventually). Either way its heartbeats stop and its lease must lapse.
 *
 * Properties: one-holder (no two live clients believe they hold the lock at once), ordered-writes (the resource never
 * applies an older lease's write after a newer one's), failed-lock-granted-again (a lock held by a crashed or isolated
 * client while a live client still wants it is eventually held by a client that has not failed; weak fairness of every
 * step, ticks included), and sometimes-properties that keep them from being vacuous.
 *
 * Time (checker/actors/environment.ts): ticks of a global time no process reads; at each tick every process with a
 * running timer advances its clock by a rate from slowest to fastest, chosen per process and per tick, so every drift
 * within the bound is explored. Timers are punctual (no tick while one is due) and the state keeps only what is left of
 * each timer, so the duration protocol's state space is finite without any bound on time: it never reads a clock.
 * Only absolute-expiry reads clocks (`out.now()`: the server stamps an expiry time, the client compares it with its own
 * clock), which puts clocks into the state; they grow without end, so that variant alone needs time.horizon (time stops
 * after `horizon` ticks) and time.offsets (clocks start at 0 or at `skew`: unsynchronised). It runs at a single rate so
 * that its failure is the skew's alone: with skew=0 it holds within the horizon (a test shows both). Liveness is not
 * stated for it: with a horizon time stops and timers stop firing.
 *
 * Wrong variants: absolute-expiry (an expiry time on unsynchronised clocks), lease-from-receipt (the staleness ignored),
 * no-drift-margin (the server unlocks after the lease itself), unfenced (the late write lands).
 */

type Roles = ReturnType<typeof alfLeaseRoles>;
type Procs = RoleStates<Roles>;

const flawsOf = (variant: string): LeaseFlaws => ({
  absoluteExpiry: variant === "absolute-expiry",
  fromReceipt: variant === "lease-from-receipt",
  noDriftMargin: variant === "no-drift-margin",
  unfenced: variant === "unfenced",
});

export default defineSpec({
  name: "alf-lease",
  summary: "ALF lease lock: leases by duration measured from the request's send, heartbeat renewal, drift margin, fencing",
  tlaModule: "AlfLease",
  keys: {
    clients: intKey({ doc: "clients competing for the lock", default: 2, min: 1, max: 3 }),
    lease: intKey({ doc: "the lease (the client's wait time), in local clock units", default: 3, min: 1, max: 20 }),
    heartbeat: intKey({ doc: "a holder renews every this many units of its clock", default: 2, min: 1, max: 20 }),
    slowest: intKey({ doc: "the fewest units a clock advances in a tick (the drift bound's low end)", default: 2, min: 1, max: 8 }),
    fastest: intKey({ doc: "the most units a clock advances in a tick (the drift bound's high end)", default: 3, min: 1, max: 8 }),
    crashes: intKey({ doc: "crashes of client c1 (crash-stop; the clients are interchangeable)", default: 1, min: 0, max: 1 }),
    partitions: intKey({ doc: "isolations of a client (healed eventually)", default: 0, min: 0, max: 2 }),
    horizon: intKey({ doc: "absolute-expiry only: ticks after which time stops (clocks are read)", default: 0, min: 0, max: 12 }),
    skew: intKey({ doc: "absolute-expiry only: a clock starts at 0 or at skew", default: 0, min: 0, max: 20 }),
  },
  variants: {
    main: { summary: "leases by duration from the request's send, the server's unlock with the drift margin, a fenced resource" },
    "absolute-expiry": {
      summary: "the lease is an expiry time on the server's clock, compared with the client's unsynchronised clock",
      defaults: { horizon: 2, skew: 2, slowest: 3, fastest: 3, crashes: 0 },
      fails: ["one-holder"],
    },
    "lease-from-receipt": {
      summary: "the client measures its lease from receipt of the grant (staleness ignored)",
      fails: ["one-holder", "failed-lock-granted-again"],
    },
    "no-drift-margin": {
      summary: "the server unlocks after the lease itself, without the drift margin",
      fails: ["one-holder", "failed-lock-granted-again"],
    },
    unfenced: {
      summary: "the resource applies writes whatever their lease: a lapsed holder's late write lands after a newer holder's",
      fails: ["ordered-writes", "fence-refuses"],
    },
  },
  build(config, variant) {
    const flaws = flawsOf(variant);
    if (config.fastest < config.slowest)
      throw new ConfigError("alf-lease", "fastest", String(config.fastest), `at least slowest (${config.slowest})`);
    if (!flaws.absoluteExpiry && (config.horizon > 0 || config.skew > 0))
      throw new ConfigError(
        "alf-lease",
        config.horizon > 0 ? "horizon" : "skew",
        String(config.horizon || config.skew),
        "0 here: only absolute-expiry reads clocks",
      );
    if (flaws.absoluteExpiry && config.horizon === 0)
      throw new ConfigError("alf-lease", "horizon", "0", "at least 1 for absolute-expiry: it reads clocks");
    const drift = { slowest: config.slowest, fastest: config.fastest };
    const rates = Array.from({ length: drift.fastest - drift.slowest + 1 }, (_, i) => drift.slowest + i);
    const offsets = config.skew > 0 ? [0, config.skew] : [0];
    const crashable = [1]; // c1: the clients are interchangeable, so c1 stands for any one that fails
    const model = actorModel(alfLeaseRoles({ clients: config.clients, lease: config.lease, heartbeat: config.heartbeat, drift, flaws }), {
      time: { rates, ...(flaws.absoluteExpiry && { horizon: config.horizon, offsets }) },
      crashes: config.crashes,
      crashable,
      partitions: config.partitions,
      partitionable: ["clients"],
      idFields: { states: { server: ["holder"] } },
    });
    const at = (holds: (procs: Procs, s: SystemState) => boolean) => (s: SystemState) => holds(model.roles(s), s);
    const failed = (s: SystemState, id: number) => s.crashed.includes(id) || (model.environment(s)?.isolated.includes(id) ?? false);
    const holderFailed = at(({ server: [srv], clients }, s) => {
      const holder = srv!.holder;
      if (holder === null || !failed(s, holder)) return false;
      return clients.some(
        (c, i) => model.ids.clients[i] !== holder && !s.crashed.includes(model.ids.clients[i]!) && (c.phase === "idle" || c.phase === "requesting"),
      );
    });
    /** The resource has just refused a write as older than the last it applied: its answer is in flight. */
    const refused = (s: SystemState) =>
      s.network.some((key) => {
        const { msg } = model.envelope(key) as { msg: LeaseMessage };
        return msg.type === "written" && !msg.ok;
      });
    const workingHolder = at(({ server: [srv] }, s) => srv!.holder !== null && !failed(s, srv!.holder));
    return {
      model,
      tla: alfLeasePairing({
        model,
        flaws,
        constants: {
          ...leaseDurations(config.lease, drift, flaws),
          heartbeat: config.heartbeat,
          rates,
          crashes: config.crashes,
          crashable,
          partitions: config.partitions,
          horizon: config.horizon,
          offsets,
        },
      }),
      properties: [
        always(
          "one-holder",
          at(({ clients }, s) => clients.filter((c, i) => c.phase === "holding" && !s.crashed.includes(model.ids.clients[i]!)).length <= 1),
          { tla: "OneHolder" },
        ),
        always(
          "ordered-writes",
          at(({ resource: [r] }) => r!.applied.every((seq, i) => i === 0 || r!.applied[i - 1]! <= seq)),
          { tla: "OrderedWrites" },
        ),
        sometimes(
          "writes",
          at(({ resource: [r] }) => r!.applied.length > 0),
          { tla: "NeverWrites" },
        ),
        sometimes("fence-refuses", refused, { tla: "NeverRefuses" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        // With a horizon time stops, so no liveness is stated: a timer that never fires owes nothing. The sometimes
        // property says the liveness property is not vacuous: a holder does fail while another client wants the lock.
        ...(flaws.absoluteExpiry
          ? []
          : [
              sometimes("holder-fails", holderFailed, { tla: "HolderNeverFails" }),
              leadsTo("failed-lock-granted-again", holderFailed, workingHolder, { tla: "FailedLockGrantedAgain" }),
            ]),
      ],
    };
  },
});
