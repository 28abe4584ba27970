import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The built command, as `npm test` builds it first (the `pretest` hook). */
export const CLI = join(ROOT, "dist/cli/index.js");

/** What a run of the command gave. */
export interface CliRun {
  /** The exit code. */
  readonly code: number;
  /** What it wrote on stdout. */
  readonly stdout: string;
  /** What it wrote on stderr. */
  readonly stderr: string;
}

/** Options of {@link paylinks}. */
export interface RunOptions {
  /** The working folder. */
  readonly cwd: string;
  /** Variables added to (or, when `undefined`, removed from) the clean environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Another build of the command to run (the missing-dependency test runs a copy). */
  readonly cli?: string;
}

/**
 * The environment every run starts from: the PATH, English messages, and a time zone far from the shops' (UTC+14),
 * so that any output depending on the machine's time zone shows up in the assertions. `DATABASE_URL`, `SMTP_URL` and
 * the locale variables of the machine are left out: the runs use the embedded defaults unless a test sets them.
 */
export function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = { TZ: "Pacific/Kiritimati", LANG: "en_US.UTF-8" };
  for (const name of ["PATH", "HOME", "TMPDIR", "SystemRoot"]) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  return env;
}

/**
 * Runs the built `paylinks` with arguments, in a folder, and resolves with its exit code and output (never
 * rejects on a non-zero exit code).
 */
export function paylinks(args: readonly string[], options: RunOptions): Promise<CliRun> {
  const env: Record<string, string> = cleanEnv();
  for (const [name, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  return new Promise((resolve, reject) => {
    if (!existsSync(options.cli ?? CLI)) reject(new Error(`${CLI} is missing: run npm run build`));
    execFile(
      process.execPath,
      [options.cli ?? CLI, ...args],
      { cwd: options.cwd, env, encoding: "utf8", timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** A new empty temporary folder, and the function that removes it. */
export async function tempFolder(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `paylinks-cli-${prefix}-`));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Parses the stdout of a `--json` run, which must be one JSON document. */
export function json<T = Record<string, unknown>>(run: CliRun): T {
  return JSON.parse(run.stdout) as T;
}
