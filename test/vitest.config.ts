import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL("..", import.meta.url));

// On CI, a JSON report is written too, so that .ci/run can print a plain "N passed, N failed" line.
const reporters: (string | [string, Record<string, unknown>])[] = process.env.CI
  ? ["default", ["json", { outputFile: ".test-results/results.json" }]]
  : ["default"];

export default defineConfig({
  root,
  test: {
    include: ["test/**/*.test.ts"],
    reporters,
    testTimeout: 30_000,
    // The type tests of the public signatures (test/**/*.test-d.ts), checked by tsc and reported as tests.
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "tsconfig.json" },
  },
});
