import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/actor/index.ts";
import { actorModel, type ActorModelOptions, type SystemAction, type SystemState } from "../../checker/actors/system.ts";
import { isUsageError } from "../../checker/errors.ts";
import { explore } from "../../checker/explore/search.ts";
import { always, eventually, noDeadlock } from "../../checker/props/property.ts";
import { formatReport } from "../../checker/report-text.ts";
import { runSpec } from "../../checker/run.ts";
import { defineSpec } from "../../checker/spec.ts";

type Msg = string;

/** A process that, on its local event "arm", sets timer "t" to `duration` units and counts how often it fired. */
const armer = (name: string, duration: number): Actor<{ armed: boolean; fired: number }, Msg> => ({
  name,
  init: () => ({ armed: false, fired: 0 }),
  localEvents: (s) => (s.armed ? [] : ["arm"]),
  onLocalEvent(s, _event, out) {
    out.setTimer("t", duration);
    return { ...s, armed: true };
  },
  receive: (s) => s,
  onTimer: (s) => ({ ...s, fired: s.fired + 1 }),
});

/** Takes `kind` actions (the first enabled one each time) from the initial state. */
function walk(model: ReturnType<typeof actorModel>, kinds: readonly SystemAction["kind"][], from?: SystemState): SystemState {
  let state = from ?? model.initialStates()[0]!;
  for (const kind of kinds) {
    const action = model.actions(state).find((a) => a.kind === kind);
    if (action === undefined) throw new Error(`no ${kind} enabled in ${JSON.stringify(model.view!(state))}`);
    state = model.next(state, action);
  }
  return state;
}

const kindsIn = (model: ReturnType<typeof actorModel>, state: SystemState) => model.actions(state).map((a) => a.kind);

const usageErrorOf = (build: () => unknown): string => {
  try {
    build();
  } catch (error) {
    if (isUsageError(error)) return (error as Error).message;
    throw error;
  }
  throw new Error("no error");
};

