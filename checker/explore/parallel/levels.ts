/**
 * The level loop every search thread runs: expand, settle, assign, with a barrier after each; the last thread to
 * reach a barrier does the serial part (growing the records, moving to the next level, deciding whether to stop).
 * What the serial part computes goes through shared memory: the next serial part may run on another thread.
 */
import { isLiveness, type Property } from "../../props/property.ts";
import type { Barrier } from "./barrier.ts";
import { Participant } from "./participant.ts";
import { ADDED, OUT_OF_MEMORY, DEADLOCK, EXCEPTION, FOUND, FRONTIER_END, FRONTIER_START, LEVEL, NONE, STOP, type SharedSearch } from "./shared.ts";

/** When a search stops before it explored everything. */
export interface StopRules {
  /** Properties by index: which end the search when decided (violations, unless the search continues after them). */
  readonly stopsOn: readonly boolean[];
  /** Stop on a deadlock (a deadlock property is checked and the search does not continue after violations). */
  readonly stopsOnDeadlock: boolean;
  readonly maxStates: number;
  /** The memory the search may hold, in bytes (shared buffers and every thread's heap). */
  readonly memory: number;
}

/** The stop rules of a search checking `properties`. */
export function stopRules<S>(
  properties: readonly Property<S>[],
  options: { continueAfterViolation: boolean; maxStates: number; memory: number },
): StopRules {
  const { continueAfterViolation, maxStates, memory } = options;
  const stops = (p: Property<S>) => !continueAfterViolation && !isLiveness(p) && p.kind !== "sometimes" && p.kind !== "deadlock";
  return {
    stopsOn: properties.map(stops),
    stopsOnDeadlock: !continueAfterViolation && properties.some((p) => p.kind === "deadlock"),
    maxStates,
    memory,
  };
}

/** Why the level loop returned. */
export type LevelsEnd = "done" | "stopped" | "paused";

/**
 * Runs levels until the search is done or must stop. `pause` (checked by the serial part between levels, on the
 * thread that runs it alone) ends the loop early with "paused", e.g. to hand the frontier to more threads.
 */
export function runLevels<S, A>(
  participant: Participant<S, A>,
  shared: SharedSearch,
  barrier: Barrier | undefined,
  rules: StopRules,
  hooks: { readonly pause?: () => boolean } = {},
): LevelsEnd {
  const { control } = shared;
  const arrive = (serial?: () => void) => (barrier ? barrier.arrive(serial) : serial?.());
  for (;;) {
    if (Atomics.load(control, STOP) !== 0) return "stopped";
    if (Atomics.load(control, FRONTIER_END) === Atomics.load(control, FRONTIER_START)) return "done";
    participant.expand();
    arrive();
    participant.settle();
    arrive(() => {
      control[ADDED] = Participant.claimOffsets(shared);
      shared.records.reserve(control[FRONTIER_END]! + control[ADDED]!);
    });
    participant.assign(control[LEVEL]! + 1);
    arrive(() => {
      control[FRONTIER_START] = control[FRONTIER_END]!;
      control[FRONTIER_END] = control[FRONTIER_END]! + control[ADDED]!;
      control[LEVEL] = control[LEVEL]! + 1;
      if (mustStop(shared, rules)) control[STOP] = 1;
    });
    participant.takeHeld();
    participant.onTick?.();
    if (!barrier && control[STOP] === 0 && control[FRONTIER_END] !== control[FRONTIER_START] && hooks.pause?.()) return "paused";
  }
}

/** True when a decided property, an exception, the stop flag or the state bound ends the search. */
export function mustStop(shared: SharedSearch, rules: StopRules): boolean {
  const { control } = shared;
  if (Atomics.load(shared.stopFlag, 0) !== 0 || control[EXCEPTION] !== 0) return true;
  if (control[FRONTIER_END]! >= rules.maxStates) return true;
  const bytes = shared.bytes;
  if (bytes > shared.peak[0]!) shared.peak[0] = bytes;
  if (bytes > rules.memory) {
    control[OUT_OF_MEMORY] = 1;
    return true;
  }
  if (rules.stopsOnDeadlock && control[DEADLOCK] !== NONE) return true;
  return rules.stopsOn.some((stops, j) => stops && control[FOUND + j] !== NONE);
}
