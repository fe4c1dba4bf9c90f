import { stat } from "node:fs/promises";
import { APIUserAbortError, IDEOGRAM_OFFICIAL, RequestValidationError, redactSecrets } from "@ideokit/core";
import { CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { Ideogram } from "../client.ts";
import type { ImageAnswer } from "../save-images.ts";
import { cliInput, cliIssue, UsageError } from "./cli-input.ts";
import { describeError, EXIT, exitCodeFor } from "./exit-code.ts";
import { numericFlag } from "./numeric-flag.ts";
import { createProgram, type ParsedCommand } from "./program.ts";
import { showElapsed, type TextOutput } from "./progress.ts";

/** The process around the CLI: arguments, environment, outputs and Ctrl-C. */
export interface CliIO {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: TextOutput;
  stderr: TextOutput;
  signal?: AbortSignal;
}

const MULTI_WORD_HINT = 'hint: quote a prompt of several words: ideokit generate "a lighthouse at dusk"';

/** Runs `ideokit` and resolves with its exit code: 0 ok, 1 API or network error (or nothing saved), 2 bad usage, 130 Ctrl-C. */
export async function runCli(io: CliIO): Promise<number> {
  let parsed: ParsedCommand | undefined;
  const program = createProgram(
    packageJson.version,
    { writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) },
    (command) => {
      parsed = command;
    },
  );
  if (io.argv.length === 0) {
    program.outputHelp();
    return EXIT.ok;
  }
  try {
    program.parse(io.argv, { from: "user" });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.code === "commander.excessArguments") io.stderr.write(`${MULTI_WORD_HINT}\n`);
    // `ideokit v3` alone shows that group's help; commander reports it as a help display.
    return error.exitCode === 0 || error.code === "commander.help" ? EXIT.ok : EXIT.usage;
  }
  return parsed === undefined ? EXIT.usage : run(parsed, io);
}

/** Refuses an `--out` that is an existing file now, rather than after the images were paid for. */
async function checkOut(out: string | undefined): Promise<void> {
  if (out === undefined) return;
  const info = await stat(out).catch(() => undefined);
  if (info !== undefined && !info.isDirectory())
    throw new UsageError([`--out ${out}: is a file; give a directory (it is created if missing)`]);
}

function clientFor({ common }: ParsedCommand, env: CliIO["env"]): Ideogram {
  const options: ConstructorParameters<typeof Ideogram>[0] = { env };
  if (common.apiKey !== undefined) options.apiKey = common.apiKey;
  if (common.official) options.baseURL = IDEOGRAM_OFFICIAL.baseURL;
  if (common.baseUrl !== undefined) options.baseURL = common.baseUrl;
  if (common.auth !== undefined) options.auth = common.auth;
  if (common.timeout !== undefined) options.timeout = numericFlag(common.timeout) as number;
  if (common.maxRetries !== undefined) options.maxRetries = numericFlag(common.maxRetries) as number;
  return new Ideogram(options);
}

type Call = (input: unknown, options: { signal?: AbortSignal }) => Promise<unknown>;

function methodOf(client: Ideogram, id: string): Call {
  const [space, name] = id.split(".") as [string, string | undefined];
  const holder = client as unknown as Record<string, Record<string, Call>>;
  return (name === undefined ? holder[space] : holder[space]?.[name]) as unknown as Call;
}

async function run(parsed: ParsedCommand, io: CliIO): Promise<number> {
  const { command, common } = parsed;
  const secrets = [common.apiKey, io.env.IDEOGRAM_API_KEY].filter((secret): secret is string =>
    Boolean(secret),
  );
  const print = (output: TextOutput, text: string) => output.write(`${redactSecrets(text, secrets)}\n`);
  const note = (text: string) => {
    if (!common.quiet) print(io.stderr, text);
  };
  let client: Ideogram | undefined;
  let sent = false;
  try {
    const input = cliInput(parsed);
    await checkOut(common.out);
    client = clientFor(parsed, io.env);
    const stop = common.json || common.quiet ? () => {} : showElapsed(io.stderr, command.words.join(" "));
    sent = true;
    const answer = (await methodOf(client, command.operation.id)(input, { signal: io.signal }).finally(
      stop,
    )) as Record<string, unknown>;
    const kind = command.operation.response;
    if (kind === "descriptions" || kind === "magic-prompt") {
      if (common.json) print(io.stdout, JSON.stringify(answer, null, 2));
      else if (kind === "magic-prompt") print(io.stdout, String(answer.magic_prompt));
      else for (const { text } of answer.descriptions as { text: string }[]) print(io.stdout, text);
      return EXIT.ok;
    }
    if (common.json && common.out === undefined) {
      print(io.stdout, JSON.stringify(answer, null, 2));
      return EXIT.ok;
    }
    const { paths, skipped } = await client.saveImages(answer as ImageAnswer, common.out ?? ".", {
      signal: io.signal,
      onSaved: ({ path }) => {
        if (!common.json) print(io.stdout, path);
      },
    });
    if (common.json) print(io.stdout, JSON.stringify({ response: answer, saved: paths }, null, 2));
    for (const { index, reason } of skipped)
      note(`skipped image ${index}: ${reason === "unsafe" ? "flagged unsafe by the service" : "no URL"}`);
    if (paths.length === 0 && skipped.length > 0) {
      print(io.stderr, `error: no image saved: all ${skipped.length} were withheld (flagged unsafe)`);
      return EXIT.failed;
    }
    return EXIT.ok;
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof APIUserAbortError ? error.cause : error;
    if (cause instanceof APIUserAbortError) {
      print(io.stderr, "cancelled");
      return EXIT.interrupted;
    }
    if (error instanceof UsageError) {
      for (const line of error.lines) print(io.stderr, `error: ${line}`);
      return EXIT.usage;
    }
    if (error instanceof RequestValidationError) {
      for (const issue of error.issues) print(io.stderr, `error: ${cliIssue(command, issue)}`);
      return EXIT.usage;
    }
    print(io.stderr, `error: ${describeError(error)}`);
    // Until a call started nothing was sent: the fault is in the flags or the environment.
    return sent ? exitCodeFor(error) : EXIT.usage;
  } finally {
    await client?.close();
  }
}
