import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import {
  leaseClient,
  leaseDurations,
  leaseResource,
  leaseServer,
  unlockAfter,
  type ClientState,
  type LeaseMessage,
} from "../../src/protocols/alf-lease/index.ts";

const recorder = (clock = 0) => recorderOf<LeaseMessage>(clock);
const SERVER = 0;
const RESOURCE = 3;

describe("the drift margin", () => {
  it("makes the server's unlock due strictly after the client's lease at every drift within the bound, and is the least that does", () => {
    for (let lease = 1; lease <= 12; lease++)
      for (let slowest = 1; slowest <= 5; slowest++)
        for (let fastest = slowest; fastest <= 6; fastest++) {
          const unlock = unlockAfter(lease, { slowest, fastest });
          // Ticks until a timer is due: at most ceil(lease / slowest) for the client, at least ceil(unlock / fastest) for the server.
          expect(Math.ceil(unlock / fastest)).toBeGreaterThan(Math.ceil(lease / slowest));
          expect(Math.ceil((unlock - 1) / fastest)).toBeLessThanOrEqual(Math.ceil(lease / slowest));
        }
  });

  it("is left out by the no-drift-margin flaw only", () => {
    expect(leaseDurations(3, { slowest: 2, fastest: 3 })).toEqual({ lease: 3, unlock: 7 });
    expect(leaseDurations(3, { slowest: 2, fastest: 3 }, { noDriftMargin: true })).toEqual({ lease: 3, unlock: 3 });
  });
});

describe("the lock server", () => {
  const server = leaseServer({ name: "server", unlock: 7, lease: 3 });

  it("grants a free lock, numbering the grant, and starts its unlock timer; a held lock answers busy", () => {
    const r = recorder();
    const held = server.receive(server.init(), 1, { type: "acquire" }, r.out);
    expect(held).toEqual({ holder: 1, seq: 1 });
    expect(r.sent).toEqual([[1, { type: "grant", seq: 1 }]]);
    expect(r.timers).toEqual([["unlock", 7]]);
    const busy = recorder();
    expect(server.receive(held, 2, { type: "acquire" }, busy.out)).toBe(held);
    expect(busy.sent).toEqual([[2, { type: "busy" }]]);
    expect(busy.timers).toEqual([]);
  });

  it("renews only the holder's current grant, restarting the unlock timer", () => {
    const held = { holder: 1, seq: 2 };
    const r = recorder();
    expect(server.receive(held, 1, { type: "renew", seq: 2 }, r.out)).toBe(held);
    expect(r.sent).toEqual([[1, { type: "renewed", seq: 2 }]]);
    expect(r.timers).toEqual([["unlock", 7]]);
    for (const [from, seq] of [
      [2, 2],
      [1, 1],
    ] as const) {
      const late = recorder();
      expect(server.receive(held, from, { type: "renew", seq }, late.out)).toBe(held);
      expect([late.sent, late.timers]).toEqual([[], []]);
    }
    expect(server.receive({ holder: null, seq: 2 }, 1, { type: "renew", seq: 2 }, recorder().out)).toEqual({ holder: null, seq: 2 });
  });

  it("unlocks on the holder's release (stopping its timer) or when the timer fires", () => {
    const r = recorder();
    expect(server.receive({ holder: 1, seq: 1 }, 1, { type: "release", seq: 1 }, r.out)).toEqual({ holder: null, seq: 1 });
    expect(r.timers).toEqual([["unlock", null]]);
    expect(server.receive({ holder: 2, seq: 2 }, 1, { type: "release", seq: 1 }, recorder().out)).toEqual({ holder: 2, seq: 2 });
    expect(server.onTimer!({ holder: 2, seq: 2 }, "unlock", recorder().out)).toEqual({ holder: null, seq: 2 });
  });

  it("with absoluteExpiry, tells the client an expiry time: its own clock plus the lease", () => {
    const absolute = leaseServer({ name: "server", unlock: 4, lease: 3, absoluteExpiry: true });
    const r = recorder(10);
    absolute.receive(absolute.init(), 1, { type: "acquire" }, r.out);
    expect(r.sent).toEqual([[1, { type: "grant", seq: 1, expires: 13 }]]);
  });
});

