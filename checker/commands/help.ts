import { UsageError } from "../errors.ts";
import { commandTable, optionTable, type CommandForm, type OptionName } from "./table.ts";

const exitCodes =
  "exit codes: 0 all properties hold, 1 a property is violated, 2 bad usage or input, " +
  "3 stopped at a bound or by Ctrl-C (or a property left unchecked, e.g. liveness under --symmetry), 4 internal error";

/** Exit codes of a command that checks nothing by itself, where they differ from the others'. */
const ownExitCodes: Readonly<Record<string, string>> = {
  explore: "exit codes: 0 stopped by Ctrl-C, 2 bad usage or input (a spec, configuration, port or trace that does not load), 4 internal error",
};

/** An option with the placeholder of its value, e.g. `--set key=value`. */
const optionText = (name: OptionName): string => {
  const value = (optionTable[name] as { value?: string }).value;
  return value ? `--${name} ${value}` : `--${name}`;
};

/** An option as a usage line shows it: required when it chooses the form, else e.g. `[--set key=value]...`. */
const optionUsage = (name: OptionName, form: CommandForm): string =>
  form.when === name ? optionText(name) : `[${optionText(name)}]${"multiple" in optionTable[name] ? "..." : ""}`;

/** What a form is called in the overall usage, e.g. `tlc --module Path.tla` or `check <spec|model file>`. */
const formHead = (command: string, form: CommandForm): string[] =>
  [command, ...(form.when ? [optionText(form.when)] : []), form.synopsis].filter(Boolean);

/** The overall usage: each command with what it does; `interleave <command> --help` tells its options. */
export function overallUsage(): string {
  const lines = Object.entries(commandTable).flatMap(([command, forms]) =>
    forms.map((f) => `  ${formHead(command, f).join(" ").padEnd(34)} ${f.summary}`),
  );
  const more = "interleave <command> --help shows the options of a command; interleave --version the version.";
  return ["usage: interleave <command> [options]", "commands:", ...lines, more, exitCodes, ""].join("\n");
}

/** The usage of one command: each of its forms with its options, then what each option does. */
export function commandHelp(command: string): string {
  const forms = commandTable[command];
  if (!forms) throw new UsageError(`unknown command "${command}"; commands: ${Object.keys(commandTable).join(", ")}`);
  const lines = forms.flatMap((f) => {
    const rest = f.options.filter((o) => o !== f.when).map((o) => optionUsage(o, f));
    return [`usage: ${["interleave", ...formHead(command, f), ...rest].join(" ")}`, `  ${f.summary}`];
  });
  const options = [...new Set(forms.flatMap((f) => f.options))];
  if (options.length > 0) lines.push("options:", ...options.map((o) => `  ${optionText(o).padEnd(24)} ${optionTable[o].doc}`));
  return [...lines, ownExitCodes[command] ?? exitCodes, ""].join("\n");
}
