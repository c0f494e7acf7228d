/** Runs `work` with an AbortSignal that Ctrl-C (SIGINT) fires, so a search or TLC run stops cleanly. */
export async function interruptible<T>(work: (signal: AbortSignal) => Promise<T> | T): Promise<T> {
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.once("SIGINT", onSigint);
  try {
    return await work(abort.signal);
  } finally {
    process.off("SIGINT", onSigint);
  }
}

/**
 * Runs `work` with a flag in shared memory (element 0 of an Int32Array) that Ctrl-C sets, for a search in another
 * thread to poll with Atomics; a second Ctrl-C ends the process at once (exit 130).
 */
export async function withStopFlag<T>(work: (flag: Int32Array<SharedArrayBuffer>) => Promise<T>): Promise<T> {
  const flag = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const onSigint = () => {
    if (Atomics.exchange(flag, 0, 1) !== 0) process.exit(130);
    process.stderr.write("\ninterleave: stopping the search (Ctrl-C again to quit at once)\n");
  };
  process.on("SIGINT", onSigint);
  try {
    return await work(flag);
  } finally {
    process.off("SIGINT", onSigint);
  }
}
