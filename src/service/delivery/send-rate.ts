import { PaylinksError } from "../../issues/paylinks-error";
import type { Clock } from "../../ports/runtime";

/** The options of {@link createSendRate}. Internal. */
export interface SendRateOptions {
  /** Messages per second on average: a finite number above 0 (`0.5` is one message every 2 seconds). */
  readonly perSecond: number;
  /**
   * How many messages may go at the same instant after an idle period: an integer, 1 or more. One send every
   * `1 / perSecond` seconds of idleness earns one back, up to `burst`.
   * @defaultValue 1
   */
  readonly burst?: number | undefined;
  /** The time source: `now` places the callers on the schedule, `sleep` makes them wait for their instant. */
  readonly clock: Clock;
}

/** A send-rate limit shared by every caller of {@link SendRate.take}: the delivery slots of one worker. Internal. */
export interface SendRate {
  /**
   * Waits for the caller's turn to send one message. The turn is reserved when `take` is called, before it
   * returns its promise: callers are served in call order, and each sleeps once, until its own instant.
   *
   * @param signal - Stops the wait when it aborts.
   * @returns `true` when the caller may send now; `false` when `signal` aborted, before the call (nothing is
   * reserved) or while it waited. A turn given up while waiting goes back to the schedule when no later call has
   * reserved a turn after it; otherwise it is lost: the rate dips for that one turn, it never goes over.
   */
  take(signal?: AbortSignal): Promise<boolean>;
}

/** The longest delay `setTimeout` keeps (2³¹ − 1 ms, about 24.8 days); a longer one fires at once. */
const LONGEST_SLEEP_MS = 2 ** 31 - 1;

function invalidOption(option: string, what: string): PaylinksError {
  return new PaylinksError("invalid_context", `${option} must be ${what}`, { details: { option } });
}

/**
 * Creates a send-rate limiter by virtual scheduling (GCRA): it keeps the theoretical instant of the next
 * message, and each call to `take` reserves a turn at `max(now, next − (burst − 1) × interval)` and moves `next`
 * one interval (`1000 / perSecond` ms) on. Turns come from that schedule, not from a refilling timer, so callers
 * that keep waiting get exactly `perSecond` over a long run, however many they are: 100 calls at 10 per second
 * from 8 concurrent callers end 9.9 seconds after the first. After an idle period, up to `burst` calls go at once.
 * Internal.
 *
 * @param options - The rate, the burst and the clock.
 * @returns The limiter.
 * @throws PaylinksError `invalid_context` when `perSecond` is not a finite number above 0
 * (`details.option` is `delivery.ratePerSecond`) or `burst` is not an integer, 1 or more (`delivery.rateBurst`).
 */
export function createSendRate(options: SendRateOptions): SendRate {
  const { perSecond, burst = 1, clock } = options;
  if (typeof perSecond !== "number" || !Number.isFinite(perSecond) || perSecond <= 0) {
    throw invalidOption("delivery.ratePerSecond", "a number of messages per second, more than 0");
  }
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 1) {
    throw invalidOption("delivery.rateBurst", "an integer, 1 or more");
  }
  const intervalMs = 1000 / perSecond;
  const toleranceMs = (burst - 1) * intervalMs;
  /** The theoretical instant of the next message, in ms since the epoch. */
  let next = Number.NEGATIVE_INFINITY;

  async function wait(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
    let left = ms;
    while (left > LONGEST_SLEEP_MS) {
      await clock.sleep(LONGEST_SLEEP_MS, signal);
      if (signal?.aborted) return false;
      left -= LONGEST_SLEEP_MS;
    }
    await clock.sleep(left, signal);
    return !signal?.aborted;
  }

  return {
    take(signal) {
      if (signal?.aborted) return Promise.resolve(false);
      const now = clock.now().getTime();
      const turn = Math.max(now, next - toleranceMs);
      const before = next;
      const after = Math.max(next, turn) + intervalMs;
      next = after;
      if (turn <= now) return Promise.resolve(true);
      return wait(turn - now, signal).then((allowed) => {
        // Give the turn back when nobody reserved one after it; a turn in the middle of the schedule is lost.
        if (!allowed && next === after) next = before;
        return allowed;
      });
    },
  };
}
