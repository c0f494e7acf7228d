import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/actor/index.ts";
import { actorModel, type Network } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { explore } from "../../checker/explore/search.ts";
import { noDeadlock, terminates } from "../../checker/props/property.ts";

type Msg = string;

/** A server that answers "ping" with "pong" and remembers the set of other messages it got. */
const server: Actor<readonly string[], Msg> = {
  name: "s",
  init: () => [],
  receive(state, from, msg, out) {
    if (msg === "ping") out.send(from, "pong");
    return msg === "ping" || state.includes(msg) ? state : [...state, msg].sort();
  },
};

/** A client with one operation: it sends `messages` to the server and, if it sent a ping, waits for the pong. */
function client(messages: readonly Msg[]): Actor<"idle" | "waiting" | "done", Msg> {
  return {
    name: "c",
    init: () => "idle",
    invoke(state, out) {
      if (state !== "idle") return undefined;
      out.invoked({ op: "send" });
      for (const m of messages) out.send(0, m);
      return messages.includes("ping") ? "waiting" : "done";
    },
    receive(state, _from, msg, out) {
      if (msg !== "pong" || state !== "waiting") return state;
      out.returned("pong");
      return "done";
    },
    done: (state) => state === "done",
  };
}

/** The server (id 0) and a client sending `messages` (id 1); the server may crash. */
const system = (messages: readonly Msg[], network: Network, crashes = 0) =>
  actorModel({ servers: [server], clients: [client(messages)] }, { network, crashes, crashable: ["servers"] });

