/**
 * One search thread's share of a parallel BFS. Level by level, every thread expands the states it holds, inserting
 * their successors into the shared table, which keeps for each new state the smallest (parent id, action index)
 * that reached it. Once every thread is done, the thread that made that smallest step gives the state its id:
 * ids are handed out in (parent, action) order, the order a sequential BFS discovers states in, so ids, parents,
 * counts and counterexamples are the same whatever the number of threads. Which thread holds a new state for the
 * next level is decided apart from that, among the threads that reached it, by a hash (see ./table.ts), so work
 * spreads evenly and no state crosses threads.
 */
import { isUsageError } from "../../errors.ts";
import type { FairnessLevels, Model } from "../../model.ts";
import { isLiveness, type Property } from "../../props/property.ts";
import { getHeapStatistics } from "node:v8";
import { fingerprint } from "../../state/fingerprint.ts";
import { FairnessClasses } from "../fairness.ts";
import { livenessBits, stateTest } from "../monitor.ts";
import { symmetryOf, type SymmetryInUse } from "../symmetry.ts";
import { IntList } from "./int-list.ts";
import { FINAL_BYTE } from "./records.ts";
import { DEADLOCK, EXCEPTION, FOUND, FRONTIER_END, FRONTIER_START, type SharedSearch } from "./shared.ts";
import { EARLIER, SharedTable, THIS_LEVEL } from "./table.ts";

/** States of one level that one thread holds, with their ids. */
export interface Held<S> {
  readonly ids: number[];
  readonly states: S[];
}

/** The model's code threw: at action `action` of state `parent` (−1: listing its actions; its degree: deciding finality). */
export interface Thrown {
  readonly parent: number;
  readonly action: number;
  /** "step": taking the action; "properties": checking the state it reached. */
  readonly phase: "step" | "properties";
  readonly message: string;
}

/**
 * The edges one thread recorded for the liveness search: per expanded state, its successors' ids and the fairness
 * classes of its actions. A successor met in an earlier level is known by its id at once; one of the level being
 * expanded gets a placeholder, filled in once the level is settled.
 */
export interface EdgeLists {
  readonly sources: IntList;
  readonly degrees: IntList;
  readonly targets: IntList;
  readonly classes: IntList;
  // The placeholders: index in targets, fingerprint, slot (−1 if the table grew at the insert) and the table's generation then.
  readonly at: IntList;
  readonly hi: IntList;
  readonly lo: IntList;
  readonly slots: IntList;
  readonly generations: IntList;
}

/** States expanded between two checks for a growth of the table. */
const BATCH = 64;

export class Participant<S, A> {
  /** The states of the current level this thread expands. */
  held: Held<S> = { ids: [], states: [] };
  readonly thrown: Thrown[] = [];
  readonly edges: EdgeLists | undefined;
  readonly fairness: FairnessClasses<S, A> | undefined;
  /** The initial states computed (duplicates included). */
  initialCount = 0;
  /** Successors computed so far (TLC's generated states, less the initial ones). */
  generated = 0;
  /** Called between levels and every 1,024 states expanded (on the thread that started the search: Ctrl-C, progress). */
  onTick: (() => void) | undefined;
  readonly table: SharedTable;

  // Successors reached in the current level that were not known before it, until the level is settled.
  private readonly hi = new IntList();
  private readonly lo = new IntList();
  private readonly parent = new IntList();
  private readonly action = new IntList();
  private readonly slots = new IntList(); // −1 when the table grew right after the insert
  private readonly generations = new IntList(); // the table's generation when the slot was found
  private states: S[] = [];
  // After settling: the successors this thread gives ids to (their slots and states), and those it holds next.
  private claimedSlots: number[] = [];
  private claimedStates: S[] = [];
  private readonly claimedParents = new IntList(); // the claim's (parent, action), known here without reading the slot again
  private readonly claimedActions = new IntList();
  private heldSlots: number[] = [];
  private heldStates: S[] = [];

  private readonly tests: { readonly index: number; readonly sometimes: boolean; readonly test: (state: S) => boolean }[];
  private readonly liveness: { readonly byte: number; readonly bitsOf: (state: S) => number }[];
  private readonly fp = new Uint32Array(2);
  private readonly symmetry: SymmetryInUse<S> | undefined;

