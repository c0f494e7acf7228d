import { describe, expect, it } from "vitest";
import { assignIds, type Actor, type Id } from "../../src/actor/index.ts";
import { actorModel, type ActorModelOptions, type SystemState } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { explore } from "../../checker/explore/search.ts";
import { always, type Property } from "../../checker/props/property.ts";
import { hashInto } from "../../checker/state/hash.ts";

/*
 * Symmetry over the environment: timers, durable records, clocks and the isolated set move with their processes.
 * Each case checks the reduction against brute force: the orbits the reduced search stores are exactly the distinct
 * representatives of the states the full search reaches, and the verdicts are the same.
 */

type Msg = { readonly type: "acquire" } | { readonly type: "grant" } | { readonly type: "busy" };
type Client = { readonly phase: "idle" | "waiting" | "holding" | "done"; readonly grants: number };

/** A lease server: grants the lock for 5 units of its clock and remembers (durably) whom it granted it to last. */
const server: Actor<{ holder: Id | null; last: Id | null }, Msg> = {
  name: "server",
  init: () => ({ holder: null, last: null }),
  receive(state, from, _m, out) {
    if (state.holder !== null) return (out.send(from, { type: "busy" }), state);
    out.send(from, { type: "grant" });
    out.setTimer("unlock", 5);
    out.persist({ last: from });
    return { holder: from, last: from };
  },
  onTimer: (state) => ({ ...state, holder: null }),
  recover: (durable) => ({ holder: null, last: (durable as { last: Id } | null)?.last ?? null }),
};

/** A client acquiring once, holding until its lease of 2 units (counted from its request) runs out; it counts grants durably. */
const client = (name: string, serverId: Id): Actor<Client | null, Msg> => ({
  name,
  init: () => ({ phase: "idle", grants: 0 }),
  localEvents: (s) => (s?.phase === "idle" ? ["acquire"] : []),
  onLocalEvent(s, _e, out) {
    out.send(serverId, { type: "acquire" });
    out.setTimer("lease", 2);
    return { ...s!, phase: "waiting" };
  },
  receive(s, _from, m, out) {
    if (s!.phase !== "waiting") return s;
    if (m.type === "busy") return { ...s!, phase: "done" };
    out.persist({ grants: s!.grants + 1 });
    return { phase: "holding", grants: s!.grants + 1 };
  },
  onTimer: (s) => ({ ...s!, phase: "done" }),
  recover: (durable) => ({ phase: "done", grants: (durable as { grants: number } | null)?.grants ?? 0 }),
  done: (s) => s?.phase === "done",
});

const roles = (clients: number) => {
  const ids = assignIds({ server: 1, clients });
  return { server: [server], clients: ids.clients.map((_, i) => client(`c${i + 1}`, 0)) };
};
type Roles = ReturnType<typeof roles>;

const renameServer = (s: { holder: Id | null; last: Id | null }, id: (x: Id) => Id) => ({
  holder: s.holder === null ? null : id(s.holder),
  last: s.last === null ? null : id(s.last),
});
const renameServerRecord = (r: unknown, id: (x: Id) => Id) => ({ last: id((r as { last: Id }).last) });

function system(clients: number, options: ActorModelOptions<Roles>) {
  return actorModel(roles(clients), {
    time: { rates: [1, 2] },
    ...options,
    symmetry: { roles: ["clients"], rename: { server: renameServer }, renameDurable: { server: renameServerRecord } },
  });
}

/** The distinct representatives of every state the full search reaches, and the full search's verdicts. */
function bruteForce(model: ReturnType<typeof system>, properties: readonly Property<SystemState>[]) {
  const fp = new Uint32Array(2);
  const orbits = new Set<string>();
  const full = explore(model, {
    properties,
    continueAfterViolation: true,
    onNewState: (s: SystemState) => {
      hashInto(model.symmetry!.canonical(s), fp);
      orbits.add(`${fp[0]}:${fp[1]}`);
    },
  });
  return { orbits: orbits.size, full };
}

const oneHolder = (model: ReturnType<typeof system>) =>
  always("one-holder", (s: SystemState) => model.roles(s).clients.filter((c) => c?.phase === "holding").length <= 1);

describe("symmetry over the environment", () => {
  it.each<[string, number, ActorModelOptions<Roles>]>([
    ["timers and drifting clocks", 3, {}],
    ["crash-recovery of the server (durable records holding ids)", 2, { crashes: 1, crashable: ["server"], recover: "eventually" }],
    ["crash-recovery of the clients", 2, { crashes: 1, crashable: ["clients"], recover: "maybe" }],
    ["partitions of the clients", 2, { partitions: 1, partitionable: ["clients"] }],
    ["bounded delays", 2, { time: { rates: [1, 2], maxDelay: 1 } }],
    ["readable clocks with a horizon", 2, { time: { rates: [1, 2], horizon: 2 } }],
  ])("%s (%i clients): one state per orbit, the same verdicts", (_, clients, options) => {
    const model = system(clients, options);
    const properties = [oneHolder(model)];
    const { orbits, full } = bruteForce(model, properties);
    const reduced = explore(model, { properties, symmetry: true, continueAfterViolation: true });
    expect(reduced.properties.find((p) => p.kind === "exception")?.error).toBeUndefined();
    expect(reduced.stopReason).toBeUndefined();
    expect(reduced.complete).toBe(true);
    expect(reduced.distinctStates).toBe(orbits);
    expect(reduced.distinctStates).toBeLessThan(full.distinctStates);
    expect(reduced.properties.map((p) => p.holds)).toEqual(full.properties.map((p) => p.holds));
  });

  it("a renaming moves timers, durable records and the isolated set with their processes", () => {
    const model = system(2, { crashes: 1, crashable: ["server"], recover: "eventually", partitions: 1, partitionable: ["clients"] });
    let state = model.initialStates()[0]!;
    const take = (describe: string) => {
      const action = model.actions(state).find((a) => model.describe(a) === describe);
      if (!action) throw new Error(`not enabled: ${describe}; enabled: ${model.actions(state).map(model.describe).join("; ")}`);
      state = model.next(state, action);
    };
    take("c1 does acquire");
    take("server receives acquire() from c1");
    take("the network isolates c1");
    const [swap] = model.symmetry!.generators;
    const renamed = swap!.rename(state);
    const env = model.environment(renamed)!;
    expect(env.timers).toEqual([{ unlock: 5 }, {}, { lease: 2 }]);
    expect(env.durable[0]).toEqual({ last: 2 });
    expect(env.isolated).toEqual([2]);
  });

  it("interchangeable processes may all be isolated or none", () => {
    expect(() => system(2, { partitions: 1, partitionable: [1] })).toThrow(UsageError);
    expect(() => system(2, { partitions: 1, partitionable: [1] })).toThrow(/c1 may be isolated but c2 may not/);
  });

  it("a durable record holding an id the declaration does not rename is caught by the self-check", () => {
    const model = actorModel(roles(2), {
      time: { rates: [1] },
      crashes: 1,
      crashable: ["server"],
      recover: "eventually",
      symmetry: { roles: ["clients"], rename: { server: renameServer } },
    });
    expect(() => explore(model, { properties: [], symmetry: true })).toThrow(/declared symmetry does not hold/);
  });
});
