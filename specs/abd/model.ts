import { abdSystem, type AbdFlaws } from "../../src/protocols/abd/index.ts";
import type { Network } from "../../src/actor/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { always, eventually, linearizable, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { register } from "../../checker/props/sequential.ts";
import { choiceKey, defineSpec, intKey, type Config } from "../../checker/spec.ts";
import { registerOpsKey, registerScripts } from "../../checker/register-scripts.ts";
import { networks } from "../../src/actor/index.ts";
import { abdPairing } from "./tla.ts";

const flawsOf: Record<string, AbdFlaws> = {
  main: {},
  "reader-no-writeback": { readerSkipsWriteBack: true },
  "writer-no-query": { writerSkipsQuery: true },
};

function build(config: Config, variant: string) {
  const scripts = registerScripts(config.ops, Number(config.clients));
  if (Number(config.crashes) > Number(config.servers)) throw new UsageError(`crashes=${config.crashes} is more than servers=${config.servers}`);
  const flaws = flawsOf[variant] ?? {};
  const model = actorModel(abdSystem({ servers: Number(config.servers), scripts, crashes: Number(config.crashes), network: config.network as Network, flaws }));
  const history = (s: SystemState) => s.history;
  // Abd.tla states the unordered network only.
  const tla = config.network === "unordered"
    ? abdPairing({ model, servers: Number(config.servers), scripts, crashes: Number(config.crashes), readerSkipsWriteBack: flaws.readerSkipsWriteBack ?? false, writerSkipsQuery: flaws.writerSkipsQuery ?? false })
    : undefined;
  return {
    model,
    ...(tla && { tla }),
    properties: [
      linearizable("linearizable", history, register),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
      // Clients never crash, so a final state is one where every client has run its whole script.
      eventually<SystemState>("every-operation-completes", (s) => model.isFinal(s)),
      sometimes<SystemState>("read-returns-written", (s) => s.history.some((e) => "ret" in e && typeof e.ret === "number")),
      always<SystemState>("timestamps-are-unique", (s) => uniqueTimestamps(s, Number(config.servers))),
    ],
  };
}

/** No two servers hold different values under the same timestamp. */
function uniqueTimestamps(state: SystemState, servers: number): boolean {
  const seen = new Map<string, unknown>();
  for (const proc of state.procs.slice(0, servers) as { ts: readonly number[]; value: unknown }[]) {
    const key = proc.ts.join(",");
    if (seen.has(key) && seen.get(key) !== proc.value) return false;
    seen.set(key, proc.value);
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
    "reader-no-writeback": { summary: "a read returns after its query phase: new-old inversion", defaults: { ops: "w1,rr", crashes: 0 }, fails: ["linearizable"] },
    "writer-no-query": { summary: "a writer takes its timestamp from a local counter", defaults: { ops: "w1,w2r", crashes: 0 }, fails: ["linearizable"] },
    "two-crashes": {
      summary: "the same protocol when 2 of 3 servers may crash: no majority is left, operations block forever",
      defaults: { clients: 1, ops: "w1r", crashes: 2 },
      fails: ["no-deadlock", "every-operation-completes"],
    },
  },
  build,
});
