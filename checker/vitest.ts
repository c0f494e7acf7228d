/**
 * Matchers for vitest (the package's "./vitest" export): `expect.extend(interleaveMatchers)`, then
 * `expect(await check(spec)).toHold()` or `.toViolate("linearizable")`. A failure shows the rendered report.
 */
import type {} from "vitest";
import type { ResultDocument } from "./report.ts";
import { formatReport } from "./report-text.ts";

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

const violated = (document: ResultDocument) => document.properties.filter((p) => p.holds === false).map((p) => p.name);

/** The matchers: `toHold()` (complete, every property holds) and `toViolate(...names)` (each named property violated). */
export const interleaveMatchers = {
  toHold(document: ResultDocument): MatcherResult {
    const pass = document.complete && document.properties.every((p) => p.holds === true);
    return {
      pass,
      message: () =>
        pass
          ? `expected a violation, but every property holds:\n${formatReport(document)}`
          : `expected every property to hold:\n${formatReport(document)}`,
    };
  },
  toViolate(document: ResultDocument, ...names: string[]): MatcherResult {
    const found = violated(document);
    const missing = names.filter((name) => !found.includes(name));
    const pass = found.length > 0 && missing.length === 0;
    const wanted = names.length === 0 ? "a violation" : `violations of ${names.join(", ")}`;
    return {
      pass,
      message: () =>
        pass
          ? `expected no ${wanted}, but found them:\n${formatReport(document)}`
          : `expected ${wanted}; violated: ${found.join(", ") || "none"}\n${formatReport(document)}`,
    };
  },
};

declare module "vitest" {
  interface Assertion<T> {
    /** The search completed and every property holds. */
    toHold(): T;
    /** Each named property is violated (with no names: some property is). */
    toViolate(...names: string[]): T;
  }
  interface AsymmetricMatchersContaining {
    toHold(): void;
    toViolate(...names: string[]): void;
  }
}
