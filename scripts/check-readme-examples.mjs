// Holds the published packages to the house rule: every public export has a TSDoc comment and is
// named in its package README (in a code span or block), and every ```ts example in those READMEs
// type-checks against the package sources. Examples are only type-checked, never run.
//
// Each ```ts block becomes its own module under the package's node_modules/.cache (git-ignored),
// so bare imports such as `zod/mini` or `vitest` resolve from the package's own dependencies, and
// `@ideokit/*` imports are mapped to the packages' src entries; `lib` and `types` are the package's
// own (Node types for core, node and testing; the DOM for browser). A block rarely needs a name that
// is obviously context (a form, a page element): a line `// @declare const form: { model: Model };`
// is compiled as `declare const form: …`. A block opened with ```ts no-check is skipped; say why
// next to it. Errors print as `packages/<pkg>/README.md:LINE: message`. Exits non-zero on any
// failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(import.meta.dirname, "..");
const PACKAGES = ["core", "node", "browser", "testing", "ai-sdk"];
const tsc = fileURLToPath(new URL("bin/tsc", import.meta.resolve("typescript/package.json")));
const IDENTIFIER = "[A-Za-z_$][\\w$]*";

const toPosix = (path) => path.split("\\").join("/");
const fromRoot = (path) => toPosix(relative(root, path));
const readText = (path) => readFileSync(path, "utf8");

/** The package's import specifiers (`@ideokit/browser/lite`, …) with the src file each one serves. */
function entriesOf(pkgDir) {
  const manifest = JSON.parse(readText(join(pkgDir, "package.json")));
  const tsdownEntries = [...readText(join(pkgDir, "tsdown.config.ts")).matchAll(/entry:\s*\[([^\]]*)\]/g)]
    .flatMap((match) => [...match[1].matchAll(/["']([^"']+)["']/g)])
    .map((match) => match[1]);
  return (
    Object.entries(manifest.exports)
      // Data files (./package.json, ./openapi.json) are not modules: they have no exports to document.
      .filter(([, target]) => typeof target !== "string" || !target.endsWith(".json"))
      .map(([subpath, target]) => {
        const distFile = target.import?.default ?? target.default ?? target;
        const name = basename(distFile, extname(distFile));
        const source = tsdownEntries.find((entry) => basename(entry, extname(entry)) === name);
        if (!source) throw new Error(`${manifest.name}: no tsdown entry builds ${distFile}`);
        return { specifier: manifest.name + subpath.slice(1), file: join(pkgDir, source) };
      })
  );
}

/** The runtime a package's code assumes (`lib` and `types` of its tsconfig.json), for its examples too. */
function environmentOf(pkgDir) {
  const { lib, types } = JSON.parse(readText(join(pkgDir, "tsconfig.json"))).compilerOptions ?? {};
  return { ...(lib && { lib }), ...(types && { types }) };
}

