import { describe, expect, it } from "vitest";
import { formatValue, ProcessNaming } from "../../checker/actors/format.ts";
import { UsageError } from "../../checker/errors.ts";

const names = ["s1", "s2", "c1"];
const ids = { servers: [0, 1], clients: [2] };

describe("process ids named where the spec declares them (idFields)", () => {
  it("names an id, a list or set of ids, a tuple's position and every element's field; leaves the rest", () => {
    const naming = new ProcessNaming(names, ids, {
      states: { clients: ["heard", "ts.1", "votes.*.1", "leader", "peers", "missing.field"] },
      messages: ["from", "version.1"],
    });
    const client = {
      heard: [0, 1],
      ts: [4, 2],
      votes: [
        [3, 0],
        [5, 1],
      ],
      leader: null,
      peers: new Set([1]),
      other: 0,
    };
    expect(naming.state(2, client)).toEqual({
      heard: ["s1", "s2"],
      ts: [4, "c1"],
      votes: [
        [3, "s1"],
        [5, "s2"],
      ],
      leader: null,
      peers: new Set(["s2"]),
      other: 0,
    });
    expect(naming.state(0, { heard: [0] })).toEqual({ heard: [0] }); // the servers declare nothing
    expect(naming.message({ type: "update", from: 2, version: [1, 0] })).toEqual({ type: "update", from: "c1", version: [1, "s1"] });
    expect(naming.message({ type: "ack" })).toEqual({ type: "ack" });
    expect(naming.state(2, { heard: [7] })).toEqual({ heard: [7] }); // not an id of this system: left as a number
    expect(client.heard).toEqual([0, 1]); // the state itself is untouched
  });

  it("refuses an unknown role and an empty path segment", () => {
    expect(() => new ProcessNaming(names, ids, { states: { nodes: ["x"] } as never })).toThrow(UsageError);
    expect(() => new ProcessNaming(names, ids, { states: { nodes: ["x"] } as never })).toThrow(
      /idFields names role "nodes"; roles: servers, clients/,
    );
    expect(() => new ProcessNaming(names, ids, { messages: ["a..b"] })).toThrow(/"a\.\.b" is not a path/);
  });

  it("formats names bare in labels", () => {
    expect(formatValue({ type: "write", client: "c1", note: "c1x" }, new Set(names))).toBe('write(client: c1, note: "c1x")');
  });
});
