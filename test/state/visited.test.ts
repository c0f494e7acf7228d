import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VisitedSet } from "../../checker/state/visited.ts";

describe("the visited set", () => {
  it("gives dense ids in discovery order and finds each fingerprint again, across growth", () => {
    const visited = new VisitedSet(16);
    for (let i = 0; i < 5_000; i++) expect(visited.add(i * 7919, i ^ 0x5bd1e995, i - 1, i % 3, 1 + (i % 11))).toBe(i);
    expect(visited.size).toBe(5_000);
    for (let i = 0; i < 5_000; i += 97) {
      expect(visited.find(i * 7919, i ^ 0x5bd1e995)).toBe(i);
      expect(visited.add(i * 7919, i ^ 0x5bd1e995, 0, 0, 1)).toBe(-(i + 1)); // already there: its id, negated
      expect([visited.parent(i), visited.actionIndex(i), visited.depth(i)]).toEqual([i - 1, i % 3, 1 + (i % 11)]);
    }
    expect(visited.size).toBe(5_000);
  });

  it("fingerprints that share a slot by construction stay apart (linear probing)", () => {
    const visited = new VisitedSet(16);
    // Equal `lo ^ hi * K` mod the table size: the same first slot.
    const colliding = [0, 16, 32, 48].map((lo) => [0, lo] as const);
    colliding.forEach(([hi, lo], i) => expect(visited.add(hi, lo, -1, i, 1)).toBe(i));
    colliding.forEach(([hi, lo], i) => expect(visited.find(hi, lo)).toBe(i));
    expect(visited.find(0, 64)).toBe(-1);
    expect(visited.find(1, 0)).toBe(-1); // same lo, another hi: a different fingerprint
  });

  it("a chain of colliding fingerprints wraps from the table's last slot to its first, and survives growth", () => {
    const visited = new VisitedSet(16);
    // hi = 0: the first slot is lo mod 16, so these four all start at slot 15, the last; three wrap to 0, 1, 2.
    const last = [15, 31, 47, 63];
    last.forEach((lo, i) => expect(visited.add(0, lo, i - 1, i, i + 1)).toBe(i));
    // A fingerprint whose first slot (0) the wrapped chain took: found past them, then itself added after them.
    expect(visited.find(0, 16)).toBe(-1);
    expect(visited.add(0, 16, -1, 0, 1)).toBe(4);
    last.forEach((lo, i) => expect(visited.find(0, lo)).toBe(i));
    // Growing (8 ids fill half of 16 slots) moves every fingerprint to a new slot; ids and records stay.
    for (let lo = 100; visited.size < 40; lo++) visited.add(lo, lo, 0, 0, 2);
    last.forEach((lo, i) => {
      expect(visited.find(0, lo)).toBe(i);
      expect([visited.parent(i), visited.actionIndex(i), visited.depth(i)]).toEqual([i - 1, i, i + 1]);
    });
    expect(visited.find(0, 16)).toBe(4);
    expect(visited.find(0, 79)).toBe(-1); // the same first slot again, never added
  });

  it("agrees with a Map on random fingerprints", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(7), fc.nat(63)), { maxLength: 300 }), (prints) => {
        const visited = new VisitedSet(16);
        const oracle = new Map<string, number>();
        for (const [hi, lo] of prints) {
          const key = `${hi}:${lo}`;
          const id = visited.add(hi, lo, -1, 0, 1);
          if (oracle.has(key)) expect(id).toBe(-(oracle.get(key)! + 1));
          else oracle.set(key, id);
        }
        expect(visited.size).toBe(oracle.size);
      }),
    );
  });
});
