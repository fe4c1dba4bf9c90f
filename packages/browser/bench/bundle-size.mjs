// `pnpm bench` for @ideokit/browser: the bundle goals of issue 14 under both bundlers, read from
// size-limit's JSON (rolldown: this package's .size-limit.json; esbuild: tests/bundle-size's
// browser entries). Goals: a page with createClient + generate ≤ 12 kB min+gzip; each further
// operation it binds ≤ 1 kB more than the page before it.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const GOAL_PAGE = 12_000;
const GOAL_PER_OPERATION = 1_000;
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB`;

function measure(cwd, bundler) {
  const result = spawnSync("pnpm", ["exec", "size-limit", "--json"], { cwd, encoding: "utf8" });
  const entries = JSON.parse(result.stdout);
  return entries
    .filter(
      ({ name }) => name.startsWith(`${bundler}: `) && !name.includes("lite") && !name.includes("fetchImage"),
    )
    .filter(({ name }) => bundler === "rolldown" || name.includes("@ideokit/browser"))
    .map(({ name, size }) => ({ bundler, page: name.replace(/^\w+: (@ideokit\/browser )?/, ""), size }));
}

const here = join(import.meta.dirname, "..");
const rows = [];
for (const [cwd, bundler] of [
  [here, "rolldown"],
  [join(here, "../../tests/bundle-size"), "esbuild"],
]) {
  let previous;
  for (const { page, size } of measure(cwd, bundler)) {
    const isFirst = previous === undefined;
    const isWhole = page.startsWith("new Ideogram");
    const added = isFirst || isWhole ? undefined : size - previous;
    const goal = isFirst ? GOAL_PAGE : isWhole ? undefined : GOAL_PER_OPERATION;
    const measured = isFirst ? size : added;
    rows.push({
      bundler,
      page,
      "min+gzip": kB(size),
      added: added === undefined ? "" : `+${kB(added)}`,
      goal: goal === undefined ? "" : isFirst ? `≤ ${kB(goal)}` : `+≤ ${kB(goal)}`,
      verdict: goal === undefined ? "" : measured <= goal ? "met" : `missed by ${kB(measured - goal)}`,
    });
    if (!isWhole) previous = size;
  }
}
console.table(rows);
console.log(
  "ky 1.14 is about 5.1 kB of every page (not tree-shakable: one Ky class). The first operation with\n" +
    "file fields (magicPrompt takes character references) brings core's byte-level file checks and\n" +
    "multipart encoding, about 3.4 kB; the first Ideogram 3.0 one the shared 3.0 fields and the sameCount rule, about 1.9 kB;\n" +
    "later ones only their own fields (0.2-0.3 kB).",
);
