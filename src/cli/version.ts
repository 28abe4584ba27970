import { readFile } from "node:fs/promises";

/**
 * The version of the installed package, read from its `package.json` (two folders up from the built
 * `dist/cli/index.js`, as from `src/cli/`).
 *
 * @returns The version, or `"unknown"`.
 */
export async function packageVersion(): Promise<string> {
  try {
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8")) as {
      version?: unknown;
    };
    return typeof pkg.version === "string" ? pkg.version : "unknown";
  } catch {
    return "unknown";
  }
}
