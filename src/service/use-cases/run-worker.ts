import { PaylinksError } from "../../issues/paylinks-error";
import type { ServiceContext } from "../service-context";
import { type DeliveryProgress, deliver } from "./deliver";
import { expireLinks, expireUnattended } from "./expire-links";

/** What the worker's batches did, counted. */
export interface WorkerCounts {
  /** E-mails accepted by the mail server. */
  readonly sent: number;
  /** Links whose e-mail failed for good. */
  readonly failed: number;
  /** Transient failures scheduled for another attempt. */
  readonly retried: number;
  /** Claimed links not sent because they were no longer running. */
  readonly skipped: number;
  /** Reminders accepted by the mail server. */
  readonly reminders: number;
  /** Links marked `EXPIRED`. */
  readonly expired: number;
}

/**
 * One batch of the worker, as `onBatch` receives it: a `deliver` batch (at most `batchSize` links claimed and
 * sent) or an `expire` batch (running links past their expiry, in every shop, marked `EXPIRED`). Only the batches
 * that did something or failed are reported, not the idle ones.
 */
export interface WorkerBatch extends WorkerCounts {
  /** What the batch did. */
  readonly kind: "deliver" | "expire";
  /** When it ended. */
  readonly at: Date;
  /**
   * Why it stopped, when it failed: usually a `PaylinksError` `storage_failed`, with the database's error as its
   * `cause`. The counts are then what it did before the failure.
   */
  readonly error?: unknown;
  /** When it failed: how long the worker waits before the next batch of this kind, in ms. */
  readonly retryInMs?: number | undefined;
}

/** What a `runWorker` did, from its start to its stop: the sums of its reported batches. */
export interface WorkerSummary extends WorkerCounts {
  /** The batches reported to `onBatch`. */
  readonly batches: number;
}

/** Options of `runWorker`. */
export interface WorkerOptions {
  /**
   * Stops the worker when aborted: no new claims; the e-mails already on their way are finished and recorded,
   * then the promise resolves.
   */
  readonly signal: AbortSignal;
  /** E-mails sent at the same time; defaults to the service's `delivery.concurrency` (8). */
  readonly concurrency?: number | undefined;
  /**
   * Links claimed by one deliver batch, at most.
   * @defaultValue 100
   */
  readonly batchSize?: number | undefined;
  /**
   * How long the worker sleeps when nothing is due, in ms, before it looks again: new links wait at most that long.
   * @defaultValue 1000
   */
  readonly idleMs?: number | undefined;
  /**
   * How often the worker expires the running links past their expiry, in every shop, in ms.
   * @defaultValue 60000
   */
  readonly expireEveryMs?: number | undefined;
  /**
   * After a failed batch, the worker waits `idleMs`, then twice as long after each further failure of the same kind,
   * up to this, in ms; a batch that succeeds resets it.
   * @defaultValue 30000
   */
  readonly maxBackoffMs?: number | undefined;
  /** Called after each batch that did something or failed (one log line per batch). */
  readonly onBatch?: ((batch: WorkerBatch) => void) | undefined;
}

/** Links expired by one expire batch, at most; when there are more, the next batch follows at once. */
const EXPIRE_BATCH = 500;

type Kind = WorkerBatch["kind"];

const NOTHING: WorkerCounts = { sent: 0, failed: 0, retried: 0, skipped: 0, reminders: 0, expired: 0 };

const didSomething = (counts: WorkerCounts): boolean => Object.values(counts).some((count) => count > 0);

/** The error of a batch as `health` shows it: its code and message, never its cause. */
const errorText = (error: unknown): string =>
  error instanceof PaylinksError
    ? `${error.code}: ${error.message}`
    : error instanceof Error
      ? error.message
      : String(error);

/**
 * Runs the service's background work until `options.signal` aborts: delivers the due links in batches, sleeping
 * `idleMs` when nothing is due, and expires the links past their expiry every `expireEveryMs`. A failed batch is
 * reported and tried again after a backoff; only `invalid_context` (a service without a transport or queue) stops
 * it. Internal: the service's `runWorker`.
 */
