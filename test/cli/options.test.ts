import { describe, expect, it } from "vitest";
import { parseCommand } from "../../checker/commands/parse.ts";
import { commandTable, optionTable, type OptionName } from "../../checker/commands/table.ts";
import { cliBatch, type CliRun } from "../helpers/cli.ts";

/** Bad command lines and what each one's error mentions. */
type BadInputs = [string[], ...string[]][];

/** The command lines of `cases`, run in one process (the CLI's main, each with its own output and exit code). */
const batchOf = (cases: BadInputs) => cliBatch(cases.map(([args]) => args));

/** A usage error: exit 2, exactly one line on stderr, no stack trace. */
async function expectUsageError(run: Promise<CliRun>, ...mentions: string[]) {
  const r = await run;
  expect(r.exitCode, r.stderr).toBe(2);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  for (const m of mentions) expect(r.stderr).toContain(m);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

/** A valid value for each option that takes one. */
const sample: Partial<Record<OptionName, string>> = {
  "max-states": "5",
  workers: "2",
  timeout: "3",
  fairness: "deliver=strong",
  strategy: "dfs",
  memory: "512m",
  seed: "7",
  depth: "5",
  traces: "9",
  port: "8080",
};
const withValue = (o: OptionName) => (optionTable[o].type === "string" ? [`--${o}`, sample[o] ?? "x"] : [`--${o}`]);

/** The options each command (form) takes, as the brief of the CLI states them. */
const expected: Record<string, { trigger: string[]; options: OptionName[] }> = {
  list: { trigger: [], options: ["json", "specs", "examples"] },
  "check --all": {
    trigger: ["--all"],
    options: ["all", "max-states", "strategy", "continue", "fairness", "memory", "workers", "json", "trace-dir", "junit", "specs", "examples"],
  },
  check: {
    trigger: ["abd"],
    options: [
      ...["variant", "set", "max-states", "strategy", "continue", "fairness", "memory", "symmetry", "workers", "json"],
      ...["trace-dir", "junit", "specs", "examples"],
    ] as OptionName[],
  },
  "check --simulate": {
    trigger: ["abd", "--simulate"],
    options: [
      ...["simulate", "seed", "depth", "traces", "variant", "set", "continue", "memory", "workers", "json"],
      ...["trace-dir", "junit", "specs", "examples"],
    ] as OptionName[],
  },
  "tlc <spec>": {
    trigger: ["abd"],
    options: ["variant", "set", "record", "emit", "json", "workers", "timeout", "fairness", "symmetry", "trace-dir", "specs", "examples"],
  },
  "tlc --module": { trigger: ["--module", "M.tla"], options: ["module", "config", "workers", "timeout", "continue", "json", "trace-dir"] },
  crosscheck: { trigger: ["abd"], options: ["variant", "set", "json", "workers", "timeout", "fairness", "trace-dir", "specs", "examples"] },
  baselines: { trigger: [], options: ["markdown", "json", "specs", "examples"] },
  trace: { trigger: ["t.itf.json"], options: ["html", "mmd"] },
  new: { trigger: ["my-lock"], options: ["dir", "force"] },
  explore: { trigger: ["two-phase-commit"], options: ["variant", "set", "port", "trace", "specs", "examples"] },
  "tlc:install": { trigger: [], options: [] },
};

describe("each command takes only its own options", () => {
  const forms = Object.entries(commandTable).flatMap(([command, fs]) => fs.map((f) => [command, f.label] as const));

  it("the table has the forms and options stated", () => {
    expect(forms.map(([, label]) => label).sort()).toEqual(Object.keys(expected).sort());
    for (const [command, label] of forms) {
      const options = [...commandTable[command]!.find((f) => f.label === label)!.options].sort();
      expect([label, options]).toEqual([label, [...expected[label]!.options].sort()]);
    }
  });

  it.each(forms)("%s (%s) parses each option it takes and refuses every other", (command, label) => {
    const { trigger, options } = expected[label]!;
    // An option that chooses another form of the command (--all, --module) switches to that form.
    const switches = commandTable[command]!.map((f) => f.when).filter((o) => o !== undefined && !options.includes(o));
    for (const option of (Object.keys(optionTable) as OptionName[]).filter((o) => !switches.includes(o))) {
      const argv = [...trigger, ...(trigger.includes(`--${option}`) ? [] : withValue(option))];
      if (options.includes(option)) expect(() => parseCommand(command, argv), `${label} --${option}`).not.toThrow();
      else expect(() => parseCommand(command, argv), `${label} --${option}`).toThrow(`${label} does not take --${option}; it takes`);
    }
  });

  it("parsed values reach the arguments", () => {
    const args = parseCommand("check", [
      "abd",
      "--variant",
      "v",
      "--set",
      "a=1",
      "--set",
      "b=2",
      "--max-states",
      "12",
      "--strategy",
      "dfs",
      "--continue",
    ]);
    expect(args).toMatchObject({
      positionals: ["abd"],
      variant: "v",
      set: ["a=1", "b=2"],
      maxStates: 12,
      strategy: "dfs",
      continue: true,
      json: false,
    });
    expect(parseCommand("new", ["x", "--dir", "d", "--force"])).toMatchObject({ positionals: ["x"], dir: "d", force: true });
    const tlc = parseCommand("tlc", ["--module", "M.tla", "--workers", "4", "--timeout", "60"]);
    expect(tlc).toMatchObject({ module: "M.tla", workers: 4, timeout: 60 });
  });

  const refused: BadInputs = [
    [["check", "abd", "--record"], "check does not take --record", "--max-states"],
    [["check", "abd", "--emit", "X.tla"], "check does not take --emit", "--variant"],
    [["list", "--set", "servers=3"], "list does not take --set", "it takes --json, --specs, --examples"],
    [["check", "--all", "--set", "servers=3"], "check --all does not take --set", "--max-states"],
    [["tlc", "--module", "M.tla", "--record"], "tlc --module does not take --record", "--config"],
    [["tlc", "abd", "--config", "M.cfg"], "tlc <spec> does not take --config", "--record"],
    [["crosscheck", "abd", "--max-states", "9"], "crosscheck does not take --max-states", "--workers"],
    [["baselines", "--variant", "main"], "baselines does not take --variant", "--markdown"],
    [["tlc:install", "--json"], "tlc:install does not take --json", "no options"],
    [["new", "x", "--json"], "new does not take --json", "--dir, --force"],
    [["check", "abd", "--frobnicate"], "check does not take --frobnicate"],
    [["list", "--json=yes"], "--json"],
    [["check", "abd", "--variant"], "--variant"],
    [["check", "abd", "--variant", "--json"], '--variant needs a value, got "--json"'],
    [["list", "abd"], 'list takes no arguments, got "abd"'],
    [["check", "--all", "abd"], 'check --all takes no arguments, got "abd"'],
    [["tlc", "abd", "--module", "M.tla"], 'tlc --module takes no arguments, got "abd"'],
    [["tlc:install", "now"], "tlc:install takes no arguments"],
  ];
  const run = batchOf(refused);
  it.each(refused)("%j → exit 2 with one line", async (args, ...mentions) => {
    await expectUsageError(run(args), ...mentions);
  });
});

describe("integers are decimal digits", () => {
  const bad = ["0x3", " 3", "3 ", "3.0", "1e3", "+3", "-1", "0", "", "½", "99999999999999999999"];

  it.each(["max-states", "workers", "timeout"])("--%s refuses anything else", (option) => {
    const [command, before] = option === "max-states" ? ["check", ["abd"]] : ["tlc", ["--module", "M.tla"]];
    for (const raw of bad) expect(() => parseCommand(command!, [...before!, `--${option}=${raw}`]), JSON.stringify(raw)).toThrow(`--${option}`);
    expect(parseCommand(command!, [...before!, `--${option}`, "42"])).toMatchObject({ [option === "max-states" ? "maxStates" : option]: 42 });
  });

  const refused: BadInputs = [
    [["check", "abd", "--max-states", "0x3"], '--max-states takes a positive integer in decimal digits, got "0x3"'],
    [["check", "abd", "--max-states", "1e3"], '"1e3"'],
    [["check", "abd", "--max-states", " 3"], '" 3"'],
    [["check", "abd", "--max-states", "3.0"], '"3.0"'],
    [["check", "abd", "--max-states", "+3"], '"+3"'],
    [["check", "abd", "--max-states=-1"], '"-1"'],
    [["tlc", "--module", "M.tla", "--workers", "0x2"], '--workers takes a positive integer in decimal digits, got "0x2"'],
    [["tlc", "--module", "M.tla", "--timeout", "1e2"], '--timeout takes a positive integer in decimal digits, got "1e2"'],
  ];
  const run = batchOf(refused);
  it.each(refused)("%j → exit 2 with one line", async (args, ...mentions) => {
    await expectUsageError(run(args), ...mentions);
  });
});

describe("--fairness kind=level", () => {
  it("takes the kinds of actor systems at each level", () => {
    const args = parseCommand("check", ["abd", "--fairness", "deliver=strong", "--fairness", "invoke=none", "--fairness", "local=weak"]);
    expect(args.fairness).toEqual({ deliver: "strong", invoke: "none", local: "weak" });
  });

  const refused: BadInputs = [
    [["check", "paxos", "--fairness", "deliver=sometimes"], '"deliver=sometimes"'],
    [["check", "paxos", "--fairness", "delivr=strong"], '"delivr=strong"'],
    [["check", "paxos", "--fairness", "deliver"], '"deliver"'],
    [["check", "paxos", "--fairness", "deliver=strong=weak"], '"deliver=strong=weak"'],
    [["tlc", "abd", "--fairness", "crash=weak"], '"crash=weak"'],
  ];
  const run = batchOf(refused);
  it.each(refused)("%j → exit 2 with one line", async (args, ...mentions) => {
    await expectUsageError(run(args), "--fairness takes kind=level with kind deliver, invoke, local, timer, tick, recover, heal", ...mentions);
  });
});
