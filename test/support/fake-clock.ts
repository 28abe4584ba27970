import type { Clock } from "../../src/ports";

/** A clock for tests: time moves only when a test advances it or when the service sleeps. */
export interface FakeClock extends Clock {
  /** Moves time forward. */
  advance(ms: number): void;
  /** Sets the time. */
  set(instant: Date): void;
  /** Every sleep the service asked for, in ms. */
  readonly sleeps: readonly number[];
}

/** Creates a fake clock starting at `start`; `sleep` advances it at once instead of waiting. */
export function createFakeClock(start: Date = new Date("2026-12-01T10:00:00Z")): FakeClock {
  let now = start.getTime();
  const sleeps: number[] = [];
  return {
    now: () => new Date(now),
    async sleep(ms) {
      sleeps.push(ms);
      now += Math.max(0, ms);
      await Promise.resolve();
    },
    advance(ms) {
      now += ms;
    },
    set(instant) {
      now = instant.getTime();
    },
    sleeps,
  };
}
