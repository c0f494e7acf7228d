import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HistoryEvent, Operation } from "../../src/actor/index.ts";
import { call, randomHistories, ret, r, w } from "../helpers/histories.ts";
import {
  Frontier,
  isLinearizable,
  LinearizabilityMemo,
  linearization,
  operations,
  type HistoryOperation,
} from "../../checker/props/linearizability.ts";
import { casRegister, register, type SequentialSpec } from "../../checker/props/sequential.ts";

describe("linearizability: hand-made histories", () => {
  it("a write then a read of its value", () => {
    expect(isLinearizable([call(0, w(1)), ret(0, "ok"), call(1, r), ret(1, 1)], register)).toBe(true);
  });

  it("new-old inversion: a later read returns the older value", () => {
    const h = [call(0, w(1)), call(1, r), ret(1, 1), call(1, r), ret(1, null), ret(0, "ok")];
    expect(isLinearizable(h, register)).toBe(false);
  });

  it("a pending write may take effect: its value can be read", () => {
    expect(isLinearizable([call(0, w(1)), call(1, r), ret(1, 1)], register)).toBe(true);
  });

  it("a pending write may also not take effect", () => {
    expect(isLinearizable([call(0, w(1)), call(1, r), ret(1, null)], register)).toBe(true);
  });

  it("a read of a value never written", () => {
    expect(isLinearizable([call(0, w(1)), ret(0, "ok"), call(1, r), ret(1, 2)], register)).toBe(false);
  });

  it("a completed write must precede a read that starts after it", () => {
    expect(isLinearizable([call(0, w(1)), ret(0, "ok"), call(1, r), ret(1, null)], register)).toBe(false);
  });

  it("compare-and-set: only one of two concurrent CAS from null succeeds", () => {
    const cas = (value: number): Operation => ({ op: "cas", expected: null, value });
    expect(isLinearizable([call(0, cas(1)), call(1, cas(2)), ret(0, true), ret(1, false)], casRegister)).toBe(true);
    expect(isLinearizable([call(0, cas(1)), call(1, cas(2)), ret(0, true), ret(1, true)], casRegister)).toBe(false);
  });

  it("rejects malformed histories", () => {
    expect(() => operations([ret(0, 1)])).toThrow(/no pending call/);
    expect(() => operations([call(0, r), call(0, r)])).toThrow(/pending/);
  });

  it("rejects an operation the spec does not know", () => {
    expect(() => isLinearizable([call(0, { op: "increment" }), ret(0, 1)], register)).toThrow(/no operation/);
  });
});

/** The oracle: every order of every subset holding all completed ops, checked directly. */
function oracle(history: readonly HistoryEvent[], spec: SequentialSpec): boolean {
  const ops = operations(history);
  const pending = ops.map((o, i) => (o.ret === undefined ? i : -1)).filter((i) => i >= 0);
  const completed = ops.map((o, i) => (o.ret !== undefined ? i : -1)).filter((i) => i >= 0);
  for (let mask = 0; mask < 1 << pending.length; mask++) {
    const chosen = [...completed, ...pending.filter((_, k) => mask & (1 << k))];
    for (const order of permutations(chosen))
      if (
        legal(
          order.map((i) => ops[i]!),
          spec,
        )
      )
        return true;
  }
  return false;
}

function legal(order: readonly HistoryOperation[], spec: SequentialSpec): boolean {
  let state = spec.init;
  for (let i = 0; i < order.length; i++) {
    for (let j = i + 1; j < order.length; j++) if (order[j]!.ret !== undefined && order[j]!.ret! < order[i]!.call) return false;
    const step = spec.apply(state, order[i]!.operation);
    if (order[i]!.ret !== undefined && JSON.stringify(step.result) !== JSON.stringify(order[i]!.result)) return false;
    state = step.state;
  }
  return true;
}

