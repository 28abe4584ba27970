/**
 * Runs every TypeScript example of README.md and docs/*.md against the built package, so that they cannot rot:
 * each block as its own ES module (tsx), or with vitest for a test file, and checks that it exits 0, that its
 * `// →` comments hold, and that it prints what the page shows. The conventions are in doc-examples.ts.
 *
 * Needs dist (`npm test` builds it first). An SMTP server for the SMTP examples is started on 127.0.0.1; the
 * examples that need a PostgreSQL server run only when DATABASE_URL is set, each on a database of its own.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type DocExample,
  docPages,
  expectedTestCount,
  extractExamples,
  isTranscript,
  normaliseOutput,
  where,
} from "./doc-examples";
import { createExampleDatabase, type ExampleRun, limiter, ROOT, runExample } from "./example-runner";
import {
  EXAMPLE_SMTP_PASSWORD,
  EXAMPLE_SMTP_USER,
  type ExampleSmtpServer,
  startExampleSmtpServer,
} from "./example-smtp-server";

const examples = docPages(ROOT).flatMap((doc) => extractExamples(ROOT, doc));
const databaseUrl = process.env.DATABASE_URL;
const concurrency = Number(process.env.DOC_EXAMPLES_CONCURRENCY ?? Math.min(2, availableParallelism()));
const runDir = join(ROOT, ".test-results", "examples", `run-${process.pid}-${Date.now().toString(36)}`);

/** Why an example is not run, or `undefined` when it is. */
const skipReason = (example: DocExample): string | undefined =>
  example.directives.skip ??
  (example.directives.needsDatabase && !databaseUrl ? "needs DATABASE_URL (a PostgreSQL server)" : undefined);

/** The slow ones first, so that two workers finish at about the same time. */
const weight = (example: DocExample): number =>
  (example.isTest ? 4 : 0) + (example.directives.needsDatabase ? 2 : 0) + (/PGlite/.test(example.code) ? 4 : 0);

type Outcome = { readonly run: ExampleRun } | { readonly skipped: string };

const outcomes = new Map<DocExample, Promise<Outcome>>();
const summary = { ran: 0, failed: 0, skipped: new Map<string, string>() };
let smtp: ExampleSmtpServer | undefined;
const started = performance.now();

async function run(example: DocExample): Promise<Outcome> {
  if (!smtp) throw new Error("the SMTP server of the examples is not running");
  const env: Record<string, string> = {
    SMTP_HOST: "127.0.0.1",
    SMTP_PORT: String(smtp.port),
    SMTP_USER: EXAMPLE_SMTP_USER,
    SMTP_PASSWORD: EXAMPLE_SMTP_PASSWORD,
  };
  let database: Awaited<ReturnType<typeof createExampleDatabase>> | undefined;
  if (example.directives.needsDatabase && databaseUrl) {
    const name = `paylinks_example_${process.pid}_${example.doc.replace(/\W+/g, "_")}_${example.line}`.toLowerCase();
    try {
      database = await createExampleDatabase(databaseUrl, name);
    } catch (error) {
      return { skipped: `cannot create a database for it on DATABASE_URL's server: ${String(error)}` };
    }
    env.DATABASE_URL = database.url;
  }
  try {
    const result = await runExample(example, {
      runDir,
      siblings: examples.filter((other) => other.doc === example.doc && other.name !== undefined),
      env,
      timeoutMs: example.isTest || example.directives.needsDatabase || /PGlite/.test(example.code) ? 60_000 : 30_000,
      ...(example.directives.runsUntilSigterm ? { sigtermAfterMs: 5_000 } : {}),
    });
    return { run: result };
  } finally {
    await database?.drop();
  }
}

describe("the TypeScript examples of README.md and docs/*.md", () => {
  beforeAll(async () => {
    if (!existsSync(join(ROOT, "dist", "index.js"))) throw new Error("dist is missing: run `npm run build` first");
    mkdirSync(runDir, { recursive: true });
    smtp = await startExampleSmtpServer();
    const queue = limiter(concurrency);
    const order = [...examples].sort((a, b) => weight(b) - weight(a));
    for (const example of order) {
      const reason = skipReason(example);
      outcomes.set(example, reason === undefined ? queue(() => run(example)) : Promise.resolve({ skipped: reason }));
    }
  });

  afterAll(async () => {
    await Promise.allSettled(outcomes.values());
    await smtp?.close();
    if (summary.failed === 0) rmSync(runDir, { recursive: true, force: true });
    const skipped = [...summary.skipped].map(([block, reason]) => `\n  ${block}: ${reason}`).join("");
    console.log(
      `Documentation examples: ${examples.length} found, ${summary.ran} run (${summary.failed} failed), ` +
        `${summary.skipped.size} skipped, in ${((performance.now() - started) / 1000).toFixed(1)} s.${skipped}`,
    );
  });

  it("finds the examples of every page", () => {
    expect(examples.length).toBeGreaterThanOrEqual(50);
    expect(new Set(examples.map((example) => example.doc)).size).toBeGreaterThanOrEqual(9);
  });

  for (const example of examples) {
    const title = `${where(example)}${example.name === undefined ? "" : ` ${example.name}`}`;
    it(title, { timeout: 170_000 }, async (context) => {
      const outcome = await outcomes.get(example);
      if (outcome === undefined) throw new Error(`${title} was not started`);
      if ("skipped" in outcome) {
        summary.skipped.set(title, outcome.skipped);
        context.skip(outcome.skipped);
        return;
      }
      summary.ran++;
      summary.failed++; // until every check below has passed
      const { run: result } = outcome;
      const details = `${title}, run in ${result.dir}\n--- stdout ---\n${result.stdout}\n--- stderr ---\n${result.stderr}`;
      expect(result.timedOut, `timed out: ${details}`).toBe(false);
      expect(result.exitCode, `exit code: ${details}`).toBe(0);

      if (example.isTest) {
        expect(result.tests, `no vitest report: ${details}`).toBeDefined();
        expect(result.tests?.failed, details).toBe(0);
        const count = example.outputBlock === undefined ? undefined : expectedTestCount(example.outputBlock);
        if (count !== undefined) expect(result.tests?.passed, `tests passed: ${details}`).toBe(count);
        else expect(result.tests?.passed, details).toBeGreaterThan(0);
      } else {
        const shown =
          example.outputBlock !== undefined && !isTranscript(example.outputBlock)
            ? example.outputBlock
            : example.outputBlock === undefined
              ? example.outputComments
              : undefined;
        if (shown !== undefined) {
          const { varies } = example.directives;
          expect(normaliseOutput(result.stdout, varies), `output: ${details}`).toBe(normaliseOutput(shown, varies));
        }
      }
      summary.failed--;
    });
  }
});
