import { defineConfig, type Options } from "tsup";

/** Entry points, one per subpath of the package's exports map (a test checks they agree). */
export const entry = {
  index: "src/index.ts",
  "locales/fr/index": "src/locales/fr/index.ts",
  "service/index": "src/service/index.ts",
  "memory/index": "src/adapters/memory/index.ts",
  "testing/index": "src/testing/index.ts",
  "postgres/index": "src/adapters/postgres/index.ts",
  "smtp/index": "src/adapters/smtp/index.ts",
  "outbox/index": "src/adapters/outbox/index.ts",
  "http/index": "src/http/index.ts",
};

/**
 * The entry of the `paylinks` command, built to the file the package's `bin` names (a test checks they agree). It
 * is not a subpath of the exports map: nothing imports it. Its `#!/usr/bin/env node` line is the first line of
 * src/cli/index.ts, which esbuild keeps.
 */
export const cliEntry = {
  "cli/index": "src/cli/index.ts",
};

const common: Options = {
  dts: true,
  sourcemap: true,
  treeshake: true,
  target: "es2020",
  // The entries share chunks: the core is in dist/ once per format, and every subpath imports it.
  splitting: true,
  external: ["vitest", "pg", "@electric-sql/pglite", "nodemailer"],
};

export default defineConfig([
  // The command is built with the library, so that it imports the same chunks instead of a copy of the core; its
  // declaration file is not published (it has no exports). The optional peer dependencies stay dynamic imports.
  { ...common, entry: { ...entry, ...cliEntry }, format: ["esm"] },
  // nanoid is ESM-only: the CommonJS build carries it, once, in its shared chunks.
  { ...common, entry, format: ["cjs"], noExternal: ["nanoid"] },
]);
