// The search thread of `interleave check`: runs the job in workerData and posts progress and the result.
// Started by search-thread.ts after tsx is registered here, so that users' TypeScript specs load.
import { parentPort, workerData } from "node:worker_threads";
import { isUsageError } from "../errors.ts";
import { runJob, type FromSearchThread, type SearchJob } from "./search-job.ts";

const { job, stop } = workerData as { job: SearchJob; stop: SharedArrayBuffer };
const flag = new Int32Array(stop);
const post = (message: FromSearchThread) => parentPort!.postMessage(message);

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
