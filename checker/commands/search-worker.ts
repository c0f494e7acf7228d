// The search thread of `interleave check`: waits for its job (a message, so that the thread can be started before the
// job is known and load the checker meanwhile), runs it, and posts progress and the result. Started through
// bin/thread.js, which registers tsx when the checker runs from its sources (compiled, discover.ts does it for a spec).
import { parentPort } from "node:worker_threads";
import { isUsageError } from "../errors.ts";
import { runJob, type FromSearchThread, type ToSearchThread } from "./search-job.ts";

const port = parentPort!;
const { job, stop } = await new Promise<ToSearchThread>((resolve) => port.once("message", resolve));
const flag = new Int32Array(stop);
const post = (message: FromSearchThread) => port.postMessage(message);

try {
  const runs = await runJob(
    job,
    () => Atomics.load(flag, 0) !== 0,
    (progress) => post({ type: "progress", progress }),
  );
  post({ type: "done", runs });
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  if (isUsageError(error)) post({ type: "error", usage: true, message });
  else post({ type: "error", usage: false, message: `${error instanceof Error ? error.name : "thrown"}: ${message.split("\n")[0]}` });
}
