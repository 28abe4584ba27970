import type { OrderStore } from "../../ports/order-store";
import type { ServiceContext } from "../service-context";

/** Options of `health`. */
export interface HealthOptions {
  /**
   * How long the store has to answer, in ms (real time, whatever the service's clock); past it, it is
   * `"unavailable"`.
   * @defaultValue 2000
   */
  readonly timeoutMs?: number | undefined;
}

/** The state of the service's worker (`runWorker`), as `health` reports it. */
export interface WorkerHealth {
  /** Whether this service runs its worker now. */
  readonly running: boolean;
  /** When its worker last started; absent if it never ran. */
  readonly startedAt?: Date | undefined;
  /** When its last reported batch ended; absent before the first one. */
  readonly lastBatchAt?: Date | undefined;
  /**
   * The code and message of the error of its last batch, when that batch failed (`"storage_failed: Storage failed
   * while claiming links"`); absent once a batch succeeds again. The error's cause is never shown.
   */
  readonly lastError?: string | undefined;
  /** The batches its last run reported (0 if it never ran). */
  readonly batches: number;
}

/**
 * The readiness of the service, plain JSON (the dates become ISO strings): `status` is `"ok"` when the store
 * answers, `"unavailable"` otherwise, and `worker` says what this service's `runWorker` is doing, for information;
 * it does not change `status`.
 */
export interface Health {
  /** `"ok"` when the service can work: its store answers. */
  readonly status: "ok" | "unavailable";
  /** Whether the store answered a cheap read within the timeout. */
  readonly store: "ok" | "unavailable";
  /** This service's worker. */
  readonly worker: WorkerHealth;
}

/** An id no link has: the probe reads it, and only cares that the store answers. */
const PROBE_ID = "paylinks-health-probe";

/** Whether the store answers one read by primary key within `timeoutMs`. */
async function storeAnswers(store: OrderStore, timeoutMs: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), Math.max(0, timeoutMs));
  });
  const read = Promise.resolve()
    .then(() => store.getLink(PROBE_ID))
    .then(
      () => true,
      () => false,
    );
  try {
    return await Promise.race([read, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Checks that the store answers and reports the worker's state; never throws. Internal: the service's `health`.
 */
export async function health(context: ServiceContext, options: HealthOptions = {}): Promise<Health> {
  const store = (await storeAnswers(context.store, options.timeoutMs ?? 2000)) ? "ok" : "unavailable";
  const { running, startedAt, lastBatchAt, lastError, batches } = context.worker;
  return {
    status: store,
    store,
    worker: {
      running,
      ...(startedAt === undefined ? {} : { startedAt }),
      ...(lastBatchAt === undefined ? {} : { lastBatchAt }),
      ...(lastError === undefined ? {} : { lastError }),
      batches,
    },
  };
}
