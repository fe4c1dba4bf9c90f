import { OPERATIONS, type TableOperation } from "@ideokit/core";
import { Command, Option } from "commander";
import { flagHelp, flagName, isRepeatable } from "./field-flag.ts";
import { argumentName, exampleLine, type OperationCommand, operationCommand } from "./operation-command.ts";

/** The options every operation command takes, besides its fields. */
export interface CommonFlags {
  out?: string;
  json?: boolean;
  quiet?: boolean;
  auth?: "bearer" | "api-key" | "none";
  baseUrl?: string;
  official?: boolean;
  apiKey?: string;
  timeout?: string;
  maxRetries?: string;
}

/** What the parsed command line asks for: an operation, its argument and flag texts by wire name, and the common flags. */
export interface ParsedCommand {
  command: OperationCommand;
  /** Positional and flag texts by wire field name (lists for repeatable flags, `true` for a bare boolean flag). */
  texts: Record<string, string | true | string[]>;
  common: CommonFlags;
}

/** Where commander writes help, version and usage errors. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function fieldOption(name: string, command: OperationCommand): Option {
  const field = command.operation.fields[name]!;
  const flag = flagName(name);
  const short = name === "num_images" ? "-n, " : "";
  const value = field.kind === "boolean" ? " [yes|no]" : " <value>";
  const option = new Option(`${short}--${flag}${value}`, flagHelp(field));
  return isRepeatable(field) ? option.argParser(collect) : option;
}

function addCommonOptions(command: Command): Command {
  return command
    .option("--out <dir>", "directory to save images into (default: the current directory)")
    .option("--json", "print the answer as JSON on stdout (with --out, also save the images and list them)")
    .option("-q, --quiet", "print no progress or notes on stderr")
    .addOption(
      new Option("--auth <scheme>", "how the key is sent (default: from the base URL)").choices([
        "bearer",
        "api-key",
        "none",
      ]),
    )
    .addOption(
      new Option("--base-url <url>", "service root (default: IDEOGRAM_BASE_URL, else the kkiai reseller)"),
    )
    .addOption(
      new Option("--official", "use the official API (https://api.ideogram.ai)").conflicts("baseUrl"),
    )
    .option(
      "--api-key <key>",
      "API key (default: IDEOGRAM_API_KEY; prefer the variable, argv is visible to ps)",
    )
    .option("--timeout <ms>", "per-attempt timeout in milliseconds (default 120000)")
    .option("--max-retries <n>", "retries after the first attempt (default 2)");
}

function addOperation(
  parent: Command,
  command: OperationCommand,
  onCommand: (parsed: ParsedCommand) => void,
) {
  const leaf = parent
    .command(command.words.at(-1)!)
    .description(command.operation.summary)
    .allowExcessArguments(false);
  for (const { name, field } of command.positional)
    leaf.argument(argumentName(name, field), field.description);
  for (const { name } of command.flags) leaf.addOption(fieldOption(name, command));
  addCommonOptions(leaf);
  leaf.addHelpText("after", `\nExample:\n  ${exampleLine(command)}\n`);
  leaf.action((...args: unknown[]) => {
    const options = leaf.opts() as Record<string, unknown>;
    const texts: ParsedCommand["texts"] = {};
    command.positional.forEach(({ name }, index) => {
      const value = args[index];
      if (typeof value === "string") texts[name] = value;
    });
    for (const option of leaf.options) {
      const name = command.flags.find(({ name }) => `--${flagName(name)}` === option.long)?.name;
      const value = options[option.attributeName()];
      if (name !== undefined && value !== undefined) texts[name] = value as string | true | string[];
    }
    onCommand({ command, texts, common: options as CommonFlags });
  });
}

const EXAMPLES = [
  'ideokit generate "a lighthouse at dusk" --aspect-ratio 16:9 -n 2 --out ./images',
  'ideokit edit photo.png "a red hat" --mask mask.png --model v_2',
  'ideokit v3 replace-background photo.png "a beach at sunset"',
  'ideokit v3 generate "a fox" --style-ref a.png --style-ref b.png --rendering-speed turbo',
  "ideokit describe photo.png --json",
  'ideokit v4 generate "a poster of a jazz night"',
];

/** The `ideokit` command line: one command per operation of core's table, flags from its field metadata. */
export function createProgram(
  version: string,
  output: ProgramOutput,
  onCommand: (parsed: ParsedCommand) => void,
) {
  const program = new Command("ideokit")
    .description("Ideogram from the command line: every operation of the API, images saved to disk.")
    .version(version, "-v, --version")
    .configureOutput(output)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", `\nExamples:\n${EXAMPLES.map((line) => `  ${line}`).join("\n")}\n`);
  const spaces = new Map<string, Command>();
  for (const operation of OPERATIONS as readonly TableOperation[]) {
    const command = operationCommand(operation);
    let parent = program;
    if (command.words.length > 1) {
      const space = command.words[0]!;
      if (!spaces.has(space))
        spaces.set(space, program.command(space).description(`the Ideogram ${space.slice(1)}.0 operations`));
      parent = spaces.get(space)!;
    }
    addOperation(parent, command, onCommand);
  }
  return program;
}
