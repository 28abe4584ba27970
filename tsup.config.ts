import { defineConfig, type Options } from "tsup";

/** Entry points, one per subpath of the package's exports map (a test checks they agree). */
export const entry = {
  index: "src/index.ts",
  "service/index": "src/service/index.ts",
  "memory/index": "src/adapters/memory/index.ts",
  "testing/index": "src/testing/index.ts",
  "postgres/index": "src/adapters/postgres/index.ts",
  "smtp/index": "src/adapters/smtp/index.ts",
  "outbox/index": "src/adapters/outbox/index.ts",
};

/**
 * The entry of the `paylinks` command, built to the file the package's `bin` names (a test checks they agree). It
 * is not a subpath of the exports map: nothing imports it.
 */
export const cliEntry = {
  "cli/index": "src/cli/index.ts",
};

const common: Options = {
  entry,
  dts: true,
  sourcemap: true,
  treeshake: true,
  target: "es2020",
  // Each entry is self-contained; PaylinksError is recognised across copies by a brand, not by identity.
  splitting: false,
  external: ["vitest", "pg", "@electric-sql/pglite", "nodemailer"],
};

export default defineConfig([
  { ...common, format: ["esm"] },
  // nanoid is ESM-only: the CommonJS build carries its own copy.
  { ...common, format: ["cjs"], noExternal: ["nanoid"] },
  // The command: ESM only, one readable file (no types, no source map), with the shebang that makes it runnable;
  // the optional peer dependencies stay dynamic imports.
  {
    ...common,
    entry: cliEntry,
    format: ["esm"],
    dts: false,
    sourcemap: false,
    target: "node20",
    banner: { js: "#!/usr/bin/env node" },
  },
]);
