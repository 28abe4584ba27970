/**
 * Runs one documentation example (see doc-examples.ts) in a folder of its own under .test-results/examples, with
 * tsx, or with vitest for a test file. The package resolves to the built one: the folder is inside the repository,
 * so `paylinks` is the repository's own package (its exports map points to dist), and pg, PGlite, nodemailer… come
 * from the repository's node_modules.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { type DocExample, instrument } from "./doc-examples";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const RUNTIME = fileURLToPath(new URL("./example-runtime.ts", import.meta.url));
const VITEST = join(ROOT, "node_modules", "vitest", "vitest.mjs");

/** What the process of an example did. */
export interface ExampleRun {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  /** Its stderr, with the paths of the block files replaced by the page and line they come from. */
  readonly stderr: string;
  readonly durationMs: number;
  /** The folder it ran in. */
  readonly dir: string;
  /** For a test file: what vitest reported. */
  readonly tests?: { readonly total: number; readonly passed: number; readonly failed: number };
}

/** How to run an example. */
export interface RunOptions {
  /** The folder of this run, under .test-results/examples. */
  readonly runDir: string;
  /** The named blocks of the same page (`setup.ts`…), written next to the example so that it can import them. */
  readonly siblings: readonly DocExample[];
  /** Added to the environment of the example (SMTP_PORT, DATABASE_URL…). */
  readonly env: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  /** For a program that runs until it is told to stop: SIGTERM after this long. */
  readonly sigtermAfterMs?: number;
}

/** The variables of the test's own environment that the examples get; the rest (VITEST_…, FORCE_COLOR…) not. */
const PASSED_ON = ["PATH", "HOME", "TMPDIR", "TEMP", "TMP", "LANG", "LC_ALL", "TZ", "SYSTEMROOT"];

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) if (child.pid !== undefined) killGroup(child.pid, "SIGKILL");
});

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

const slug = (example: DocExample): string => `${example.doc.replace(/\W+/g, "-")}-${example.line}`;

/** Writes the example and its page's named blocks into a fresh folder, runs it, and says what happened. */
export async function runExample(example: DocExample, options: RunOptions): Promise<ExampleRun> {
  const dir = join(options.runDir, slug(example));
  mkdirSync(dir, { recursive: true });
  const files = new Map<string, DocExample>();
  for (const sibling of options.siblings) if (sibling.name !== undefined) files.set(sibling.name, sibling);
  files.set(example.fileName, example);
  for (const [name, block] of files) writeFileSync(join(dir, name), instrument(block, RUNTIME));

  const env: Record<string, string> = { NO_COLOR: "1" };
  for (const key of PASSED_ON) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  Object.assign(env, options.env);

  const report = join(dir, "vitest-report.json");
  const args = example.isTest
    ? [VITEST, "run", example.fileName, "--root", dir, "--reporter=json", `--outputFile=${report}`]
    : ["--import", "tsx", example.fileName];

  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: dir, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  running.add(child);
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid !== undefined) killGroup(child.pid, "SIGKILL");
  }, options.timeoutMs);
  const stopper =
    options.sigtermAfterMs === undefined ? undefined : setTimeout(() => child.kill("SIGTERM"), options.sigtermAfterMs);
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => {
    child.once("close", (code, sig) => resolve([code, sig]));
  });
  clearTimeout(timer);
  if (stopper) clearTimeout(stopper);
  running.delete(child);

  let tests: ExampleRun["tests"];
  if (example.isTest) {
    try {
      const json = JSON.parse(readFileSync(report, "utf8")) as {
        numTotalTests: number;
        numPassedTests: number;
        numFailedTests: number;
      };
      tests = { total: json.numTotalTests, passed: json.numPassedTests, failed: json.numFailedTests };
    } catch {
      tests = undefined;
    }
  }

  return {
    exitCode,
    signal,
    timedOut,
    stdout,
    stderr: pointIntoDocs(stderr, dir, files),
    durationMs: performance.now() - started,
    dir,
    ...(tests === undefined ? {} : { tests }),
  };
}

/** Replaces `…/dir/setup.ts:12:3` by `docs/adapters.md:44:3`, the line of the page the code is on. */
function pointIntoDocs(text: string, dir: string, files: ReadonlyMap<string, DocExample>): string {
  let out = text;
  for (const [name, block] of files) {
    const path = `${dir}/${name}`.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(
      new RegExp(`(?:file://)?${path}:(\\d+)`, "g"),
      (_, line: string) => `${block.doc}:${block.line + Number(line)}`,
    );
  }
  return out;
}

/** A database of its own for one example, on the server of DATABASE_URL, and the function that drops it. */
export async function createExampleDatabase(
  serverUrl: string,
  name: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists "${name}"`);
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // WITH (FORCE), PostgreSQL 13 and later, also ends the connections an example left open.
        await client.query(`drop database if exists "${name}" with (force)`).catch(async () => {
          await client.query(`drop database if exists "${name}"`);
        });
      } finally {
        await client.end();
      }
    },
  };
}

/** Runs at most `concurrency` of the given jobs at a time, in the order they are queued. */
export function limiter(concurrency: number): <T>(job: () => Promise<T>) => Promise<T> {
  let active = 0;
  const queue: (() => void)[] = [];
  const next = () => {
    if (active >= concurrency) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return <T>(job: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}
