import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { tlaBag } from "../../checker/actors/tla.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaSet } from "../../checker/tlc/value.ts";
import type { ChainLayout } from "./model.ts";

/** The pairing of one configuration with WriteOnceChain.tla: constants, property twins and the state projection. */
export function writeOnceChainPairing(options: { model: ActorModel; layout: ChainLayout; crashes: number; lastWriteWins: boolean }): TlaPairing<SystemState> {
  const { nodes, proposers, readers } = options.layout;
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const part = (from: number, n: number) => (state: SystemState) => tlaFunction(range(from, n).map((id) => [id, plainToTla(state.procs[id])]));
  const node = part(0, nodes);
  const prop = part(nodes, proposers);
  const rdr = part(nodes + proposers, readers);
  return {
    constants: {
      NNodes: String(nodes),
      NProposers: String(proposers),
      NReaders: String(readers),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      LastWriteWins: options.lastWriteWins ? "TRUE" : "FALSE",
    },
    twins: {
      agreement: { invariant: "Agreement" },
      validity: { invariant: "Validity" },
      "value-decided": { violatedInvariant: "NothingDecided" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
      "every-proposer-learns": { property: "EveryProposerLearns" },
    },
    toTla: (state) => ({ node: node(state), prop: prop(state), rdr: rdr(state), net: tlaBag(options.model, state.network), crashed: tlaSet(state.crashed) }),
  };
}
