/**
 * Remembering a state predicate's answers by the parts of the state it reads.
 *
 * A property's predicate is a pure function of the state, so its answer depends only on the values of the state's
 * fields it reads. Evaluated on a state through a proxy that records each field read (name and value, in order), an
 * answer is filed in a decision tree: a node names the field read next, its branches are the values that field had,
 * a leaf is the answer. A later state whose fields lead to a leaf gets that answer without running the predicate.
 * The order of reads is a function of the values read before (purity), so one tree serves every state.
 *
 * Values are told apart exactly: primitives by value (−0 never filed), objects (functions included) by identity, and
 * only when frozen (their fields cannot change under the same identity; states are immutable, so neither can what they
 * hold). The actor model interns process tuples and histories (one object per content, frozen), so every state with
 * the same processes shares their answers. A predicate must not keep the state it is given to read it later.
 *
 * Whatever cannot be filed exactly is answered by running the predicate: a read of a value that is not filed
 * (an unfrozen array, say), and, for good, a predicate that looks at the state other than by reading its fields
 * (listing its keys, `in`, its prototype, writing) or that read differently from what its tree recorded. A predicate
 * that seldom meets the same values again is also run directly from then on, its tree dropped.
 */

/** A field read and what it held. */
interface Read {
  readonly key: PropertyKey;
  readonly value: unknown;
}

/** A decision node: the field read next and, per value it held, the next node or the answer. */
class Branch {
  objects: WeakMap<object, Node> | undefined;
  primitives: Map<unknown, Node> | undefined;

  constructor(readonly key: PropertyKey) {}

  child(value: unknown): Node | undefined {
    if (typeof value === "object" ? value !== null : typeof value === "function") return this.objects?.get(value as object);
    if (value === 0 && 1 / value < 0) return undefined; // −0: never filed (a Map would take it for 0)
    return this.primitives?.get(value);
  }

  /** Files `node` under `value`; false when the value cannot be told apart exactly. */
  file(value: unknown, node: Node): boolean {
    if (typeof value === "object" ? value !== null : typeof value === "function") {
      if (!Object.isFrozen(value)) return false;
      (this.objects ??= new WeakMap()).set(value as object, node);
      return true;
    }
    if (value === 0 && 1 / value < 0) return false;
    (this.primitives ??= new Map()).set(value, node);
    return true;
  }
}

type Node = Branch | boolean;

/** The reads of one evaluation, recorded by a proxy's traps. Anything but a field read makes the evaluation untracked. */
class Recorder implements ProxyHandler<object> {
  readonly reads: Read[] = [];
  untracked = false;

  get(target: object, key: PropertyKey, receiver: unknown): unknown {
    const value = Reflect.get(target, key, receiver);
    if (!this.reads.some((r) => r.key === key)) this.reads.push({ key, value });
    return value;
  }
  has(target: object, key: PropertyKey): boolean {
    this.untracked = true;
    return Reflect.has(target, key);
  }
  ownKeys(target: object): ArrayLike<string | symbol> {
    this.untracked = true;
    return Reflect.ownKeys(target);
  }
  getOwnPropertyDescriptor(target: object, key: PropertyKey): PropertyDescriptor | undefined {
    this.untracked = true;
    return Reflect.getOwnPropertyDescriptor(target, key);
  }
  getPrototypeOf(target: object): object | null {
    this.untracked = true;
    return Reflect.getPrototypeOf(target);
  }
  set(target: object, key: PropertyKey, value: unknown, receiver: unknown): boolean {
    this.untracked = true;
    return Reflect.set(target, key, value, receiver);
  }
  defineProperty(target: object, key: PropertyKey, descriptor: PropertyDescriptor): boolean {
    this.untracked = true;
    return Reflect.defineProperty(target, key, descriptor);
  }
  deleteProperty(target: object, key: PropertyKey): boolean {
    this.untracked = true;
    return Reflect.deleteProperty(target, key);
  }
  isExtensible(target: object): boolean {
    this.untracked = true;
    return Reflect.isExtensible(target);
  }
  preventExtensions(target: object): boolean {
    this.untracked = true;
    return Reflect.preventExtensions(target);
  }
  setPrototypeOf(target: object, prototype: object | null): boolean {
    this.untracked = true;
    return Reflect.setPrototypeOf(target, prototype);
  }
}

/** When the memo judges whether it pays: once asked this often, then each time the count doubles; the share of answers found it needs. */
const firstJudged = 1 << 10;
const neededShare = 1 / 4;

/** A predicate's answers, remembered by what it read (see the module comment). */
export class ReadMemo<S> {
  private root: Node | undefined;
  private asked = 0;
  private found = 0;
  private filed = 0;
  /** Off: the predicate is run on every state. */
  private off = false;

  /** `limit`: how many answers are kept before starting afresh. */
  constructor(
    private readonly predicate: (state: S) => unknown,
    private readonly limit = 1 << 20,
  ) {}

  /** The predicate's answer on `state`, as a boolean (what the predicate returns, taken as true or false). */
  holds(state: S): boolean {
    if (this.off || typeof state !== "object" || state === null) return !!this.predicate(state);
    if (++this.asked >= firstJudged && (this.asked & (this.asked - 1)) === 0) {
      if (this.found < this.asked * neededShare) return this.turnOff(state);
    }
    let node = this.root;
    while (node instanceof Branch) node = node.child((state as Record<PropertyKey, unknown>)[node.key]);
    if (node !== undefined) {
      this.found++;
      return node;
    }
    const recorder = new Recorder();
    const answer = !!this.predicate(new Proxy(state, recorder) as S);
    if (recorder.untracked) this.turnOff();
    else this.file(recorder.reads, answer);
    return answer;
  }

  private turnOff(state?: S): boolean {
    this.off = true;
    this.root = undefined;
    return state === undefined ? false : !!this.predicate(state);
  }

  /** Files an answer under its reads; a read that contradicts the tree turns the memo off. */
  private file(reads: readonly Read[], answer: boolean): void {
    if (this.filed >= this.limit) {
      this.root = undefined;
      this.filed = 0;
    }
    if (this.root === undefined) {
      const node = chain(reads, 0, answer);
      if (node !== undefined) {
        this.root = node;
        this.filed++;
      }
      return;
    }
    let node: Node = this.root;
    for (let i = 0; ; i++) {
      if (!(node instanceof Branch) || i === reads.length || reads[i]!.key !== node.key) {
        this.turnOff(); // the predicate read differently from its tree: not a function of what it reads
        return;
      }
      const next = node.child(reads[i]!.value);
      if (next === undefined) {
        const rest = chain(reads, i + 1, answer);
        if (rest !== undefined && node.file(reads[i]!.value, rest)) this.filed++;
        return;
      }
      node = next;
    }
  }
}

/** The nodes that lead from `reads[from]` on to `answer`; undefined when some value read cannot be filed. */
function chain(reads: readonly Read[], from: number, answer: boolean): Node | undefined {
  let node: Node = answer;
  for (let i = reads.length - 1; i >= from; i--) {
    const branch = new Branch(reads[i]!.key);
    if (!branch.file(reads[i]!.value, node)) return undefined;
    node = branch;
  }
  return node;
}
