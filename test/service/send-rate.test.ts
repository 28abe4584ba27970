import { describe, expect, it } from "vitest";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { Clock } from "../../src/ports";
import { createSendRate, type SendRate } from "../../src/service/delivery/send-rate";
import { createVirtualClock, type VirtualClock } from "../support/virtual-clock";

const START = new Date("2026-12-01T10:00:00Z").getTime();

/** The instant a promise settled, in ms since START, when the clock runs. */
async function settledAt(clock: VirtualClock, promise: Promise<boolean>): Promise<{ at: number; allowed: boolean }> {
  let result: { at: number; allowed: boolean } | undefined;
  void promise.then((allowed) => {
    result = { at: clock.now().getTime() - START, allowed };
  });
  await clock.run();
  if (!result) throw new Error("the take never settled");
  return result;
}

/**
 * `callers` loops that take a turn and "send" (record the instant) until `total` turns were taken between them:
 * callers that are always waiting. Returns the instants of the sends, in ms since START, in order.
 */
async function drain(clock: VirtualClock, rate: SendRate, callers: number, total: number): Promise<number[]> {
  const sends: number[] = [];
  let reserved = 0;
  const loops = Array.from({ length: callers }, async () => {
    while (reserved < total) {
      reserved++;
      expect(await rate.take()).toBe(true);
      sends.push(clock.now().getTime() - START);
    }
  });
  await clock.run();
  await Promise.all(loops);
  return sends;
}

/** A log of when each take settles, as "name allowed at ms-after-START", and the callback that writes to it. */
function eventLog(clock: { now(): Date }): { events: string[]; log: (name: string) => (allowed: boolean) => void } {
  const events: string[] = [];
  const log = (name: string) => (allowed: boolean) => {
    events.push(`${name} ${allowed} at ${clock.now().getTime() - START}`);
  };
  return { events, log };
}

