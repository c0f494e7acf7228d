import type { PropertyReport, ResultDocument } from "../report.ts";

/*
 * How a run is judged against what its variant declares, as `check --all` judges it (its exit code) and as JUnit and
 * the job summary report it. A search stops at its first violation, so a flawed variant is as expected when something
 * fails and every violation found is declared; a variant that declares no failure is as expected when nothing fails
 * and the search completed. (Which properties fail in full is checked against TLC's baselines, not here.)
 */

/** A run's result document and the properties its variant declares it fails. */
export interface JudgedRun {
  readonly document: ResultDocument;
  readonly fails: readonly string[];
}

/** True when the run is as its variant declares. */
export function asExpected({ document, fails }: JudgedRun): boolean {
  const failed = document.properties.filter((p) => p.holds === false).map((p) => p.name);
  return fails.length === 0 ? failed.length === 0 && document.complete : failed.length > 0 && failed.every((p) => fails.includes(p));
}

/** One property's outcome as a test: passed, failed (with why), or skipped (undecided, with why). */
export type Outcome =
  | { readonly status: "passed"; readonly note?: string }
  | { readonly status: "failed"; readonly message: string }
  | { readonly status: "skipped"; readonly message: string };

/**
 * Each property's outcome, consistent with asExpected: a run as expected has no failed property, and a run that is
 * not has at least one (else `run` holds the run's own failure, e.g. a search stopped at a bound before deciding).
 */
export function outcomes(run: JudgedRun): { readonly properties: readonly [PropertyReport, Outcome][]; readonly run?: Outcome } {
  const expected = asExpected(run);
  const { document, fails } = run;
  const anyFailed = document.properties.some((p) => p.holds === false);
  const undecided = `undecided: ${stopped(document)}`;
  const properties = document.properties.map((p): [PropertyReport, Outcome] => {
    const declared = fails.includes(p.name);
    if (p.holds === false)
      return [p, declared ? { status: "passed", note: "violated, as the variant declares" } : { status: "failed", message: `${p.name} violated` }];
    if (p.holds === true) {
      if (declared && !expected) return [p, { status: "failed", message: `${p.name} holds, but the variant declares it fails` }];
      return [
        p,
        declared
          ? { status: "passed", note: "holds here, though the variant declares it fails (another declared failure was found)" }
          : { status: "passed" },
      ];
    }
    // Undecided: a failure only where nothing else says why the run is not as expected.
    if (!expected && !anyFailed && fails.length === 0) return [p, { status: "failed", message: `${undecided}${p.note ? ` (${p.note})` : ""}` }];
    if (!expected && !anyFailed && declared) return [p, { status: "failed", message: `declared to fail, but no violation was found (${undecided})` }];
    return [p, { status: "skipped", message: p.note ?? undecided }];
  });
  const accounted = properties.some(([, o]) => o.status === "failed");
  return expected || accounted
    ? { properties }
    : { properties, run: { status: "failed", message: `not as the variant declares: ${stopped(document)}` } };
}

/** Why verdicts are undecided. */
function stopped(document: ResultDocument): string {
  switch (document.stopReason) {
    case "violation":
      return "the search stopped at the first violation";
    case "max-states":
      return "the search stopped at --max-states";
    case "memory":
      return "the search stopped at the memory bound";
    case "interrupted":
      return "the search was interrupted";
    case "traces-done":
      return "a simulation decides no property it did not see violated";
    default:
      return document.complete ? "not checked" : "the search did not complete";
  }
}
