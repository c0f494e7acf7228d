import { describe, expect, it } from "vitest";
import { recorder as recorderOf } from "../helpers/recorder.ts";
import { answer, type StoreState } from "../../src/actor/index.ts";
import {
  keyHash,
  producer,
  seqBefore,
  seqText,
  shardKey,
  stream,
  unleased,
  worker,
  type LeaseRecord,
  type ShardMessage,
  type StreamMessage,
  type WorkerFlaws,
  type WorkerState,
} from "../../src/protocols/kinesis-shards/index.ts";

const table = 2;
const key = shardKey(0);
const make = (flaws: WorkerFlaws = {}, maxLease = 3) => worker({ name: "w1", id: 0, table, stream: [1, 2], expiry: 2, maxLease, flaws });
const item = (value: LeaseRecord, version: number) => ({ value, version });
const held = (owner: number, lease: number, checkpoint: number, result: number[]): LeaseRecord => ({
  owner,
  lease,
  checkpoint,
  shardEnd: false,
  result,
});

/** Runs `w` from idle through reading `read` (the item the table returns): the state and what it sent and set. */
function afterReading(w: ReturnType<typeof make>, read: { value: LeaseRecord; version: number }) {
  const r = recorderOf<ShardMessage>();
  const observing = w.onLocalEvent!(w.init(), "start", r.out);
  const state = w.receive(observing, table, { store: "got", key, item: read }, r.out);
  return { state, ...r };
}

