import type { Operation } from "../../src/actor/index.ts";
import type { ChainClientState } from "../../src/protocols/chain-replication/index.ts";
import type { ActorModel, SystemState } from "../../checker/actors/system.ts";
import { tlaBag, tlaHistory, tlaScripts } from "../../checker/actors/tla.ts";
import type { TlaPairing } from "../../checker/spec.ts";
import { plainToTla } from "../../checker/tlc/plain.ts";
import { tlaFunction, tlaRecord, tlaSet, type TlaRecord } from "../../checker/tlc/value.ts";

/** The pairing of one configuration with ChainReplication.tla: constants, property twins and the state projection. */
export function chainReplicationPairing(options: { model: ActorModel; nodes: number; scripts: readonly (readonly Operation[])[]; crashes: number; readAtHead: boolean }): TlaPairing<SystemState> {
  const { model, nodes } = options;
  const nodeIds = Array.from({ length: nodes }, (_, i) => i);
  const clientIds = options.scripts.map((_, i) => nodes + i);
  const client = (s: ChainClientState) => tlaRecord({ ...(plainToTla(s) as TlaRecord).fields, down: tlaSet(s.down) });
  return {
    constants: {
      NNodes: String(nodes),
      Scripts: tlaScripts(options.scripts),
      MaxCrashes: String(options.crashes),
      Nil: "Nil",
      ReadAtHead: options.readAtHead ? "TRUE" : "FALSE",
    },
    twins: {
      linearizable: { invariant: "Linearizable" },
      "versions-decrease-down-the-chain": { invariant: "VersionsDecreaseDownTheChain" },
      "read-returns-written": { violatedInvariant: "NoReadReturnsWritten" },
      "no-deadlock": { invariant: "NoDeadlock" },
      terminates: { property: "Terminates" },
    },
    toTla: (state) => ({
      node: tlaFunction(nodeIds.map((n) => [n, plainToTla(state.procs[n])])),
      cli: tlaFunction(clientIds.map((c) => [c, client(state.procs[c] as ChainClientState)])),
      net: tlaBag(model, state.network),
      crashed: tlaSet(state.crashed),
      hist: tlaHistory(state.history),
    }),
  };
}
