// A search thread of a parallel search: builds the model from its spec file, says it is ready, then runs the
// levels it is handed until the search ends, and posts what only it knows (exceptions, its edges).
import { parentPort, workerData } from "node:worker_threads";
import { loadSpec } from "../../discover.ts";
import { isUsageError } from "../../errors.ts";
import { buildInstance } from "../../spec.ts";
import { Barrier, BarrierAborted } from "./barrier.ts";
import { runLevels } from "./levels.ts";
import { packEdges, unpackStates, type FromThread, type ThreadData, type ToThread } from "./messages.ts";
import { Participant } from "./participant.ts";
import { READY, SharedSearch, STOP } from "./shared.ts";

const data = workerData as ThreadData;
const post = (message: FromThread) => parentPort!.postMessage(message);
const shared = new SharedSearch(data.buffers);
const barrier = new Barrier(data.buffers.barrier, data.threads);

try {
  const spec = await loadSpec(data.source.file, process.cwd());
  const instance = buildInstance(spec, data.source.config, data.source.variant);
  const properties = instance.properties.filter((p) => data.source.properties.includes(p.name));
  const participant = new Participant(instance.model, properties, shared, { fairness: data.fairness, symmetry: data.symmetry }, data.thread);
  Atomics.add(shared.control, READY, 1);
  const message = await new Promise<ToThread>((resolve) => parentPort!.once("message", resolve));
  if (message.type === "start") {
    participant.held = unpackStates(message.held);
    runLevels(participant, shared, barrier, data.rules);
    const complete = Atomics.load(shared.control, STOP) === 0;
    const edges = complete && participant.edges ? packEdges(participant.edges, participant as Participant<unknown, unknown>) : undefined;
    post({ type: "done", thrown: participant.thrown, edges });
  }
} catch (error) {
  if (error instanceof BarrierAborted) post({ type: "aborted" });
  else {
    barrier.abort();
    const message = error instanceof Error ? error.message : String(error);
    if (isUsageError(error)) post({ type: "error", usage: true, message });
    else post({ type: "error", usage: false, message: `${error instanceof Error ? error.name : "thrown"}: ${message.split("\n")[0]}` });
  }
}
parentPort!.close();
