/**
 * A bundled spec as the side-by-side bench checks it, for `interleave check bench/explorer-model.ts …`: the spec, the
 * properties and whether liveness is kept come from INTERLEAVE_BENCH (JSON: { spec, liveness, leaveOut }). Safety only
 * keeps no state graph and searches no fair cycles; the properties left out are those TLC's baseline says fail, so
 * that neither side stops early. Used by bench/side-by-side.ts.
 */
import { isLiveness } from "../checker/props/property.ts";
import type { Spec } from "../checker/spec.ts";

const {
  spec: name,
  liveness,
  leaveOut,
} = JSON.parse(process.env.INTERLEAVE_BENCH ?? "{}") as { spec?: string; liveness?: boolean; leaveOut?: string[] };
if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error(`INTERLEAVE_BENCH names no spec: ${process.env.INTERLEAVE_BENCH}`);
const spec = (await import(`../specs/${name}/model.ts`)).default as Spec;

// A variant's `fails` may name properties left out here: the bench reads no verdict, so none is declared.
const variants = Object.fromEntries(Object.entries(spec.variants).map(([variant, declared]) => [variant, { ...declared, fails: [] }]));

export default {
  ...spec,
  variants: variants as Spec["variants"],
  build(config, variant) {
    const built = spec.build(config, variant);
    const kept = built.properties.filter((p) => (liveness || !isLiveness(p)) && !leaveOut?.includes(p.name));
    return { ...built, properties: kept };
  },
} satisfies Spec;
