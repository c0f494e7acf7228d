/** Functions for off-thread.test.ts to call in the worker thread. */
import { threadId } from "node:worker_threads";

/** The id of the thread this runs in. */
export const currentThread = (): number => threadId;

/** A value that cannot cross between threads. */
export const aFunction = (): unknown => () => 1;

/** Throws a RangeError with `message`. */
export function throwsRange(message: string): never {
  throw new RangeError(message);
}
