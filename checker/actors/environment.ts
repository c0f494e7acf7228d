import type { Id } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import type { ProcessNaming } from "./format.ts";

/**
 * Time in an actor system (DESIGN: time is modeled explicitly). Global time moves in ticks no process can read; at
 * each tick every local clock that matters advances by one of `rates` units, chosen anew at each tick and for each
 * process, so clocks drift within the rates' bounds (rates 3, 4 and 5: a nominal 4 units a tick, ±25%). A timer
 * fires once its process's clock has advanced by its duration, and time does not pass while a timer is due (timers
 * are punctual). The state keeps what is left of each timer, never a clock, so it stays finite without a bound on
 * time; a readable clock (`out.now()`) needs a `horizon`, the number of ticks after which time stops. Message delays
 * are unbounded unless `maxDelay` bounds them (each message in flight then carries the ticks it may still wait).
 */
export interface TimeOptions {
  /** How many units a local clock may advance in one tick (positive integers); default [1], no drift. */
  readonly rates?: readonly number[];
  /** Ticks after which time stops; makes clocks readable (`out.now()`), each process's clock then in the state. */
  readonly horizon?: number;
  /** With a horizon: the values a process's clock may start at (each process picks one; default [0]): unsynchronised clocks. */
  readonly offsets?: readonly number[];
  /**
   * Bounded delays: at most this many ticks pass while a message is in flight. A message that has waited that long is
   * delivered before time passes again, or lost at the next tick if its receiver is down or cut off. Default: unbounded.
   */
  readonly maxDelay?: number;
}

/** Whether crashed processes come back: never (crash-stop), maybe (no fairness), or eventually (weakly fair recovery). */
export type Recovery = "never" | "maybe" | "eventually";

/** What an actor system keeps besides its processes, network and history when it models time, recovery or partitions. */
export interface Environment {
  /** Each process's running timers: name → units of its local clock left (0: due; it fires before time moves on). */
  readonly timers: readonly Readonly<Record<string, number>>[];
  /** Each process's durable record (null: none written); kept only when processes may recover. */
  readonly durable: readonly unknown[];
  /** The isolated processes, ascending: every link to or from each of them is cut. */
  readonly isolated: readonly Id[];
  /** Crashes so far (with recovery, `crashed` lists only the processes down now). */
  readonly crashes: number;
  /** Isolations so far. */
  readonly isolations: number;
  /** Global time in ticks: only with a horizon. */
  readonly now?: number;
  /** Each process's local clock: only with a horizon. */
  readonly clocks?: readonly number[];
}

/** A timer operation of one step: set `name` to `duration` units, or cancel it (duration null). */
export type TimerOp = readonly [name: string, duration: number | null];

/** The environment's rules for one system: which faults and what time, checked once. */
export class EnvironmentRules {
  readonly rates: readonly number[];
  readonly horizon: number | undefined;
  readonly offsets: readonly number[];

  constructor(
    readonly count: number,
    readonly time: TimeOptions | undefined,
    readonly recovery: Recovery,
    readonly partitions: number,
  ) {
    this.rates = time?.rates ?? [1];
    this.horizon = time?.horizon;
    this.offsets = time?.offsets ?? [0];
    if (this.rates.length === 0 || !this.rates.every(isPositiveInteger))
      throw new UsageError(`time.rates takes positive integers (clock units a tick), got [${this.rates.join(", ")}]`);
    if (this.horizon !== undefined && !isPositiveInteger(this.horizon))
      throw new UsageError(`time.horizon takes a positive integer (ticks), got ${this.horizon}`);
    if (!this.offsets.every((o) => Number.isInteger(o) && o >= 0))
      throw new UsageError(`time.offsets takes non-negative integers, got [${this.offsets.join(", ")}]`);
    if (time?.offsets && this.horizon === undefined) throw new UsageError("time.offsets needs time.horizon: clocks are part of the state only then");
    const delay = time?.maxDelay;
    if (delay !== undefined && !(Number.isInteger(delay) && delay >= 0))
      throw new UsageError(`time.maxDelay takes a non-negative integer (ticks), got ${delay}`);
  }

  /** Whether clocks are readable (and so part of the state). */
  get readable(): boolean {
    return this.horizon !== undefined;
  }

  /** The environments a system may start in: no timers, no durable records; with a horizon, each choice of clock offsets. */
  initial(): Environment[] {
    const base = {
      timers: Array.from({ length: this.count }, () => ({})),
      durable: Array.from({ length: this.count }, () => null),
      isolated: [],
      crashes: 0,
      isolations: 0,
    };
    if (!this.readable) return [base];
    return product(Array.from({ length: this.count }, () => this.offsets)).map((clocks) => ({ ...base, now: 0, clocks }));
  }