describe("createSendRate", () => {
  describe("the rate", () => {
    it("lets 100 turns from 8 concurrent callers at 10/s go every 100 ms, the last at exactly 9.9 s", async () => {
      const clock = createVirtualClock(new Date(START));
      const sends = await drain(clock, createSendRate({ perSecond: 10, clock }), 8, 100);
      expect(sends).toEqual(Array.from({ length: 100 }, (_, i) => i * 100));
    });

    it.for([
      [3, 5, 1000],
      [7, 16, 2000],
      [0.5, 2, 50],
      [250, 8, 5000],
    ] as const)(
      "keeps %d/s with %d callers always waiting over %d turns, without drift",
      async ([perSecond, callers, total]) => {
        const clock = createVirtualClock(new Date(START));
        const sends = await drain(clock, createSendRate({ perSecond, clock }), callers, total);
        expect(sends).toHaveLength(total);
        const last = sends.at(-1) ?? 0;
        // The clock reads whole ms (a Date); the schedule keeps the fractions, so the error never grows past 1 ms.
        expect(Math.abs(last - ((total - 1) * 1000) / perSecond)).toBeLessThan(1);
        const achieved = (total - 1) / (last / 1000);
        expect(Math.abs(achieved - perSecond) / perSecond).toBeLessThan(0.01);
        // Every send is within a millisecond of its place on the schedule: the error does not add up.
        const worst = Math.max(...sends.map((at, i) => Math.abs(at - (i * 1000) / perSecond)));
        expect(worst).toBeLessThanOrEqual(1);
      },
    );

    it("serves the callers in call order, each turn reserved when take is called", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 4, clock });
      const order: string[] = [];
      const turns = ["a", "b", "c", "d"].map((name) => rate.take().then(() => order.push(name)));
      await clock.run();
      await Promise.all(turns);
      expect(order).toEqual(["a", "b", "c", "d"]);
      expect(clock.now().getTime() - START).toBe(750);
    });

    it("lets a caller that comes after an idle period go at once", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, clock });
      expect(await settledAt(clock, rate.take())).toEqual({ at: 0, allowed: true });
      await clock.run(5_000);
      expect(await settledAt(clock, rate.take())).toEqual({ at: 5_000, allowed: true });
      expect(await settledAt(clock, rate.take())).toEqual({ at: 5_100, allowed: true });
    });

    it("waits in steps a timer can hold when the interval is longer than setTimeout allows", async () => {
      const virtual = createVirtualClock(new Date(START));
      const sleeps: number[] = [];
      const clock: VirtualClock = {
        ...virtual,
        sleep: (ms, signal) => {
          sleeps.push(ms);
          return virtual.sleep(ms, signal);
        },
        run: virtual.run,
        get pending() {
          return virtual.pending;
        },
      };
      const perSecond = 1 / (30 * 86_400); // one message every 30 days
      const rate = createSendRate({ perSecond, clock });
      expect(await settledAt(clock, rate.take())).toEqual({ at: 0, allowed: true });
      const second = await settledAt(clock, rate.take());
      expect(second.allowed).toBe(true);
      expect(second.at).toBeCloseTo(1000 / perSecond, 3);
      expect(sleeps.length).toBe(2);
      expect(Math.max(...sleeps)).toBeLessThanOrEqual(2 ** 31 - 1);
    });
  });

  describe("the burst", () => {
    it("lets burst turns go at the same instant, then one per interval", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, burst: 5, clock });
      const sends = await drain(clock, rate, 8, 8);
      expect(sends).toEqual([0, 0, 0, 0, 0, 100, 200, 300]);
    });

    it("earns back one turn per interval of idleness, up to burst", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, burst: 5, clock });
      await drain(clock, rate, 5, 5); // the whole burst at 0
      await clock.run(200); // two intervals idle: two turns back
      const sends = await drain(clock, rate, 3, 3);
      expect(sends).toEqual([200, 200, 300]);
      await clock.run(10_000); // long idle: the whole burst again, not more
      expect(await drain(clock, rate, 6, 6)).toEqual([10_300, 10_300, 10_300, 10_300, 10_300, 10_400]);
    });

    it("keeps the long-run rate with a burst", async () => {
      const clock = createVirtualClock(new Date(START));
      const sends = await drain(clock, createSendRate({ perSecond: 10, burst: 4, clock }), 8, 104);
      expect(sends.slice(0, 4)).toEqual([0, 0, 0, 0]);
      expect(sends.at(-1)).toBe(10_000); // 100 turns after the burst, one every 100 ms
    });

    it("goes one at a time by default", async () => {
      const clock = createVirtualClock(new Date(START));
      expect(await drain(clock, createSendRate({ perSecond: 2, clock }), 3, 3)).toEqual([0, 500, 1000]);
    });
  });

  describe("an aborted wait", () => {
    it("resolves false at once, reserving nothing, when the signal aborted before the call", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, clock });
      expect(await rate.take(AbortSignal.abort())).toBe(false);
      expect(await settledAt(clock, rate.take())).toEqual({ at: 0, allowed: true });
      expect(await settledAt(clock, rate.take())).toEqual({ at: 100, allowed: true });
    });

    it("resolves false when the signal aborts, not at the turn, and gives the last turn back", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, clock });
      const stop = new AbortController();
      const { events, log } = eventLog(clock);
      void rate.take().then(log("a"));
      void rate.take().then(log("b"));
      const c = rate.take(stop.signal).then(log("c"));
      await clock.run(50);
      stop.abort();
      await c;
      expect(clock.pending).toBe(1); // b
      void rate.take().then(log("d")); // takes c's turn, given back
      await clock.run();
      expect(events).toEqual(["a true at 0", "c false at 50", "b true at 100", "d true at 200"]);
    });

    it("loses a turn in the middle of the schedule: the rate dips, it never goes over", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, clock });
      const stop = new AbortController();
      const { events, log } = eventLog(clock);
      void rate.take().then(log("a"));
      const b = rate.take(stop.signal).then(log("b"));
      void rate.take().then(log("c"));
      await clock.run(50);
      stop.abort();
      await b;
      void rate.take().then(log("d"));
      await clock.run();
      expect(events).toEqual(["a true at 0", "b false at 50", "c true at 200", "d true at 300"]);
    });

    it("lets the other waiters go at their turns when one signal aborts", async () => {
      const clock = createVirtualClock(new Date(START));
      const rate = createSendRate({ perSecond: 10, clock });
      const stop = new AbortController();
      const results = [rate.take(), rate.take(stop.signal), rate.take(), rate.take(stop.signal)];
      await clock.run(50);
      stop.abort();
      await clock.run();
      expect(await Promise.all(results)).toEqual([true, false, true, false]);
      expect(clock.now().getTime() - START).toBe(200);
    });
  });

  describe("options", () => {
    const clock: Clock = createVirtualClock();

    it.for([0, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "10", undefined])(
      "refuses perSecond %s with invalid_context naming delivery.ratePerSecond",
      (perSecond) => {
        const error = (() => {
          try {
            createSendRate({ perSecond: perSecond as number, clock });
          } catch (thrown) {
            return thrown;
          }
        })();
        expect(error).toBeInstanceOf(PaylinksError);
        expect(error).toMatchObject({ code: "invalid_context", details: { option: "delivery.ratePerSecond" } });
      },
    );

    it.for([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, "2", null])(
      "refuses burst %s with invalid_context naming delivery.rateBurst",
      (burst) => {
        expect(() => createSendRate({ perSecond: 10, burst: burst as number, clock })).toThrow(
          expect.objectContaining({ code: "invalid_context", details: { option: "delivery.rateBurst" } }),
        );
      },
    );

    it("accepts any finite rate above 0 and an integer burst", () => {
      expect(() => createSendRate({ perSecond: 0.001, clock })).not.toThrow();
      expect(() => createSendRate({ perSecond: 1e6, burst: 1000, clock })).not.toThrow();
      expect(() => createSendRate({ perSecond: 14, burst: undefined, clock })).not.toThrow();
    });
  });
});
