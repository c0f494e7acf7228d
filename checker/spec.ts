import { Either, Schema } from "effect";
import { UsageError } from "./errors.ts";
import type { Model } from "./model.ts";
import type { Property } from "./props/property.ts";
import type { TlaValue } from "./tlc/value.ts";

/** A configuration: key → number or string, as set by defaults, a variant and `--set key=value`. */
export type Config = Readonly<Record<string, number | string>>;

/** One configuration key: its default, what it accepts, and the Schema that decodes a `--set` string. */
export interface ConfigKey {
  readonly doc: string;
  readonly default: number | string;
  /** What the key accepts, for error lines and `interleave list`. */
  readonly accepts: string;
  /** Decodes a `--set` string; undefined when the key does not accept it. */
  readonly decode: (raw: string) => number | string | undefined;
}

const decoderOf =
  <T extends number | string>(schema: Schema.Schema<T, string>) =>
  (raw: string): T | undefined =>
    Either.getOrUndefined(Schema.decodeUnknownEither(schema)(raw));

/** An integer key within [min, max]. */
export function intKey(options: { doc: string; default: number; min: number; max: number }): ConfigKey {
  const schema = Schema.NumberFromString.pipe(Schema.int(), Schema.between(options.min, options.max));
  return { ...options, accepts: `an integer from ${options.min} to ${options.max}`, decode: decoderOf(schema) };
}

/** A key that takes one of a fixed list of words. */
export function choiceKey(options: { doc: string; default: string; choices: readonly string[] }): ConfigKey {
  return { ...options, accepts: `one of ${options.choices.join(", ")}`, decode: decoderOf(Schema.Literal(...options.choices)) };
}

/** A string key that must match a pattern (the spec parses it further when it builds). */
export function patternKey(options: { doc: string; default: string; pattern: RegExp; accepts: string }): ConfigKey {
  return { ...options, decode: decoderOf(Schema.String.pipe(Schema.pattern(options.pattern))) };
}

/** A named version of a spec: "main" is the protocol, others are known-wrong (or alternative) variants. */
export interface Variant {
  readonly summary: string;
  /** Defaults that differ from the spec's, e.g. a configuration where the flaw shows. */
  readonly defaults?: Config;
  /** The properties this variant is known to violate at its defaults (none for "main"). */
  readonly fails?: readonly string[];
}

/**
 * How a property is stated in the TLA+ spec: an invariant; for `sometimes` an invariant TLC must find
 * violated; for a liveness property a temporal formula TLC checks as a PROPERTY of the module's `FairSpec`
 * (Init /\ [][Next]_vars /\ the fairness conditions that match the model's).
 */
export type TlaTwin = { readonly invariant: string } | { readonly violatedInvariant: string } | { readonly property: string };

/** The TLA+ side of one configuration: the state projection, the constants and each property's twin. */
export interface TlaPairing<S> {
  /** The TLA+ variables a state corresponds to; must be injective on the reachable states. */
  toTla(state: S): Readonly<Record<string, TlaValue>>;
  /** Constant name → TLA+ expression (a model value when the expression is the name itself). */
  readonly constants: Readonly<Record<string, string>>;
  /** The module stated at this configuration, when not the spec's `tlaModule` (e.g. a variant's abstraction). */
  readonly module?: string;
  /** Property name → its twin; a property without a twin is checked by the explorer only. */
  readonly twins: Readonly<Record<string, TlaTwin>>;
}

/** A spec built for one configuration and variant: the model and what it must satisfy. */
export interface Instance<S, A> {
  readonly model: Model<S, A>;
  readonly properties: readonly Property<S>[];
  /** Present when the configuration can be checked by TLC too. */
  readonly tla?: TlaPairing<S>;
}

/** A protocol's binding to the checker, declared in `specs/<name>/model.ts` as its default export. */
export interface Spec<S = any, A = any> {
  readonly name: string;
  readonly summary: string;
  readonly keys: Readonly<Record<string, ConfigKey>>;
  readonly variants: Readonly<Record<string, Variant>> & { readonly main: Variant };
  /** The TLA+ module paired with the spec: specs/<name>/<module>.tla. */
  readonly tlaModule?: string;
  /** Builds the model; throws UsageError when keys contradict each other. */
  build(config: Config, variant: string): Instance<S, A>;
}

/** Declares a spec (an identity that checks the type). */
export const defineSpec = <S, A>(spec: Spec<S, A>): Spec<S, A> => spec;

/**
 * The configuration of a run: the spec's defaults, the variant's, then each `key=value` in order.
 * Throws UsageError naming the key and what it accepts.
 */
export function resolveConfig(spec: Spec, variant: string, settings: readonly string[]): Config {
  const chosen = spec.variants[variant];
  if (!chosen) throw new UsageError(`unknown variant "${variant}" of ${spec.name}; variants: ${Object.keys(spec.variants).join(", ")}`);
  const config: Record<string, number | string> = { ...Object.fromEntries(Object.entries(spec.keys).map(([k, key]) => [k, key.default])), ...chosen.defaults };
  for (const setting of settings) {
    const eq = setting.indexOf("=");
    if (eq <= 0) throw new UsageError(`--set takes key=value, got "${setting}"; keys of ${spec.name}: ${Object.keys(spec.keys).join(", ")}`);
    const name = setting.slice(0, eq);
    const raw = setting.slice(eq + 1);
    const key = spec.keys[name];
    if (!key) throw new UsageError(`unknown key "${name}" for ${spec.name}; keys: ${Object.keys(spec.keys).join(", ")}`);
    const decoded = key.decode(raw);
    if (decoded === undefined) throw new UsageError(`bad value for ${name}: "${raw}" (${name} accepts ${key.accepts})`);
    config[name] = decoded;
  }
  return config;
}

