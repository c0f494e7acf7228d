// By subpath: the package's index would load all of effect's modules, a tenth of a second more at every start.
import * as Either from "effect/Either";
import * as Schema from "effect/Schema";
import { ConfigError, SpecError, UsageError } from "./errors.ts";
import type { Model } from "./model.ts";
import type { Property } from "./props/property.ts";
import type { TlaValue } from "./tlc/value.ts";

/** A configuration value: a number or a string. */
export type Value = number | string;

/** One configuration key: its default, what it accepts, and how a `--set` string decodes to its type. */
export interface ConfigKey<T extends Value = Value> {
  readonly doc: string;
  readonly default: T;
  /** What the key accepts, for error lines and `interleave list`. */
  readonly accepts: string;
  /** Decodes a `--set` string; undefined when the key does not accept it. */
  readonly decode: (raw: string) => T | undefined;
}

/** A spec's configuration keys by name. */
export type Keys = Readonly<Record<string, ConfigKey<any>>>;

/** The configuration a spec's keys declare, typed: `intKey` gives a number, `choiceKey` a union of words. */
export type ConfigOf<K extends Keys> = { readonly [P in keyof K]: K[P] extends ConfigKey<infer T> ? T : never };

/** A configuration of some spec: key → value. */
export type Config = Readonly<Record<string, Value>>;

const decoderOf =
  <T extends Value>(schema: Schema.Schema<T, string>) =>
  (raw: string): T | undefined =>
    Either.getOrUndefined(Schema.decodeUnknownEither(schema)(raw));

/** Decimal integers only: no sign other than a leading minus, no spaces, no 0x, no exponent, no ".0". */
const IntegerText = Schema.String.pipe(Schema.pattern(/^-?(0|[1-9]\d{0,14})$/));

/** An integer key within [min, max]. */
export function intKey(options: { doc: string; default: number; min: number; max: number }): ConfigKey<number> {
  const schema = Schema.compose(IntegerText, Schema.NumberFromString).pipe(Schema.int(), Schema.between(options.min, options.max));
  return { doc: options.doc, default: options.default, accepts: `an integer from ${options.min} to ${options.max}`, decode: decoderOf(schema) };
}

/** A key that takes one of a fixed list of words. */
export function choiceKey<const C extends string>(options: { doc: string; default: NoInfer<C>; choices: readonly C[] }): ConfigKey<C> {
  const schema = Schema.Literal(...options.choices) as unknown as Schema.Schema<C, string>;
  return { doc: options.doc, default: options.default, accepts: `one of ${options.choices.join(", ")}`, decode: decoderOf(schema) };
}

/** A string key that must match a pattern (the spec parses it further when it builds). */
export function patternKey(options: { doc: string; default: string; pattern: RegExp; accepts: string }): ConfigKey<string> {
  return {
    doc: options.doc,
    default: options.default,
    accepts: options.accepts,
    decode: decoderOf(Schema.String.pipe(Schema.pattern(options.pattern))),
  };
}

/** A named version of a spec: "main" is the protocol, others are known-wrong (or alternative) variants. */
export interface Variant<K extends Keys = Keys> {
  readonly summary: string;
  /** Defaults that differ from the spec's, e.g. a configuration where the flaw shows. */
  readonly defaults?: Partial<ConfigOf<K>>;
  /** The properties this variant is known to violate at its defaults (none for "main"); checked at load. */
  readonly fails?: readonly string[];
}

/** The TLA+ side of one configuration: the state projection and the constants; twins are named on properties. */
export interface TlaPairing<S> {
  /** The TLA+ variables a state corresponds to; must be injective on the reachable states. */
  toTla(state: S): Readonly<Record<string, TlaValue>>;
  /** Constant name → TLA+ expression (a model value when the expression is the name itself). */
  readonly constants: Readonly<Record<string, string>>;
  /** The module stated at this configuration, when not the spec's `tlaModule` (e.g. a variant's abstraction). */
  readonly module?: string;
  /**
   * For TLC runs under symmetry (`interleave tlc <spec> --symmetry`): each definition of the module holding the ids
   * of a symmetric role, replaced by that many model values that TLC's SYMMETRY permutes, e.g. `{ RMs: ["rm1", "rm2"] }`.
   */
  readonly symmetric?: Readonly<Record<string, readonly string[]>>;
}

/** A spec built for one configuration and variant: the model and what it must satisfy. */
export interface Instance<S, A> {
  readonly model: Model<S, A>;
  readonly properties: readonly Property<S>[];
  /** Present when the configuration can be checked by TLC too. */
  readonly tla?: TlaPairing<S>;
}