/** The fenced ```ts blocks of a README, with the 1-based README line of each block's first line. */
function tsBlocksOf(markdown) {
  const blocks = [];
  let open;
  markdown.split("\n").forEach((line, index) => {
    if (!open) {
      const fence = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(line);
      if (fence) open = { marker: fence[1], lang: fence[2], info: fence[3], firstLine: index + 2, lines: [] };
      return;
    }
    const closing = /^\s*(`{3,}|~{3,})\s*$/.exec(line);
    if (closing?.[1].startsWith(open.marker)) {
      if (open.lang === "ts" || open.lang === "typescript") blocks.push(open);
      open = undefined;
      return;
    }
    open.lines.push(line);
  });
  return blocks;
}

/** Source text without comments, so commented-out code never counts as an export. */
function withoutComments(source) {
  return source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");
}

/**
 * The public names a module exports, each with where it is declared: `{ name, file, local }` where
 * `local` is its name inside `file`, or `file` is undefined for names re-exported from another package.
 */
function exportsOf(file, seen = new Set()) {
  if (seen.has(file)) return [];
  seen.add(file);
  const source = withoutComments(readText(file));
  const found = [];
  const moduleFile = (from) => (from.startsWith(".") ? resolve(dirname(file), from) : undefined);
  for (const [, list, from] of source.matchAll(
    /export\s+(?:type\s+)?\{([^}]*)\}(?:\s*from\s*["']([^"']+)["'])?/g,
  )) {
    for (const item of list.split(",")) {
      const words = item
        .trim()
        .replace(/^type\s+/, "")
        .split(/\s+as\s+/);
      if (!words[0]) continue;
      const local = words[0];
      const name = words[1] ?? local;
      if (from === undefined) found.push({ name, file, local });
      else found.push({ name, ...declarationOf(moduleFile(from), local, seen) });
    }
  }
  for (const [, from] of source.matchAll(/export\s+\*\s+from\s*["']([^"']+)["']/g)) {
    const target = moduleFile(from);
    // A whole package re-exported (`export * from "@ideokit/core"`) is documented in its own README.
    if (target) found.push(...exportsOf(target, seen));
  }
  const declaration = new RegExp(
    `export\\s+(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum|namespace)\\s+(${IDENTIFIER})`,
    "g",
  );
  for (const [, name] of source.matchAll(declaration)) found.push({ name, file, local: name });
  return found;
}

/** Where `local`, imported from `file`, is finally declared (following re-exports). */
function declarationOf(file, local, seen) {
  if (file === undefined) return { file: undefined, local };
  const match = exportsOf(file, new Set(seen)).find((entry) => entry.name === local);
  return match ? { file: match.file, local: match.local } : { file, local };
}

/** Whether the declaration of `name` in `file` is preceded by a `/** … *\/` comment. */
function hasTsDoc(file, name) {
  const lines = readText(file).split("\n");
  const declaration = new RegExp(
    `^\\s*(?:export\\s+)?(?:declare\\s+)?(?:async\\s+)?(?:abstract\\s+)?(?:function\\*?|const|let|var|class|interface|type|enum|namespace)\\s+${name.replace(/\$/g, "\\$")}(?![\\w$])`,
  );
  const exported = lines.findIndex((line) => /^\s*export\s/.test(line) && declaration.test(line));
  const at = exported >= 0 ? exported : lines.findIndex((line) => declaration.test(line));
  if (at < 0) return { found: false };
  let above = at - 1;
  while (above >= 0 && lines[above].trim() === "") above--;
  if (above < 0 || !lines[above].trim().endsWith("*/"))
    return { found: true, documented: false, line: at + 1 };
  while (above >= 0 && !lines[above].includes("/*")) above--;
  return { found: true, documented: above >= 0 && /\/\*\*(?!\*)/.test(lines[above]), line: at + 1 };
}

/** Every code span and fenced block of a README, where exported names must be mentioned. */
function codeOf(markdown) {
  const fenced = [...markdown.matchAll(/^\s*(`{3,}|~{3,}).*\n([\s\S]*?)^\s*\1\s*$/gm)].map(
    (match) => match[2],
  );
  const prose = markdown.replace(/^\s*(`{3,}|~{3,}).*\n[\s\S]*?^\s*\1\s*$/gm, "");
  const spans = [...prose.matchAll(/(`+)([\s\S]+?)\1/g)].map((match) => match[2]);
  return [...fenced, ...spans].join("\n");
}

/** Writes one module per block plus a tsconfig, runs tsc, and returns its errors mapped to README lines. */
function typeCheck(pkg, blocks, paths) {
  const pkgDir = join(root, "packages", pkg);
  const outDir = join(pkgDir, "node_modules", ".cache", "readme-examples");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const files = blocks.map((block, index) => {
    const name = `${String(index + 1).padStart(2, "0")}.ts`;
    const body = block.lines.map((line) => line.replace(/^(\s*)\/\/ @declare /, "$1declare "));
    writeFileSync(join(outDir, name), `${body.join("\n")}\nexport {};\n`);
    return { path: join(outDir, name), block };
  });
  const relativePaths = Object.fromEntries(
    Object.entries(paths).map(([specifier, file]) => [specifier, [toPosix(relative(outDir, file))]]),
  );
  const tsconfig = {
    extends: toPosix(relative(outDir, join(root, "tsconfig.base.json"))),
    compilerOptions: { ...environmentOf(pkgDir), paths: relativePaths },
    files: files.map((file) => basename(file.path)),
  };
  writeFileSync(join(outDir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
  if (files.length === 0) return [];
  const run = spawnSync(process.execPath, [tsc, "-p", join(outDir, "tsconfig.json"), "--pretty", "false"], {
    cwd: root,
    encoding: "utf8",
  });
  if (run.error) throw run.error;
  const output = `${run.stdout}${run.stderr}`;
  const errors = [];
  for (const line of output.split("\n")) {
    const error = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
    if (!error) {
      if (line.trim() && errors.length > 0) errors[errors.length - 1] += `\n${line}`;
      else if (line.trim()) errors.push(line);
      continue;
    }
    const [, path, lineNumber, , message] = error;
    const example = files.find((file) => resolve(root, path) === file.path);
    if (!example) {
      errors.push(`${fromRoot(resolve(root, path))}:${lineNumber}: ${message}`);
      continue;
    }
    const readmeLine =
      example.block.firstLine + Math.min(Number(lineNumber), example.block.lines.length + 1) - 1;
    errors.push(`packages/${pkg}/README.md:${readmeLine}: ${message}`);
  }
  if (run.status !== 0 && errors.length === 0)
    errors.push(`tsc failed for packages/${pkg} (exit ${run.status})`);
  return errors;
}

const entries = Object.fromEntries(PACKAGES.map((pkg) => [pkg, entriesOf(join(root, "packages", pkg))]));
const paths = Object.fromEntries(
  Object.values(entries)
    .flat()
    .map((entry) => [entry.specifier, entry.file]),
);

/** Every public export of a package, across its entries: names once each, declarations once each. */
function publicExportsOf(pkg) {
  const all = entries[pkg].flatMap((entry) => exportsOf(entry.file).map((item) => ({ ...item, entry })));
  const byName = new Map(all.map((item) => [item.name, item]));
  const ownDir = join(root, "packages", pkg);
  // Names re-exported from another package are documented where they are declared.
  const own = all.filter((item) => item.file?.startsWith(ownDir));
  const declarations = new Map(own.map((item) => [`${item.file}#${item.local}`, item]));
  return { names: [...byName.values()], declarations: [...declarations.values()] };
}

const failures = [];
const rows = [];
for (const pkg of PACKAGES) {
  const readmePath = join(root, "packages", pkg, "README.md");
  const readme = existsSync(readmePath) ? readText(readmePath) : "";
  const blocks = tsBlocksOf(readme);
  const checked = blocks.filter((block) => !/\bno-check\b/.test(block.info));
  failures.push(...typeCheck(pkg, checked, paths));

  const { names, declarations } = publicExportsOf(pkg);
  const code = codeOf(readme);
  const unnamed = names.filter(
    (item) => !new RegExp(`(?<![\\w$])${item.name.replace(/\$/g, "\\$")}(?![\\w$])`).test(code),
  );
  for (const item of unnamed) {
    failures.push(
      `packages/${pkg}/README.md: \`${item.name}\` (exported by ${item.entry.specifier}) is not named in the README's code`,
    );
  }
  let withTsDoc = 0;
  for (const item of declarations) {
    const doc = hasTsDoc(item.file, item.local);
    if (!doc.found) failures.push(`${fromRoot(item.file)}: cannot find the declaration of \`${item.local}\``);
    else if (!doc.documented)
      failures.push(`${fromRoot(item.file)}:${doc.line}: \`${item.local}\` has no TSDoc comment`);
    else withTsDoc++;
  }
  rows.push(
    `  ${`packages/${pkg}`.padEnd(18)} ${checked.length} examples type-checked, ${blocks.length - checked.length} no-check; ` +
      `${names.length - unnamed.length}/${names.length} exports named in README, ` +
      `${withTsDoc}/${declarations.length} declarations with TSDoc`,
  );
}

const verdict =
  failures.length === 0 ? "ok" : `${failures.length} failure${failures.length === 1 ? "" : "s"}`;
if (failures.length > 0) process.stdout.write(`${failures.join("\n")}\n\n`);
process.stdout.write(`${rows.join("\n")}\nREADME examples, exports and TSDoc: ${verdict}\n`);
process.exit(failures.length === 0 ? 0 : 1);