  /**
   * The ways time may pass in `env`: each a list, by process, of how far its clock advances (0 where nothing reads
   * it). None when some live process has a timer due, when time has reached the horizon, or when no clock matters.
   */
  ticks(env: Environment): (readonly number[])[] {
    if (this.readable && env.now! >= this.horizon!) return [];
    const moving: Id[] = [];
    for (let id = 0; id < this.count; id++) {
      const timers = env.timers[id]!;
      let running = false;
      for (const name in timers) {
        if (timers[name] === 0) return []; // a crash stops a process's timers: only live processes have any
        running = true;
      }
      if (running || this.readable) moving.push(id);
    }
    if (moving.length === 0) return [];
    return product(moving.map(() => this.rates)).map((choice) => {
      const advances = new Array<number>(this.count).fill(0);
      moving.forEach((id, i) => (advances[id] = choice[i]!));
      return advances;
    });
  }

  /** The environment after a tick in which each process's clock advanced by `advances[id]`. */
  afterTick(env: Environment, advances: readonly number[]): Environment {
    const timers = env.timers.map((running, id) => {
      const by = advances[id]!;
      if (by === 0) return running;
      const left: Record<string, number> = {};
      for (const name in running) left[name] = Math.max(0, running[name]! - by);
      return left;
    });
    const clocks = env.clocks?.map((clock, id) => clock + advances[id]!);
    return { ...env, timers, ...(clocks && { clocks, now: env.now! + 1 }) };
  }

  /** The names of process `id`'s due timers, in order. */
  due(env: Environment, id: Id): string[] {
    const timers = env.timers[id]!;
    return Object.keys(timers)
      .filter((name) => timers[name] === 0)
      .sort();
  }
}

/** The environment after process `id`'s step: `fired` (a due timer) stopped, then its timer operations, then its durable record. */
export function afterStep(env: Environment, id: Id, ops: readonly TimerOp[], fired: string | undefined, persisted: unknown): Environment {
  let timers = env.timers;
  if (fired !== undefined || ops.length > 0) {
    const mine: Record<string, number> = { ...env.timers[id] };
    if (fired !== undefined) delete mine[fired];
    for (const [name, duration] of ops) {
      if (duration === null) delete mine[name];
      else mine[name] = duration;
    }
    timers = withEntry(env.timers, id, mine);
  }
  const durable = persisted === noRecord ? env.durable : withEntry(env.durable, id, persisted);
  return { ...env, timers, durable };
}

/** The environment after process `id` crashed: its timers are gone; one more crash counted. */
export const afterCrash = (env: Environment, id: Id): Environment => ({ ...env, timers: withEntry(env.timers, id, {}), crashes: env.crashes + 1 });

/** The environment after process `id` is isolated. */
export const afterIsolate = (env: Environment, id: Id): Environment => ({
  ...env,
  isolated: [...env.isolated, id].sort((a, b) => a - b),
  isolations: env.isolations + 1,
});

/** The environment after the partition heals: every link works again. */
export const afterHeal = (env: Environment): Environment => ({ ...env, isolated: [] });

/** Whether the link from `from` to `to` is cut (either end isolated; a process's messages to itself always arrive). */
export const linkCut = (env: Environment, from: Id, to: Id): boolean => from !== to && (env.isolated.includes(from) || env.isolated.includes(to));

/** What a step persisted when it persisted nothing. */
export const noRecord: unique symbol = Symbol("no durable record");

const withEntry = <T>(items: readonly T[], id: Id, item: T): readonly T[] => {
  const changed = items.slice();
  changed[id] = item;
  return changed;
};

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

/** Every choice of one item from each list, the first list's choice varying slowest. */
function product<T>(lists: readonly (readonly T[])[]): T[][] {
  return lists.reduce<T[][]>((acc, list) => acc.flatMap((prefix) => list.map((item) => [...prefix, item])), [[]]);
}

/**
 * The environment as a person reads it, by process name: `timers` (the processes with running timers; time models),
 * `durable` (recovery; ids named as `idFields.durable` declares), `isolated` (partitions), and with a horizon `now` and `clocks`.
 */
export function environmentView(env: Environment, rules: EnvironmentRules, naming: ProcessNaming, timed: boolean): Record<string, unknown> {
  const names = naming.names;
  const byName = <T>(items: readonly T[], keep: (item: T) => boolean, show: (item: T, id: Id) => unknown = (item) => item) =>
    Object.fromEntries(items.flatMap((item, id) => (keep(item) ? [[names[id]!, show(item, id)]] : [])));
  return {
    ...(timed && { timers: byName(env.timers, (t) => Object.keys(t).length > 0) }),
    ...(rules.recovery !== "never" && {
      durable: byName(
        env.durable,
        (d) => d !== null,
        (d, id) => naming.durable(id, d),
      ),
    }),
    ...(rules.partitions > 0 && { isolated: env.isolated.map((id) => names[id]) }),
    ...(env.clocks && { now: env.now, clocks: byName(env.clocks, () => true) }),
  };
}
