import { UsageError } from "../errors.ts";
import type { Model } from "../model.ts";
import type { Property } from "../props/property.ts";
import type { ActionReport, ProcessReport } from "../report.ts";
import { actionReport, initialLabel, processesOf, viewOf } from "../report/steps.ts";
import { buildInstance, resolveConfig, type Config, type Instance, type Settings, type Spec } from "../spec.ts";
import { encode } from "../state/encode.ts";
import { changeLines, changes } from "../trace/diff.ts";
import { propertyStatus, type PropertyStatus } from "./property-status.ts";

/*
 * One configuration of a spec opened for exploring by hand: the model built as runSpec builds it, its states kept
 * here by id (one id per distinct state, told apart by their exact canonical encoding, so two different states never
 * share an id), and what the explorer page shows of a state: its view, its enabled actions with what each changes,
 * and each property's status there.
 */

/** An enabled action of a state, as the page lists it. */
export interface ActionInfo {
  /** Its index in `model.actions(state)`: the action's identity in this state. */
  readonly index: number;
  readonly label: string;
  readonly action: ActionReport;
  /**
   * The process the page files it under (the receiver, the client, the process acting); "environment" for a loss,
   * "actions" for a model that is not an actor system.
   */
  readonly group: string;
  /** The state it leads to; absent when the model's code threw (then `error`). */
  readonly to?: number;
  readonly error?: string;
  /** What it changes, one line per top-level field (checker/trace/diff.ts). */
  readonly changes: readonly string[];
}

/** A state as the page shows it. */
export interface StateInfo {
  readonly id: number;
  /** The model's view of the state, ITF-encoded (as in result documents). */
  readonly view: unknown;
  readonly final: boolean;
  readonly actions: readonly ActionInfo[];
  /** Set when the model's code threw listing the enabled actions. */
  readonly actionsError?: string;
  readonly properties: readonly PropertyStatus[];
}

/** What the page is told about the session once. */
export interface ModelInfo {
  readonly spec: string;
  readonly summary: string;
  readonly variant: string;
  readonly variants: readonly string[];
  readonly config: Config;
  readonly processes: readonly ProcessReport[] | null;
  readonly properties: readonly { readonly name: string; readonly kind: string; readonly tla?: string }[];
  /** The initial states' ids, with what sets each apart from the first. */
  readonly initial: readonly { readonly id: number; readonly label: string; readonly changes: readonly string[] }[];
}