describe("actor systems as models", () => {
  it("ping-pong without faults: 4 states in a line", () => {
    const result = explore(system(["ping"], "unordered"), { properties: [noDeadlock()] });
    expect(result).toMatchObject({ distinctStates: 4, generatedStates: 4, depth: 4 });
    expect(result.properties[0]!.holds).toBe(true);
  });

  it("ping-pong with one crash: counted by hand, and the stranded client is a deadlock", () => {
    const model = system(["ping"], "unordered", 1);
    const result = explore(model, { properties: [noDeadlock()], continueAfterViolation: true });
    expect(result).toMatchObject({ distinctStates: 8, generatedStates: 10, depth: 5 });
    const trace = result.properties[0]!.trace!;
    expect(trace.steps.map((s) => (s.action === null ? "init" : model.describe(s.action)))).toEqual(["init", "c invokes send()", "s crashes"]);
    // By default the search stops at the violation, as TLC does without -continue: S1c is expanded
    // after S0, S1, S0c and S2, by which time S0, S1, S0c, S2, S1c, S3 and S2c are known.
    expect(explore(model, { properties: [noDeadlock()] })).toMatchObject({ complete: false, distinctStates: 7 });
  });

  it("records invocations and responses in the history", () => {
    const model = system(["ping"], "unordered");
    let state = model.initialStates()[0]!;
    for (let i = 0; i < 3; i++) state = model.next(state, model.actions(state)[0]!);
    expect(state.history).toEqual([
      { client: 1, call: { op: "send" } },
      { client: 1, ret: "pong" },
    ]);
    expect(model.isFinal(state)).toBe(true);
  });

  it.each([
    ["unordered", 5, true],
    ["fifo", 4, true],
    ["duplicating", 5, true],
    ["lossy", 10, true],
  ] as const)(
    "two messages on a %s network: %i states, terminates %s (duplicates redeliver forever, but only once final)",
    (network, states, finite) => {
      const result = explore(system(["m1", "m2"], network), { properties: [terminates()] });
      expect(result.distinctStates).toBe(states);
      expect(result.properties[0]!.holds).toBe(finite);
    },
  );

  it("keeps identical messages as copies in a bag, delivered one at a time", () => {
    const model = system(["m", "m"], "unordered");
    const sent = model.next(model.initialStates()[0]!, model.actions(model.initialStates()[0]!)[0]!);
    expect(sent.network).toHaveLength(2);
    expect(model.actions(sent)).toHaveLength(1);
    const once = model.next(sent, model.actions(sent)[0]!);
    expect(once.network).toHaveLength(1);
  });

  it("local events: each is a successor, none after a crash; counted by hand", () => {
    // A process that may "tick" up to twice, and send its count to the server once ("report").
    const ticker: Actor<{ ticks: number; reported: boolean }, Msg> = {
      name: "t",
      init: () => ({ ticks: 0, reported: false }),
      receive: (state) => state,
      localEvents: (state) => [...(state.ticks < 2 ? ["tick"] : []), ...(state.reported ? [] : ["report"])],
      onLocalEvent(state, event, out) {
        if (event === "tick") return { ...state, ticks: state.ticks + 1 };
        out.send(0, `count ${state.ticks}`);
        return { ...state, reported: true };
      },
    };
    const model = actorModel({ servers: [server], tickers: [ticker] }, { network: "unordered", crashes: 1, crashable: ["tickers"] });
    const [init] = model.initialStates();
    expect(model.actions(init!).map((a) => model.describe(a))).toEqual(["t does tick", "t does report", "t crashes"]);
    // Not reported: 3 states (ticks 0..2). Reported at count k with ticks t, k <= t <= 2: 6 pairs, each
    // with the report in flight or delivered: 12. Each of these 15 also with t crashed: 30.
    const result = explore(model, { properties: [terminates()] });
    expect(result.distinctStates).toBe(30);
    expect(result.properties[0]!.holds).toBe(true);
    const crashed = model.next(init!, model.actions(init!)[2]!);
    expect(model.actions(crashed)).toEqual([]);
  });

  it("a crash notifies the live processes that listen, in the same step", () => {
    const watcher: Actor<readonly number[], Msg> = {
      name: "w",
      init: () => [],
      receive: (state) => state,
      onCrash(state, crashed, out) {
        out.send(0, `lost ${crashed}`);
        return [...state, crashed];
      },
    };
    const roles = { servers: [server], watchers: [watcher, { ...watcher, name: "w2" }] };
    const model = actorModel(roles, { network: "unordered", crashes: 2, crashable: [1, 2] });
    const [init] = model.initialStates();
    const once = model.next(
      init!,
      model.actions(init!).find((a) => model.describe(a) === "w crashes")!,
    );
    expect(once.procs).toEqual([[], [], [1]]);
    expect(once.network.map((k) => model.envelope(k).msg)).toEqual(["lost 1"]);
    const twice = model.next(
      once,
      model.actions(once).find((a) => model.describe(a) === "w2 crashes")!,
    );
    expect(twice.procs).toEqual([[], [], [1]]);
  });

  it("roles: ids count up through the roles in order, and each role's states read back typed", () => {
    const model = actorModel({ servers: [server, { ...server, name: "s2" }], clients: [client(["ping"])] });
    expect(model.ids).toEqual({ servers: [0, 1], clients: [2] });
    expect(model.names).toEqual(["s", "s2", "c"]);
    const [init] = model.initialStates();
    const invoked = model.next(init!, model.actions(init!)[0]!);
    const { servers, clients } = model.roles(invoked);
    expect(servers).toEqual([[], []]);
    expect(clients).toEqual(["waiting"]);
  });

  it("crashable: an unknown role or id, or crashes with nothing crashable, is a usage error", () => {
    const roles = { servers: [server], clients: [client(["ping"])] };
    expect(() => actorModel(roles, { crashes: 1 })).toThrow(UsageError);
    const unknownRole = ["nodes" as "servers"];
    expect(() => actorModel(roles, { crashes: 1, crashable: unknownRole })).toThrow(/crashable names role "nodes"; roles: servers, clients/);
    expect(() => actorModel(roles, { crashes: 1, crashable: [2] })).toThrow(/ids run from 0 to 1/);
  });
});
