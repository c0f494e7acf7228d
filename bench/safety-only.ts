/**
 * The bundled spec named by INTERLEAVE_BENCH_SPEC with its liveness properties left out, as a model file for
 * `interleave check bench/safety-only.ts …`: the explorer's side of a safety-only run (no state graph kept, no
 * fair-cycle search), measured as a whole CLI process. Used by bench/side-by-side.ts.
 */
import { isLiveness } from "../checker/props/property.ts";
import type { Spec } from "../checker/spec.ts";

const name = process.env.INTERLEAVE_BENCH_SPEC;
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`INTERLEAVE_BENCH_SPEC names no spec: ${JSON.stringify(name)}`);
const spec = (await import(`../specs/${name}/model.ts`)).default as Spec;

// A variant's `fails` may name liveness properties, which this spec does not have: the bench reads no verdict, so none is declared.
const variants = Object.fromEntries(Object.entries(spec.variants).map(([name, variant]) => [name, { ...variant, fails: [] }]));

export default {
  ...spec,
  variants: variants as Spec["variants"],
  build(config, variant) {
    const built = spec.build(config, variant);
    return { ...built, properties: built.properties.filter((p) => !isLiveness(p)) };
  },
} satisfies Spec;
