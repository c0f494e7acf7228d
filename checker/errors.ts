/** Bad usage or bad input: the CLI prints the message as one line and exits with code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
