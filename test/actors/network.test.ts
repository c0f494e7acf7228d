import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Channels, type Envelope } from "../../checker/actors/network.ts";
import { encode } from "../../checker/state/encode.ts";

/** The network operations as they were written before `change`: remove one envelope, then insert each sent key in turn. */
function reference(channels: Channels, network: readonly string[], removed: number, keys: readonly string[]): string[] {
  const result = network.slice();
  if (removed >= 0) result.splice(removed, 1);
  const channelOrder = (a: Envelope, b: Envelope) => a.from - b.from || a.to - b.to;
  for (const key of keys) {
    if (channels.semantics === "fifo") {
      // At the end of its channel: after every envelope of an earlier or the same channel.
      let i = 0;
      while (i < result.length && channelOrder(channels.envelope(result[i]!), channels.envelope(key)) <= 0) i++;
      result.splice(i, 0, key);
      continue;
    }
    let at = 0;
    while (at < result.length && result[at]! < key) at++;
    if (channels.semantics === "duplicating" && result[at] === key) continue;
    result.splice(at, 0, key);
  }
  return result;
}

const envelope = fc.record({
  from: fc.integer({ min: 0, max: 2 }),
  to: fc.integer({ min: 0, max: 2 }),
  msg: fc.constantFrom("a", "b", 1, { x: 1 }, [2]),
});

describe("the network's canonical arrays", () => {
  it.each(["unordered", "fifo", "duplicating", "lossy"] as const)(
    "%s: change(network, removed, sent) is removing then adding one by one",
    (semantics) => {
      fc.assert(
        fc.property(fc.array(envelope, { maxLength: 6 }), fc.array(envelope, { maxLength: 4 }), fc.nat(), (inFlight, sent, pick) => {
          const channels = new Channels(semantics);
          const network = channels.add(
            [],
            inFlight.map((e) => channels.keyOf(e.from, e.to, e.msg)),
          );
          const removed = network.length === 0 ? -1 : pick % (network.length + 1) === network.length ? -1 : pick % (network.length + 1);
          const keys = sent.map((e) => channels.keyOf(e.from, e.to, e.msg));
          expect(channels.change(network, removed, channels.arrival(keys))).toEqual(reference(channels, network, removed, keys));
        }),
        { numRuns: 500 },
      );
    },
  );

  it("a message equal to one sent before gets the same key, found by content; keys are the canonical encodings", () => {
    const channels = new Channels("unordered");
    const first = channels.keyOf(1, 0, { type: "query", rid: 1, ts: [0, 1] });
    const again = channels.keyOf(1, 0, { ts: [0, 1], rid: 1, type: "query" });
    expect(again).toBe(first);
    expect(first).toBe(encode([1, 0, { type: "query", rid: 1, ts: [0, 1] }]));
    expect(channels.keyOf(1, 0, { type: "query", rid: 2, ts: [0, 1] })).not.toBe(first);
    expect(channels.keyOf(2, 0, { type: "query", rid: 1, ts: [0, 1] })).not.toBe(first);
    expect(channels.envelope(first)).toEqual({ from: 1, to: 0, msg: { type: "query", rid: 1, ts: [0, 1] } });
  });

  it("a new message is admitted (frozen, checked) once; an equal one later is not kept, so not admitted", () => {
    const channels = new Channels("unordered");
    const admitted: unknown[] = [];
    const admit = (m: unknown) => (admitted.push(m), Object.freeze(m));
    channels.keyOf(0, 1, { n: 1 }, admit);
    channels.keyOf(0, 1, { n: 1 }, admit);
    channels.keyOf(0, 1, { n: 2 }, admit);
    expect(admitted).toEqual([{ n: 1 }, { n: 2 }]);
  });
});