describe("time: ticks, drifting clocks and punctual timers", () => {
  it("a timer of 3 units fires after three ticks at one unit a tick, and time does not pass while it is due", () => {
    const model = actorModel({ p: [armer("p", 3)] }, { time: {} });
    const start = model.initialStates()[0]!;
    expect(kindsIn(model, start)).toEqual(["local"]); // no timer runs: nothing for time to do
    const armed = walk(model, ["local"]);
    expect(model.environment(armed)!.timers[0]).toEqual({ t: 3 });
    const due = walk(model, ["tick", "tick", "tick"], armed);
    expect(model.environment(due)!.timers[0]).toEqual({ t: 0 });
    expect(kindsIn(model, due)).toEqual(["timer"]);
    const fired = walk(model, ["timer"], due);
    expect(model.roles(fired).p[0]!.fired).toBe(1);
    expect(model.environment(fired)!.timers[0]).toEqual({});
    expect(model.describe(model.actions(due)[0]!)).toBe("p's timer t fires");
  });

  it("each process with a running timer picks its own rate at each tick; processes without timers do not branch", () => {
    const model = actorModel({ p: [armer("p", 4), armer("q", 4), armer("r", 4)] }, { time: { rates: [1, 2] } });
    const twoArmed = walk(model, ["local", "local"]);
    const ticks = model.actions(twoArmed).filter((a) => a.kind === "tick");
    expect(ticks.map((a) => (a as { advances: readonly number[] }).advances)).toEqual([
      [1, 1, 0],
      [1, 2, 0],
      [2, 1, 0],
      [2, 2, 0],
    ]);
    const after = model.next(twoArmed, ticks[1]!);
    expect(model.environment(after)!.timers.slice(0, 2)).toEqual([{ t: 3 }, { t: 2 }]);
    expect(model.describe(ticks[1]!)).toBe("time passes (p +1, q +2)");
    // Drift lets q's timer fire while p's still runs: the one order a drift-free model never shows.
    const result = explore(model, {
      properties: [always("fire-together", (s: SystemState) => model.roles(s).p[0]!.fired === model.roles(s).p[1]!.fired)],
    });
    expect(result.properties[0]!.holds).toBe(false);
  });

  it("a timer set again restarts; cancelled, it stops; a crash loses it", () => {
    const model = actorModel({ p: [armer("p", 2)] }, { time: {}, crashes: 1, crashable: ["p"] });
    const armed = walk(model, ["local"]);
    const crashed = walk(model, ["crash"], armed);
    expect(model.environment(crashed)!.timers[0]).toEqual({});
    expect(kindsIn(model, crashed)).toEqual([]);
  });

  it("clocks are readable only with a horizon; offsets start them apart and time stops at the horizon", () => {
    const reader: Actor<number[], Msg> = {
      name: "p",
      init: () => [],
      localEvents: (s) => (s.length < 3 ? ["read"] : []),
      onLocalEvent: (s, _e, out) => [...s, out.now()],
      receive: (s) => s,
    };
    expect(() => explore(actorModel({ p: [reader] }, { time: {} }), { properties: [] })).toThrow(
      /reads its clock, but the model's time has no horizon/,
    );
    const model = actorModel({ p: [reader, { ...reader, name: "q" }] }, { time: { horizon: 2, offsets: [0, 5] } });
    expect(model.initialStates().map((s) => model.environment(s)!.clocks)).toEqual([
      [0, 0],
      [0, 5],
      [5, 0],
      [5, 5],
    ]);
    // The same process state reads different clocks: each reading is its own step (the memo keys by the clock).
    const late = walk(model, ["tick", "local"]);
    expect(model.roles(late).p[0]).toEqual([1]);
    const atHorizon = walk(model, ["tick", "tick"]);
    expect(model.environment(atHorizon)!.now).toBe(2);
    expect(kindsIn(model, atHorizon)).not.toContain("tick");
    expect(model.view!(atHorizon)).toMatchObject({ now: 2, clocks: { p: 2, q: 2 } });
  });

  it("bad time options and timers without time are refused with one line", () => {
    expect(usageErrorOf(() => actorModel({ p: [armer("p", 1)] }, { time: { rates: [0] } }))).toMatch(/time.rates takes positive integers/);
    expect(usageErrorOf(() => actorModel({ p: [armer("p", 1)] }, { time: { offsets: [1] } }))).toMatch(/time.offsets needs time.horizon/);
    const untimed = actorModel({ p: [armer("p", 1)] });
    expect(() => walk(untimed, ["local"])).toThrow(/sets timer "t", but the model has no time/);
    const zero = actorModel({ p: [armer("p", 0)] }, { time: {} });
    expect(() => walk(zero, ["local"])).toThrow(/durations are positive integers/);
  });

  it("time is weakly fair: an armed timer eventually fires; without the fairness of ticks it need not", () => {
    const model = actorModel({ p: [armer("p", 2)] }, { time: { rates: [1, 2] } });
    const fires = eventually("fires", (s: SystemState) => model.roles(s).p[0]!.fired === 1);
    expect(explore(model, { properties: [fires] }).properties[0]!.holds).toBe(true);
    expect(explore(model, { properties: [fires], fairness: { tick: "none" } }).properties[0]!.holds).toBe(false);
  });
});

/** A store of one number: "add" messages add to its volatile sum; "flush" persists it; recover reads it back. */
const adder: Actor<{ sum: number; flushed: number } | null, Msg> = {
  name: "a",
  init: () => ({ sum: 0, flushed: 0 }),
  receive: (s, _from, msg) => ({ sum: s!.sum + Number(msg), flushed: s!.flushed }),
  localEvents: (s) => (s !== null && s.sum !== s.flushed ? ["flush"] : []),
  onLocalEvent(s, _e, out) {
    out.persist({ sum: s!.sum });
    return { ...s!, flushed: s!.sum };
  },
  recover: (durable) => {
    const sum = (durable as { sum: number } | null)?.sum ?? 0;
    return { sum, flushed: sum };
  },
};

/** A client that sends "1" and "2" to the adder at start. */
const sender: Actor<boolean, Msg> = {
  name: "c",
  init: () => false,
  localEvents: (s) => (s ? [] : ["send"]),
  onLocalEvent(_s, _e, out) {
    out.send(0, "1");
    out.send(0, "2");
    return true;
  },
  receive: (s) => s,
};

