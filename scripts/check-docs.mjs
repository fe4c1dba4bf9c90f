// `node scripts/check-docs.mjs` (after a build; `pnpm check:docs` builds first): holds every
// published package (packages/* not marked private) to the house rules on its public API, as the
// tarball ships it (each `exports` entry's built .d.ts):
//   1. every export has a TSDoc comment: API Extractor's `ae-undocumented`, on each entry point;
//   2. every export is named in the package README, in inline code or a code block: the names come
//      from the TypeScript compiler (the version API Extractor ships; TypeScript 7 has no JS API),
//      the README's code from mdast-util-from-markdown;
//   3. every ```ts block of the README type-checks as a user's file would, under each environment the
//      package claims (ENVIRONMENTS): a default tsconfig with the DOM lib and one with Node's types
//      only. `@ideokit/*` imports resolve to the built types. A block opened ```ts no-check is
//      skipped (say why beside it); a line `// @declare const form: …;` is compiled as `declare …`
//      for a name that is obviously context.
// Errors print as `packages/<pkg>/README.md:LINE: message`. Exits non-zero on any failure.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";
import { fromMarkdown } from "mdast-util-from-markdown";

const root = join(import.meta.dirname, "..");
const ts = createRequire(import.meta.resolve("@microsoft/api-extractor"))("typescript");
const tsc = fileURLToPath(new URL("bin/tsc", import.meta.resolve("typescript/package.json")));
const toPosix = (path) => path.split("\\").join("/");
const fromRoot = (path) => toPosix(relative(root, path));
const readJson = (path) => JSON.parse(readFileSync(path, "utf8"));

/** The compiler settings a README example is checked under: a browser page, or a Node program. */
const ENVIRONMENTS = {
  "DOM lib": { lib: ["es2023", "dom", "dom.iterable"], types: ["node"] },
  "Node only": { lib: ["es2023"], types: ["node"] },
  "browser page": { lib: ["es2023", "dom", "dom.iterable"], types: [] },
};
/** Which environments each package's examples must compile in (default: DOM lib and Node only). */
const PACKAGE_ENVIRONMENTS = { browser: ["browser page"] };

const packages = readdirSync(join(root, "packages"))
  .map((name) => ({ name, dir: join(root, "packages", name) }))
  .filter(({ dir }) => existsSync(join(dir, "package.json")) && !readJson(join(dir, "package.json")).private);

/** The package's import specifiers (`@ideokit/browser/lite`, …) with the built .d.ts each one serves. */
function entriesOf(pkg) {
  const manifest = readJson(join(pkg.dir, "package.json"));
  return Object.entries(manifest.exports)
    .map(([subpath, target]) => ({ subpath, types: target?.import?.types ?? target?.types }))
    .filter(({ types }) => typeof types === "string")
    .map(({ subpath, types }) => ({
      specifier: manifest.name + subpath.slice(1),
      reportName: `${pkg.name}${subpath.slice(1).replace(/\//g, "-")}`,
      types: join(pkg.dir, types),
    }));
}

/**
 * `ae-undocumented` for one entry point: each exported declaration without a TSDoc comment (members
 * of an interface or class are left to their declaration's comment, as the house rule asks).
 */
