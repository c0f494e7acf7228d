import { assignIds, type Actor, type HistoryEvent, type Id, type Operation, type Out, type Roles, type StateOf } from "../../src/actor/index.ts";
import { UsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import { formatValue, namedEnvelope, ProcessNaming, systemView, type IdFields } from "./format.ts";
import { freezePlain } from "./freeze.ts";
import { Channels, type Envelope } from "./network.ts";
import { keySums, SystemFingerprint } from "./fingerprint.ts";
import { Interner, tuples } from "./intern.ts";
import { ProcessMemo } from "./memo.ts";
import { explainNonPlain } from "../state/plain-data.ts";
import { actorSymmetry, type SymmetryOptions } from "./symmetry.ts";
import {
  afterCrash,
  afterHeal,
  afterIsolate,
  afterStep,
  EnvironmentRules,
  environmentView,
  linkCut,
  noRecord,
  type Environment,
  type Recovery,
  type TimeOptions,
  type TimerOp,
} from "./environment.ts";

export type { Environment, Recovery, TimeOptions } from "./environment.ts";

/** How the network treats messages in flight. */
export type Network = "unordered" | "fifo" | "duplicating" | "lossy";

/** Every network semantics, e.g. for a `choiceKey`. */
export const networks = ["unordered", "fifo", "duplicating", "lossy"] as const satisfies readonly Network[];

/** A message in flight, as `canonicalize` sees it. */
export interface InFlight<M> {
  readonly from: Id;
  readonly to: Id;
  readonly msg: M;
}

/** The model-checking choices for an actor system: nothing here is part of the deployable protocol. */
export interface ActorModelOptions<R extends Roles> {
  /** Network semantics (default "unordered": a bag, no loss, no duplication). */
  readonly network?: Network;
  /** How many crashes one execution may have (default 0): with `recover`, a process may crash again after it recovered. */
  readonly crashes?: number;
  /** Which processes may crash: role names or ids. Required when `crashes` > 0. */
  readonly crashable?: readonly ((keyof R & string) | Id)[];
  /**
   * Whether a crashed process comes back (default "never": crash-stop). With "maybe" or "eventually" (weakly fair), it
   * recovers through its actor's `recover` from what it persisted; its volatile state (null while it is down) and its
   * timers are lost. Messages to a process that is down wait in the network (a lossy network may lose them).
   */
  readonly recover?: Recovery;
  /** Time, clocks and timers (./environment.ts): needed by `out.setTimer`; `time.horizon` also for `out.now()`. */
  readonly time?: TimeOptions;
  /**
   * How many times one execution may isolate a process (default 0): every link to and from it is cut until the
   * partition heals. Messages on cut links wait in the network, as TCP holds them; a lossy network may lose them.
   */
  readonly partitions?: number;
  /** Which processes may be isolated: role names or ids (default: every process). */
  readonly partitionable?: readonly ((keyof R & string) | Id)[];
  /** Whether a partition heals: "eventually" (default; weakly fair) or "maybe" (it may last for ever). */
  readonly heal?: "maybe" | "eventually";
  /**
   * An abstraction applied after every step: renames data throughout the processes' states and the messages
   * in flight to a canonical representative (e.g. ballots replaced by their rank, when the protocol only compares
   * them), so that an unbounded protocol has a finite model. It must be a bisimulation. Return `procs` or
   * `messages` themselves (the same arrays) where nothing changes: the explorer then keeps them as they are.
   */
  readonly canonicalize?: (procs: readonly unknown[], messages: readonly InFlight<MessageOf<R>>[]) => Renamed<MessageOf<R>>;
  /**
   * Interchangeable processes (./symmetry.ts): the roles whose processes can be renamed among themselves, and where
   * ids hide in process states and messages. Declared here, used only when a run asks for it (`--symmetry`).
   */
  readonly symmetry?: SymmetryOptions<R>;
  /** Where process states and messages hold process ids (./format.ts IdFields): traces show those ids as names. Display only. */
  readonly idFields?: IdFields<keyof R & string>;
}

/** What `canonicalize` returns: the processes' states and the messages in flight, renamed. */
export interface Renamed<M> {
  readonly procs: readonly unknown[];
  readonly messages: readonly InFlight<M>[];
}

/** The message type of a system's actors. */
export type MessageOf<R extends Roles> = R[keyof R][number] extends Actor<any, infer M> ? M : never;

/** Each role's process states, typed: `model.roles(state).servers[0]` is the first server's state. */
export type RoleStates<R extends Roles> = { readonly [K in keyof R]: readonly StateOf<R[K][number]>[] };

/** The global state of an actor system; immutable plain data, canonical (equal systems are equal data). */
export interface SystemState {
  /** Every process's state, by id. */
  readonly procs: readonly unknown[];
  /** Ids of crashed processes, ascending. */
  readonly crashed: readonly Id[];
  /** Keys of the messages in flight, in the network's canonical form (see ./network.ts). */
  readonly network: readonly string[];
  /** The client history: every invocation and response, in order (an auxiliary variable). */
  readonly history: readonly HistoryEvent[];
  /** Timers, durable records, partitions and clocks: present only when the model has time, recovery or partitions. */
  readonly env?: Environment;
}

/** An actor system as a Model, with typed access to its roles and the message behind each network key. */
export interface ActorModel<R extends Roles = Roles> extends Model<SystemState, SystemAction> {
  /** Each role's process states in `state`; with `recover`, a process that is down has none (null, whatever the type says). */
  roles(state: SystemState): RoleStates<R>;
  /** Each role's ids. */
  readonly ids: { readonly [K in keyof R]: readonly Id[] };
  /** Each process's name, by id. */
  readonly names: readonly string[];
  /** The message in flight behind a network key. */
  envelope(key: string): Envelope;
  /** Timers, durable records, partitions and clocks in `state` (undefined when the model has none of them). */
  environment(state: SystemState): Environment | undefined;
}

/** One step of an actor system. `index` is the envelope's position in the state's network. */
export type SystemAction =
  | { readonly kind: "deliver"; readonly index: number; readonly key: string; readonly envelope: Envelope }
  | { readonly kind: "drop"; readonly index: number; readonly envelope: Envelope }
  | { readonly kind: "invoke"; readonly client: Id; readonly operation: Operation }
  | { readonly kind: "local"; readonly process: Id; readonly event: string }
  | { readonly kind: "crash"; readonly process: Id }
  | { readonly kind: "timer"; readonly process: Id; readonly name: string }
  | { readonly kind: "tick"; readonly advances: readonly number[] }
  | { readonly kind: "recover"; readonly process: Id }
  | { readonly kind: "isolate"; readonly process: Id }
  | { readonly kind: "heal" };

type DeliverAction = Extract<SystemAction, { kind: "deliver" }>;

/** The ids of each role: counted up from 0 through the roles in the order they are listed. */
const roleIds = <R extends Roles>(roles: R) =>
  assignIds(Object.fromEntries(Object.entries(roles).map(([role, actors]) => [role, actors.length]))) as { readonly [K in keyof R]: readonly Id[] };

/** The processes an option (`crashable`, `partitionable`) names, as ids; a UsageError for a role or id the system does not have. */
function processIds(option: string, ids: Readonly<Record<string, readonly Id[]>>, count: number, named: readonly (string | Id)[]): Id[] {
  return named.flatMap((who) => {
    if (typeof who === "number") {
      if (!Number.isInteger(who) || who < 0 || who >= count)
        throw new UsageError(`${option} names process ${who}, but ids run from 0 to ${count - 1}`);
      return [who];
    }
    const role = ids[who];
    if (!role) throw new UsageError(`${option} names role "${who}"; roles: ${Object.keys(ids).join(", ")}`);
    return role;
  });
}

/**
 * Makes an actor system a Model: every in-flight message to a live process is a separate successor, and
 * so is every client invocation, every local event, every crash within the budget and (on a lossy
 * network) every loss. Handlers are deterministic (the model of computation), so each is run once per
 * (process state, event): the step is remembered and replayed wherever that process state meets that event again.
 * Process states, their tuples and histories are interned (./intern.ts), the fingerprint hashes only what a
 * step made anew (./fingerprint.ts).
 */
export function actorModel<R extends Roles>(roles: R, options: ActorModelOptions<R> = {}): ActorModel<R> {
  type M = MessageOf<R>;
  const actors: readonly Actor<unknown, M>[] = Object.values(roles).flat();
  const network = options.network ?? "unordered";
  const budget = options.crashes ?? 0;
  const ids = roleIds(roles);
  const crashable = processIds("crashable", ids, actors.length, options.crashable ?? []);
  if (!Number.isInteger(budget) || budget < 0) throw new UsageError(`crashes takes a non-negative integer, got ${budget}`);
  if (budget > 0 && crashable.length === 0) throw new UsageError(`crashes=${budget} but no process may crash: name the roles or ids in crashable`);
  const channels = new Channels(network);
  const names = actors.map((a) => a.name);
  const recovery = options.recover ?? "never";
  const rules = environmentRules(options, actors.length);
  const partitionable = rules ? processIds("partitionable", ids, actors.length, options.partitionable ?? actors.map((_, id) => id)) : [];
  if (recovery !== "never")
    for (const id of crashable)
      if (!actors[id]!.recover) throw new UsageError(`${names[id]} may crash and recover, but its actor has no recover(durable, out)`);
  const maxDelay = options.time?.maxDelay;
  if (maxDelay !== undefined && network === "duplicating")
    throw new UsageError("time.maxDelay needs a network that takes delivered messages: not duplicating");
  if (maxDelay !== undefined && options.canonicalize)
    throw new UsageError("time.maxDelay cannot be combined with canonicalize: messages carry their delays");
  const naming = new ProcessNaming(names, ids, options.idFields);
  /** A message as a step's label shows it, ids named. */
  const messageText = (envelope: Envelope): string => formatValue(naming.message(envelope.msg), naming.bare);
  const roleEntries = Object.entries(ids);
  let rolesOf: { procs: readonly unknown[] | undefined; roles: unknown } = { procs: undefined, roles: undefined };
  const rolesByProcs = new WeakMap<readonly unknown[], unknown>();
  const isLive = (state: SystemState, id: Id) => !state.crashed.includes(id);

  const effects = new Effects<M>(channels, names, options.time !== undefined, recovery !== "never", maxDelay);
  const fingerprints = new SystemFingerprint(network);
  /** For the fingerprint: how the last `nextState` changed the network's sums of key hashes, when it only took (at most) one key and sent some. */
  let networkDelta: Int32Array | undefined;
  const interner = new Interner();
  /** Process tuples, hashed from their (interned) process states' hashes, as the fingerprint hashes them. */
  const tupleInterner = new Interner(undefined, tuples);
  const memo = new ProcessMemo<LocalStep | null>(actors.length);

  /** Process `id`'s new state `proc` in `state`, interned (frozen and checked as plain data the first time its content is met). */
  const internProc = (state: SystemState, id: Id, proc: unknown): unknown =>
    interner.intern(
      proc,
      (p) => freezePlain(p, names[id]!),
      (error) => explainNonPlain({ ...state, procs: withProc(state.procs, id, proc) }, error),
    );

  /**
   * What process `id` does in `state` on `event` (a message key, "invoke", a local event, a crash), running its
   * handler for `action` (undefined: an invocation) the first time only. Null when an invocation is not enabled.
   */
  const localStep = (state: SystemState, id: Id, event: string, action: SystemAction | undefined): LocalStep | null => {
    const proc = state.procs[id];
    const clock = state.env?.clocks?.[id];
    const key = clock === undefined ? event : eventAt(event, clock); // a readable clock is part of what a handler sees
    const known = memo.get(id, proc, key);
    if (known !== undefined) return known;
    effects.reset(id, clock);
    const result = runHandler(id, proc, action);
    const step = result === undefined && event === invokeEvent ? null : stepOf(state, id, proc, result);
    memo.set(id, proc, key, step);
    return step;
  };

  /** The step a handler took from `proc` to `result`, with what it sent, recorded, set and persisted through `effects`. */
  const stepOf = (state: SystemState, id: Id, proc: unknown, result: unknown): LocalStep =>
    new LocalStep(
      result === proc ? proc : internProc(state, id, result),
      channels.arrival(effects.sent),
      effects.events.slice(),
      effects.timerOps.length === 0 ? noTimerOps : effects.timerOps.slice(),
      effects.persisted,
    );

  /** Process `id`'s handler for `action` (undefined: its next invocation) on its state `proc`, with `effects` as its Out. */
  const runHandler = (id: Id, proc: unknown, action: SystemAction | undefined): unknown => {
    const actor = actors[id]!;
    switch (action?.kind) {
      case "deliver":
        return actor.receive(proc, action.envelope.from, action.envelope.msg as M, effects);
      case "local":
        return actor.onLocalEvent!(proc, action.event, effects);
      case "crash":
        return actor.onCrash!(proc, action.process, effects);
      case "timer":
        if (!actor.onTimer) throw new UsageError(`${actor.name} set timer "${action.name}" but has no onTimer(state, name, out)`);
        return actor.onTimer(proc, action.name, effects);
      default:
        return actor.invoke!(proc, effects);
    }
  };

  /** The event key of a local event (kept, so that no string is built per step). */
  const localKeys = new Map<string, string>();
  const localKey = (event: string): string => {
    let key = localKeys.get(event);
    if (key === undefined) localKeys.set(event, (key = `local ${event}`));
    return key;
  };

  /**
   * The state after process `id` took `step`, with the envelope at `taken` (−1: none) leaving the network and its timer
   * `fired` (if any) stopped; unchanged parts shared.
   */
  const after = (state: SystemState, id: Id, step: LocalStep, taken = -1, fired?: string): SystemState => {
    const procs = step.proc === state.procs[id] ? state.procs : procsAfter(state.procs, id, step);
    const network = step.sent.length === 0 && taken < 0 ? state.network : channels.change(state.network, taken, step.sent);
    const history = step.events.length === 0 ? state.history : historyAfter(state.history, step);
    if (state.env === undefined) return { procs, crashed: state.crashed, network, history };
    return { procs, crashed: state.crashed, network, history, env: envAfter(state.env, id, step, fired) };
  };

  /** The environment after process `id`'s step (`fired`: the timer that caused it): one object per content, kept per step. */
  const envAfter = (env: Environment, id: Id, step: LocalStep, fired: string | undefined): Environment => {
    if (fired === undefined && step.timerOps.length === 0 && step.persisted === noRecord) return env;
    step.envs ??= new WeakMap();
    let changed = step.envs.get(env);
    if (changed === undefined) step.envs.set(env, (changed = internEnv(afterStep(env, id, step.timerOps, fired, step.persisted))));
    return changed;
  };
  const internEnv = (env: Environment): Environment => interner.intern(env, (e) => freezePlain(e, "the environment"));

  /** The processes' states with process `id`'s replaced by a step's: one array per content, the same one for the same array and step. */
  const procsAfter = (procs: readonly unknown[], id: Id, step: LocalStep): readonly unknown[] => {
    step.procsAfter ??= new WeakMap();
    let changed = step.procsAfter.get(procs);
    if (changed === undefined) {
      changed = internProcs(withProc(procs, id, step.proc));
      step.procsAfter.set(procs, changed);
    }
    return changed;
  };
  const internProcs = (procs: readonly unknown[]): readonly unknown[] => tupleInterner.intern(Object.freeze(procs), (p) => p);

  /** The history with a step's events appended: one array per content, and the same one for the same history and step. */
  const historyAfter = (history: readonly HistoryEvent[], step: LocalStep): readonly HistoryEvent[] => {
    step.histories ??= new WeakMap();
    let longer = step.histories.get(history);
    if (longer === undefined) {
      longer = interner.intern(Object.freeze(history.concat(step.events)), (h) => h);
      step.histories.set(history, longer);
    }
    return longer;
  };

  const invokeStep = (state: SystemState, client: Id) => localStep(state, client, invokeEvent, undefined);

  /** The crashed ids after `process` crashes, ascending: one array per set of crashed ids and crash. */
  const crashedSets = new WeakMap<readonly Id[], (readonly Id[])[]>();
  const crashedAfter = (crashed: readonly Id[], process: Id): readonly Id[] => {
    let after = crashedSets.get(crashed);
    if (after === undefined) crashedSets.set(crashed, (after = []));
    return (after[process] ??= Object.freeze([...crashed, process].sort((a, b) => a - b)));
  };
  const crashKeys: string[] = [];
  const withoutCrashed = (crashed: readonly Id[], process: Id): readonly Id[] => Object.freeze(crashed.filter((id) => id !== process));

  /** An event's key at a clock reading (kept, so that no string is built per step). */
  const keysAt = new Map<string, string[]>();
  const eventAt = (event: string, clock: number): string => {
    let byClock = keysAt.get(event);
    if (byClock === undefined) keysAt.set(event, (byClock = []));
    return (byClock[clock] ??= `${event}@${clock}`);
  };

  /** The event key of a timer's firing (kept, so that no string is built per step). */
  const timerKeys = new Map<string, string>();
  const timerKey = (name: string): string => {
    let key = timerKeys.get(name);
    if (key === undefined) timerKeys.set(name, (key = `timer ${name}`));
    return key;
  };
  /** The firings of the timers due in an environment, as actions: kept per environment (only live processes have timers). */
  const timerActions = new WeakMap<Environment, readonly SystemAction[]>();
  const timersDueIn = (env: Environment): readonly SystemAction[] => {
    let due = timerActions.get(env);
    if (due === undefined) {
      due = env.timers.flatMap((_, process) => rules!.due(env, process).map((name): SystemAction => Object.freeze({ kind: "timer", process, name })));
      timerActions.set(env, due);
    }
    return due;
  };
  /** The environment after each tick action. */
  const tickOutcomes = new WeakMap<SystemAction, Environment>();
  /** The ways time may pass in an environment, as actions: kept per environment (they depend on nothing else). */
  const tickActions = new WeakMap<Environment, readonly SystemAction[]>();
  const ticksIn = (env: Environment): readonly SystemAction[] => {
    let ticks = tickActions.get(env);
    if (ticks === undefined)
      tickActions.set(env, (ticks = rules!.ticks(env).map((advances) => Object.freeze({ kind: "tick", advances }) as SystemAction)));
    return ticks;
  };
  /** With bounded delays: whether some message has waited as long as it may and can still be delivered (time waits for it). */
  const overdue = (state: SystemState): boolean =>
    state.network.some((key) => {
      const { from, to, left } = channels.envelope(key);
      return left === 0 && isLive(state, to) && !linkCut(state.env!, from, to);
    });
  /** The network after a tick: each message one tick older, those that could wait no longer (undeliverable) lost. */
  const agedNetwork = (network: readonly string[]): readonly string[] =>
    channels.add(
      [],
      network.filter((key) => channels.envelope(key).left! > 0).map((key) => channels.aged(key)),
    );
  /** A delivery's fairness key: the message without its delay, so that it names the same delivery as the message ages. */
  const bareKeys = new Map<string, string>();
  const bareKey = (key: string): string => {
    let bare = bareKeys.get(key);
    if (bare === undefined) {
      const { from, to, msg } = channels.envelope(key);
      bareKeys.set(key, (bare = channels.keyOf(from, to, msg)));
    }
    return bare;
  };
  const crashBudgetLeft = (state: SystemState) => (recovery === "never" ? state.crashed.length : state.env!.crashes) < budget;

  /** The delivery of the message with `key` at `index` in a network: one action object per key and index, shared by the states. */
  const deliveries = new Map<string, DeliverAction[]>();
  const deliveryAt = (key: string, index: number): DeliverAction => {
    let byIndex = deliveries.get(key);
    if (byIndex === undefined) deliveries.set(key, (byIndex = []));
    return (byIndex[index] ??= Object.freeze({ kind: "deliver", index, key, envelope: channels.envelope(key) }));
  };

  return {
    ids,
    names,
    roles(state) {
      // Several properties of one state usually ask in turn, and process tuples are interned: answers are kept (frozen).
      if (state.procs !== rolesOf.procs) {
        let roles = rolesByProcs.get(state.procs);
        if (roles === undefined) {
          roles = Object.freeze(Object.fromEntries(roleEntries.map(([role, of]) => [role, Object.freeze(of.map((id) => state.procs[id]))])));
          rolesByProcs.set(state.procs, roles);
        }
        rolesOf = { procs: state.procs, roles };
      }
      return rolesOf.roles as RoleStates<R>;
    },
    envelope: (key) => channels.envelope(key),
    environment: (state) => state.env,
    ...(rules?.horizon !== undefined && { bound: `time stops after ${rules.horizon} ticks (time.horizon)` }),
    ...(options.symmetry && { symmetry: actorSymmetry(options.symmetry, { ids, names, channels, crashable, partitionable, internEnv }) }),
    initialStates() {
      const state: SystemState = {
        procs: actors.map(() => undefined),
        crashed: [],
        network: [],
        history: interner.intern(Object.freeze([]), (h) => h),
      };
      const initial = { ...state, procs: internProcs(actors.map((a, id) => internProc(state, id, a.init()))) };
      return rules ? rules.initial().map((env) => ({ ...initial, env: internEnv(env) })) : [initial];
    },

    actions(state) {
      const enabled: SystemAction[] = [];
      for (let client = 0; client < actors.length; client++) {
        if (!actors[client]!.invoke || !isLive(state, client)) continue;
        const step = invokeStep(state, client);
        if (step === null) continue;
        const first = step.events[0];
        if (first === undefined || !("call" in first)) throw new Error(`${actors[client]!.name}.invoke changed state without calling out.invoked`);
        enabled.push({ kind: "invoke", client, operation: first.call });
      }
      for (let process = 0; process < actors.length; process++) {
        const actor = actors[process]!;
        if (!actor.localEvents || !isLive(state, process)) continue;
        for (const event of actor.localEvents(state.procs[process])) enabled.push({ kind: "local", process, event });
      }
      const env = state.env;
      if (env !== undefined && options.time) enabled.push(...timersDueIn(env));
      const messages = state.network;
      const cut = env !== undefined && env.isolated.length > 0;
      for (let index = 0; index < messages.length; index++) {
        if (!channels.deliverableAt(messages, index)) continue;
        const delivery = deliveryAt(messages[index]!, index);
        const { from, to } = delivery.envelope;
        if (isLive(state, to) && !(cut && linkCut(env, from, to))) enabled.push(delivery);
      }
      if (network === "lossy") {
        for (const index of channels.distinct(state.network))
          enabled.push({ kind: "drop", index, envelope: channels.envelope(state.network[index]!) });
      }
      if (env !== undefined && options.time && !(maxDelay !== undefined && overdue(state))) enabled.push(...ticksIn(env));
      if (crashBudgetLeft(state)) {
        for (const process of crashable) if (isLive(state, process)) enabled.push({ kind: "crash", process });
      }
      if (recovery !== "never") for (const process of state.crashed) enabled.push({ kind: "recover", process });
      if (env !== undefined && env.isolations < rules!.partitions) {
        for (const process of partitionable) if (!env.isolated.includes(process)) enabled.push({ kind: "isolate", process });
      }
      if (cut) enabled.push(healAction);
      return enabled;
    },

    next(state, action) {
      networkDelta = undefined;
      let successor = nextState(state, action);
      if (options.canonicalize) {
        const renamed = canonical(successor);
        if (renamed.network !== successor.network) networkDelta = undefined; // the network was rebuilt: hashed whole
        successor = renamed;
      }
      fingerprints.derived(state, successor, networkDelta);
      return successor;
    },

    fingerprint: (state, out) => fingerprints.of(state, out),

    // Weak fairness by default: a message to a live process that stays deliverable is delivered, a client
    // that can invoke its next operation does, and an enabled local event happens. Crashes and losses may not.
    fairness(action) {
      switch (action.kind) {
        case "deliver":
          return { kind: "deliver", key: maxDelay === undefined ? action.key : bareKey(action.key) };
        case "invoke":
          return { kind: "invoke", key: `invoke ${action.client}` };
        case "local":
          return { kind: "local", key: `local ${action.process} ${action.event}` };
        case "timer":
          return { kind: "timer", key: `timer ${action.process} ${action.name}` };
        case "tick":
          return { kind: "tick", key: "tick" };
        case "recover":
          return recovery === "eventually" ? { kind: "recover", key: `recover ${action.process}` } : undefined;
        case "heal":
          return (options.heal ?? "eventually") === "eventually" ? { kind: "heal", key: "heal" } : undefined;
        default:
          return undefined;
      }
    },

    describe(action) {
      switch (action.kind) {
        case "invoke":
          return `${names[action.client]} invokes ${formatValue(action.operation, naming.bare)}`;
        case "local":
          return `${names[action.process]} does ${action.event}`;
        case "deliver":
          return `${names[action.envelope.to]} receives ${messageText(action.envelope)} from ${names[action.envelope.from]}`;
        case "drop":
          return `the network loses ${messageText(action.envelope)} from ${names[action.envelope.from]} to ${names[action.envelope.to]}`;
        case "crash":
          return `${names[action.process]} crashes`;
        case "timer":
          return `${names[action.process]}'s timer ${action.name} fires`;
        case "tick": {
          const clocks = rules!.rates.length > 1 ? advancesText(action.advances) : "";
          return clocks === "" ? "time passes" : `time passes (${clocks})`;
        }
        case "recover":
          return `${names[action.process]} recovers`;
        case "isolate":
          return `the network isolates ${names[action.process]}`;
        case "heal":
          return "the partition heals";
      }
    },

    actionData(action) {
      switch (action.kind) {
        case "invoke":
          return { kind: "invoke", client: names[action.client], operation: action.operation };
        case "local":
          return { kind: "local", process: names[action.process], event: action.event };
        case "deliver":
        case "drop":
          return { kind: action.kind, ...namedEnvelope(action.envelope, naming) };
        case "crash":
        case "recover":
        case "isolate":
          return { kind: action.kind, process: names[action.process] };
        case "timer":
          return { kind: "timer", process: names[action.process], timer: action.name };
        case "tick":
          return { kind: "tick", advances: Object.fromEntries(action.advances.flatMap((by, id) => (by > 0 ? [[names[id], by]] : []))) };
        case "heal":
          return { kind: "heal" };
      }
    },

    isFinal: (state) => actors.every((actor, id) => !isLive(state, id) || (actor.done?.(state.procs[id]) ?? true)),

    view: (state) => {
      const view = systemView(state, naming, (key) => channels.envelope(key));
      return state.env === undefined ? view : { ...view, ...environmentView(state.env, rules!, naming, Boolean(options.time)) };
    },
  };

  /** Each process's clock advance in a tick, as "s1 +3, c1 +5" (processes whose clock nothing reads left out). */
  function advancesText(advances: readonly number[]): string {
    return advances.flatMap((by, id) => (by > 0 ? [`${names[id]} +${by}`] : [])).join(", ");
  }

  function nextState(state: SystemState, action: SystemAction): SystemState {
    switch (action.kind) {
      case "invoke": {
        const step = invokeStep(state, action.client);
        if (step === null) throw new Error(`${names[action.client]} cannot invoke in this state: not one of its actions`);
        networkDelta = step.sentSums;
        return after(state, action.client, step);
      }
      case "local": {
        const step = localStep(state, action.process, localKey(action.event), action)!;
        networkDelta = step.sentSums;
        return after(state, action.process, step);
      }
      case "deliver": {
        const to = action.envelope.to;
        const step = localStep(state, to, action.key, action)!;
        const taken = channels.taken(action.index);
        // The step is remembered per message key: what it takes is always this key.
        networkDelta = taken < 0 ? step.sentSums : (step.deliveredSums ??= keySums(step.sent, action.key));
        return after(state, to, step, taken);
      }
      case "drop":
        networkDelta = keySums([], state.network[action.index]!);
        return { ...state, network: channels.remove(state.network, action.index) };
      case "timer": {
        const step = localStep(state, action.process, timerKey(action.name), action)!;
        networkDelta = step.sentSums;
        return after(state, action.process, step, -1, action.name);
      }
      case "tick": {
        // A tick action belongs to one environment (ticksIn): its outcome is kept with it.
        let env = tickOutcomes.get(action);
        if (env === undefined) tickOutcomes.set(action, (env = internEnv(rules!.afterTick(state.env!, action.advances))));
        if (maxDelay === undefined || state.network.length === 0) {
          networkDelta = unchangedNetwork;
          return { ...state, env };
        }
        return { ...state, network: agedNetwork(state.network), env }; // the network is hashed whole
      }
      case "isolate":
        networkDelta = unchangedNetwork;
        return { ...state, env: internEnv(afterIsolate(state.env!, action.process)) };
      case "heal":
        networkDelta = unchangedNetwork;
        return { ...state, env: internEnv(afterHeal(state.env!)) };
      case "recover": {
        const process = action.process;
        effects.reset(process, state.env!.clocks?.[process]);
        const step = stepOf(state, process, null, actors[process]!.recover!(state.env!.durable[process], effects));
        networkDelta = step.sentSums;
        return after({ ...state, crashed: withoutCrashed(state.crashed, process) }, process, step);
      }
      case "crash": {
        // The crash, then each live process that listens is notified in turn (by id), all in this one step. With
        // recovery, the process's volatile state is lost (null while it is down); its timers are lost in any case.
        const lost = recovery === "never" ? state.procs : internProcs(withProc(state.procs, action.process, null));
        let next: SystemState = { ...state, procs: lost, crashed: crashedAfter(state.crashed, action.process) };
        if (state.env !== undefined) next = { ...next, env: internEnv(afterCrash(state.env, action.process)) };
        const event = (crashKeys[action.process] ??= `crash ${action.process}`);
        for (let id = 0; id < actors.length; id++)
          if (actors[id]!.onCrash && isLive(next, id)) next = after(next, id, localStep(next, id, event, action)!);
        return next;
      }
    }
  }

  /**
   * The state after the system's `canonicalize`, its messages re-keyed and put back in canonical order; the
   * state itself when nothing was renamed, and the network as it was when no message was.
   */
  function canonical(state: SystemState): SystemState {
    const messages = state.network.map((key) => channels.envelope(key) as InFlight<M>);
    const renamed = options.canonicalize!(state.procs, messages);
    const procs =
      renamed.procs === state.procs
        ? state.procs
        : internProcs(
            renamed.procs.map((p, id) =>
              p === state.procs[id]
                ? p
                : interner.intern(
                    p,
                    (q) => freezePlain(q, `canonicalize: procs[${id}]`),
                    (e) => explainNonPlain(renamed.procs, e),
                  ),
            ),
          );
    if (renamed.messages === messages) return procs === state.procs ? state : { ...state, procs };
    return {
      ...state,
      procs,
      network: channels.add(
        [],
        renamed.messages.map((m) => channels.keyOf(m.from, m.to, m.msg, (msg) => freezePlain(msg, "canonicalize: message"))),
      ),
    };
  }
}

/** The event key under which an invocation is remembered (message keys are encodings of arrays: "[…"). */
const invokeEvent = "invoke";

/** How a step that sends and takes nothing changes the network's sums. */
const unchangedNetwork = keySums([]);

/** The partition's healing: one action object for every state. */
const healAction: SystemAction = Object.freeze({ kind: "heal" });

/** A step's timer operations when it has none (shared). */
const noTimerOps: readonly TimerOp[] = Object.freeze([]);

/** The environment's rules for a system's options; undefined when it has no time, recovery or partitions. */
function environmentRules(
  options: Pick<ActorModelOptions<Roles>, "recover" | "heal" | "partitions" | "time">,
  count: number,
): EnvironmentRules | undefined {
  const recovery = options.recover ?? "never";
  if (!["never", "maybe", "eventually"].includes(recovery)) throw new UsageError(`recover takes never, maybe or eventually, got ${String(recovery)}`);
  if (options.heal !== undefined && options.heal !== "maybe" && options.heal !== "eventually")
    throw new UsageError(`heal takes maybe or eventually, got ${String(options.heal)}`);
  const partitions = options.partitions ?? 0;
  if (!Number.isInteger(partitions) || partitions < 0) throw new UsageError(`partitions takes a non-negative integer, got ${partitions}`);
  if (!options.time && recovery === "never" && partitions === 0) return undefined;
  return new EnvironmentRules(count, options.time, recovery, partitions);
}

/** One step of one process: its next state (interned), the keys it sent (as the network adds them), its history events. */
class LocalStep {
  /** The history after this step, per history before it. */
  histories: WeakMap<readonly HistoryEvent[], readonly HistoryEvent[]> | undefined;
  /** The processes' states after this step, per processes' states before it. */
  procsAfter: WeakMap<readonly unknown[], readonly unknown[]> | undefined;
  /** The sums of the hashes of the keys sent (./fingerprint.ts's keySums): how the step changes a network's sums. */
  readonly sentSums: Int32Array;
  /** For a delivery, the sums of the keys sent less the key delivered (which it takes, except on a duplicating network). */
  deliveredSums: Int32Array | undefined;

  /** The environment after this step, per environment before it. */
  envs: WeakMap<Environment, Environment> | undefined;

  constructor(
    readonly proc: unknown,
    readonly sent: readonly string[],
    readonly events: readonly HistoryEvent[],
    readonly timerOps: readonly TimerOp[],
    /** The durable record the step wrote; `noRecord` when none. */
    readonly persisted: unknown,
  ) {
    this.sentSums = keySums(sent);
  }
}

const withProc = (procs: readonly unknown[], id: Id, proc: unknown): readonly unknown[] => {
  const changed = procs.slice();
  changed[id] = proc;
  return changed;
};

/**
 * The Out handed to one handler call at a time: collects the sends and history events of that step. Its arrays
 * are reused by the next call: copy what must outlive it.
 */
class Effects<M> implements Out<M> {
  readonly sent: string[] = [];
  readonly events: HistoryEvent[] = [];
  readonly timerOps: TimerOp[] = [];
  persisted: unknown = noRecord;
  private self: Id = 0;
  private clock: number | undefined;

  constructor(
    private readonly channels: Channels,
    private readonly names: readonly string[],
    /** Whether the model has time (timers may be set). */
    private readonly timed: boolean,
    /** Whether durable records are kept (processes may recover); otherwise nothing reads them and `persist` keeps none. */
    private readonly durable: boolean,
    /** Bounded delays: the ticks a message sent now may wait in flight (undefined: unbounded). */
    private readonly maxDelay: number | undefined,
  ) {}

  /** Ready for a handler of process `self`, whose clock reads `clock` (undefined: not readable). */
  reset(self: Id, clock?: number): void {
    this.self = self;
    this.clock = clock;
    this.sent.length = 0;
    this.events.length = 0;
    this.timerOps.length = 0;
    this.persisted = noRecord;
  }

  setTimer(name: string, duration: number): void {
    const who = this.names[this.self];
    if (!this.timed) throw new UsageError(`${who} sets timer "${name}", but the model has no time: give actorModel a time option`);
    if (typeof name !== "string") throw new UsageError(`${who} sets a timer named ${String(name)}: timer names are strings`);
    if (!Number.isInteger(duration) || duration <= 0)
      throw new UsageError(`${who} sets timer "${name}" to ${duration}: durations are positive integers (local clock units)`);
    this.timerOps.push([name, duration]);
  }

  cancelTimer(name: string): void {
    if (this.timed) this.timerOps.push([name, null]);
  }

  now(): number {
    if (this.clock === undefined)
      throw new UsageError(
        `${this.names[this.self]} reads its clock, but the model's time has no horizon: give time.horizon to make clocks readable`,
      );
    return this.clock;
  }

  persist(record: unknown): void {
    if (this.durable) this.persisted = freezePlain(record ?? null, () => `${this.names[this.self]} persists: record`);
  }

  send(to: Id, message: M): void {
    if (!Number.isInteger(to) || to < 0 || to >= this.names.length) throw new Error(`${this.names[this.self]} sent to unknown process ${to}`);
    this.sent.push(
      this.channels.keyOf(
        this.self,
        to,
        message,
        (m) => freezePlain(m, () => `${this.names[this.self]} sends to ${this.names[to]}: message`),
        this.maxDelay,
      ),
    );
  }

  invoked(call: Operation): void {
    this.events.push(Object.freeze({ client: this.self, call: freezePlain(call, () => `${this.names[this.self]} invokes: operation`) }));
  }

  returned(ret: unknown): void {
    this.events.push(Object.freeze({ client: this.self, ret: freezePlain(ret, () => `${this.names[this.self]} returns: value`) }));
  }
}
