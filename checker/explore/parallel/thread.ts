// A search thread of the pool (./pool.ts). For each search it is asked to join, it builds the model from the spec's
// file (a module imported once per thread), says it is ready, and then either runs the levels it is handed until the
// search ends, posting what only it knows (exceptions, its edges), or is told the search ended without it. Asked to
// walk a share of a simulation, it walks the traces it claims and posts its record (./simulate-thread.ts).
import { parentPort } from "node:worker_threads";
import { loadSpec } from "../../discover.ts";
import { isUsageError } from "../../errors.ts";
import { buildInstance } from "../../spec.ts";
import { Barrier, BarrierAborted } from "./barrier.ts";
import { runLevels } from "./levels.ts";
import { packEdges, unpackStates, type FromThread, type ThreadData, type ToThread } from "./messages.ts";
import { Participant } from "./participant.ts";
import { READY, SharedSearch, STOP } from "./shared.ts";
import { walkSimulationShare } from "./simulate-thread.ts";

const port = parentPort!;
const post = (message: FromThread) => port.postMessage(message);
const inbox: ToThread[] = [];
let wake: (() => void) | undefined;
port.on("message", (message: ToThread) => {
  inbox.push(message);
  wake?.();
});
const next = async (): Promise<ToThread> => {
  while (inbox.length === 0) await new Promise<void>((resolve) => (wake = resolve));
  return inbox.shift()!;
};

/** Joins one search: loads its model, waits to be handed states (or to be let go), runs the levels. */
async function join(data: ThreadData): Promise<void> {
  const shared = new SharedSearch(data.buffers);
  const barrier = new Barrier(data.buffers.barrier, data.threads);
  try {
    const spec = await loadSpec(data.source.file, process.cwd());
    const instance = buildInstance(spec, data.source.config, data.source.variant);
    const properties = instance.properties.filter((p) => data.source.properties.includes(p.name));
    const participant = new Participant(instance.model, properties, shared, { fairness: data.fairness, symmetry: data.symmetry }, data.thread);
    Atomics.add(shared.control, READY, 1);
    const message = await next();
    if (message.type !== "start") return;
    participant.held = unpackStates(message.held);
    runLevels(participant, shared, barrier, data.rules);
    const complete = Atomics.load(shared.control, STOP) === 0;
    const edges = complete && participant.edges ? packEdges(participant.edges, participant as Participant<unknown, unknown>) : undefined;
    post({ type: "done", thrown: participant.thrown, edges });
  } catch (error) {
    if (error instanceof BarrierAborted) return post({ type: "aborted" });
    barrier.abort();
    const message = error instanceof Error ? error.message : String(error);
    if (isUsageError(error)) post({ type: "error", usage: true, message });
    else post({ type: "error", usage: false, message: `${error instanceof Error ? error.name : "thrown"}: ${message.split("\n")[0]}` });
  }
}

for (;;) {
  const message = await next();
  if (message.type === "join") await join(message.data);
  else if (message.type === "simulate") await walkSimulationShare(message.job, post);
}
