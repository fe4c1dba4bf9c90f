import packageJson from "../../package.json" with { type: "json" };

/** The oldest Node the CLI runs on: `engines.node` of the package (undici 8 needs 22.19). */
export const NODE_FLOOR = packageJson.engines.node.replace(/^>=\s*/, "");

function parts(version: string): number[] {
  return version
    .replace(/^v/, "")
    .split(".")
    .map((part) => Number.parseInt(part, 10) || 0);
}

/** The message for a Node older than {@link NODE_FLOOR}, or undefined when `version` is recent enough. */
export function nodeVersionProblem(version: string): string | undefined {
  const have = parts(version);
  const need = parts(NODE_FLOOR);
  for (let index = 0; index < need.length; index++) {
    const difference = (have[index] ?? 0) - (need[index] ?? 0);
    if (difference > 0) return undefined;
    if (difference < 0) return `ideokit needs Node ≥ ${NODE_FLOOR} (this is v${version.replace(/^v/, "")})`;
  }
  return undefined;
}
