/**
 * The visited set doubles in one step; a search asks beforehand what the next states would cost it (growthBytes), so
 * that its memory bound is kept rather than passed by a growth between two samples.
 */
import { describe, expect, it } from "vitest";
import { VisitedSet } from "../../checker/state/visited.ts";

describe("VisitedSet.growthBytes", () => {
  it("is zero while the next states fit, and what the set then allocates when they do not", () => {
    const visited = new VisitedSet(1 << 10); // 1,024 slots, 512 records: grows on the 513th state
    expect(visited.growthBytes(0)).toBe(0);
    expect(visited.growthBytes(512)).toBe(0);
    expect(visited.growthBytes(513)).toBe(2048 * 12 + 1024 * 12); // the doubled table and records
    expect(visited.growthBytes(1025)).toBe(2048 * 12 + 4096 * 12 + 1024 * 12 + 2048 * 12); // two doublings each
    let next = 0;
    const add = (n: number) => {
      for (let k = 0; k < n; k++, next++) expect(visited.add(next * 2654435761, next, -1, 0, 1)).toBe(next);
    };
    add(500);
    const before = visited.bytes();
    expect(visited.growthBytes(12)).toBe(0);
    add(12);
    expect(visited.bytes()).toBe(before); // no growth, as said
    expect(visited.growthBytes(1)).toBeGreaterThan(0);
    add(1);
    expect(visited.bytes()).toBe(before * 2); // the growth it announced (the old arrays let go)
    expect(visited.growthBytes(1)).toBe(0);
  });
});