function* permutations(items: readonly number[]): Generator<number[]> {
  if (items.length === 0) yield [];
  for (let i = 0; i < items.length; i++) for (const rest of permutations([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i]!, ...rest];
}

/** Random histories, some cut short (an operation left pending). */
const histories = randomHistories([null, 1, 2, "ok"], 3);

describe("linearizability agrees with a brute-force oracle", () => {
  it("on random small histories, with both verdicts occurring", () => {
    const seen = { yes: 0, no: 0 };
    fc.assert(
      fc.property(histories, (history) => {
        const verdict = isLinearizable(history, register);
        expect(verdict).toBe(oracle(history, register));
        seen[verdict ? "yes" : "no"]++;
      }),
      { numRuns: 400, seed: 42 },
    );
    expect(seen.yes).toBeGreaterThan(20);
    expect(seen.no).toBeGreaterThan(20);
  });

  it("the linearization it returns is accepted by the oracle's legality check", () => {
    fc.assert(
      fc.property(histories, (history) => {
        const order = linearization(history, register);
        if (order === undefined) return;
        const ops = operations(history);
        expect(ops.filter((o) => o.ret !== undefined).every((o) => order.includes(ops.indexOf(o)))).toBe(true);
        expect(
          legal(
            order.map((i) => ops[i]!),
            register,
          ),
        ).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("long histories", () => {
  /** `n` operations by two clients, each write overlapping the other client's read of the value before it. */
  function long(n: number, lastRead: unknown): HistoryEvent[] {
    const history: HistoryEvent[] = [];
    for (let i = 1; i <= n / 2; i++) {
      history.push({ client: 0, call: { op: "write", value: i } }, { client: 1, call: { op: "read" } });
      history.push({ client: 1, ret: i === n / 2 ? lastRead : i - 1 === 0 ? null : i - 1 }, { client: 0, ret: "ok" });
    }
    return history;
  }

  it("20,000 operations are checked without overflowing the stack, both verdicts", () => {
    expect(isLinearizable(long(20_000, 9_999), register)).toBe(true);
    expect(isLinearizable(long(20_000, 10_000), register)).toBe(true); // the read overlaps the write of 10,000
    expect(isLinearizable(long(20_000, 3), register)).toBe(false);
  });
});

describe("linearizability event by event (frontiers), as the explorer checks its states' histories", () => {
  it("the frontier after every prefix of random histories gives isLinearizable's verdict, both verdicts occurring", () => {
    const seen = { yes: 0, no: 0 };
    fc.assert(
      fc.property(histories, (history) => {
        let frontier = Frontier.initial(register);
        history.forEach((event, i) => {
          frontier = frontier.after(event);
          const verdict = isLinearizable(history.slice(0, i + 1), register);
          expect(frontier.linearizable).toBe(verdict);
          seen[verdict ? "yes" : "no"]++;
        });
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(seen.yes).toBeGreaterThan(50);
    expect(seen.no).toBeGreaterThan(50);
  });

  it("compare-and-set too: frontiers agree with the search on concurrent CAS histories", () => {
    const cas = (expected: number | null, value: number): Operation => ({ op: "cas", expected, value });
    const cases: HistoryEvent[][] = [
      [call(0, cas(null, 1)), call(1, cas(null, 2)), ret(0, true), ret(1, false)],
      [call(0, cas(null, 1)), call(1, cas(null, 2)), ret(0, true), ret(1, true)],
      [call(0, cas(null, 1)), ret(0, true), call(1, cas(1, 2)), call(0, r), ret(0, 2), ret(1, true)],
      [call(0, cas(null, 1)), ret(0, true), call(1, cas(1, 2)), call(0, r), ret(0, 1), ret(1, true)],
      [call(0, cas(null, 1)), ret(0, true), call(1, r), ret(1, 2)],
    ];
    for (const history of cases) {
      const frontier = history.reduce((f, e) => f.after(e), Frontier.initial(casRegister));
      expect(frontier.linearizable).toBe(isLinearizable(history, casRegister));
    }
  });

  it("a malformed history is refused with operations' words", () => {
    expect(() => Frontier.initial(register).after(ret(0, 1))).toThrow("malformed history: client 0 returns at event 0 with no pending call");
    expect(() => Frontier.initial(register).after(call(0, r)).after(call(0, r))).toThrow(
      "malformed history: client 0 calls at event 1 while its call at event 0 is pending",
    );
  });

  it("the memo runs the spec once per event, not per history, when histories grow one step at a time; both verdicts", () => {
    let applied = 0;
    const counted: SequentialSpec = { ...register, apply: (state, op) => (applied++, register.apply(state, op)) };
    const memo = new LinearizabilityMemo(counted);
    const n = 2_000; // operations; each history is walked by its events (identity look-ups), the spec runs on new events only
    let history: HistoryEvent[] = [];
    for (let i = 1; i <= n / 2; i++) {
      for (const event of [call(0, w(i)), call(1, r), ret(1, i - 1 === 0 ? null : i - 1), ret(0, "ok")]) {
        history = [...history, event]; // a new array per state, sharing the events, as the explorer's histories do
        expect(memo.holds(history)).toBe(true);
      }
    }
    expect(applied).toBeGreaterThan(n);
    expect(applied).toBeLessThan(6 * n); // a response applies the few pending operations, not the whole history again
    const wrong = [...history.slice(0, -2), ret(1, 3), ret(0, "ok")];
    expect(memo.holds(wrong)).toBe(false);
    const before = applied;
    expect(memo.holds(history)).toBe(true); // known: nothing applied again
    expect(applied).toBe(before);
  });

  it("equal histories held in different arrays (or built from different event objects) get the same verdict", () => {
    const memo = new LinearizabilityMemo(register);
    const h = [call(0, w(1)), call(1, r), ret(1, 1), call(1, r), ret(1, null), ret(0, "ok")];
    expect(memo.holds(h)).toBe(false);
    expect(memo.holds(h.slice())).toBe(false);
    expect(memo.holds(h.map((e) => ({ ...e })))).toBe(false);
    expect(memo.holds(h.slice(0, 3))).toBe(true);
  });
});
