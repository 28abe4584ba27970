// `paylinks worker` on the embedded defaults (PGlite in .paylinks/db, e-mails in .paylinks/outbox): the built
// command run as a process and stopped with a real SIGTERM or SIGINT, and `runCli` in this process with an injected
// CliIo whose signal the test sends. Each test has a working folder of its own, so that its counts are exact.
import { type ChildProcess, spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo, StopSignal } from "../../src/cli/cli-io";
import { runCli } from "../../src/cli/main";
import { CLI, type CliRun, cleanEnv, json, paylinks, tempFolder } from "./cli-process";

/** Every command of a test runs at this instant (PAYLINKS_NOW), unless it says otherwise. */
const NOW = "2026-12-01T23:30:00Z";
/**
 * The workers start an hour later: PAYLINKS_NOW starts a clock at each process start, so a worker started at the same
 * instant as the command that queued the links could find them not yet due, and send them in two batches.
 */
const HOUR_LATER = "2026-12-02T00:30:00Z";

const removals: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const remove of removals) await remove();
});

async function folder(name: string): Promise<{ dir: string; run: (args: string[], now?: string) => Promise<CliRun> }> {
  const { dir, remove } = await tempFolder(name);
  removals.push(remove);
  return { dir, run: (args, now = NOW) => paylinks(args, { cwd: dir, env: { PAYLINKS_NOW: now } }) };
}

/** The built `paylinks worker`, running, with what it printed so far. */
interface RunningWorker {
  readonly child: ChildProcess;
  readonly stdout: () => string;
  readonly stderr: () => string;
  /** Resolves once stdout has a line that matches. */
  readonly printed: (pattern: RegExp) => Promise<void>;
  readonly exited: Promise<number | null>;
}