describe("crash-recovery", () => {
  const options = (more: Partial<ActorModelOptions<{ a: (typeof adder)[]; c: (typeof sender)[] }>> = {}) =>
    actorModel({ a: [adder], c: [sender] }, { crashes: 2, crashable: ["a"], recover: "eventually", ...more });

  it("a crash loses the volatile state (null while down); recovery rebuilds from the last durable record", () => {
    const model = options();
    const flushed = walk(model, ["local", "deliver", "local"]);
    expect(model.environment(flushed)!.durable[0]).toEqual({ sum: 1 });
    const down = walk(model, ["crash"], flushed);
    expect(model.roles(down).a[0]).toBeNull();
    expect(down.crashed).toEqual([0]);
    expect(kindsIn(model, down)).toEqual(["recover"]); // the message "2" waits for the adder to come back
    const back = walk(model, ["recover"], down);
    expect(model.roles(back).a[0]).toEqual({ sum: 1, flushed: 1 });
    expect(back.crashed).toEqual([]);
    expect(walk(model, ["deliver"], back).network).toEqual([]);
    expect(model.describe({ kind: "recover", process: 0 })).toBe("a recovers");
    expect(model.view!(down)).toMatchObject({ durable: { a: { sum: 1 } }, crashed: ["a"] });
  });

  it("crashes counts crash events: a recovered process may crash again, within the budget", () => {
    const model = options();
    const twice = walk(model, ["crash", "recover", "crash", "recover"]);
    expect(model.environment(twice)!.crashes).toBe(2);
    expect(kindsIn(model, twice)).not.toContain("crash");
  });

  it("what is not flushed is lost: the sum after recovery can be less than what was delivered", () => {
    const model = options({ crashes: 1 });
    const holdsAll = always("no-loss", (s: SystemState) => {
      const a = model.roles(s).a[0];
      return !model.roles(s).c[0] || s.network.length > 0 || !a || a.sum === 3;
    });
    const result = explore(model, { properties: [holdsAll] });
    expect(result.properties[0]!.holds).toBe(false);
    const steps = result.properties[0]!.trace!.steps.map((s) => (s.action ? model.describe(s.action as SystemAction) : "start"));
    expect(steps).toContain("a crashes");
  });

  it("recovery is weakly fair only with eventually; with maybe a crashed process may stay down", () => {
    const up = eventually("up", (s: SystemState) => s.procs[1] === true && s.crashed.length === 0 && s.network.length === 0);
    expect(explore(options(), { properties: [up] }).properties[0]!.holds).toBe(true);
    expect(explore(options({ recover: "maybe" }), { properties: [up] }).properties[0]!.holds).toBe(false);
  });

  it("a crashable actor without recover is refused; without recover, persist keeps nothing", () => {
    const noRecover = { ...adder, recover: undefined };
    expect(usageErrorOf(() => actorModel({ a: [noRecover], c: [sender] }, { crashes: 1, crashable: ["a"], recover: "maybe" }))).toMatch(
      /a may crash and recover, but its actor has no recover/,
    );
    const crashStop = actorModel({ a: [adder], c: [sender] }, { crashes: 1, crashable: ["a"] });
    expect(walk(crashStop, ["local", "deliver", "local"]).env).toBeUndefined();
    expect(usageErrorOf(() => actorModel({ a: [adder] }, { recover: "always" as "maybe" }))).toMatch(/recover takes never, maybe or eventually/);
  });
});