describe("kinesis-shards worker", () => {
  it("starts by reading the lease table, and takes an unowned lease at once with a put conditional on the version read", () => {
    const w = make();
    expect(w.localEvents!(w.init())).toEqual(["start"]);
    const { state, sent, timers } = afterReading(w, item(unleased, 1));
    expect(sent).toEqual([
      [table, { store: "get", key }],
      [table, { store: "put", key, value: held(0, 1, 0, []), expect: { version: 1 } }],
    ]);
    expect(timers).toEqual([]);
    expect(state).toMatchObject({ phase: "taking", lease: 1, version: 1 });
  });

  it("watches a lease another worker holds: its expiry timer runs, and on expiry it takes the lease over from the checkpoint it read", () => {
    const w = make();
    const { state, sent, timers } = afterReading(w, item(held(1, 1, 1, [1]), 4));
    expect(sent).toEqual([[table, { store: "get", key }]]);
    expect(timers).toEqual([["expiry", 2]]);
    expect(state).toEqual({ phase: "watching", version: 4, lease: 1, checkpoint: 1, position: 1, result: [1] });
    const r = recorderOf<ShardMessage>();
    const taking = w.onTimer!(state, "expiry", r.out);
    expect(r.sent).toEqual([[table, { store: "put", key, value: held(0, 2, 1, [1]), expect: { version: 4 } }]]);
    expect(taking.phase).toBe("taking");
  });

  it("holding the lease, restores the stored state, processes the next record and writes checkpoint and state in one conditional put", () => {
    const w = make();
    const taking = afterReading(w, item(held(1, 1, 1, [1]), 4)).state;
    const r = recorderOf<ShardMessage>();
    const writing = w.receive(w.onTimer!(taking, "expiry", recorderOf<ShardMessage>().out), table, { store: "put-ok", key, version: 5 }, r.out);
    expect(writing).toEqual({ phase: "writing", version: 5, lease: 2, checkpoint: 1, position: 2, result: [1, 2] });
    expect(r.sent).toEqual([[table, { store: "put", key, value: held(0, 2, 2, [1, 2]), expect: { version: 5 } }]]);
    // Acknowledged: the checkpoint advances; after the last record comes SHARD_END, then done.
    const r2 = recorderOf<ShardMessage>();
    const ending = w.receive(writing, table, { store: "put-ok", key, version: 6 }, r2.out);
    expect(ending).toMatchObject({ phase: "ending", checkpoint: 2, version: 6 });
    expect(r2.sent).toEqual([[table, { store: "put", key, value: { ...held(0, 2, 2, [1, 2]), shardEnd: true }, expect: { version: 6 } }]]);
    const done = w.receive(ending, table, { store: "put-ok", key, version: 7 }, recorderOf<ShardMessage>().out);
    expect(w.done!(done)).toBe(true);
  });

  it("a failed checkpoint means the lease was taken over: it watches the item the table returned", () => {
    const w = make();
    const writing: WorkerState = { phase: "writing", version: 5, lease: 2, checkpoint: 1, position: 2, result: [1, 2] };
    const r = recorderOf<ShardMessage>();
    const state = w.receive(writing, table, { store: "put-failed", key, item: item(held(1, 3, 1, [1]), 6) }, r.out);
    expect(state).toEqual({ phase: "watching", version: 6, lease: 3, checkpoint: 1, position: 1, result: [1] });
    expect(r.timers).toEqual([["expiry", 2]]);
    expect(r.sent).toEqual([]);
  });

  it("once the lease number reached the bound it does not take over: on expiry it reads the table again", () => {
    const w = make({}, 2);
    const { state } = afterReading(w, item(held(1, 2, 0, []), 3));
    const r = recorderOf<ShardMessage>();
    expect(w.onTimer!(state, "expiry", r.out).phase).toBe("observing");
    expect(r.sent).toEqual([[table, { store: "get", key }]]);
  });

  it("stops when the shard ended", () => {
    const w = make();
    const { state, timers } = afterReading(w, item({ ...held(1, 1, 2, [1, 2]), shardEnd: true }, 5));
    expect(w.done!(state)).toBe(true);
    expect(timers).toEqual([]);
  });

  it("checkpoint-before-processing: the checkpoint claims a record whose effect the stored state lacks", () => {
    const w = make({ checkpointBeforeProcessing: true });
    const r = recorderOf<ShardMessage>();
    const writing = w.receive(afterReading(w, item(unleased, 1)).state, table, { store: "put-ok", key, version: 2 }, r.out);
    expect(r.sent).toEqual([[table, { store: "put", key, value: held(0, 1, 1, []), expect: { version: 2 } }]]);
    // Processed only once the checkpoint is stored.
    expect(w.receive(writing, table, { store: "put-ok", key, version: 3 }, recorderOf<ShardMessage>().out).result).toEqual([1]);
  });

  it("unconditional-checkpoint: checkpoints carry no condition (the take-over still does)", () => {
    const w = make({ unconditionalCheckpoint: true });
    const { sent } = afterReading(w, item(unleased, 1));
    expect(sent.at(-1)![1]).toHaveProperty("expect", { version: 1 });
    const r = recorderOf<ShardMessage>();
    w.receive(afterReading(w, item(unleased, 1)).state, table, { store: "put-ok", key, version: 2 }, r.out);
    expect(r.sent).toEqual([[table, { store: "put", key, value: held(0, 1, 1, [1]) }]]);
  });

  it("the lease table (a conditional store) refuses a take-over whose version is stale, returning the item", () => {
    let state: StoreState = { [key]: item(unleased, 1) };
    const first = answer(state, { store: "put", key, value: held(0, 1, 0, []), expect: { version: 1 } });
    expect(first.reply).toEqual({ store: "put-ok", key, version: 2 });
    state = first.state;
    const stale = answer(state, { store: "put", key, value: held(1, 1, 0, []), expect: { version: 1 } });
    expect(stale.reply).toEqual({ store: "put-failed", key, item: item(held(0, 1, 0, []), 2) });
    expect(stale.state).toBe(state);
  });

  it("refuses a reply it did not ask for", () => {
    const w = make();
    expect(() => w.receive(w.init(), table, { store: "put-ok", key, version: 2 }, recorderOf<ShardMessage>().out)).toThrow(/while idle/);
  });
});

