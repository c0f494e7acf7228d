import { describe, expect, it } from "vitest";
import type { Actor } from "interleave/actor";
import { actorModel, always, check, choiceKey, ConfigError, defineSpec, formatReport, intKey, SpecError, type SystemState } from "interleave";
import { interleaveMatchers } from "interleave/vitest";

expect.extend(interleaveMatchers);

/** A counter process that counts to `limit` by local steps; `mutate` makes the handler change its state in place. */
const counter = (limit: number, options: { mutate?: boolean; throwAt?: number } = {}): Actor<{ n: number }, never> => ({
  name: "p",
  init: () => ({ n: 0 }),
  receive: (state) => state,
  localEvents: (state) => (state.n < limit ? ["inc"] : []),
  onLocalEvent(state) {
    if (options.throwAt === state.n) throw new RangeError(`cannot count past ${state.n}`);
    if (options.mutate) {
      (state as { n: number }).n += 1;
      return state;
    }
    return { n: state.n + 1 };
  },
});

const counterSpec = defineSpec({
  name: "counter",
  summary: "counts up",
  keys: {
    limit: intKey({ doc: "how far", default: 3, min: 0, max: 10 }),
    mode: choiceKey({ doc: "how the handler behaves", default: "pure", choices: ["pure", "mutate", "throw"] }),
  },
  variants: { main: { summary: "counts" }, "too-far": { summary: "bound too low", defaults: { limit: 5 }, fails: ["small"] } },
  build(config) {
    // config.limit is a number and config.mode a union of words: no casts.
    const limit: number = config.limit;
    const mode: "pure" | "mutate" | "throw" = config.mode;
    const model = actorModel({ counters: [counter(limit, { mutate: mode === "mutate", ...(mode === "throw" && { throwAt: 2 }) })] });
    return { model, properties: [always("small", (s: SystemState) => model.roles(s).counters[0]!.n <= 4)] };
  },
});

