import { writeOnceChainRoles, type ProposerState, type ReaderState } from "../../src/protocols/write-once-chain/index.ts";
import { actorModel, always, ConfigError, defineSpec, eventually, intKey, noDeadlock, sometimes, terminates, type SystemState } from "interleave";
import { writeOnceChainPairing } from "./tla.ts";

/*
 * The notes' write-once register from a chain ("Consensus"): proposers all write, a chain that ignores
 * all but the first write makes only one succeed, readers get that value or none. It pipelines, "but not
 * fault tolerant": nothing reconfigures the chain, so once a node crashes the proposals behind it are never
 * answered. `every-proposer-learns` is liveness: every fair execution reaches a state where every proposer
 * learned the outcome. With crashes=1 (variant one-crash) it fails: the lasso ends with a proposer waiting
 * forever on the crashed node, no fair step left (so `no-deadlock` fails too). Readers are always done: an
 * unanswered read is "none at all".
 */

/** Every value learned by a proposer or returned to a reader so far, given the proposers' and readers' states. */
export function outcomes(roles: { readonly proposers: readonly ProposerState[]; readonly readers: readonly ReaderState[] }): number[] {
  return [...roles.proposers.map((p) => p.learned), ...roles.readers.map((r) => r.result)].filter((v): v is number => v !== null);
}

export default defineSpec({
  name: "write-once-chain",
  summary: "write-once register (consensus) from a chain that keeps only the first write; not fault tolerant",
  tlaModule: "WriteOnceChain",
  keys: {
    nodes: intKey({ doc: "chain nodes (n1 is the head, the last the tail)", default: 3, min: 1, max: 5 }),
    proposers: intKey({ doc: "proposers (proposer i proposes value i)", default: 2, min: 1, max: 4 }),
    readers: intKey({ doc: "readers, each reading once at the tail", default: 1, min: 0, max: 3 }),
    crashes: intKey({ doc: "chain nodes that may crash (nothing reconfigures the chain)", default: 0, min: 0, max: 5 }),
  },
  variants: {
    main: { summary: "the chain keeps the first write and ignores the rest" },
    "one-crash": {
      summary: "the same protocol with one node allowed to crash: a proposer never learns",
      defaults: { crashes: 1 },
      fails: ["every-proposer-learns", "no-deadlock"],
    },
    "last-write-wins": { summary: "nodes overwrite with every write", fails: ["agreement"] },
  },
  build(config, variant) {
    if (config.crashes > config.nodes) throw new ConfigError("write-once-chain", "crashes", String(config.crashes), `at most nodes=${config.nodes}`);
    const lastWriteWins = variant === "last-write-wins";
    const roles = writeOnceChainRoles({ nodes: config.nodes, proposers: config.proposers, readers: config.readers, flaws: { lastWriteWins } });
    const model = actorModel(roles, { crashes: config.crashes, crashable: ["nodes"], idFields: { messages: ["proposer"] } });
    const proposers = (s: SystemState) => model.roles(s).proposers;
    return {
      model,
      tla: writeOnceChainPairing({ model, crashes: config.crashes, lastWriteWins }),
      properties: [
        always("agreement", (s: SystemState) => new Set(outcomes(model.roles(s))).size <= 1, { tla: "Agreement" }),
        always("validity", (s: SystemState) => outcomes(model.roles(s)).every((v) => v >= 1 && v <= config.proposers), { tla: "Validity" }),
        sometimes("value-decided", (s: SystemState) => proposers(s).some((p) => p.learned !== null), { tla: "NothingDecided" }),
        noDeadlock<SystemState>({ tla: "NoDeadlock" }),
        terminates<SystemState>({ tla: "Terminates" }),
        eventually("every-proposer-learns", (s: SystemState) => proposers(s).every((p) => p.learned !== null), { tla: "EveryProposerLearns" }),
      ],
    };
  },
});
