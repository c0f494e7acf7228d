import { threadId } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import spec from "../../specs/lamport-clocks/model.ts";
import type { ExploreResult } from "../../checker/explore/result.ts";
import { runSpec } from "../../checker/run.ts";
import { callOffThread, exploreOffThread } from "./off-thread.ts";

const fixture = new URL("./off-thread-fixture.ts", import.meta.url);
const lamport = new URL("../../specs/lamport-clocks/model.ts", import.meta.url);
/** A result without the figures that differ from run to run (time, heap). */
const comparable = (result: ExploreResult<unknown, unknown>) => ({ ...result, seconds: 0, memory: undefined });

describe("explorations off the test's event loop", () => {
  it("run in another thread, the same one for each call of a test file", async () => {
    const first = await callOffThread<number>(fixture, "currentThread");
    expect(first).not.toBe(threadId);
    expect(await callOffThread<number>(fixture, "currentThread")).toBe(first);
  });

  it("calls made at once share two threads", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => callOffThread<number>(fixture, "currentThread")));
    expect(new Set(ids).size).toBe(2);
    expect(ids).not.toContain(threadId);
  });

  it.each([
    ["main", []],
    ["receive-without-max", []],
    ["main", ["processes=2", "events=2"]],
  ] as const)("give the result the explorer gives in this thread: %s %j", async (variant, set) => {
    const here = runSpec(spec, { variant, set: [...set] }).result;
    const there = await exploreOffThread(lamport, { variant, set: [...set] });
    expect(comparable(there)).toEqual(comparable(here));
    expect(there.properties.some((p) => p.trace !== undefined)).toBe(variant !== "main");
  });

  it("reject with the error thrown there, by name and message", async () => {
    await expect(exploreOffThread(lamport, { set: ["colour=red"] })).rejects.toMatchObject({ name: "UsageError", message: /unknown key "colour"/ });
    await expect(callOffThread(fixture, "throwsRange", ["too far"])).rejects.toMatchObject({ name: "RangeError", message: "too far" });
    await expect(callOffThread(fixture, "nothingByThatName")).rejects.toThrow(/exports no function nothingByThatName/);
  });

  it("a result that cannot cross threads is an error, and the thread goes on answering", async () => {
    await expect(callOffThread(fixture, "aFunction")).rejects.toMatchObject({ name: "DataCloneError" });
    expect(await callOffThread<number>(fixture, "currentThread")).not.toBe(threadId);
  });
});