const messageOf = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message.split("\n")[0]}` : String(error));

/** A spec's configuration opened for exploring: states by id, each computed once. */
export class ExplorerSession {
  readonly model: Model<unknown, unknown>;
  readonly properties: readonly Property<unknown>[];
  readonly processes: readonly ProcessReport[] | undefined;
  /** Process names, shown without quotes. */
  readonly bare: ReadonlySet<string>;
  readonly initial: readonly number[];
  private readonly states: unknown[] = [];
  private readonly idByEncoding = new Map<string, number>();
  private readonly infoById = new Map<number, StateInfo>();

  /** Opens `variant` of `spec` at the configuration `set` gives; a UsageError for a bad configuration or a model whose initial states throw. */
  constructor(
    readonly spec: Spec,
    readonly variant: string,
    readonly config: Config,
    instance: Instance<unknown, unknown>,
  ) {
    this.model = instance.model;
    this.properties = instance.properties;
    this.processes = processesOf(instance.model);
    this.bare = new Set(this.processes?.map((p) => p.name));
    let initial: readonly unknown[];
    try {
      initial = this.model.initialStates();
    } catch (error) {
      throw new UsageError(`the model's initialStates() threw ${messageOf(error)}`);
    }
    if (initial.length === 0) throw new UsageError(`${spec.name} (${variant}) has no initial state`);
    this.initial = [...new Set(initial.map((s) => this.idOf(s)))];
  }

  /** The id of a state: the same for equal states (by their exact canonical encoding). */
  idOf(state: unknown): number {
    const key = encode(state);
    let id = this.idByEncoding.get(key);
    if (id === undefined) {
      id = this.states.length;
      this.states.push(state);
      this.idByEncoding.set(key, id);
    }
    return id;
  }

  /** The state with this id; a UsageError for an id never handed out. */
  state(id: number): unknown {
    if (!Number.isInteger(id) || id < 0 || id >= this.states.length)
      throw new UsageError(`no state ${id} (ids run from 0 to ${this.states.length - 1})`);
    return this.states[id];
  }

  /** The view of a state in ITF encoding, as result documents show it. */
  view(id: number): unknown {
    return viewOf(this.model, this.state(id));
  }

  /** What the page knows of the session from the start. */
  modelInfo(): ModelInfo {
    const first = this.view(this.initial[0]!);
    return {
      spec: this.spec.name,
      summary: this.spec.summary,
      variant: this.variant,
      variants: Object.keys(this.spec.variants),
      config: this.config,
      processes: this.processes ?? null,
      properties: this.properties.map((p) => ({ name: p.name, kind: p.kind, ...(p.tla !== undefined && { tla: p.tla }) })),
      initial: this.initial.map((id, i) => ({
        id,
        label: this.initial.length === 1 ? initialLabel : `initial state ${i + 1} of ${this.initial.length}`,
        changes: i === 0 ? [] : changeLines(changes(first, this.view(id), this.bare), 100),
      })),
    };
  }

  /** A state with its enabled actions (each taken once, to show where it leads) and its properties' status. Computed once per state. */
  info(id: number): StateInfo {
    const known = this.infoById.get(id);
    if (known) return known;
    const state = this.state(id);
    const view = viewOf(this.model, state);
    let actions: readonly unknown[] = [];
    let actionsError: string | undefined;
    try {
      actions = this.model.actions(state);
    } catch (error) {
      actionsError = `the model's actions() threw ${messageOf(error)}`;
    }
    const listed = actions.map((action, index) => this.actionInfo(view, state, action, index));
    let final = false;
    try {
      final = this.model.isFinal(state);
    } catch (error) {
      actionsError ??= `the model's isFinal() threw ${messageOf(error)}`;
    }
    const info: StateInfo = {
      id,
      view,
      final,
      actions: listed,
      ...(actionsError !== undefined && { actionsError }),
      properties: this.properties.map((p) => propertyStatus(p, state, { enabled: actions.length, final, error: actionsError })),
    };
    this.infoById.set(id, info);
    return info;
  }

  private actionInfo(view: unknown, state: unknown, action: unknown, index: number): ActionInfo {
    const label = this.model.describe(action);
    const report = actionReport(this.model, action);
    const group = groupOf(report, this.bare);
    try {
      const to = this.idOf(this.model.next(state, action));
      return { index, label, action: report, group, to, changes: changeLines(changes(view, this.view(to), this.bare), 100) };
    } catch (error) {
      return { index, label, action: report, group, error: `${label} threw ${messageOf(error)}`, changes: [] };
    }
  }
}

/** Opens a spec at a variant and settings, built as runSpec builds it (resolveConfig, then buildInstance). UsageError on bad input. */
export function openSession(spec: Spec, options: { readonly variant?: string; readonly set?: Settings } = {}): ExplorerSession {
  const variant = options.variant ?? "main";
  const config = resolveConfig(spec, variant, options.set ?? []);
  return new ExplorerSession(spec, variant, config, buildInstance(spec, config, variant));
}

/** The process an action belongs to on the page: who receives, invokes or acts; a loss is the environment's; a model without processes has "actions". */
function groupOf(action: ActionReport, processes: ReadonlySet<string>): string {
  if (processes.size === 0) return "actions";
  const who = action.kind === "deliver" ? action.to : action.kind === "invoke" ? action.client : action.process;
  return typeof who === "string" && processes.has(who) ? who : "environment";
}