describe("partitions", () => {
  const model = (more: object = {}) => actorModel({ a: [adder], c: [sender] }, { partitions: 1, partitionable: ["a"], ...more });

  it("an isolated process neither gets nor sends messages until the partition heals; messages wait", () => {
    const m = model();
    const isolated = walk(m, ["local", "isolate"]);
    expect(m.environment(isolated)!.isolated).toEqual([0]);
    expect(kindsIn(m, isolated)).toEqual(["heal"]);
    expect(isolated.network).toHaveLength(2);
    const healed = walk(m, ["heal"], isolated);
    expect(kindsIn(m, healed)).toEqual(["deliver", "deliver"]); // the budget of one isolation is spent
    expect(m.describe({ kind: "isolate", process: 0 })).toBe("the network isolates a");
    expect(m.view!(isolated)).toMatchObject({ isolated: ["a"] });
  });

  it("healing is weakly fair by default; with heal maybe a partition may last for ever", () => {
    const m = model();
    const added = eventually("added", (s: SystemState) => m.roles(s).a[0]!.sum === 3);
    expect(explore(m, { properties: [added, noDeadlock()] }).properties.map((p) => p.holds)).toEqual([true, true]);
    const lasting = model({ heal: "maybe" });
    const result = explore(lasting, { properties: [eventually("added", (s: SystemState) => lasting.roles(s).a[0]!.sum === 3)] });
    expect(result.properties[0]!.holds).toBe(false);
  });

  it("bad partition options are refused", () => {
    expect(usageErrorOf(() => model({ partitions: -1 }))).toMatch(/partitions takes a non-negative integer/);
    expect(usageErrorOf(() => model({ partitionable: ["x"] }))).toMatch(/partitionable names role "x"/);
    expect(usageErrorOf(() => model({ heal: "never" }))).toMatch(/heal takes maybe or eventually/);
  });
});

describe("the environment in states", () => {
  it("traces name the ids in durable records as idFields.durable declares", () => {
    const keeper: Actor<{ last: number | null } | null, Msg> = {
      name: "k",
      init: () => ({ last: null }),
      receive(_s, from, _m, out) {
        out.persist({ last: from, at: [from, 7] });
        return { last: from };
      },
      recover: (d) => ({ last: (d as { last: number }).last }),
    };
    const m = actorModel(
      { keeper: [keeper], c: [sender] },
      { crashes: 1, crashable: ["keeper"], recover: "maybe", idFields: { states: { keeper: ["last"] }, durable: { keeper: ["last", "at.0"] } } },
    );
    const persisted = walk(m, ["local", "deliver"]);
    expect(m.view!(persisted)).toMatchObject({ k: { last: "c" }, durable: { k: { last: "c", at: ["c", 7] } } });
    expect(m.environment(persisted)!.durable[0]).toEqual({ last: 1, at: [1, 7] }); // display only
    expect(usageErrorOf(() => actorModel({ keeper: [keeper] }, { recover: "maybe", idFields: { durable: { nobody: ["x"] } } as never }))).toMatch(
      /idFields names role "nobody"/,
    );
  });

  it("equal environments reached along different paths give one state; different timers give different states", () => {
    const m = actorModel({ p: [armer("p", 2), armer("q", 2)] }, { time: {} });
    const pq = walk(m, ["local", "local"]);
    const actions = m.actions(m.initialStates()[0]!);
    const qp = m.next(m.next(m.initialStates()[0]!, actions[1]!), m.actions(m.next(m.initialStates()[0]!, actions[1]!))[0]!);
    const fp = (s: SystemState) => {
      const out = new Uint32Array(2);
      m.fingerprint!(s, out);
      return [...out];
    };
    expect(m.environment(qp)).toBe(m.environment(pq)); // interned: one object per content
    expect(fp(qp)).toEqual(fp(pq));
    expect(fp(walk(m, ["tick"], pq))).not.toEqual(fp(pq));
    // The search keeps one state per content: as many states as distinct views, with timers part of each.
    const views = new Set<string>();
    const result = explore(m, { properties: [], onNewState: (s) => views.add(JSON.stringify(m.view!(s))) });
    expect(result.distinctStates).toBe(views.size);
    expect(result.distinctStates).toBeGreaterThan(10);
  });
});

