/**
 * A helper's share of a parallel simulation (./simulate.ts): it builds the model from the spec's file, joins unless
 * the calling thread already walked every trace (then it posts nothing), walks the traces it claims, and posts its
 * record, its visits packed.
 */
import { loadSpec } from "../../discover.ts";
import { isUsageError } from "../../errors.ts";
import { isLiveness } from "../../props/property.ts";
import { buildInstance } from "../../spec.ts";
import { memoryBound, MemoryMeter } from "../memory.ts";
import { walkShare, type ShareRecord } from "../simulate-walk.ts";
import type { FromThread, SimulationJob } from "./messages.ts";
import { SimulationControl } from "./simulate-control.ts";
import { FirstVisits } from "./simulate-visits.ts";

/** Walks the share of `job` this thread claims; posts its record, or its error, when it joined. */
export async function walkSimulationShare(job: SimulationJob, post: (message: FromThread) => void): Promise<void> {
  const { plan } = job;
  let control: SimulationControl | undefined;
  try {
    const spec = await loadSpec(job.source.file, process.cwd());
    const instance = buildInstance(spec, job.source.config, job.source.variant);
    const walked = instance.properties.filter((p) => job.source.properties.includes(p.name) && !isLiveness(p));
    control = new SimulationControl(
      job.buffers,
      walked.map((p) => p.kind !== "sometimes"),
      job.threads,
      plan,
      job.chunk,
    );
    if (!control.join(job.thread)) return;
    control.awaitGo();
    const record = walkShare(instance.model, walked, plan, control.coordination(job.thread), new MemoryMeter(memoryBound(job.memory)));
    post({ type: "simulated", record: packed(record) });
  } catch (error) {
    const shared = control ?? new SimulationControl(job.buffers, [], job.threads, plan, job.chunk);
    if (!control && !shared.join(job.thread)) return; // the model failed to load, and the calling thread did not wait for this one
    shared.interrupt("interrupted"); // the others stop: the run fails
    const message = error instanceof Error ? error.message : String(error);
    if (isUsageError(error)) post({ type: "error", usage: true, message });
    else post({ type: "error", usage: false, message: `${error instanceof Error ? error.name : "thrown"}: ${message.split("\n")[0]}` });
  }
}

/** A record as it crosses threads: visits packed, the error reduced to its message. */
function packed(record: ShareRecord): ShareRecord {
  const { thrown, visits } = record;
  return {
    ...record,
    visits: visits instanceof FirstVisits ? visits.pack() : visits,
    ...(thrown && { thrown: { ...thrown, error: undefined } }),
  };
}
