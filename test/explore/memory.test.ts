import { describe, expect, it } from "vitest";
import { defaultShare, heapLimit, memoryBound, MemoryMeter, parseSize, sizeText } from "../../checker/explore/memory.ts";
import { explore } from "../../checker/explore/search.ts";
import { simulate } from "../../checker/explore/simulate.ts";
import type { Model } from "../../checker/model.ts";
import { always, terminates } from "../../checker/props/property.ts";
import { UsageError } from "../../checker/errors.ts";

/** A grid of n × n states, each step moving right or up: too many states for a tiny memory bound. */
const grid = (n: number): Model<{ x: number; y: number }, "x" | "y"> => ({
  initialStates: () => [{ x: 0, y: 0 }],
  actions: (s) => [...(s.x < n ? (["x"] as const) : []), ...(s.y < n ? (["y"] as const) : [])],
  next: (s, a) => ({ ...s, [a]: s[a] + 1 }),
  describe: (a) => a,
  actionData: (a) => a,
  isFinal: (s) => s.x === n && s.y === n,
});
const properties = [always<{ x: number }>("x-in-range", (s) => s.x >= 0), terminates<{ x: number }>()];

describe("--memory sizes", () => {
  it.each([
    ["512m", 512 * 2 ** 20],
    ["4g", 4 * 2 ** 30],
    ["4G", 4 * 2 ** 30],
    ["1.5k", 1536],
    ["100", 100],
    ["2t", 2 * 2 ** 40],
  ])("%s is %d bytes", (raw, bytes) => {
    expect(parseSize("memory", raw)).toBe(bytes);
  });

  it.each(["", "m", "1x", "-1g", "1 g", "0", "0.1", "1e3", "4gb", "0x10"])("refuses %j with the option's name", (raw) => {
    expect(() => parseSize("memory", raw)).toThrow(UsageError);
    expect(() => parseSize("memory", raw)).toThrow("--memory takes a size such as 512m or 4g");
  });

  it("defaults to a share of the heap limit, and refuses a bound above the heap limit", () => {
    expect(memoryBound()).toBe(Math.floor(heapLimit() * defaultShare));
    expect(memoryBound(2 ** 20)).toBe(2 ** 20);
    expect(() => memoryBound(heapLimit() + 1)).toThrow("--max-old-space-size");
    expect(sizeText(512 * 2 ** 20)).toBe("512 MiB");
  });

  it("a meter reports its bound, a peak no lower than the bound's check, and heap per state", () => {
    const meter = new MemoryMeter(2 ** 40);
    const hold = Array.from({ length: 50_000 }, (_, i) => ({ i, text: `state ${i}` }));
    expect(meter.exceeded()).toBe(false);
    const figures = meter.figures(hold.length);
    expect(figures.limitBytes).toBe(2 ** 40);
    expect(figures.peakBytes).toBeGreaterThan(0);
    expect(figures.bytesPerState).toBeGreaterThanOrEqual(0);
    expect(new MemoryMeter(1).exceeded()).toBe(true);
  });
});

describe("a search under a memory bound", () => {
  it("stops cleanly at a tiny bound, with partial counts, undecided verdicts and the reason", () => {
    const result = explore(grid(400), { properties, memory: 1 });
    expect(result).toMatchObject({ complete: false, stopReason: "memory", distinctStates: 4096 });
    expect(result.properties.map((p) => p.holds)).toEqual([null, null]);
    expect(result.memory!.limitBytes).toBe(1);
  });

  it("completes under the default bound, saying nothing of a stop, with bytes per state", () => {
    const result = explore(grid(30), { properties });
    expect(result.complete).toBe(true);
    expect(result.stopReason).toBeUndefined();
    expect(result.memory).toMatchObject({ limitBytes: memoryBound() });
    expect(result.memory!.bytesPerState).toBeGreaterThanOrEqual(0);
  });

  it("names every other reason to stop: max-states, a violation, a caller's stop", () => {
    expect(explore(grid(100), { properties, maxStates: 10 }).stopReason).toBe("max-states");
    expect(explore(grid(100), { properties: [always("small", (s) => s.x < 3)] }).stopReason).toBe("violation");
    expect(explore(grid(100), { properties, shouldStop: () => true }).stopReason).toBe("interrupted");
  });

  it("a simulation stops at the bound too", () => {
    const result = simulate(grid(10_000), { properties, seed: 1, traces: 1_000, depth: 1_000, memory: 1 });
    expect(result).toMatchObject({ complete: false, stopReason: "memory", generatedStates: 4096 });
  });
});
