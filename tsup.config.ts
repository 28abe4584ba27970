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
]);
