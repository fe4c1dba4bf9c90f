import { IDEOGRAM_OFFICIAL, redactSecrets } from "@ideokit/core";
import { CommanderError } from "commander";
import packageJson from "../../package.json" with { type: "json" };
import { Ideogram } from "../client.ts";
import { describeError, EXIT, exitCodeFor } from "./exit-code.ts";
import { flagsToRequest } from "./flags-to-request.ts";
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

/** Runs `ideokit` and resolves with its exit code: 0 ok, 1 API or network error, 2 bad usage, configuration or invalid request. */
export async function runCli(io: CliIO): Promise<number> {
  let command: ParsedCommand | undefined;
  const program = createProgram(
    packageJson.version,
    { writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) },
    (parsed) => {
      command = parsed;
    },
  );
  try {
    program.parse(io.argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return command === undefined ? EXIT.usage : generate(command, io);
}

async function generate({ prompt, flags }: ParsedCommand, io: CliIO): Promise<number> {
  const secrets = [flags.apiKey, io.env.IDEOGRAM_API_KEY].filter((secret): secret is string =>
    Boolean(secret),
  );
  const print = (output: TextOutput, text: string) => output.write(`${redactSecrets(text, secrets)}\n`);
  let client: Ideogram | undefined;
  try {
    const request = flagsToRequest(prompt, flags);
    client = new Ideogram({
      apiKey: flags.apiKey,
      baseURL: flags.official ? IDEOGRAM_OFFICIAL.baseURL : flags.baseUrl,
      env: io.env,
    });
    const stopElapsed = flags.json ? () => {} : showElapsed(io.stderr, "generating");
    const response = await client.generate(request, { signal: io.signal }).finally(stopElapsed);
    if (flags.json) print(io.stdout, JSON.stringify(response, null, 2));
    if (flags.json && flags.out === undefined) return EXIT.ok;
    const { skipped } = await client.saveImages(response, flags.out ?? ".", {
      signal: io.signal,
      onSaved: ({ path }) => {
        if (!flags.json) print(io.stdout, path);
      },
    });
    for (const { index, reason } of skipped) {
      print(
        io.stderr,
        `skipped image ${index}: ${reason === "unsafe" ? "flagged unsafe by the service" : "no URL"}`,
      );
    }
    return EXIT.ok;
  } catch (error) {
    print(io.stderr, `error: ${describeError(error)}`);
    // Until the client exists nothing was sent: the fault is in the flags or the environment.
    return client === undefined ? EXIT.usage : exitCodeFor(error);
  } finally {
    await client?.close();
  }
}