  constructor(
    private readonly model: Model<S, A>,
    properties: readonly Property<S>[],
    private readonly shared: SharedSearch,
    options: { readonly fairness: FairnessLevels | undefined; readonly symmetry: boolean },
    /** This thread's place among the search threads (0: the one that started the search). */
    private readonly thread: number,
  ) {
    this.table = new SharedTable(shared.buffers.table, thread);
    this.symmetry = options.symmetry ? symmetryOf(model, properties) : undefined;
    const fairness = options.fairness;
    this.tests = properties.flatMap((property, index) => {
      const test = stateTest(property);
      return test ? [{ index, sometimes: property.kind === "sometimes", test }] : [];
    });
    this.liveness = properties.filter(isLiveness).map((property, j) => ({ byte: 1 + j, bitsOf: livenessBits(property) ?? (() => 0) }));
    const graph = this.liveness.length > 0;
    this.fairness = graph ? new FairnessClasses(model, fairness) : undefined;
    const list = () => new IntList();
    this.edges = graph
      ? { sources: list(), degrees: list(), targets: list(), classes: list(), at: list(), hi: list(), lo: list(), slots: list(), generations: list() }
      : undefined;
  }

  /** Inserts the initial states (this thread alone, as level 1's expansion of a virtual parent −1). */
  expandInitial(): void {
    let states: readonly S[] = [];
    try {
      states = this.model.initialStates();
      this.initialCount = states.length;
    } catch (error) {
      this.threw(error, -1, -1, "step");
      return;
    }
    this.table.enter();
    states.forEach((state, i) => this.insert(state, -1, i));
    this.table.leave();
  }

  /** Expands every state this thread holds, inserting the successors into the shared table. */
  expand(): void {
    const { shared, table } = this;
    shared.records.refresh();
    const { ids, states } = this.held;
    for (let start = 0; start < states.length; start += BATCH) {
      const end = Math.min(states.length, start + BATCH);
      table.enter(); // once per batch: a growth waits for every thread to finish its batch
      try {
        for (let i = start; i < end; i++) this.expandOne(ids[i]!, states[i]!);
      } finally {
        table.leave();
      }
      shared.generated[this.thread] = this.generated;
      if (start % (BATCH * 16) === 0) this.onTick?.();
    }
    shared.generated[this.thread] = this.generated;
    shared.heap[this.thread] = getHeapStatistics().used_heap_size;
    this.held = { ids: [], states: [] };
    table.flushCount();
  }

  /** Takes every action of state `id`, inserting the successors; the model's code throwing is recorded, not thrown. */
  private expandOne(id: number, state: S): void {
    const { model, shared, edges } = this;
    const { records } = shared;
    let actions: readonly A[] = [];
    let k = -1;
    try {
      actions = model.actions(state);
      edges?.sources.push(id);
      for (k = 0; k < actions.length; k++) {
        const action = actions[k]!;
        const next = model.next(state, action);
        this.generated++;
        this.insert(next, id, k);
        edges?.classes.push(this.fairness!.classOf(action));
      }
      edges?.degrees.push(actions.length);
      records.expanded(id, actions.length);
      const final = model.isFinal(state);
      if (final && edges) records.setFlag(id, FINAL_BYTE, 1);
      if (actions.length === 0 && !final) shared.lower(DEADLOCK, id);
    } catch (error) {
      if (edges && edges.sources.length > edges.degrees.length) edges.degrees.push(-1);
      this.threw(error, id, k, "step");
    }
  }

  private insert(next: S, parent: number, action: number): void {
    // Under symmetry a state is filed under its orbit's fingerprint, and explored as it was reached.
    fingerprint(this.model, this.symmetry ? this.symmetry.canonical(next) : next, this.fp);
    const hi = this.fp[0]! | 0;
    const lo = this.fp[1]! | 0;
    const { table } = this;
    const found = table.insert(hi, lo, parent, action);
    const generation = table.generationInside;
    let slot = table.slot;
    if (table.crowded) {
      // Grown now rather than after this state: a state may have more successors than the table has room for.
      table.leave();
      table.grow();
      table.enter();
      slot = -1;
    }
    const { edges } = this;
    if (edges && parent >= 0) {
      if (found === EARLIER) edges.targets.push(table.foundId);
      else {
        edges.at.push(edges.targets.length);
        edges.targets.push(-1);
        edges.hi.push(hi);
        edges.lo.push(lo);
        edges.slots.push(slot);
        edges.generations.push(generation);
      }
    }
    // A state met earlier in the level is kept only while this step leads its claim or holding: it can only lose them.
    if (found === EARLIER || (found === THIS_LEVEL && !table.leading)) return;
    this.slots.push(slot);
    this.generations.push(generation);
    this.hi.push(hi);
    this.lo.push(lo);
    this.parent.push(parent);
    this.action.push(action);
    this.states.push(next);
  }

