/** A ring of states 0 → 1 → … → n−1 → 0, explored for termination; called in a worker thread by liveness.test.ts. */
import { explore } from "../../checker/explore/search.ts";
import type { Model } from "../../checker/model.ts";
import { terminates } from "../../checker/props/property.ts";

/** The termination verdict on a ring of `n` states (a cycle through every state, so never terminating). */
export function ringTermination(n: number) {
  const ring: Model<number, number> = {
    initialStates: () => [0],
    actions: () => [1],
    next: (v) => (v + 1) % n,
    describe: () => "step",
    actionData: () => "step",
    isFinal: () => false,
  };
  return explore(ring, { properties: [terminates()] }).properties[0]!;
}
