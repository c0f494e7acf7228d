/**
 * What the thread that starts a parallel search and its search threads tell each other, and the conversions
 * that cross threads: states (serialized, then frozen again on arrival) and edge lists (fingerprints
 * turned into state ids once every id is known).
 */
import { deserialize, serialize } from "node:v8";
import { freezePlain } from "../../actors/freeze.ts";
import type { FairnessLevels } from "../../model.ts";
import type { Config } from "../../spec.ts";
import type { StopRules } from "./levels.ts";
import type { EdgeLists, Held, Participant, Thrown } from "./participant.ts";
import type { SharedBuffers } from "./shared.ts";
import type { ShareRecord, WalkPlan } from "../simulate-walk.ts";
import type { SimulationBuffers } from "./simulate-control.ts";

/** Where a search thread builds the model from: a spec's model file, a variant and a configuration. */
export interface ModelSource {
  readonly file: string;
  readonly variant: string;
  readonly config: Config;
  /** The names of the properties to check, in the order of the instance's properties. */
  readonly properties: readonly string[];
}

/** A search thread's start-up data. */
export interface ThreadData {
  readonly source: ModelSource;
  readonly buffers: SharedBuffers;
  /** Search threads in all (the starting thread not counted), and this one's place among them, from 1. */
  readonly threads: number;
  readonly thread: number;
  readonly fairness: FairnessLevels | undefined;
  readonly symmetry: boolean;
  readonly rules: StopRules;
}

/** States with their ids, as they cross threads. */
export interface PackedStates {
  readonly ids: readonly number[];
  readonly states: Uint8Array;
}

/** An edge list with state ids, and the fairness classes its class numbers stand for. */
export interface PackedEdges {
  readonly sources: Int32Array;
  readonly degrees: Int32Array;
  readonly targets: Int32Array;
  readonly classes: Int32Array;
  readonly classKeys: readonly { readonly key: string; readonly strong: boolean }[];
}

/** A share of a simulation (./simulate.ts): the model, the shared control, this thread's number (from 1), the walks. */
export interface SimulationJob {
  readonly source: ModelSource;
  readonly buffers: SimulationBuffers;
  readonly threads: number;
  readonly thread: number;
  readonly plan: WalkPlan;
  readonly chunk: number;
  readonly memory?: number;
}

/** To a search thread. */
export type ToThread =
  | { readonly type: "join"; readonly data: ThreadData }
  | { readonly type: "start"; readonly held: PackedStates }
  | { readonly type: "quit" }
  | { readonly type: "simulate"; readonly job: SimulationJob };

/** From a search thread. */
export type FromThread =
  | { readonly type: "done"; readonly thrown: readonly Thrown[]; readonly edges: PackedEdges | undefined }
  | { readonly type: "simulated"; readonly record: ShareRecord }
  | { readonly type: "error"; readonly usage: boolean; readonly message: string }
  | { readonly type: "aborted" };

export const packStates = <S>(held: Held<S>): PackedStates => ({ ids: held.ids, states: serialize(held.states) });

/** States received from another thread, frozen as the explorer's states are. */
export const unpackStates = <S>(packed: PackedStates): Held<S> => ({
  ids: [...packed.ids],
  states: (deserialize(packed.states) as S[]).map((state) => freezePlain(state, "a state handed to a search thread")),
});

/** A thread's edges, as they cross threads (every id must be settled). */
export function packEdges(edges: EdgeLists, participant: Participant<unknown, unknown>): PackedEdges {
  return {
    sources: edges.sources.toArray(),
    degrees: edges.degrees.toArray(),
    targets: edges.targets.toArray(),
    classes: edges.classes.toArray(),
    classKeys: participant.fairness?.entries() ?? [],
  };
}
