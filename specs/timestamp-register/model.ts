import { timestampRegisterRoles, type StorageState } from "../../src/protocols/timestamp-register/index.ts";
import {
  actorModel,
  always,
  ConfigError,
  defineSpec,
  intKey,
  linearizable,
  noDeadlock,
  register,
  registerOpsKey,
  registerScripts,
  sometimes,
  terminates,
  type SystemState,
} from "interleave";
import { timestampRegisterPairing } from "./tla.ts";

/*
 * The notes' quorum register ("Quorum"): writers and readers contact a majority of storage nodes, and
 * timestamps pick the latest version. Stamped by each writer's own clock, a later write can carry an
 * earlier time and be lost (local-clock). The notes' fix, a two-phase write that reads the highest
 * version and makes its own higher, is main. A read is one phase here, as in the notes; with two reads
 * overlapping one write the register is still not linearizable (new-old inversion, e.g. ops=w1,rr):
 * that is what ABD's read write-back adds (specs/abd).
 */

/** No two nodes hold different values under the same version. */
function uniqueVersions(nodes: readonly StorageState[]): boolean {
  return nodes.every((a) => nodes.every((b) => a.version[0] !== b.version[0] || a.version[1] !== b.version[1] || a.value === b.value));
}

export default defineSpec({
  name: "timestamp-register",
  summary: "quorum register with timestamped versions: two-phase writes (main) or writers' own clocks",
  tlaModule: "TimestampRegister",
  keys: {
    nodes: intKey({ doc: "storage nodes", default: 3, min: 1, max: 7 }),
    clients: intKey({ doc: "client processes", default: 2, min: 1, max: 5 }),
    ops: registerOpsKey("w1,r"),
    crashes: intKey({ doc: "storage nodes that may crash (crash-stop)", default: 0, min: 0, max: 7 }),
    skew: intKey({ doc: "local-clock: how far each writer's clock runs ahead of the next client's", default: 1, min: 0, max: 5 }),
  },
  variants: {
    main: { summary: "two-phase write: read the highest version from a majority, then write a higher one" },
    "local-clock": { summary: "each writer stamps with its own unsynchronized clock", defaults: { ops: "w1,w2r" }, fails: ["linearizable"] },
  },
  build(config, variant) {
    const scripts = registerScripts(config.ops, config.clients);
    if (config.crashes > config.nodes) {
      throw new ConfigError("timestamp-register", "crashes", String(config.crashes), `at most nodes=${config.nodes}`);
    }
    const stamping = variant === "local-clock" ? "local-clock" : "two-phase";
    const roles = timestampRegisterRoles({ nodes: config.nodes, scripts, stamping, skew: config.skew });
    // The storage nodes are interchangeable (--symmetry): clients name them only in the set of nodes heard in a phase.
    const model = actorModel(roles, {
      crashes: config.crashes,
      crashable: ["nodes"],
      symmetry: { roles: ["nodes"], rename: { clients: (c, id) => ({ ...c, heard: c.heard.map(id).sort((x, y) => x - y) }) } },
      idFields: { states: { clients: ["heard"] } },
    });
    const readReturnsWritten = (s: SystemState) => s.history.some((e) => "ret" in e && typeof e.ret === "number");
    return {
      model,
      tla: timestampRegisterPairing({ model, scripts, crashes: config.crashes, localClock: stamping === "local-clock", skew: config.skew }),
      properties: [
        linearizable("linearizable", (s: SystemState) => s.history, register, { tla: "Linearizable" }),
        always("versions-are-unique", (s: SystemState) => uniqueVersions(model.roles(s).nodes), { tla: "VersionsAreUnique" }),
        sometimes("read-returns-written", readReturnsWritten, { tla: "NoReadReturnsWritten" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
      ],
    };
  },
});
