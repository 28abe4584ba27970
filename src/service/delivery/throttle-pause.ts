import { PaylinksError } from "../../issues/paylinks-error";
import type { Clock } from "../../ports/runtime";

/** The options of {@link createThrottlePause}. Internal. */
export interface ThrottlePauseOptions {
  /** The first pause, in ms: a positive number. */
  readonly firstMs: number;
  /** The longest pause, in ms: the pauses double up to it. */
  readonly maxMs: number;
  /** The time source. */
  readonly clock: Clock;
}

/**
 * A pause of every delivery slot of one worker after the mail server said it sends too fast. Internal.
 */
export interface ThrottlePause {
  /**
   * Waits until no pause is on: at once when none is.
   * @returns `false` when `signal` aborted while it waited.
   */
  wait(signal?: AbortSignal): Promise<boolean>;
  /**
   * The server throttled a send: every slot pauses, for the first pause, then twice as long at each throttling
   * answer that comes after a pause ended, up to the longest. An answer during a pause (a send already under way
   * when it began) does not lengthen it.
   */
  throttled(): void;
  /** The server accepted a message: the next pause is the first one again. */
  accepted(): void;
}

/**
 * Creates the worker-wide pause of throttling answers: the answer itself is retried with the link's own backoff,
 * and the pause keeps the other slots from sending into the same refusal meanwhile. Internal.
 *
 * @param options - The first and longest pauses, and the clock.
 * @returns The pause.
 * @throws PaylinksError `invalid_context` when `firstMs` or `maxMs` is not a finite number, or `maxMs` is below
 *   `firstMs` (`details.option` is `delivery.throttlePauseMs` or `delivery.throttlePauseMaxMs`).
 */
export function createThrottlePause(options: ThrottlePauseOptions): ThrottlePause {
  const { firstMs, maxMs, clock } = options;
  if (typeof firstMs !== "number" || !Number.isFinite(firstMs) || firstMs <= 0) {
    throw new PaylinksError("invalid_context", "delivery.throttlePauseMs must be a number of ms, more than 0", {
      details: { option: "delivery.throttlePauseMs" },
    });
  }
  if (typeof maxMs !== "number" || !Number.isFinite(maxMs) || maxMs < firstMs) {
    throw new PaylinksError(
      "invalid_context",
      "delivery.throttlePauseMaxMs must be a number of ms, at least delivery.throttlePauseMs",
      { details: { option: "delivery.throttlePauseMaxMs" } },
    );
  }
  /** When the pause ends, in ms since the epoch. */
  let until = Number.NEGATIVE_INFINITY;
  let nextMs = firstMs;
  return {
    async wait(signal) {
      for (let left = until - clock.now().getTime(); left > 0; left = until - clock.now().getTime()) {
        if (signal?.aborted) return false;
        await clock.sleep(left, signal);
      }
      return !signal?.aborted;
    },
    throttled() {
      const now = clock.now().getTime();
      if (now < until) return;
      until = now + nextMs;
      nextMs = Math.min(nextMs * 2, maxMs);
    },
    accepted() {
      nextMs = firstMs;
    },
  };
}
