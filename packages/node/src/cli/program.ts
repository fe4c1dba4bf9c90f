import {
  ASPECT_RATIOS,
  COLOR_PALETTE_PRESETS,
  MAGIC_PROMPT_OPTIONS,
  MODELS,
  RESOLUTIONS,
  resolutionSize,
  STYLE_TYPES,
} from "@ideokit/core";
import { Command, Option } from "commander";
import type { RequestFlags } from "./flags-to-request.ts";

/** Every flag of `ideokit generate` after parsing. */
export interface GenerateFlags extends RequestFlags {
  out?: string;
  json?: boolean;
  baseUrl?: string;
  official?: boolean;
  apiKey?: string;
}

/** What the parsed command line asks for. */
export type ParsedCommand = { prompt: string; flags: GenerateFlags };

/** Where commander writes help, version and usage errors. */
export interface ProgramOutput {
  writeOut(text: string): void;
  writeErr(text: string): void;
}

const list = (values: readonly string[]) => values.join(", ");
const resolutionsAsSizes = () =>
  RESOLUTIONS.map((resolution) => {
    const { width, height } = resolutionSize(resolution);
    return `${width}x${height}`;
  });

/** The `ideokit` command line; allowed values in --help come from core's enum tuples. */
export function createProgram(
  version: string,
  output: ProgramOutput,
  onGenerate: (command: ParsedCommand) => void,
) {
  const program = new Command("ideokit")
    .description("Generate images with Ideogram from the command line.")
    .version(version, "-v, --version")
    .configureOutput(output)
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");

  program
    .command("generate")
    .description("Generate images for a prompt and save them (or print the response with --json).")
    .argument("<prompt>", "what to draw")
    .option("--aspect-ratio <ratio>", `W:H or enum: ${list(ASPECT_RATIOS)}`)
    .option("--resolution <WxH>", `one of ${list(resolutionsAsSizes())}`)
    .option("--model <model>", `one of ${list(MODELS)}`)
    .option("--style <style>", `one of ${list(STYLE_TYPES)}`)
    .option(
      "--magic-prompt <mode>",
      `one of ${list(MAGIC_PROMPT_OPTIONS.map((option) => option.toLowerCase()))}`,
    )
    .option("--negative <text>", "what to keep out of the image")
    .option("--seed <n>", "integer seed for reproducible output")
    .option("-n, --num-images <n>", "how many images to generate")
    .option(
      "--palette <palette>",
      `preset (${list(COLOR_PALETTE_PRESETS)}) or colours like "#ff0000:0.6,#00ff00" (hex[:weight])`,
    )
    .option("--out <dir>", "directory to save images into (default: current directory)")
    .option("--json", "print the response JSON on stdout and nothing else (saves images only with --out)")
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
    .action((prompt: string, flags: GenerateFlags) => onGenerate({ prompt, flags }));

  return program;
}
