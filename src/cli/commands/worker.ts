import type { WorkerBatch } from "../../service/use-cases/run-worker";
import { countValue, rateValue } from "../command-line/read-values";
import { describeError } from "../output/describe-error";
import type { CliText, WorkerBatchLine } from "../text/cli-text";
import type { Command } from "./command";

/** The library's defaults, shown in the first line. */
const DEFAULT_IDLE_SECONDS = 1;
const DEFAULT_EXPIRE_SECONDS = 60;

/** A batch as its line shows it: the instant in ISO 8601, the error described in the user's language. */
export function batchLine(batch: WorkerBatch, text: CliText): WorkerBatchLine {
  const { kind, at, sent, failed, retried, skipped, reminders, expired, error, retryInMs } = batch;
  return {
    kind,
    at: at.toISOString(),
    sent,
    failed,
    retried,
    skipped,
    reminders,
    expired,
    ...(error === undefined ? {} : { error: describeError(error, text).message }),
    ...(retryInMs === undefined ? {} : { retryInSeconds: Math.ceil(retryInMs / 1000) }),
  };
}

/** A batch as its `--json` line shows it: one object, with the error's code and sentence. */
export function batchJson(batch: WorkerBatch, text: CliText): Record<string, unknown> {
  const { kind, at, sent, failed, retried, skipped, reminders, expired, error, retryInMs } = batch;
  const described = error === undefined ? undefined : describeError(error, text);
  return {
    type: "batch",
    kind,
    at: at.toISOString(),
    sent,
    failed,
    retried,
    skipped,
    reminders,
    expired,
    ...(described === undefined ? {} : { error: { code: described.code, message: described.message } }),
    ...(retryInMs === undefined ? {} : { retryInMs }),
  };
}

/**
 * `paylinks worker`: delivers and expires until SIGINT or SIGTERM, printing one line per batch (one JSON object per
 * line with `--json`), then finishes the e-mails under way and ends with the totals.
 */
export const workerCommand: Command = {
  name: "worker",
  args: [],
  jsonLines: true,
  options: {
    concurrency: { type: "string", value: "number" },
    rate: { type: "string", value: "per-second" },
    "expire-every": { type: "string", value: "seconds" },
    idle: { type: "string", value: "seconds" },
  },

  async run(context, { values }) {
    const { text, io, json } = context;
    const concurrency = countValue(values, "concurrency", text);
    const expireSeconds = countValue(values, "expire-every", text) ?? DEFAULT_EXPIRE_SECONDS;
    const idleSeconds = countValue(values, "idle", text) ?? DEFAULT_IDLE_SECONDS;
    const ratePerSecond = rateValue(values, "rate", text);
    const controller = new AbortController();
    // Trapped before the database opens: a signal during the start-up stops the worker before its first batch.
    const release = io.trapInterrupt((signal) => {
      io.stderr.write(`${text.out.workerStopping(signal)}\n`);
      controller.abort();
    });
    try {
      const runtime = await context.open({ verifyMail: true, ratePerSecond });
      if (!json) io.stdout.write(`${text.out.workerStarted(idleSeconds, expireSeconds)}\n`);
      const summary = await runtime.paylinks.runWorker({
        signal: controller.signal,
        concurrency,
        idleMs: idleSeconds * 1000,
        expireEveryMs: expireSeconds * 1000,
        onBatch: (batch) => {
          const line = json ? JSON.stringify(batchJson(batch, text)) : text.out.workerBatch(batchLine(batch, text));
          io.stdout.write(`${line}\n`);
        },
      });
      return { data: { type: "stopped", ...summary }, lines: [text.out.workerStopped(summary)] };
    } finally {
      release();
    }
  },
};
