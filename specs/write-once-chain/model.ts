import { writeOnceChainSystem, type ProposerState, type ReaderState } from "../../src/protocols/write-once-chain/index.ts";
import { actorModel, type SystemState } from "../../checker/actors/system.ts";
import { UsageError } from "../../checker/errors.ts";
import { always, eventually, noDeadlock, sometimes, terminates } from "../../checker/props/property.ts";
import { defineSpec, intKey, type Config } from "../../checker/spec.ts";
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

export interface ChainLayout {
  readonly nodes: number;
  readonly proposers: number;
  readonly readers: number;
}

/** Every value learned by a proposer or returned to a reader so far. */
export function outcomes(state: SystemState, layout: ChainLayout): number[] {
  const proposers = state.procs.slice(layout.nodes, layout.nodes + layout.proposers) as ProposerState[];
  const readers = state.procs.slice(layout.nodes + layout.proposers) as ReaderState[];
  return [...proposers.map((p) => p.learned), ...readers.map((r) => r.result)].filter((v): v is number => v !== null);
}

function build(config: Config, variant: string) {
  const layout: ChainLayout = { nodes: Number(config.nodes), proposers: Number(config.proposers), readers: Number(config.readers) };
  if (Number(config.crashes) > layout.nodes) throw new UsageError(`crashes=${config.crashes} is more than nodes=${layout.nodes}`);
  const lastWriteWins = variant === "last-write-wins";
  const model = actorModel(writeOnceChainSystem({ ...layout, crashes: Number(config.crashes), flaws: { lastWriteWins } }));
  return {
    model,
    tla: writeOnceChainPairing({ model, layout, crashes: Number(config.crashes), lastWriteWins }),
    properties: [
      always<SystemState>("agreement", (s) => new Set(outcomes(s, layout)).size <= 1),
      always<SystemState>("validity", (s) => outcomes(s, layout).every((v) => v >= 1 && v <= layout.proposers)),
      sometimes<SystemState>("value-decided", (s) => (s.procs.slice(layout.nodes, layout.nodes + layout.proposers) as ProposerState[]).some((p) => p.learned !== null)),
      noDeadlock<SystemState>(),
      terminates<SystemState>(),
      eventually<SystemState>("every-proposer-learns", (s) => (s.procs.slice(layout.nodes, layout.nodes + layout.proposers) as ProposerState[]).every((p) => p.learned !== null)),
    ],
  };
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
    "one-crash": { summary: "the same protocol with one node allowed to crash: a proposer never learns", defaults: { crashes: 1 }, fails: ["every-proposer-learns", "no-deadlock"] },
    "last-write-wins": { summary: "nodes overwrite with every write", fails: ["agreement"] },
  },
  build,
});
