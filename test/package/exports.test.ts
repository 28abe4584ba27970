import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { cliEntry, entry } from "../../tsup.config";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  exports: Record<string, string | Record<string, Record<string, string>>>;
  bin: Record<string, string>;
  main: string;
  module: string;
  types: string;
};

type Conditions = Record<"import" | "require", Record<"types" | "default", string>>;
const subpaths = Object.entries(pkg.exports).filter(([key]) => key !== "./package.json") as [string, Conditions][];

/** "./service" → "service/index", "." → "index": the tsup entry name a subpath is built from. */
const entryName = (subpath: string): string => (subpath === "." ? "index" : `${subpath.slice(2)}/index`);

describe("package exports", () => {
  it("has a tsup entry for every subpath and a subpath for every tsup entry", () => {
    expect(Object.keys(entry).sort()).toEqual(subpaths.map(([subpath]) => entryName(subpath)).sort());
  });

  describe.each(subpaths)("subpath %s", (subpath, conditions) => {
    it("lists types first in each condition", () => {
      for (const condition of ["import", "require"] as const) {
        expect(Object.keys(conditions[condition])[0]).toBe("types");
      }
    });

    it("points at files that the build wrote", () => {
      const name = entryName(subpath);
      expect(conditions.import).toEqual({ types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` });
      expect(conditions.require).toEqual({ types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` });
      for (const file of [...Object.values(conditions.import), ...Object.values(conditions.require)]) {
        expect(existsSync(`${root}${file}`), `${file} missing: run npm run build`).toBe(true);
      }
    });

    it("exports the same names from ESM and CJS", async () => {
      const name = entryName(subpath);
      const esm = await import(`${root}dist/${name}.js`);
      // vitest refuses to be loaded by require(): the CommonJS testing entry is read, not run.
      const cjsNames =
        subpath === "./testing"
          ? [...readFileSync(`${root}dist/${name}.cjs`, "utf8").matchAll(/^exports\.(\w+) = /gm)].map((m) => m[1])
          : Object.keys(createRequire(import.meta.url)(`${root}dist/${name}.cjs`));
      expect(cjsNames.sort()).toEqual(Object.keys(esm).sort());
    });
  });

  it("builds the command of bin from the CLI entry, which is no subpath of the exports", () => {
    // tsup writes each entry to dist/<name>.js: the CLI entry's file must be the one bin names, and only it.
    expect(Object.keys(pkg.bin)).toEqual(["paylinks"]);
    expect(Object.keys(cliEntry).map((name) => `./dist/${name}.js`)).toEqual(Object.values(pkg.bin));
    for (const name of Object.keys(cliEntry)) {
      expect(Object.keys(entry)).not.toContain(name);
      expect(subpaths.map(([subpath]) => entryName(subpath))).not.toContain(name);
    }
  });

  it("makes the built command runnable: a #!/usr/bin/env node first line, ESM, no CommonJS copy", () => {
    for (const file of Object.values(pkg.bin)) {
      const path = `${root}${file.slice(2)}`;
      expect(existsSync(path), `${file} missing: run npm run build`).toBe(true);
      expect(readFileSync(path, "utf8").split("\n")[0]).toBe("#!/usr/bin/env node");
      expect(existsSync(path.replace(/\.js$/, ".cjs"))).toBe(false);
    }
  });

  it("keeps the main, module and types fallbacks on the root entry", () => {
    expect([pkg.main, pkg.module, pkg.types]).toEqual(["./dist/index.cjs", "./dist/index.js", "./dist/index.d.ts"]);
  });
});

describe("root bundle", () => {
  for (const file of ["dist/index.js", "dist/index.cjs"]) {
    const code = (): string => readFileSync(`${root}${file}`, "utf8");

    it(`${file} imports nothing from node:`, () => {
      expect(code()).not.toMatch(/["']node:/);
      expect(code()).not.toMatch(/require\(["'](fs|path|os|crypto|net|tls|child_process)["']\)/);
    });

    it(`${file} carries no adapter or service code`, () => {
      expect(code()).not.toMatch(/nodemailer|@electric-sql\/pglite|from ["']pg["']|require\(["']pg["']\)|adapters\//);
    });

    it(`${file} does not carry currency-codes itself (the compact table is generated from it)`, () => {
      expect(code()).not.toMatch(/currency-codes|first-match/);
    });
  }

  it("names every public function in the ESM build", async () => {
    const esm = await import(`${root}dist/index.js`);
    for (const name of [
      "getCurrency",
      "parseAmount",
      "formatAmount",
      "validateOrderReference",
      "suffixReferences",
      "splitRecipients",
      "validateLinkParameters",
      "validateLinkForm",
      "linkFormSchema",
      "PaylinksError",
      "ISSUE_CODES",
    ]) {
      expect(esm[name], name).toBeDefined();
    }
  });
});