  /**
   * Once every thread expanded its states: finds the successors this thread claimed (reached first, in discovery
   * order), counting them per parent, and those it holds in the next level.
   */
  settle(): void {
    const { table } = this;
    const { records } = this.shared;
    const generation = table.generation; // slots found before the table last grew are found again
    table.refresh();
    records.refresh();
    for (let i = 0; i < this.states.length; i++) {
      const known = this.generations.get(i) === generation ? this.slots.get(i) : -1;
      const slot = known >= 0 ? known : table.find(this.hi.get(i), this.lo.get(i));
      const parent = this.parent.get(i);
      const claimed = table.claimedBy(slot, parent, this.action.get(i));
      if (claimed) {
        this.claimedSlots.push(slot);
        this.claimedStates.push(this.states[i]!);
        this.claimedParents.push(parent);
        this.claimedActions.push(this.action.get(i));
        if (parent >= 0) records.setClaims(parent, records.claims(parent) + 1);
      }
      // Under symmetry the states of one orbit differ: the claimant's is the one the recorded path reaches, so it holds it.
      if (this.symmetry ? claimed && table.takeHold(slot, this.thread) : table.takeHold(slot)) {
        this.heldSlots.push(slot);
        this.heldStates.push(this.states[i]!);
      }
    }
    this.hi.length = this.lo.length = this.parent.length = this.action.length = this.slots.length = this.generations.length = 0;
    this.states = [];
  }

  /**
   * Gives the claimed states their ids (the level's first id, plus the first offset of their parent's claims from
   * `claimOffsets`, plus their rank among their parent's claims), records them and checks their properties. Call
   * once every thread settled and the offsets are in place; `level` is the level of the new states.
   */
  assign(level: number): void {
    const { table } = this;
    const { records, control } = this.shared;
    table.refresh();
    records.refresh();
    const first = control[FRONTIER_END]!;
    let parent = -2;
    let next = 0;
    for (let i = 0; i < this.claimedSlots.length; i++) {
      const slot = this.claimedSlots[i]!;
      const p = this.claimedParents.get(i);
      if (p !== parent) {
        parent = p;
        next = first + (p < 0 ? 0 : records.claims(p));
      }
      const id = p < 0 ? first + i : next++; // only the first thread inserts initial states, in order
      table.setId(slot, id);
      records.found(id, p, this.claimedActions.get(i), level);
      if (this.symmetry?.sampled(id)) this.symmetry.check(this.claimedStates[i]!);
      this.check(this.claimedStates[i]!, id);
    }
    this.claimedSlots = [];
    this.claimedStates = [];
    this.claimedParents.length = this.claimedActions.length = 0;
  }

  /** The successors this thread claimed in the level being settled. */
  get claimed(): number {
    return this.claimedSlots.length;
  }

  /** Takes the states this thread holds in the next level, with the ids their claimants gave them. */
  takeHeld(): void {
    this.table.refresh();
    if (this.edges) this.settleEdges(this.edges);
    const ids = this.heldSlots.map((slot) => this.table.idAt(slot));
    this.held = { ids, states: this.heldStates };
    this.heldSlots = [];
    this.heldStates = [];
  }

  /** Gives the successors of the level just settled their ids, by their slots (found again if the table grew since). */
  private settleEdges(edges: EdgeLists): void {
    const { table } = this;
    const generation = table.generation;
    for (let e = 0; e < edges.at.length; e++) {
      const slot = edges.slots.get(e);
      const known = slot >= 0 && edges.generations.get(e) === generation;
      edges.targets.set(edges.at.get(e), known ? table.idAt(slot) : table.idOf(edges.hi.get(e), edges.lo.get(e)));
    }
    edges.at.length = edges.hi.length = edges.lo.length = edges.slots.length = edges.generations.length = 0;
  }

  /** Turns the per-parent claim counts of the level [FRONTIER_START, FRONTIER_END) into offsets; returns the new states' count. */
  static claimOffsets(shared: SharedSearch): number {
    const { records, control } = shared;
    records.refresh();
    let total = 0;
    for (let p = control[FRONTIER_START]!; p < control[FRONTIER_END]!; p++) {
      const claims = records.claims(p);
      records.setClaims(p, total);
      total += claims;
    }
    return total;
  }

  /** Evaluates the per-state properties and the liveness predicates on the new state `id`. */
  private check(state: S, id: number): void {
    const { shared } = this;
    try {
      for (const { index, sometimes, test } of this.tests) {
        if (Atomics.load(shared.control, FOUND + index) <= id) continue;
        const ok = test(state);
        if (sometimes ? ok : !ok) shared.lower(FOUND + index, id);
      }
      for (const { byte, bitsOf } of this.liveness) shared.records.setFlag(id, byte, bitsOf(state));
    } catch (error) {
      const { records } = shared;
      this.threw(error, records.parent(id), records.actionIndex(id), "properties");
    }
  }

  private threw(error: unknown, parent: number, action: number, phase: Thrown["phase"]): void {
    if (isUsageError(error)) throw error; // bad input (a value that is not plain data): not a verdict
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.thrown.push({ parent, action, phase, message });
    Atomics.store(this.shared.control, EXCEPTION, 1);
  }
}
