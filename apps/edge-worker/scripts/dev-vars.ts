import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Writes `vars` as a dotenv file readable by its owner only (0600, in a fresh 0700 directory) and
 * returns its path, for `wrangler dev --env-file`: secrets given as `--var` would sit in the
 * process list, where `ps` shows them to every user of the machine.
 */
export async function writeDevVars(vars: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "ideokit-dev-vars-"));
  const path = join(dir, ".dev.vars");
  // Double-quoted dotenv values: JSON's escaping of quotes, backslashes and newlines reads back alike.
  const text = Object.entries(vars)
    .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
    .join("\n");
  await writeFile(path, `${text}\n`, { mode: 0o600 });
  return path;
}