function undocumented(pkg, entry, exported) {
  const reportDir = join(pkg.dir, "node_modules", ".cache", "api-extractor");
  mkdirSync(reportDir, { recursive: true });
  const config = ExtractorConfig.prepare({
    configObject: {
      projectFolder: pkg.dir,
      mainEntryPointFilePath: entry.types,
      compiler: {
        overrideTsconfig: {
          compilerOptions: {
            target: "es2022",
            module: "esnext",
            moduleResolution: "bundler",
            lib: ["es2023", "dom", "dom.iterable"],
            types: ["node"],
            skipLibCheck: true,
            strict: true,
          },
          files: [entry.types],
        },
      },
      // ae-undocumented is found while the API report is generated: write it where nobody looks.
      apiReport: {
        enabled: true,
        reportFileName: entry.reportName,
        reportFolder: reportDir,
        reportTempFolder: reportDir,
      },
      docModel: { enabled: false },
      dtsRollup: { enabled: false },
      tsdocMetadata: { enabled: false },
      messages: {
        compilerMessageReporting: { default: { logLevel: "none" } },
        extractorMessageReporting: {
          default: { logLevel: "none" },
          "ae-undocumented": { logLevel: "error", addToApiReportFile: false },
        },
        tsdocMessageReporting: { default: { logLevel: "none" } },
      },
    },
    configObjectFullPath: undefined,
    packageJsonFullPath: join(pkg.dir, "package.json"),
  });
  const failures = [];
  Extractor.invoke(config, {
    localBuild: true,
    showVerboseMessages: false,
    messageCallback: (message) => {
      const name = /^Missing documentation for "(.+)"/.exec(message.text)?.[1];
      if (message.messageId === "ae-undocumented" && exported.has(name)) {
        const where = message.sourceFilePath
          ? `${fromRoot(message.sourceFilePath)}:${message.sourceFileLine}`
          : "";
        failures.push(`${where || entry.specifier}: ${message.text} (${entry.specifier})`);
      }
      message.logLevel = ExtractorLogLevel.None;
    },
  });
  return failures;
}

