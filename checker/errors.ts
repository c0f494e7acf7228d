const usageBrand = Symbol.for("interleave.UsageError");

/** Bad usage or bad input: the CLI prints the message as one line and exits with code 2. */
export class UsageError extends Error {
  override readonly name: string = "UsageError";
  readonly [usageBrand] = true;
}

/** True for a UsageError, even one thrown by another copy of this module (a spec loaded beside the CLI). */
export const isUsageError = (error: unknown): error is UsageError =>
  error instanceof UsageError || (typeof error === "object" && error !== null && usageBrand in error);

/** A configuration value a spec does not accept: which spec, key and value, and what the key accepts. */
export class ConfigError extends UsageError {
  override readonly name = "ConfigError";
  constructor(
    readonly spec: string,
    readonly key: string,
    readonly value: string,
    readonly accepts: string,
    message = `bad value for ${key} of ${spec}: "${value}" (${key} accepts ${accepts})`,
  ) {
    super(message);
  }
}

/** A spec that is itself wrong (a misspelt property in `fails`, a duplicate name, a file that fails to load). */
export class SpecError extends UsageError {
  override readonly name = "SpecError";
  constructor(
    readonly spec: string,
    readonly problem: string,
  ) {
    super(`spec ${spec}: ${problem}`);
  }
}
