/** The size-limit figures, as the package's size budget measures them. */
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { BenchSection } from "./harness";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Runs size-limit on the build and reports each budget. */
export function benchBundle(): BenchSection {
  const output = execFileSync(process.execPath, [`${root}node_modules/size-limit/bin.js`, "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  const results = JSON.parse(output) as { name: string; size: number; passed: boolean }[];
  return {
    title: "Bundle: size-limit, minified and gzipped",
    rows: [],
    summary: results.map(
      (r) => `- ${r.name}: ${(r.size / 1000).toFixed(2)} kB (${r.passed ? "within" : "OVER"} its budget)`,
    ),
  };
}
