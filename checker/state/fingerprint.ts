import type { Model } from "../model.ts";
import { hashInto } from "./hash.ts";

/**
 * The fingerprint of one of `model`'s states, written into `out` ([hi, lo], unsigned 32-bit): the model's own
 * `fingerprint` when it has one (an actor system hashes only the parts a step changed), else the whole state
 * hashed. Every explorer fingerprints states through this one function, so that all agree.
 */
export function fingerprint<S, A>(model: Model<S, A>, state: S, out: Uint32Array): void {
  if (model.fingerprint !== undefined) model.fingerprint(state, out);
  else hashInto(state, out);
}

/**
 * TLC's "optimistic" estimate of a fingerprint collision: distinct × (generated − distinct) / 2^64, the
 * chance that some generated state was wrongly taken for an already-seen one.
 */
export function collisionProbability(distinct: number, generated: number): number {
  return (distinct * Math.max(0, generated - distinct)) / 2 ** 64;
}
