import { describe, expect, it } from "vitest";
import { changeLines, changes, stateLines } from "../../checker/trace/diff.ts";
import { showItf } from "../../checker/trace/show.ts";
import { toItf } from "../../checker/trace/itf.ts";

const names = new Set(["c1", "s1", "s2"]);
const lines = (before: unknown, after: unknown) => changeLines(changes(toItf(before), toItf(after), names));
const envelope = (from: string, to: string, message: object) => ({ from, to, message });

describe("a step's changes, by element and by field", () => {
  it("a list of the same length changes by element: what left and what arrived, on one line", () => {
    const query = envelope("c1", "s1", { type: "query", rid: 1 });
    const reply = envelope("s1", "c1", { type: "queryReply", rid: 1, value: null });
    const other = envelope("c1", "s2", { type: "query", rid: 1 });
    expect(lines({ network: [query, other] }, { network: [other, reply] })).toEqual([
      "network: − c1→s1 query(rid: 1), + s1→c1 queryReply(rid: 1, value: null)",
    ]);
    expect(lines({ network: [query] }, { network: [] })).toEqual(["network: − c1→s1 query(rid: 1)"]);
  });

  it("counts copies: a bag that loses one of two equal messages", () => {
    const m = envelope("c1", "s1", { type: "ping" });
    expect(lines({ network: [m, m] }, { network: [m] })).toEqual(["network: − c1→s1 ping()"]);
  });

  it("groups a process's field changes on one line, names shown bare, strings quoted", () => {
    expect(lines({ c1: { phase: "idle", heard: ["s1"], rid: 0 } }, { c1: { phase: "query", heard: ["s1", "s2"], rid: 1 } })).toEqual([
      'c1: phase "idle" → "query", heard + s2, rid 0 → 1',
    ]);
    expect(lines({ c1: "idle" }, { c1: "done" })).toEqual(['c1: "idle" → "done"']);
  });

  it("a short list of plain values of one length (a tuple) changes as a whole; several removals name the field once", () => {
    expect(lines({ s1: { ts: [0, 0] } }, { s1: { ts: [1, 3] } })).toEqual(["s1: ts [0, 0] → [1, 3]"]);
    expect(lines({ p: { promises: ["s1", "s2", "c1", "x", "y"] } }, { p: { promises: ["x", "y", "z", "w", "v"] } })).toEqual([
      'p: promises − s1, − s2, − c1, + "z", + "w", + "v"',
    ]);
  });

  it("sets by element, maps by key (a changed value under [key]), fields that appear or go", () => {
    expect(lines({ v: new Set([1, 2]) }, { v: new Set([2, 3]) })).toEqual(["v: − 1, + 3"]);
    expect(
      lines(
        {
          m: new Map<string, unknown>([
            ["a", 1],
            ["b", { x: 1 }],
          ]),
        },
        {
          m: new Map<string, unknown>([
            ["b", { x: 2 }],
            ["c", 3],
          ]),
        },
      ),
    ).toEqual(['m: − "a" ↦ 1, ["b"].x 1 → 2, + "c" ↦ 3']);
    expect(lines({ r: { a: 1 } }, { r: { b: 2 } })).toEqual(["r: a − 1, b + 2"]);
    expect(lines({ a: 1 }, { a: 1 })).toEqual([]);
  });

  it("wraps a long line after a comma, continuations aligned under the first change", () => {
    const many = Array.from({ length: 6 }, (_, i) => envelope("c1", "s1", { type: "update", rid: i, value: "a long value to fill the line" }));
    const wrapped = lines({ network: [] }, { network: many });
    expect(wrapped.length).toBeGreaterThan(1);
    expect(wrapped.every((l) => l.length <= 130)).toBe(true);
    expect(wrapped.slice(1).every((l) => l.startsWith(" ".repeat("network: ".length) + "+ "))).toBe(true);
    expect(wrapped.join(" ").match(/\+ c1→s1/g)).toHaveLength(6);
  });
});

describe("ITF values as text", () => {
  it("reads history events, envelopes, tuples, big integers and model values", () => {
    expect(showItf({ client: "c1", call: { op: "write", value: 1 } }, names)).toBe("c1 calls write(value: 1)");
    expect(showItf({ client: "c1", ret: null }, names)).toBe("c1 returns null");
    expect(showItf({ "#tup": [1, "s1"] }, names)).toBe("⟨1, s1⟩");
    expect(showItf({ "#bigint": "18446744073709551616" })).toBe("18446744073709551616");
    expect(showItf({ "#unserializable": "Nil" })).toBe("Nil");
    expect(showItf({ "#map": [[{ from: 0, to: 1 }, 2]] })).toBe("Map{{from: 0, to: 1} → 2}");
    expect(showItf("s1")).toBe('"s1"'); // a name only where the document lists the processes
  });

  it("shows a state field by field", () => {
    expect(stateLines(toItf({ s1: { value: null }, network: [] }), names)).toEqual(["s1: {value: null}", "network: []"]);
    expect(stateLines(3)).toEqual(["3"]);
  });
});
