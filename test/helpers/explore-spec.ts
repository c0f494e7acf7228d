/** Explores a spec's configuration; called in a worker thread by off-thread.ts (so it imports nothing of vitest). */
import type { ExploreResult } from "../../checker/explore/result.ts";
import { runSpec, type CheckOptions } from "../../checker/run.ts";
import type { Spec } from "../../checker/spec.ts";

/** Loads the spec that the module at URL `specModule` exports by default and explores it with `options`. */
export async function exploreSpec(specModule: string, options: CheckOptions): Promise<ExploreResult<unknown, unknown>> {
  const spec = (await import(specModule)).default as Spec;
  return runSpec(spec, options).result;
}
