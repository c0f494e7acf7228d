import { UsageError } from "../errors.ts";
import { scaffold, scaffoldNextSteps } from "../scaffold.ts";

/** `interleave new <name> [--dir DIR] [--force]`: scaffolds a working protocol in the user's project. */
export async function newCommand(args: {
  readonly positionals: readonly string[];
  readonly dir?: string | undefined;
  readonly force?: boolean;
}): Promise<number> {
  const [name, ...extra] = args.positionals;
  if (name === undefined || extra.length > 0) throw new UsageError("new takes one name, e.g. interleave new my-lock");
  const result = scaffold({ name, dir: args.dir, force: args.force ?? false });
  process.stdout.write(`${scaffoldNextSteps(result, name, process.cwd())}\n`);
  return 0;
}