describe("bounded delays", () => {
  type Pinger = { phase: "idle" | "waiting" | "answered" | "timed out" };
  const pinger: Actor<Pinger, Msg> = {
    name: "p",
    init: () => ({ phase: "idle" }),
    localEvents: (s) => (s.phase === "idle" ? ["ping"] : []),
    onLocalEvent(_s, _e, out) {
      out.send(1, "ping");
      out.setTimer("timeout", 3);
      return { phase: "waiting" };
    },
    receive(s, _from, _msg, out) {
      out.cancelTimer("timeout");
      return s.phase === "waiting" ? { phase: "answered" } : s;
    },
    onTimer: (s) => (s.phase === "waiting" ? { phase: "timed out" } : s),
  };
  const ponger: Actor<null, Msg> = { name: "q", init: () => null, receive: (s, from, _m, out) => (out.send(from, "pong"), s) };
  const system = (maxDelay?: number, more: object = {}) => actorModel({ p: [pinger], q: [ponger] }, { time: { maxDelay }, ...more });
  const neverTimesOut = (m: ReturnType<typeof system>) =>
    explore(m, { properties: [always("no-timeout", (s: SystemState) => m.roles(s).p[0]!.phase !== "timed out")] }).properties[0]!;

  it("a round trip within the timeout never times out when each message waits at most one tick; with two it may", () => {
    expect(neverTimesOut(system(1)).holds).toBe(true);
    const late = neverTimesOut(system(2));
    expect(late.holds).toBe(false);
    expect(neverTimesOut(system()).holds).toBe(false);
    const m = system(2);
    const last = late.trace!.steps.at(-1)!.state as SystemState;
    // The ping waited one tick and the pong two: the timer fires with the pong in flight, no tick left to it.
    expect(m.view!(last)).toMatchObject({ network: [{ from: "q", to: "p", message: "pong", ticksLeft: 0 }] });
  });

  it("time waits for an overdue message; one its receiver cannot take is lost at the next tick", () => {
    const m = system(0, { crashes: 1, crashable: ["q"] });
    const sent = walk(m, ["local"]);
    expect(kindsIn(m, sent)).toEqual(["deliver", "crash"]); // no tick: the ping has no tick left
    const down = walk(m, ["crash"], sent);
    expect(kindsIn(m, down)).toEqual(["tick"]);
    expect(walk(m, ["tick"], down).network).toEqual([]);
  });

  it("delivery stays weakly fair as a message ages (one fairness key per message), and bad delays are refused", () => {
    const m = system(2);
    const sent = walk(m, ["local"]);
    const older = walk(m, ["tick"], sent);
    const deliveries = [sent, older].map((s) => m.actions(s).find((a) => a.kind === "deliver")!);
    expect(deliveries[0]!.kind === "deliver" && deliveries[1]!.kind === "deliver" && deliveries[0]!.key !== deliveries[1]!.key).toBe(true);
    expect(m.fairness!(deliveries[0]!)).toEqual(m.fairness!(deliveries[1]!));
    expect(usageErrorOf(() => system(-1))).toMatch(/time.maxDelay takes a non-negative integer/);
    expect(usageErrorOf(() => system(1, { network: "duplicating" }))).toMatch(/not duplicating/);
  });
});

describe("a horizon bounds the model", () => {
  const reader: Actor<number, Msg> = {
    name: "p",
    init: () => 0,
    localEvents: (s) => (s === 0 ? ["read"] : []),
    onLocalEvent: (_s, _e, out) => out.now() + 1,
    receive: (s) => s,
  };
  const spec = defineSpec({
    name: "horizon",
    summary: "a clock read once",
    keys: {},
    variants: { main: { summary: "reads its clock" } },
    build() {
      const model = actorModel({ p: [reader] }, { time: { horizon: 3 } });
      return {
        model,
        properties: [
          always("read-within-horizon", (s: SystemState) => model.roles(s).p[0]! <= 4),
          eventually("reads", (s: SystemState) => model.roles(s).p[0]! > 0),
        ],
      };
    },
  });

  it("says so in the result; safety is decided within it and liveness left unchecked, with why", () => {
    const { document } = runSpec(spec);
    expect(document.bound).toBe("time stops after 3 ticks (time.horizon)");
    expect(document.properties.map((p) => [p.name, p.holds])).toEqual([
      ["read-within-horizon", true],
      ["reads", null],
    ]);
    expect(document.properties[1]!.note).toMatch(/^not checked: time stops after 3 ticks/);
    expect(formatReport(document)).toContain("bounded: time stops after 3 ticks (time.horizon)");
    expect(actorModel({ p: [armer("p", 1)] }, { time: {} }).bound).toBeUndefined();
  });
});
