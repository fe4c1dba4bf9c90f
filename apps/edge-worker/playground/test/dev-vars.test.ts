import { readFile, rm, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { describe, expect, it } from "vitest";
import { writeDevVars } from "../../scripts/dev-vars.ts";

// The local stack (dev, e2e, demo) hands wrangler its secrets in this file instead of `--var`,
// which `ps` would show to every user of the machine (issue 16, point 9).
describe("writeDevVars", () => {
  it("writes every variable to a file only its owner can read", async () => {
    const vars = {
      IMAGE_SIGNING_SECRET: 's3cret with "quotes", \\backslashes\\ and # hash',
      CLIENT_TOKENS: "a:tok-1,b:tok-2",
      UPSTREAM_BASE_URL: "http://127.0.0.1:8788/ideogram",
    };
    const path = await writeDevVars(vars);
    try {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
      const lines = (await readFile(path, "utf8")).trimEnd().split("\n");
      const parsed = Object.fromEntries(
        lines.map((line) => {
          const equals = line.indexOf("=");
          return [line.slice(0, equals), JSON.parse(line.slice(equals + 1))];
        }),
      );
      expect(parsed).toEqual(vars);
    } finally {
      await rm(dirname(path), { recursive: true, force: true });
    }
  });
});
