import type { ActorSystem } from "../../actor/index.ts";
import { coordinator, type CoordinatorFlaws } from "./coordinator.ts";
import type { CommitMessage } from "./messages.ts";
import { resourceManager } from "./resource-manager.ts";

export type { CoordinatorFlaws, CoordinatorState } from "./coordinator.ts";
export type { CommitMessage, Costs, LogRecord } from "./messages.ts";
export type { ResourceManagerState } from "./resource-manager.ts";
export { coordinator } from "./coordinator.ts";
export { resourceManager } from "./resource-manager.ts";

/**
 * The coordinator tm (id 0) and resource managers rm1..rmD (ids 1..D), on an unordered network; the
 * coordinator may crash (crash-stop) when `crashes` is 1.
 */
export function twoPhaseCommitSystem(options: { rms: number; crashes?: number; flaws?: CoordinatorFlaws }): ActorSystem<CommitMessage> {
  const rms = Array.from({ length: options.rms }, (_, i) => i + 1);
  return {
    actors: [coordinator({ name: "tm", rms, flaws: options.flaws ?? {} }), ...rms.map((id) => resourceManager({ name: `rm${id}`, coordinator: 0 }))],
    network: "unordered",
    crashes: options.crashes ?? 0,
    crashable: [0],
  };
}