describe("an ALF client", () => {
  const client = leaseClient({ name: "c1", server: SERVER, resource: RESOURCE, lease: 3, heartbeat: 2 });
  const requesting = (): ClientState => client.onLocalEvent!(client.init(), "acquire", recorder().out);
  const holding = (): ClientState => client.receive(requesting(), SERVER, { type: "grant", seq: 1 }, recorder().out);

  it("starts its lease when it sends the request (the staleness Ts counts), and holds on a grant in time", () => {
    const r = recorder();
    expect(client.localEvents!(client.init())).toEqual(["acquire"]);
    const asked = client.onLocalEvent!(client.init(), "acquire", r.out);
    expect(asked.phase).toBe("requesting");
    expect(r.sent).toEqual([[SERVER, { type: "acquire" }]]);
    expect(r.timers).toEqual([["lease0", 3]]);
    const g = recorder();
    expect(client.receive(asked, SERVER, { type: "grant", seq: 1 }, g.out)).toMatchObject({ phase: "holding", seq: 1, lease: 0 });
    expect(g.timers).toEqual([["heartbeat", 2]]); // the lease runs on from the send, not restarted
  });

  it("discards a grant that arrives after its wait time ran out, and asks again after busy", () => {
    const late = client.onTimer!(requesting(), "lease0", recorder().out);
    expect(late.phase).toBe("late");
    expect(client.receive(late, SERVER, { type: "grant", seq: 1 }, recorder().out).phase).toBe("failed");
    const r = recorder();
    const again = client.receive(requesting(), SERVER, { type: "busy" }, r.out);
    expect(again.phase).toBe("idle");
    expect(r.timers).toEqual([["lease0", null]]);
    expect(client.receive(late, SERVER, { type: "busy" }, recorder().out).phase).toBe("idle");
  });

  it("renews by heartbeat, measuring the renewal from its send; a confirmed renewal becomes the lease in force", () => {
    const r = recorder();
    const renewing = client.onTimer!(holding(), "heartbeat", r.out);
    expect(renewing).toMatchObject({ renewing: true, lease: 0 });
    expect(r.sent).toEqual([[SERVER, { type: "renew", seq: 1 }]]);
    expect(r.timers).toEqual([["lease1", 3]]);
    const c = recorder();
    const renewed = client.receive(renewing, SERVER, { type: "renewed", seq: 1 }, c.out);
    expect(renewed).toMatchObject({ renewing: false, lease: 1, phase: "holding" });
    expect(c.timers).toEqual([
      ["heartbeat", 2],
      ["lease0", null],
    ]);
    expect(client.receive(renewed, SERVER, { type: "renewed", seq: 1 }, recorder().out)).toBe(renewed); // none outstanding
  });

  it("calls on_failure when the lease runs out: it stops using the lock and all its timers", () => {
    const r = recorder();
    const failed = client.onTimer!(holding(), "lease0", r.out);
    expect(failed).toMatchObject({ phase: "failed", seq: null });
    expect(r.timers.map(([name, d]) => [name, d])).toEqual([
      ["lease0", null],
      ["lease1", null],
      ["heartbeat", null],
    ]);
    expect(client.localEvents!(failed)).toEqual([]);
    expect(client.done!(failed)).toBe(true);
  });

  it("writes once under the lease, releases once the write is applied, and fails when the fence refuses it", () => {
    const w = recorder();
    expect(client.localEvents!(holding())).toEqual(["write"]);
    const sent = client.onLocalEvent!(holding(), "write", w.out);
    expect(w.sent).toEqual([[RESOURCE, { type: "write", seq: 1 }]]);
    expect(client.localEvents!(sent)).toEqual([]);
    const applied = client.receive(sent, RESOURCE, { type: "written", seq: 1, ok: true }, recorder().out);
    expect(client.localEvents!(applied)).toEqual(["release"]);
    const r = recorder();
    const released = client.onLocalEvent!(applied, "release", r.out);
    expect(released.phase).toBe("released");
    expect(r.sent).toEqual([[SERVER, { type: "release", seq: 1 }]]);
    expect(client.receive(sent, RESOURCE, { type: "written", seq: 1, ok: false }, recorder().out).phase).toBe("failed");
  });

  it("flawed: measuring from receipt starts the lease at the grant; an absolute expiry is read against its own clock", () => {
    const fromReceipt = leaseClient({ name: "c1", server: SERVER, resource: RESOURCE, lease: 3, heartbeat: 2, flaws: { fromReceipt: true } });
    const asked = recorder();
    const waiting = fromReceipt.onLocalEvent!(fromReceipt.init(), "acquire", asked.out);
    expect(asked.timers).toEqual([]);
    const g = recorder();
    fromReceipt.receive(waiting, SERVER, { type: "grant", seq: 1 }, g.out);
    expect(g.timers).toEqual([
      ["lease0", 3],
      ["heartbeat", 2],
    ]);

    const absolute = leaseClient({ name: "c1", server: SERVER, resource: RESOURCE, lease: 3, heartbeat: 2, flaws: { absoluteExpiry: true } });
    const behind = recorder(8); // this clock is 2 behind a server that granted at 10 with expires 13
    const held = absolute.receive(
      absolute.onLocalEvent!(absolute.init(), "acquire", recorder().out),
      SERVER,
      { type: "grant", seq: 1, expires: 13 },
      behind.out,
    );
    expect(held.phase).toBe("holding");
    expect(behind.timers[0]).toEqual(["lease0", 5]);
    const ahead = absolute.receive(
      absolute.onLocalEvent!(absolute.init(), "acquire", recorder().out),
      SERVER,
      { type: "grant", seq: 1, expires: 13 },
      recorder(13).out,
    );
    expect(ahead.phase).toBe("failed");
  });
});

describe("the resource", () => {
  it("fenced, refuses a write older than the last applied and says so; unfenced, applies it", () => {
    const fenced = leaseResource({ name: "resource" });
    const r = recorder();
    const state = fenced.receive({ applied: [2] }, 1, { type: "write", seq: 1 }, r.out);
    expect(state).toEqual({ applied: [2] });
    expect(r.sent).toEqual([[1, { type: "written", seq: 1, ok: false }]]);
    expect(fenced.receive({ applied: [1] }, 2, { type: "write", seq: 2 }, recorder().out)).toEqual({ applied: [1, 2] });
    const unfenced = leaseResource({ name: "resource", unfenced: true });
    const u = recorder();
    expect(unfenced.receive({ applied: [2] }, 1, { type: "write", seq: 1 }, u.out)).toEqual({ applied: [2, 1] });
    expect(u.sent).toEqual([[1, { type: "written", seq: 1, ok: true }]]);
  });
});