describe("check(spec, options)", () => {
  it("returns the result document: counts, verdicts, the configuration", async () => {
    const result = await check(counterSpec, { set: { limit: 2 } });
    expect(result).toMatchObject({
      tool: "interleave",
      spec: "counter",
      variant: "main",
      config: { limit: 2, mode: "pure" },
      complete: true,
      distinctStates: 3,
      depth: 3,
    });
    expect(result).toHold();
  });

  it("a variant's violation comes with the shortest counterexample, rendered by formatReport", async () => {
    const result = await check(counterSpec, { variant: "too-far" });
    expect(result).toViolate("small");
    const small = result.properties.find((p) => p.name === "small")!;
    expect(small.trace!.steps).toHaveLength(6);
    expect(formatReport(result)).toMatch(/Counterexample to small \(6 states\)/);
    expect(() => expect(result).toHold()).toThrow(/Counterexample to small/);
  });

  it("a value a key does not accept is a ConfigError with fields", async () => {
    const error = await check(counterSpec, { set: { limit: 11 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({ spec: "counter", key: "limit", value: "11", accepts: "an integer from 0 to 10" });
    await expect(check(counterSpec, { set: ["limit=0x3"] })).rejects.toThrow(ConfigError);
    await expect(check(counterSpec, { set: ["limit=3.0"] })).rejects.toThrow(ConfigError);
    await expect(check(counterSpec, { set: [" limit= 3"] })).rejects.toThrow(/unknown key " limit"/);
  });

  it("a misspelt property in a variant's fails is a SpecError at load", async () => {
    const misspelt = defineSpec({
      name: "counter",
      summary: "counts up",
      keys: counterSpec.keys,
      variants: { main: { summary: "m" }, wrong: { summary: "w", fails: ["smal"] } },
      build: (config) => counterSpec.build(config, "main"),
    });
    const error = await check(misspelt).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).message).toMatch(/variant wrong declares fails: smal, not a property; properties: small/);
  });

  it("a handler that throws is a violation with the trace to the state and the step that threw", async () => {
    const result = await check(counterSpec, { set: { mode: "throw" } });
    expect(result).toViolate("no-exception");
    const thrown = result.properties.find((p) => p.kind === "exception")!;
    expect(thrown.error).toBe("p does inc threw RangeError: cannot count past 2");
    expect(thrown.trace!.steps).toHaveLength(3);
    expect(result.complete).toBe(false);
  });

  it("a property that throws is reported the same way, naming the step after which it threw", async () => {
    const spec = specOf(
      () => [1],
      (s) => s.slice(1),
      1,
      (s) => s[0]!.toFixed() !== "",
    );
    const thrown = (await check(spec)).properties.find((p) => p.kind === "exception")!;
    expect(thrown.error).toMatch(/^checking the properties of the state after c1 does step threw TypeError/);
  });

  it("an init that throws is reported without a trace", async () => {
    const spec = specOf(
      () => {
        throw new Error("no config");
      },
      (s) => s,
      1,
    );
    const result = await check(spec);
    expect(result.properties.find((p) => p.kind === "exception")).toMatchObject({
      holds: false,
      error: "computing the initial states threw Error: no config",
    });
    expect(formatReport(result)).toContain("The model's code threw: computing the initial states threw Error: no config");
  });

  it("a handler that changes its state in place fails at once instead of corrupting stored states", async () => {
    const result = await check(counterSpec, { set: { mode: "mutate" } });
    const thrown = result.properties.find((p) => p.kind === "exception")!;
    expect(thrown.error).toMatch(/p does inc threw TypeError: Cannot assign to read only property 'n'/);
  });

  it("crashes without crashable processes are refused", () => {
    expect(() => actorModel({ counters: [counter(1)] }, { crashes: 1 })).toThrow(/no process may crash/);
    expect(() => actorModel({ counters: [counter(1)] }, { crashes: 1, crashable: ["servers" as "counters"] })).toThrow(
      /role "servers"; roles: counters/,
    );
  });
});

/** A one-process spec whose state the test chooses, to see how the explorer treats values that are not plain data. */
function specOf<S>(init: () => S, step: (s: S) => S, steps: number, bound?: (s: S) => boolean) {
  const actor: Actor<{ left: number; data: S }, never> = {
    name: "c1",
    init: () => ({ left: steps, data: init() }),
    receive: (state) => state,
    localEvents: (state) => (state.left > 0 ? ["step"] : []),
    onLocalEvent: (state) => ({ left: state.left - 1, data: step(state.data) }),
  };
  return defineSpec({
    name: "values",
    summary: "values in a state",
    keys: {},
    variants: { main: { summary: "as given" } },
    build() {
      const model = actorModel({ clients: [actor] });
      return { model, properties: bound ? [always("bounded", (s: SystemState) => bound(model.roles(s).clients[0]!.data))] : [] };
    },
  });
}

class Pending {
  constructor(readonly id: number) {}
}

describe("values that are not plain data", () => {
  it("a counter kept in a Map is seen: each count is a state, and the invariant it breaks is violated", async () => {
    const spec = specOf(
      () => new Map([["n", 0]]),
      (m) => new Map([["n", m.get("n")! + 1]]),
      3,
      (m) => m.get("n")! < 3,
    );
    const result = await check(spec);
    expect(result.distinctStates).toBe(4);
    expect(result).toViolate("bounded");
  });

  it.each([
    ["a class instance", () => ({ pending: new Pending(1) }), "c1.data.pending: a class instance (Pending)"],
    ["a function", () => ({ pending: () => 1 }), "c1.data.pending: a function (pending)"],
    ["NaN", () => ({ pending: [Number.NaN] }), "c1.data.pending[0]: a non-finite number (NaN)"],
    ["a symbol", () => ({ pending: Symbol("x") }), "c1.data.pending: a symbol (Symbol(x))"],
    ["a getter", () => ({ pending: Object.defineProperty({}, "n", { get: () => 1, enumerable: true }) }), "c1.data.pending.n: an accessor property"],
    ["a Date", () => ({ pending: new Date(0) }), "c1.data.pending: a class instance (Date)"],
  ])("%s in a process's state is refused at the first state, naming the process and the path", async (_, init, where) => {
    const spec = specOf(init as () => unknown, (s) => s, 1);
    await expect(check(spec)).rejects.toThrow(where);
  });

  it("a cycle is refused with its path", async () => {
    const spec = specOf(
      () => ({ self: {} as Record<string, unknown> }),
      (s) => {
        const loop: Record<string, unknown> = { at: 1 };
        loop.again = loop;
        return { self: loop };
      },
      1,
    );
    await expect(check(spec)).rejects.toThrow(/a cycle/);
  });
});
