/**
 * TLC's "optimistic" estimate of a fingerprint collision: distinct × (generated − distinct) / 2^64, the
 * chance that some generated state was wrongly taken for an already-seen one.
 */
export function collisionProbability(distinct: number, generated: number): number {
  return (distinct * Math.max(0, generated - distinct)) / 2 ** 64;
}
