/** A failure of Interleave itself, not of its input (e.g. in the search thread): the CLI prints one line and exits 4. */
export class InternalError extends Error {
  override readonly name = "InternalError";
}
