import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { HistoryEvent, Operation } from "../../src/actor/index.ts";
import { call, randomHistories, ret, r, w } from "../helpers/histories.ts";
import { isLinearizable, operations } from "../../checker/props/linearizability.ts";
import { register } from "../../checker/props/sequential.ts";
import { encode } from "../../checker/state/encode.ts";
import { explainLinearizability } from "../../checker/report/linearizability.ts";

/** The histories of a trace in which each step adds one event of `history`. */
const stepwise = (history: readonly HistoryEvent[]): (readonly HistoryEvent[])[] => [...history.map((_, i) => history.slice(0, i)), history];

/** The history with the responses of the operations in `kept` only, each operation its own client (as the explanation defines it). */
function relaxed(history: readonly HistoryEvent[], kept: ReadonlySet<number>): HistoryEvent[] {
  const ops = operations(history);
  return history.flatMap((event, e): HistoryEvent[] => {
    const i = ops.findIndex((o) => o.call === e || o.ret === e);
    return "call" in event ? [call(i, event.call)] : kept.has(i) ? [ret(i, event.ret)] : [];
  });
}

describe("why a history is not linearizable", () => {
  it("new-old inversion: the two reads are the smallest set that fails; the pending write is free", () => {
    const h = [call(0, w(1)), call(1, r), ret(1, 1), call(1, r), ret(1, null)];
    const e = explainLinearizability(stepwise(h), register, ["s1", "c1", "c2"].slice(1))!;
    expect(e.operations).toEqual([
      { client: "c1", operation: { op: "write", value: 1 }, called: 1, returned: null },
      { client: "c2", operation: { op: "read" }, result: 1, called: 2, returned: 3 },
      { client: "c2", operation: { op: "read" }, result: null, called: 4, returned: 5 },
    ]);
    expect(e.core).toEqual([1, 2]);
    expect(e.refuted).toEqual([
      { order: [1], expected: null },
      { order: [0, 1, 2], expected: 1 },
    ]);
  });

  it("is undefined for a linearizable history, and names clients by number without names", () => {
    expect(explainLinearizability(stepwise([call(0, w(1)), ret(0, "ok"), call(1, r), ret(1, 1)]), register)).toBeUndefined();
    const e = explainLinearizability(stepwise([call(0, w(1)), ret(0, "ok"), call(1, r), ret(1, 2)]), register)!;
    expect(e.operations.map((o) => o.client)).toEqual(["client 0", "client 1"]);
    expect(e.core).toEqual([1]); // a read of 2, never written, fails on its own
  });

  it("on random histories: the core fails, is minimal and smallest, and each refuted order is real and refuted", () => {
    let explained = 0;
    fc.assert(
      fc.property(histories, (history) => {
        const e = explainLinearizability(stepwise(history), register);
        expect(e === undefined).toBe(isLinearizable(history, register));
        if (!e) return;
        explained++;
        const ops = operations(history);
        const completed = ops.flatMap((o, i) => (o.ret !== undefined ? [i] : []));
        const fails = (kept: readonly number[]) => !isLinearizable(relaxed(history, new Set(kept)), register);
        expect(e.core.every((i) => completed.includes(i))).toBe(true);
        expect(fails(e.core)).toBe(true);
        for (const i of e.core) expect(fails(e.core.filter((j) => j !== i))).toBe(false);
        for (const subset of subsets(completed)) if (subset.length < e.core.length) expect(fails(subset)).toBe(false);
        e.operations.forEach((o, i) => {
          expect(o.called).toBe(ops[i]!.call + 1);
          expect(o.returned).toBe(ops[i]!.ret === undefined ? null : ops[i]!.ret! + 1);
        });
        for (const { order, expected } of e.refuted) {
          let state: unknown = register.init;
          order.forEach((i, k) => {
            for (const a of e.core) if (ops[a]!.ret! < ops[i]!.call) expect(order.slice(0, k)).toContain(a);
            const step = register.apply(state, ops[i]!.operation);
            const last = k === order.length - 1;
            if (last) expect([encode(step.result), e.core.includes(i)]).toEqual([encode(expected), true]);
            if (e.core.includes(i)) expect(encode(step.result) === encode(ops[i]!.result)).toBe(!last);
            state = step.state;
          });
        }
        expect(e.refuted.length).toBeGreaterThan(0);
      }),
      { numRuns: 400, seed: 7 },
    );
    expect(explained).toBeGreaterThan(20);
  });
});

function subsets(items: readonly number[]): number[][] {
  return items.reduce<number[][]>((all, x) => [...all, ...all.map((s) => [...s, x])], [[]]);
}

/** Random complete histories (see randomHistories). */
const histories = randomHistories([null, 1, 2]);
