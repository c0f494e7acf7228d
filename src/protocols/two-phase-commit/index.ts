import { coordinator, type CoordinatorFlaws } from "./coordinator.ts";
import { resourceManager } from "./resource-manager.ts";

export type { CoordinatorFlaws, CoordinatorState } from "./coordinator.ts";
export type { CommitMessage, Costs, LogRecord } from "./messages.ts";
export type { ResourceManagerState } from "./resource-manager.ts";
export { coordinator } from "./coordinator.ts";
export { resourceManager } from "./resource-manager.ts";

/** A two-phase commit system by role: the coordinator tm (id 0), then resource managers rm1..rmD (ids 1..D). */
export function twoPhaseCommitRoles(options: { rms: number; flaws?: CoordinatorFlaws }) {
  const rms = Array.from({ length: options.rms }, (_, i) => i + 1);
  return {
    coordinator: [coordinator({ name: "tm", rms, flaws: options.flaws ?? {} })],
    rms: rms.map((id) => resourceManager({ name: `rm${id}`, coordinator: 0 })),
  };
}
