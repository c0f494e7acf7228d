import { describe, expect, it } from "vitest";
import spec from "../../specs/kinesis-shards/model.ts";
import { buildInstance, resolveConfig } from "../../checker/spec.ts";
import type { ActorModel, SystemAction, SystemState } from "../../checker/actors/system.ts";
import { shardKey, type kinesisShardsRoles, type LeaseRecord, type reshardingRoles } from "../../src/protocols/kinesis-shards/index.ts";
import { exploreOffThread } from "../helpers/off-thread.ts";

type LeaseModel = ActorModel<ReturnType<typeof kinesisShardsRoles>>;
type ReshardingModel = ActorModel<ReturnType<typeof reshardingRoles>>;

/** Explores `variant` at `set` in the test's worker thread; the model, built here, reads the roles of trace states. */
async function check(variant: string, set: string[] = [], continueAfterViolation = true) {
  const result = await exploreOffThread<SystemState, SystemAction>(new URL("../../specs/kinesis-shards/model.ts", import.meta.url), {
    variant,
    set,
    continue: continueAfterViolation,
  });
  const model = buildInstance(spec, resolveConfig(spec, variant, set), variant).model;
  return { ...result, model };
}
type Result = Awaited<ReturnType<typeof check>>;

const verdicts = (result: Result) => Object.fromEntries(result.properties.map((p) => [p.name, p.holds]));
const traceOf = (result: Result, property: string) => result.properties.find((p) => p.name === property)!.trace!;
const states = (result: Result, property: string) => traceOf(result, property).steps.map((s) => s.state as SystemState);
const itemIn = (model: LeaseModel, state: SystemState): LeaseRecord => model.roles(state).table[0]![shardKey(0)]!.value as LeaseRecord;

describe("kinesis shard leases exhaustively", () => {
  it.each([[[]], [["records=3", "leases=3"]], [["workers=3", "crashes=0", "records=1"]]])(
    "main at %j: exactly once, no loss, fenced, and a crashed holder's lease is taken over",
    async (set) => {
      const result = await check("main", set as string[]);
      expect(result.complete).toBe(true);
      expect(verdicts(result)).toEqual({
        "exactly-once": true,
        "no-loss": true,
        "lease-fenced": true,
        "no-regression": true,
        "one-request-at-a-time": true,
        "lease-taken-over": true,
        "no-deadlock": true,
        "expired-lease-taken-over": true,
        "shard-ends": true,
      });
    },
  );

  it("checkpoint-before-processing: the shortest trace stores a checkpoint whose state lacks the record, before any crash", async () => {
    const result = await check("checkpoint-before-processing");
    expect(verdicts(result)).toMatchObject({ "exactly-once": false, "no-loss": false, "lease-fenced": true, "shard-ends": true });
    const model = result.model as LeaseModel;
    const last = states(result, "exactly-once").at(-1)!;
    expect(itemIn(model, last)).toMatchObject({ checkpoint: 1, result: [] });
    expect(last.crashed).toEqual([]);
  });

  it("checkpoint-before-processing: a take-over between checkpoint and processing loses the record for good (SHARD_END without it)", async () => {
    const result = await check("checkpoint-before-processing");
    const model = result.model as LeaseModel;
    const trace = states(result, "no-loss");
    const last = itemIn(model, trace.at(-1)!);
    expect(last.shardEnd).toBe(true);
    expect(last.result).not.toContain(1);
    expect(last.lease).toBe(2); // taken over from the worker that checkpointed record 1 before processing it
    // The record was lost where the first holder's checkpoint claimed it without its effect.
    expect(trace.some((s) => itemIn(model, s).lease === 1 && itemIn(model, s).checkpoint === 1 && itemIn(model, s).result.length === 0)).toBe(true);
  });

  it("checkpoint-before-processing loses nothing when no take-over can happen (leases=1): the loss needs another worker to resume", async () => {
    const result = await check("checkpoint-before-processing", ["leases=1"]);
    expect(verdicts(result)).toMatchObject({ "exactly-once": false, "no-loss": true });
  });

  it("unconditional-checkpoint: a zombie's write under the old lease lands after the take-over", async () => {
    const result = await check("unconditional-checkpoint");
    expect(verdicts(result)).toMatchObject({ "exactly-once": true, "no-loss": true, "lease-fenced": false, "no-regression": false });
    const model = result.model as LeaseModel;
    const trace = states(result, "lease-fenced");
    const leases = trace.map((s) => itemIn(model, s).lease);
    const granted = leases.indexOf(2);
    expect(granted).toBeGreaterThan(0);
    expect(leases.slice(granted + 1)).toContain(1); // the table went back to the old lease
    const last = trace.at(-1)!;
    const holders = model.roles(last).workers.filter((w) => w.phase === "writing" || w.phase === "ending");
    expect(holders.map((w) => w.lease)).toContain(2);
    expect(itemIn(model, last).lease).toBe(1);
    expect(last.crashed).toEqual([]);
  });

  it("unconditional-checkpoint: the table's checkpoint goes back below one the new holder had acknowledged", async () => {
    const result = await check("unconditional-checkpoint");
    const model = result.model as LeaseModel;
    const last = states(result, "no-regression").at(-1)!;
    const acknowledged = Math.max(
      ...model
        .roles(last)
        .workers.filter((w) => w.phase === "writing" || w.phase === "ending")
        .map((w) => w.checkpoint),
    );
    expect(itemIn(model, last).checkpoint).toBeLessThan(acknowledged);
  });

  it("unconditional-checkpoint: the zombie reopens an ended shard and crashes; nobody takes its lease over (a lasso)", async () => {
    const result = await check("unconditional-checkpoint");
    const trace = traceOf(result, "expired-lease-taken-over");
    expect(trace.loopsBackTo).not.toBeNull();
    const model = result.model as LeaseModel;
    const all = trace.steps.map((s) => s.state as SystemState);
    expect(all.some((s) => itemIn(model, s).shardEnd)).toBe(true);
    const last = all.at(-1)!;
    expect(itemIn(model, last).shardEnd).toBe(false);
    expect(last.crashed).toContain(itemIn(model, last).owner);
  });

  it("a crashed holder whose lease can no longer be granted leaves the shard unfinished: shard-ends names that case", async () => {
    // leases=1: the only grant goes to the first taker; if it crashes, nobody may take over.
    const result = await check("main", ["leases=1"]);
    expect(verdicts(result)).toMatchObject({ "lease-taken-over": false, "shard-ends": true, "expired-lease-taken-over": true });
  });
});