export async function runWorker(context: ServiceContext, options: WorkerOptions): Promise<WorkerSummary> {
  const { clock, worker } = context;
  if (worker.running) {
    throw new PaylinksError(
      "invalid_context",
      "This service already runs a worker: create another service, with its own workerId, for a second one",
      { details: { option: "runWorker" } },
    );
  }
  const { signal } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? 100));
  const idleMs = Math.max(1, options.idleMs ?? 1000);
  const expireEveryMs = Math.max(1, options.expireEveryMs ?? 60_000);
  const maxBackoffMs = Math.max(idleMs, options.maxBackoffMs ?? 30_000);
  // The worker never waits inside deliver for links due later: it comes back for them at its own pace.
  const deliveryContext: ServiceContext = { ...context, delivery: { ...context.delivery, maxWaitMs: 0 } };
  const totals = { batches: 0, ...NOTHING };
  const failures: Record<Kind, number> = { deliver: 0, expire: 0 };

  /** Reports a batch (unless it was idle) and says how long to wait before the next one of its kind. */
  const settle = (kind: Kind, counts: WorkerCounts, error: unknown, failed: boolean): number | undefined => {
    failures[kind] = failed ? failures[kind] + 1 : 0;
    const retryInMs = failed ? Math.min(maxBackoffMs, idleMs * 2 ** (failures[kind] - 1)) : undefined;
    if (!failed && !didSomething(counts)) return undefined;
    const at = clock.now();
    totals.batches++;
    totals.sent += counts.sent;
    totals.failed += counts.failed;
    totals.retried += counts.retried;
    totals.skipped += counts.skipped;
    totals.reminders += counts.reminders;
    totals.expired += counts.expired;
    worker.batches = totals.batches;
    worker.lastBatchAt = at;
    worker.lastError = failed ? errorText(error) : undefined;
    options.onBatch?.({ kind, at, ...counts, ...(failed ? { error, retryInMs } : {}) });
    return retryInMs;
  };

  /** Whether an error stops the worker rather than its batch: the service cannot deliver at all. */
  const fatal = (error: unknown): boolean => error instanceof PaylinksError && error.code === "invalid_context";

  const deliverBatch = async (): Promise<number> => {
    let progress: DeliveryProgress = NOTHING;
    try {
      const report = await deliver(deliveryContext, {
        concurrency: options.concurrency,
        limit: batchSize,
        signal,
        onProgress: (totalsSoFar) => {
          progress = totalsSoFar;
        },
      });
      const counts = {
        sent: report.sent,
        failed: report.failed,
        retried: report.retried,
        skipped: report.skipped,
        reminders: report.reminders,
      };
      settle("deliver", { ...counts, expired: 0 }, undefined, false);
      return didSomething({ ...counts, expired: 0 }) ? 0 : idleMs;
    } catch (error) {
      if (fatal(error)) throw error;
      return settle("deliver", { ...progress, expired: 0 }, error, true) ?? idleMs;
    }
  };

  const expireBatch = async (): Promise<number> => {
    let expired = 0;
    try {
      await expireLinks(context, {
        scope: {},
        limit: EXPIRE_BATCH,
        signal,
        expire: async (link) => {
          await expireUnattended(context, link);
          expired++;
        },
      });
      settle("expire", { ...NOTHING, expired }, undefined, false);
      return expired >= EXPIRE_BATCH ? 0 : expireEveryMs;
    } catch (error) {
      if (fatal(error)) throw error;
      return settle("expire", { ...NOTHING, expired }, error, true) ?? expireEveryMs;
    }
  };

  const startedAt = clock.now();
  Object.assign(worker, { running: true, startedAt, lastBatchAt: undefined, lastError: undefined, batches: 0 });
  let deliverAt = startedAt.getTime();
  let expireAt = startedAt.getTime();
  try {
    while (!signal.aborted) {
      if (clock.now().getTime() >= deliverAt) deliverAt = clock.now().getTime() + (await deliverBatch());
      if (signal.aborted) break;
      const now = clock.now().getTime();
      // The next expiry is planned from this one's start, so that the expire batches keep their pace.
      if (now >= expireAt) expireAt = now + (await expireBatch());
      const wait = Math.min(deliverAt, expireAt) - clock.now().getTime();
      if (wait > 0 && !signal.aborted) await clock.sleep(wait, signal);
    }
  } finally {
    worker.running = false;
  }
  return { ...totals };
}