describe("kinesis-shards stream and producer (resharding)", () => {
  const s = stream({ name: "stream", hash: keyHash });
  const put = (shard: number, k: string, n: number): StreamMessage => ({ type: "put", shard, key: k, n });

  it("numbers records {epoch}.{shardId}.{subSeq}, each shard its own generator", () => {
    const r = recorderOf<StreamMessage>();
    const state = s.receive(s.receive(s.init(), 0, put(0, "a", 1), r.out), 0, put(0, "b", 1), r.out);
    expect(r.sent.map(([, m]) => m.type === "ack" && seqText(m.seq))).toEqual(["0.0.1", "0.0.2"]);
    expect(state.shards[0]!.records.map((x) => x.key)).toEqual(["a", "b"]);
  });

  it("a split closes the shard at its end and opens two children in the next epoch, one per next hash bit", () => {
    const open = s.receive(s.init(), 0, put(0, "a", 1), recorderOf<StreamMessage>().out);
    expect(s.localEvents!(open)).toEqual(["split"]);
    const split = s.onLocalEvent!(open, "split", recorderOf<StreamMessage>().out);
    expect(split.shards.map((x) => [x.epoch, x.id, x.depth, x.end])).toEqual([
      [0, 0, 0, 1],
      [1, 0, 1, null],
      [1, 1, 1, null],
    ]);
    expect(s.localEvents!(split)).toEqual([]);
    // A put to the closed shard is redirected to the child holding the key's bucket: "b" (hash 98) is bucket 0.
    const r = recorderOf<StreamMessage>();
    expect(s.receive(split, 0, put(0, "b", 1), r.out)).toBe(split);
    expect(r.sent).toEqual([[0, { type: "redirect", shard: 1 }]]);
    const r2 = recorderOf<StreamMessage>();
    s.receive(split, 0, put(1, "b", 1), r2.out);
    const [[, ack]] = r2.sent as [[number, StreamMessage & { type: "ack" }]];
    expect(seqText(ack.seq)).toBe("1.0.1");
    expect(seqBefore([0, 0, 5], ack.seq)).toBe(true);
  });

  it("without the epoch, the child's numbers restart inside the parent's epoch and sort before the parent's", () => {
    const flawed = stream({ name: "stream", hash: keyHash, flaws: { splitWithoutEpoch: true } });
    const parent = flawed.receive(flawed.init(), 0, put(0, "b", 1), recorderOf<StreamMessage>().out);
    const split = flawed.onLocalEvent!(parent, "split", recorderOf<StreamMessage>().out);
    const r = recorderOf<StreamMessage>();
    flawed.receive(split, 0, put(1, "b", 2), r.out);
    const [[, ack]] = r.sent as [[number, StreamMessage & { type: "ack" }]];
    expect(seqBefore(parent.shards[0]!.records[0]!.seq, ack.seq)).toBe(false);
  });

  it("the producer puts one record at a time and requeues a redirected record to the child", () => {
    const p = producer({ name: "p", stream: 1, script: ["a", "b", "a"] });
    const r = recorderOf<StreamMessage>();
    let state = p.onLocalEvent!(p.init(), "put", r.out);
    expect(p.localEvents!(state)).toEqual([]);
    state = p.receive(state, 1, { type: "ack", seq: [0, 0, 1] }, r.out);
    state = p.onLocalEvent!(state, "put", r.out);
    state = p.receive(state, 1, { type: "redirect", shard: 1 }, r.out);
    expect(state.routes).toEqual({ a: 0, b: 1 });
    expect(r.sent.map(([, m]) => m)).toEqual([put(0, "a", 1), put(0, "b", 1), put(1, "b", 1)]);
    state = p.receive(state, 1, { type: "ack", seq: [1, 0, 1] }, r.out);
    p.onLocalEvent!(state, "put", r.out);
    expect(r.sent.at(-1)![1]).toEqual(put(0, "a", 2));
  });
});