describe("kinesis resharding exhaustively", () => {
  const streamOf = (result: Result, state: SystemState) => (result.model as ReshardingModel).roles(state).stream[0]!;

  it.each([[[]], [["puts=a,b,b,a,b"]]])("resharding at %j: per-key order across the split, closed shards sealed", async (set) => {
    const result = await check("resharding", set as string[]);
    expect(result.complete).toBe(true);
    expect(Object.values(verdicts(result)).every((v) => v === true)).toBe(true);
  });

  it("resharding-without-epoch: a key's record in the child is numbered before its earlier record in the parent", async () => {
    const result = await check("resharding-without-epoch");
    expect(verdicts(result)).toMatchObject({ "per-key-order": false, "closed-shards-sealed": true });
    const last = streamOf(result, states(result, "per-key-order").at(-1)!);
    const [parent, ...children] = last.shards;
    expect(parent!.end).not.toBeNull();
    const late = children.flatMap((c) => c.records)[0]!;
    const early = parent!.records.find((r) => r.key === late.key)!;
    expect(early.n).toBeLessThan(late.n);
    expect(late.seq[0]).toBe(early.seq[0]); // same epoch: the split did not open a new one
  });

  it("resharding-closed-shard-accepts: a record lands in the shard after its end", async () => {
    const result = await check("resharding-closed-shard-accepts");
    expect(verdicts(result)).toMatchObject({ "per-key-order": true, "closed-shards-sealed": false, "key-spans-split": false });
    const [parent] = streamOf(result, states(result, "closed-shards-sealed").at(-1)!).shards;
    expect(parent!.records.length).toBe(parent!.end! + 1);
  });

  it("lease keys are refused in resharding variants, and puts in the lease variants", async () => {
    expect(() => resolveAndBuild("resharding", ["workers=3"])).toThrow(/workers/);
    expect(() => resolveAndBuild("main", ["puts=a"])).toThrow(/puts/);
    expect(() => resolveAndBuild("main", ["crashes=2"])).toThrow(/fewer than workers/);
  });
});

function resolveAndBuild(variant: string, set: string[]) {
  return buildInstance(spec, resolveConfig(spec, variant, set), variant);
}
