import { abdRoles, type AbdFlaws, type ServerState } from "../../src/protocols/abd/index.ts";
import {
  actorModel,
  always,
  choiceKey,
  ConfigError,
  defineSpec,
  eventually,
  intKey,
  linearizable,
  networks,
  noDeadlock,
  register,
  registerOpsKey,
  registerScripts,
  sometimes,
  terminates,
  type SystemState,
} from "interleave";
import { abdPairing } from "./tla.ts";

const flawsOf: Record<string, AbdFlaws> = {
  main: {},
  "reader-no-writeback": { readerSkipsWriteBack: true },
  "writer-no-query": { writerSkipsQuery: true },
};

/** No two servers hold different values under the same timestamp. */
function uniqueTimestamps(servers: readonly ServerState[]): boolean {
  const seen = new Map<string, unknown>();
  for (const server of servers) {
    const key = server.ts.join(",");
    if (seen.has(key) && seen.get(key) !== server.value) return false;
    seen.set(key, server.value);
  }
  return true;
}

export default defineSpec({
  name: "abd",
  summary: "ABD atomic register: multi-writer, majority quorums, read write-back",
  tlaModule: "Abd",
  keys: {
    servers: intKey({ doc: "storage servers", default: 3, min: 1, max: 7 }),
    clients: intKey({ doc: "client processes", default: 2, min: 1, max: 5 }),
    ops: registerOpsKey("w1,r"),
    crashes: intKey({ doc: "servers that may crash (crash-stop)", default: 1, min: 0, max: 7 }),
    network: choiceKey({ doc: "network semantics", default: "unordered", choices: networks }),
  },
  variants: {
    main: { summary: "the ABD algorithm" },
    "reader-no-writeback": {
      summary: "a read returns after its query phase: new-old inversion",
      defaults: { ops: "w1,rr", crashes: 0 },
      fails: ["linearizable"],
    },
    "writer-no-query": {
      summary: "a writer takes its timestamp from a local counter",
      defaults: { ops: "w1,w2r", crashes: 0 },
      fails: ["linearizable"],
    },
    "two-crashes": {
      summary: "the same protocol when 2 of 3 servers may crash: no majority is left, operations block forever",
      defaults: { clients: 1, ops: "w1r", crashes: 2 },
      fails: ["no-deadlock", "every-operation-completes"],
    },
  },
  build(config, variant) {
    const scripts = registerScripts(config.ops, config.clients);
    if (config.crashes > config.servers) throw new ConfigError("abd", "crashes", String(config.crashes), `at most servers=${config.servers}`);
    const flaws = flawsOf[variant] ?? {};
    const roles = abdRoles({ servers: config.servers, scripts, flaws });
    // The servers are interchangeable (--symmetry): clients name them only in the set of servers heard in a phase.
    const model = actorModel(roles, {
      network: config.network,
      crashes: config.crashes,
      crashable: ["servers"],
      symmetry: { roles: ["servers"], rename: { clients: (c, id) => ({ ...c, heard: c.heard.map(id).sort((x, y) => x - y) }) } },
      idFields: { states: { clients: ["heard"] } },
    });
    const history = (s: SystemState) => s.history;
    // Abd.tla states the unordered network only.
    const tla = config.network === "unordered" ? abdPairing({ model, scripts, crashes: config.crashes, flaws }) : undefined;
    return {
      model,
      ...(tla && { tla }),
      properties: [
        linearizable("linearizable", history, register, { tla: "Linearizable" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
        // Clients never crash, so a final state is one where every client has run its whole script.
        eventually("every-operation-completes", (s: SystemState) => model.isFinal(s), { tla: "EveryOperationCompletes" }),
        sometimes("read-returns-written", (s: SystemState) => s.history.some((e) => "ret" in e && typeof e.ret === "number"), {
          tla: "NoReadReturnsWritten",
        }),
        always("timestamps-are-unique", (s: SystemState) => uniqueTimestamps(model.roles(s).servers), { tla: "TimestampsAreUnique" }),
      ],
    };
  },
});
