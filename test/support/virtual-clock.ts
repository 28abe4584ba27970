import type { Clock } from "../../src/ports";

/**
 * A clock for tests with many concurrent sleepers: a sleep is a timer at `now + ms`, and time moves only when
 * {@link VirtualClock.run} fires the timers, earliest first. Unlike the fake clock (whose every sleep adds its
 * own delay to the time), two callers that sleep 100 and 200 ms from the same instant wake at +100 and +200 ms.
 */
export interface VirtualClock extends Clock {
  /**
   * Fires the pending timers in order of their instants (then of their creation), moving the time to each, and
   * lets every promise chain run between two of them, until no timer is left or the next is after `untilMs`
   * from now.
   */
  run(untilMs?: number): Promise<void>;
  /** How many sleeps are waiting for their instant. */
  readonly pending: number;
}

interface Timer {
  readonly at: number;
  readonly order: number;
  readonly wake: () => void;
}

/** Lets every pending promise chain run (a macrotask). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Creates a {@link VirtualClock} at `start`; a sleep resolves at once when its signal aborts. */
export function createVirtualClock(start: Date = new Date("2026-12-01T10:00:00Z")): VirtualClock {
  let now = start.getTime();
  let created = 0;
  const timers = new Set<Timer>();
  return {
    now: () => new Date(now),
    sleep(ms, signal) {
      return new Promise<void>((resolve) => {
        if (signal?.aborted) return resolve();
        const timer: Timer = { at: now + Math.max(0, ms), order: created++, wake: done };
        function done(): void {
          timers.delete(timer);
          signal?.removeEventListener("abort", done);
          resolve();
        }
        timers.add(timer);
        signal?.addEventListener("abort", done, { once: true });
      });
    },
    async run(untilMs = Number.POSITIVE_INFINITY) {
      const end = now + untilMs;
      for (;;) {
        await settle();
        const [first] = [...timers].sort((a, b) => a.at - b.at || a.order - b.order);
        if (!first || first.at > end) break;
        now = Math.max(now, first.at);
        first.wake();
      }
      if (Number.isFinite(end)) now = Math.max(now, end);
    },
    get pending() {
      return timers.size;
    },
  };
}
