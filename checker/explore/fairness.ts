import type { FairnessLevels, Model } from "../model.ts";

/**
 * Interns the fairness keys of a model's actions as class ids, remembering which classes are strong. A
 * model without `fairness` owes it to every action, each named by its description (kind "action").
 */
export class FairnessClasses<S, A> {
  private readonly ids = new Map<string, number>();
  private readonly strongClasses: boolean[] = [];

  constructor(
    private readonly model: Model<S, A>,
    private readonly levels: FairnessLevels = {},
  ) {}

  /** The class of `action`, or -1 when it is owed no fairness. */
  classOf(action: A): number {
    const owed = this.model.fairness ? this.model.fairness(action) : { kind: "action", key: this.model.describe(action) };
    if (owed === undefined) return -1;
    const level = this.levels[owed.kind] ?? "weak";
    if (level === "none") return -1;
    let id = this.ids.get(owed.key);
    if (id === undefined) {
      id = this.strongClasses.length;
      this.ids.set(owed.key, id);
      this.strongClasses.push(level === "strong");
    }
    return id;
  }

  /** Each class's key and whether it is strong, by class id (to merge the classes of several threads). */
  entries(): { readonly key: string; readonly strong: boolean }[] {
    return [...this.ids.keys()].map((key, c) => ({ key, strong: this.strongClasses[c] === true }));
  }

  strong(c: number): boolean {
    return this.strongClasses[c] === true;
  }

  get size(): number {
    return this.strongClasses.length;
  }
}
