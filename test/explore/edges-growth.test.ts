/**
 * The state graph kept for liveness doubles its arrays in one step; a search asks beforehand what the next states
 * would cost it (growthBytes), so that its memory bound is kept rather than passed by a growth between two samples.
 */
import { describe, expect, it } from "vitest";
import { EdgeStore } from "../../checker/explore/edges.ts";

describe("EdgeStore.growthBytes", () => {
  it("is zero while the next states and edges fit, and what the store then allocates when they do not", () => {
    const graph = new EdgeStore(); // room for 65,536 edges and 16,384 states
    expect(graph.growthBytes(16_384, 65_536)).toBe(0);
    expect(graph.growthBytes(16_384, 65_537)).toBe(2 * (131_072 * 4)); // targets and classes, doubled
    expect(graph.growthBytes(16_385, 0)).toBe(2 * (32_768 * 4)); // starts and counts, doubled
    const before = graph.bytes();
    for (let id = 0; id < 16_384; id++) graph.set(id, [id, id, id, id]);
    expect(graph.bytes()).toBe(before); // 65,536 edges: no growth, as said
    const announced = graph.growthBytes(16_385, 1);
    graph.set(16_384, [0]);
    expect(graph.bytes() - before).toBe(announced / 2); // what it announced, the old arrays let go
    expect(graph.target(16_384, 0)).toBe(0);
    expect(graph.degree(3)).toBe(4);
  });
});