/** Every name an entry point exports itself (values and types, named re-exports included), from its .d.ts. */
function exportNames(entry) {
  const program = ts.createProgram([entry.types], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    noEmit: true,
  });
  const source = program.getSourceFile(entry.types);
  const checker = program.getTypeChecker();
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${fromRoot(entry.types)} is not a module: build the package first`);
  // A whole package re-exported (`export * from "@ideokit/core"`, which the bundled .d.ts keeps as
  // it is) is documented in its own README: only the module's own and named exports count here.
  const own = new Set([...module.exports.keys()].filter((name) => name !== "__export"));
  return checker
    .getExportsOfModule(module)
    .map((symbol) => symbol.getName())
    .filter((name) => own.has(name));
}

/** The README's code: inline code spans and code blocks, where exported names must appear; and its ts blocks. */
function readmeOf(pkg) {
  const path = join(pkg.dir, "README.md");
  const tree = fromMarkdown(existsSync(path) ? readFileSync(path, "utf8") : "");
  const code = [];
  const blocks = [];
  const visit = (node) => {
    if (node.type === "inlineCode" || node.type === "code") code.push(node.value);
    if (node.type === "code" && (node.lang === "ts" || node.lang === "typescript"))
      blocks.push({ text: node.value, meta: node.meta ?? "", firstLine: node.position.start.line + 1 });
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return { code: code.join("\n"), blocks };
}

/** Writes one module per block plus a tsconfig per environment, runs tsc, returns errors at README lines. */
function typeCheck(pkg, blocks, paths) {
  const errors = [];
  for (const environment of PACKAGE_ENVIRONMENTS[pkg.name] ?? ["DOM lib", "Node only"]) {
    const outDir = join(pkg.dir, "node_modules", ".cache", "readme-examples", environment.replace(" ", "-"));
    rmSync(outDir, { recursive: true, force: true });
    mkdirSync(outDir, { recursive: true });
    const files = blocks.map((block, index) => {
      const path = join(outDir, `${String(index + 1).padStart(2, "0")}.ts`);
      const body = block.text.replace(/^(\s*)\/\/ @declare /gm, "$1declare ");
      writeFileSync(path, `${body}\nexport {};\n`);
      return { path, block };
    });
    if (files.length === 0) continue;
    const tsconfig = {
      extends: toPosix(relative(outDir, join(root, "tsconfig.base.json"))),
      compilerOptions: {
        ...ENVIRONMENTS[environment],
        // The published types, as a user resolves them.
        paths: Object.fromEntries(
          Object.entries(paths).map(([specifier, file]) => [specifier, [toPosix(relative(outDir, file))]]),
        ),
      },
      files: files.map((file) => basename(file.path)),
    };
    writeFileSync(join(outDir, "tsconfig.json"), `${JSON.stringify(tsconfig, null, 2)}\n`);
    const run = spawnSync(process.execPath, [tsc, "-p", join(outDir, "tsconfig.json"), "--pretty", "false"], {
      cwd: root,
      encoding: "utf8",
    });
    if (run.error) throw run.error;
    let last;
    for (const line of `${run.stdout}${run.stderr}`.split("\n")) {
      const error = /^(.+?)\((\d+),(\d+)\): (.*)$/.exec(line);
      if (!error) {
        if (line.trim() && last !== undefined) errors[last] += `\n${line}`;
        else if (line.trim()) last = errors.push(`packages/${pkg.name}: ${line}`) - 1;
        continue;
      }
      const [, path, lineNumber, , message] = error;
      const example = files.find((file) => resolve(root, path) === file.path);
      const at = example
        ? `packages/${pkg.name}/README.md:${example.block.firstLine + Number(lineNumber) - 1}`
        : `${fromRoot(resolve(root, path))}:${lineNumber}`;
      last = errors.push(`${at}: ${message} (${environment})`) - 1;
    }
    if (run.status !== 0 && errors.length === 0)
      errors.push(`tsc failed for packages/${pkg.name} (${environment}, exit ${run.status})`);
  }
  return errors;
}

const entries = new Map(packages.map((pkg) => [pkg.name, entriesOf(pkg)]));
const paths = Object.fromEntries([...entries.values()].flat().map((entry) => [entry.specifier, entry.types]));
const missingBuild = [...entries.values()].flat().filter((entry) => !existsSync(entry.types));
if (missingBuild.length > 0) {
  console.error(
    `Build first (pnpm turbo run build): missing ${missingBuild.map((e) => fromRoot(e.types)).join(", ")}`,
  );
  process.exit(1);
}

const failures = [];
const rows = [];
for (const pkg of packages) {
  const readme = readmeOf(pkg);
  const checked = readme.blocks.filter((block) => !/\bno-check\b/.test(block.meta));
  failures.push(...typeCheck(pkg, checked, paths));
  const names = new Map();
  let documentedFailures = 0;
  for (const entry of entries.get(pkg.name)) {
    const exported = new Set(exportNames(entry));
    for (const name of exported) if (!names.has(name)) names.set(name, entry);
    const missing = undocumented(pkg, entry, exported);
    documentedFailures += missing.length;
    failures.push(...missing);
  }
  const unnamed = [...names].filter(
    ([name]) => !new RegExp(`(?<![\\w$])${name.replace(/\$/g, "\\$")}(?![\\w$])`).test(readme.code),
  );
  for (const [name, entry] of unnamed)
    failures.push(
      `packages/${pkg.name}/README.md: \`${name}\` (exported by ${entry.specifier}) is not named in the README's code`,
    );
  rows.push(
    `  ${`packages/${pkg.name}`.padEnd(18)} ${checked.length} examples type-checked ` +
      `(${(PACKAGE_ENVIRONMENTS[pkg.name] ?? ["DOM lib", "Node only"]).join(", ")}), ` +
      `${readme.blocks.length - checked.length} no-check; ${names.size - unnamed.length}/${names.size} exports named in README; ` +
      `${documentedFailures} undocumented (API Extractor)`,
  );
}

const verdict =
  failures.length === 0 ? "ok" : `${failures.length} failure${failures.length === 1 ? "" : "s"}`;
if (failures.length > 0) process.stdout.write(`${failures.join("\n")}\n\n`);
process.stdout.write(`${rows.join("\n")}\nAPI docs and README examples: ${verdict}\n`);
process.exit(failures.length === 0 ? 0 : 1);
