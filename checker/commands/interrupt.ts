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