/** A protocol's binding to the checker, declared in `specs/<name>/model.ts` as its default export. */
export interface Spec<K extends Keys = Keys, S = any, A = any, V extends string = string> {
  readonly name: string;
  readonly summary: string;
  readonly keys: K;
  readonly variants: { readonly [P in V | "main"]: Variant<K> };
  /** The TLA+ module paired with the spec: `<tlaModule>.tla` beside the spec's model file. */
  readonly tlaModule?: string;
  /** Builds the model at a configuration; throws UsageError (e.g. ConfigError) when keys contradict each other. */
  build(config: ConfigOf<K>, variant: V | "main"): Instance<S, A>;
}

/** Declares a spec: checks its type, and infers the configuration's type from its keys. */
export const defineSpec = <const K extends Keys, S, A, V extends string = "main">(spec: Spec<K, S, A, V>): Spec<K, S, A, V> => spec;

/** A configuration as `key=value` words, e.g. "servers=3 crashes=1". */
export { configText } from "./config-text.ts";

/** Settings of a run: `key=value` strings (the CLI) or typed values (the API). */
export type Settings = readonly string[] | Readonly<Record<string, Value>>;

/**
 * The configuration of a run: the spec's defaults, the variant's, then each setting in order. Throws
 * UsageError for an unknown variant or key, ConfigError for a value its key does not accept.
 */
export function resolveConfig(spec: Spec, variant: string, settings: Settings = []): Config {
  const chosen = (spec.variants as Record<string, Variant>)[variant];
  if (!chosen) throw new UsageError(`unknown variant "${variant}" of ${spec.name}; variants: ${Object.keys(spec.variants).join(", ")}`);
  const config: Record<string, Value> = Object.fromEntries(Object.entries(spec.keys).map(([k, key]) => [k, key.default]));
  const pairs = Array.isArray(settings) ? (settings as readonly string[]).map(splitSetting(spec)) : Object.entries(settings);
  for (const [name, value] of [...Object.entries(chosen.defaults ?? {}), ...pairs]) config[name] = accepted(spec, name, value);
  return config;
}

const splitSetting =
  (spec: Spec) =>
  (setting: string): [string, Value] => {
    const eq = setting.indexOf("=");
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${setting}"; keys of ${spec.name}: ${Object.keys(spec.keys).join(", ")}`);
    return [setting.slice(0, eq), setting.slice(eq + 1)];
  };

/** The value a key takes for `value` (a string from the command line, or a typed value). */
function accepted(spec: Spec, name: string, value: unknown): Value {
  const key = spec.keys[name];
  if (!key) throw new UsageError(`unknown key "${name}" for ${spec.name}; keys: ${Object.keys(spec.keys).join(", ")}`);
  const raw = typeof value === "string" || typeof value === "number" ? String(value) : undefined;
  const decoded = raw === undefined ? undefined : key.decode(raw);
  if (decoded === undefined || (typeof value === "number" && decoded !== value)) throw new ConfigError(spec.name, name, String(value), key.accepts);
  return decoded;
}

/** Builds a spec at a resolved configuration; the configuration is the one `resolveConfig` returned. */
export const buildInstance = (spec: Spec, config: Config, variant: string): Instance<unknown, unknown> =>
  spec.build(config as ConfigOf<Keys>, variant);

/**
 * Checks what can be checked before a run: the shape of the spec, each key's default, and each variant built
 * at its defaults, whose properties have distinct names and include every name in its `fails`. Throws SpecError.
 */
export function validateSpec(spec: Spec): void {
  const name = typeof spec?.name === "string" ? spec.name : "?";
  if (typeof spec?.build !== "function" || typeof spec.keys !== "object" || typeof spec.variants?.main !== "object") {
    throw new SpecError(name, "must be defineSpec({ name, summary, keys, variants: { main, ... }, build })");
  }
  for (const [key, declared] of Object.entries(spec.keys)) {
    if (declared.decode(String(declared.default)) === undefined)
      throw new SpecError(name, `the default of ${key} (${declared.default}) is not one it accepts (${declared.accepts})`);
  }
  for (const [variant, declared] of Object.entries(spec.variants as Record<string, Variant>)) {
    let instance: Instance<unknown, unknown>;
    try {
      instance = buildInstance(spec, resolveConfig(spec, variant), variant);
    } catch (error) {
      throw new SpecError(name, `variant ${variant} does not build at its defaults: ${(error as Error).message}`);
    }
    const names = instance.properties.map((p) => p.name);
    const twice = names.find((p, i) => names.indexOf(p) !== i);
    if (twice !== undefined) throw new SpecError(name, `two properties are named "${twice}"`);
    const unknown = (declared.fails ?? []).filter((p) => !names.includes(p));
    if (unknown.length > 0)
      throw new SpecError(name, `variant ${variant} declares fails: ${unknown.join(", ")}, not a property; properties: ${names.join(", ")}`);
  }
}
