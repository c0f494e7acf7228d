import type { Counterexample } from "./counterexample.ts";
import { sequenceDiagram, type DiagramEvent, type SequenceDiagram } from "./sequence.ts";

/*
 * A counterexample as a Mermaid sequenceDiagram (the .mmd file, and the block GitHub renders in a job summary):
 * participants declared first, `A->>B: 4. query(rid: 1)` per delivered message (`A-xB` for one lost), notes for
 * calls, returns, local events and crashes, a `loop … end` block for a lasso's loop. Text is escaped with Mermaid's
 * entity codes: a message's text ends at a `;` or `#` (Mermaid's grammar), and `<`, `>`, `&` would be read as HTML.
 */

/** The Mermaid text of a counterexample's sequence diagram. */
export const mermaidText = (c: Counterexample): string => mermaidOf(sequenceDiagram(c), `${c.property.name}: ${c.run.spec}`);

/** The Mermaid text of a sequence diagram, with a comment line naming it. */
export function mermaidOf(diagram: SequenceDiagram, title: string): string {
  const ids = participantIds(diagram.participants);
  const id = (name: string) => ids.get(name)!;
  const lines = ["sequenceDiagram", `  %% ${escapeMermaid(title)}`];
  for (const name of diagram.participants) {
    const alias = id(name);
    lines.push(alias === name ? `  participant ${name}` : `  participant ${alias} as ${escapeMermaid(name)}`);
  }
  const emit = (events: readonly DiagramEvent[], indent: string) => {
    for (const e of events) {
      switch (e.kind) {
        case "message":
          lines.push(`${indent}${id(e.from)}${e.lost ? "-x" : "->>"}${id(e.to)}: ${escapeMermaid(`${e.step}. ${e.text}`)}`);
          break;
        case "note": {
          const over = [...new Set(e.over)].map(id).join(",");
          lines.push(`${indent}Note over ${over}: ${escapeMermaid(e.step === undefined ? e.text : `${e.step}. ${e.text}`)}`);
          break;
        }
        case "loop":
          lines.push(`${indent}loop ${escapeMermaid(e.text)}`);
          emit(e.events, `${indent}  `);
          lines.push(`${indent}end`);
          break;
      }
    }
  };
  emit(diagram.events, "  ");
  return `${lines.join("\n")}\n`;
}

/** Words Mermaid's sequence diagrams reserve: a participant so named gets an alias. */
const reserved = new Set([
  "participant",
  "actor",
  "as",
  "note",
  "over",
  "left",
  "right",
  "of",
  "loop",
  "alt",
  "else",
  "opt",
  "par",
  "and",
  "rect",
  "critical",
  "break",
  "end",
  "autonumber",
  "activate",
  "deactivate",
  "box",
  "create",
  "destroy",
  "links",
  "link",
  "properties",
  "details",
  "title",
  "accdescr",
  "acctitle",
  "sequencediagram",
]);

/** Each participant's id in the text: its name when it is a plain identifier, else P1, P2, … (shown by its name). */
function participantIds(names: readonly string[]): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set(names.filter(plainId));
  names.forEach((name, i) => {
    if (plainId(name)) ids.set(name, name);
    else {
      let alias = `P${i + 1}`;
      while (taken.has(alias)) alias = `_${alias}`;
      taken.add(alias);
      ids.set(name, alias);
    }
  });
  return ids;
}

const plainId = (name: string) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !reserved.has(name.toLowerCase());

const oneLine = (text: string) => text.replace(/[\r\n]+/g, " ");

/** Text as Mermaid shows it verbatim on one line: `#`, `;`, `<`, `>` and `&` as entity codes (`#35;`, `#59;`, …), line breaks as spaces. */
export function escapeMermaid(text: string): string {
  return oneLine(text).replace(/[#;<>&]/g, (ch) => `#${ch.codePointAt(0)};`);
}