function startWorker(dir: string, args: readonly string[], now = NOW): RunningWorker {
  const child = spawn(process.execPath, [CLI, "worker", ...args], {
    cwd: dir,
    env: { ...cleanEnv(), PAYLINKS_NOW: now },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  const check = (): void => {
    for (const waiter of [...waiters]) {
      if (stdout.split("\n").some((line) => waiter.pattern.test(line))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  };
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    check();
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once("close", (code) => resolve(code)));
  const printed = (pattern: RegExp): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      waiters.push({ pattern, resolve });
      check();
      void exited.then(() =>
        reject(new Error(`paylinks worker ended before printing ${pattern}:\n${stdout}\n${stderr}`)),
      );
    });
  return { child, stdout: () => stdout, stderr: () => stderr, printed, exited };
}

const ISO = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

describe("paylinks worker, as a process", () => {
  it("sends the pending links, prints one line per batch, and stops with exit code 0 on SIGTERM", {
    timeout: 90_000,
  }, async () => {
    const { dir, run } = await folder("worker");
    const created = await run(["create", "--amount", "5", "--to", "a@example.fr; b@example.fr; c@example.fr"]);
    expect(created.code).toBe(0);
    const queued = await run(["create", "--amount", "7", "--to", "d@example.fr; e@example.fr", "--no-deliver"]);
    expect(queued.code, queued.stderr).toBe(0);

    const worker = startWorker(dir, ["--idle", "1"], HOUR_LATER);
    try {
      await worker.printed(/deliver: /);
    } finally {
      worker.child.kill("SIGTERM");
    }
    expect(await worker.exited, worker.stderr()).toBe(0);

    const lines = worker.stdout().trimEnd().split("\n");
    expect(lines[0]).toBe(
      "Worker started: sends the e-mails as they fall due (looking again every 1 s when none is) and expires links every 60 s. Stop it with Ctrl-C or SIGTERM.",
    );
    expect(lines[1]).toMatch(new RegExp(`^${ISO}  deliver: 2 sent, 0 failed, 0 to retry, 0 skipped$`));
    expect(lines.slice(2)).toEqual([
      "Worker stopped after 1 batch: 2 sent, 0 failed, 0 to retry, 0 skipped, 0 expired.",
    ]);
    expect(worker.stderr()).toBe("SIGTERM: no new e-mails are taken; finishing the ones under way, then stopping.\n");

    const listed = json<{ links: { recipient: string; deliveryStatus: string }[] }>(await run(["list", "--json"]));
    expect(listed.links.map((link) => link.deliveryStatus)).toEqual(["SENT", "SENT", "SENT", "SENT", "SENT"]);
    const emails = (await readdir(join(dir, ".paylinks/outbox"))).filter((file) => file.endsWith(".eml"));
    expect(emails).toHaveLength(5);
  });

  it("prints JSON Lines with --json, expires the links past their expiry, and stops on SIGINT too", {
    timeout: 90_000,
  }, async () => {
    const { dir, run } = await folder("worker-json");
    // Created on 1 December, valid 1 day: expired when the worker runs, on 20 December.
    const old = await run([
      "create",
      "--amount",
      "5",
      "--to",
      "old@example.fr",
      "--validity-days",
      "1",
      "--no-deliver",
    ]);
    expect(old.code, old.stderr).toBe(0);
    const later = "2026-12-20T09:00:00Z";
    const fresh = await run(["create", "--amount", "5", "--to", "new@example.fr", "--no-deliver"], later);
    expect(fresh.code, fresh.stderr).toBe(0);

    const worker = startWorker(dir, ["--json", "--concurrency", "2", "--expire-every", "3600"], "2026-12-20T10:00:00Z");
    try {
      await worker.printed(/"kind":"expire"/);
    } finally {
      worker.child.kill("SIGINT");
    }
    expect(await worker.exited, worker.stderr()).toBe(0);

    const documents = worker
      .stdout()
      .trimEnd()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(documents).toEqual([
      {
        type: "batch",
        kind: "deliver",
        at: expect.any(String),
        sent: 1,
        failed: 0,
        retried: 0,
        skipped: 1,
        reminders: 0,
        expired: 0,
      },
      {
        type: "batch",
        kind: "expire",
        at: expect.any(String),
        sent: 0,
        failed: 0,
        retried: 0,
        skipped: 0,
        reminders: 0,
        expired: 1,
      },
      { type: "stopped", batches: 2, sent: 1, failed: 0, retried: 0, skipped: 1, reminders: 0, expired: 1 },
    ]);
    expect(String(documents[0]?.at)).toMatch(/^2026-12-20T10:\d{2}:\d{2}\.\d{3}Z$/); // the clock of PAYLINKS_NOW
    expect(worker.stderr()).toContain("SIGINT: no new e-mails are taken");
    const listed = json<{ links: { recipient: string; paymentStatus: string; deliveryStatus: string }[] }>(
      await run(["list", "--json"], later),
    );
    expect(listed.links.map((link) => [link.recipient, link.paymentStatus, link.deliveryStatus])).toEqual([
      ["old@example.fr", "EXPIRED", "PENDING"],
      ["new@example.fr", "RUNNING", "SENT"],
    ]);
  });

  it("refuses a flag value that is not a whole number of seconds, with exit code 2, opening nothing", async () => {
    const { dir, run } = await folder("worker-usage");
    const idle = await run(["worker", "--idle", "0"]);
    expect([idle.code, idle.stderr.trim()]).toEqual([
      2,
      "paylinks: --idle expects a whole number of at least 1, not “0”.",
    ]);
    const every = await run(["worker", "--expire-every", "1.5", "--json"]);
    expect(every.code).toBe(2);
    expect(every.stdout.trim().split("\n")).toHaveLength(1); // the error document, on one line
    expect(JSON.parse(every.stdout)).toMatchObject({ error: { code: "invalid_value" } });
    await expect(readdir(join(dir, ".paylinks"))).rejects.toThrow();
  });
});

describe("paylinks worker, in this process with an injected CliIo", () => {
  it("stops cleanly when the trapped signal comes, in French", { timeout: 90_000 }, async () => {
    const { dir, run } = await folder("worker-io");
    expect((await run(["create", "--amount", "5", "--to", "x@example.fr", "--no-deliver"])).code).toBe(0);

    const out: string[] = [];
    const err: string[] = [];
    let stop: ((signal: StopSignal) => void) | undefined;
    let released = 0;
    const io: CliIo = {
      stdout: { write: (text) => void out.push(text) },
      stderr: { write: (text) => void err.push(text) },
      env: { PAYLINKS_NOW: HOUR_LATER, LANG: "fr_FR.UTF-8" },
      cwd: dir,
      trapInterrupt(onInterrupt) {
        stop = onInterrupt;
        return () => {
          released++;
        };
      },
    };
    const code = runCli(["worker"], {
      ...io,
      stdout: {
        write: (text) => {
          io.stdout.write(text);
          if (text.includes("envoi\u00a0:")) stop?.("SIGTERM");
        },
      },
    });
    expect(await code).toBe(0);
    expect(released).toBe(1);
    const lines = out.join("").trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Worker démarré\u00a0: envoie les e-mails/);
    expect(lines[1]).toMatch(new RegExp(`^${ISO}  envoi\u00a0: 1 envoyés, 0 en échec, 0 à réessayer, 0 ignorés$`));
    expect(lines[2]).toBe(
      "Worker arrêté après 1 lot\u00a0: 1 envoyés, 0 en échec, 0 à réessayer, 0 ignorés, 0 expirés.",
    );
    expect(err.join("")).toBe(
      "SIGTERM\u00a0: plus aucun nouvel e-mail n’est pris\u00a0; fin des envois en cours, puis arrêt.\n",
    );
  });
});
