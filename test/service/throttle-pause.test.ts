// The worker-wide pause after a throttling answer: the pause itself over a fake clock, then through deliver.
import { describe, expect, it } from "vitest";
import { createThrottlePause } from "../../src/service/delivery/throttle-pause";
import { createFakeClock } from "../support/fake-clock";
import { first, linkRequest, makeWorld, OWNER } from "./support";

const ALICE = "alice@example.fr";
const BOB = "bob@example.fr";
const CAROL = "carol@example.fr";

describe("createThrottlePause", () => {
  it("lets sends go at once until a throttling answer, then holds them for the pause", async () => {
    const clock = createFakeClock();
    const pause = createThrottlePause({ firstMs: 1000, maxMs: 8000, clock });
    expect(await pause.wait()).toBe(true);
    expect(clock.sleeps).toEqual([]);
    pause.throttled();
    expect(await pause.wait()).toBe(true);
    expect(clock.sleeps).toEqual([1000]);
  });

  it("doubles the pause at each throttling answer after one, up to the longest, and starts over once accepted", async () => {
    const clock = createFakeClock();
    const pause = createThrottlePause({ firstMs: 1000, maxMs: 3000, clock });
    for (let i = 0; i < 4; i++) {
      pause.throttled();
      await pause.wait();
    }
    expect(clock.sleeps).toEqual([1000, 2000, 3000, 3000]);
    pause.accepted();
    pause.throttled();
    await pause.wait();
    expect(clock.sleeps.at(-1)).toBe(1000);
  });

  it("does not lengthen a pause for answers that come during it", async () => {
    const clock = createFakeClock();
    const pause = createThrottlePause({ firstMs: 1000, maxMs: 60_000, clock });
    pause.throttled();
    clock.advance(400);
    pause.throttled();
    pause.throttled();
    await pause.wait();
    expect(clock.sleeps).toEqual([600]);
    pause.throttled();
    await pause.wait();
    expect(clock.sleeps).toEqual([600, 2000]);
  });

  it("stops waiting when the signal aborts", async () => {
    const clock = createFakeClock();
    const pause = createThrottlePause({ firstMs: 1000, maxMs: 1000, clock });
    pause.throttled();
    const controller = new AbortController();
    controller.abort();
    expect(await pause.wait(controller.signal)).toBe(false);
    expect(clock.sleeps).toEqual([]);
  });

  it.each([
    [{ firstMs: -1, maxMs: 1000 }, "delivery.throttlePauseMs"],
    [{ firstMs: Number.NaN, maxMs: 1000 }, "delivery.throttlePauseMs"],
    [{ firstMs: 1000, maxMs: 999 }, "delivery.throttlePauseMaxMs"],
    [{ firstMs: 1000, maxMs: Number.POSITIVE_INFINITY }, "delivery.throttlePauseMaxMs"],
  ])("refuses %o", (options, option) => {
    expect(() => createThrottlePause({ ...options, clock: createFakeClock() })).toThrow(
      expect.objectContaining({ code: "invalid_context", details: { option } }),
    );
  });
});

describe("deliver after a throttling answer", () => {
  it("pauses the other sends of the worker, then retries the refused e-mail with its backoff", async () => {
    const clock = createFakeClock();
    let throttledAt = 0;
    const sentAt = new Map<string, number>();
    const world = makeWorld({
      clock,
      delivery: { concurrency: 1 },
      wrapTransport: (inner) => ({
        async send(mail) {
          try {
            const sent = await inner.send(mail);
            sentAt.set(mail.to, clock.now().getTime());
            return sent;
          } catch (error) {
            throttledAt ||= clock.now().getTime();
            throw error;
          }
        },
      }),
    });
    world.transport.failFor(ALICE, { kind: "throttled", times: 1 });
    const { results } = await world.paylinks.send(linkRequest({ recipients: [ALICE, BOB, CAROL] }), {
      actor: OWNER,
    });
    expect(results.map((r) => r.deliveryStatus)).toEqual(["SENT", "SENT", "SENT"]);
    expect(throttledAt).toBeGreaterThan(0);
    // Bob's e-mail waited for the pause of a second, although it was ready at once.
    expect((sentAt.get(BOB) ?? 0) - throttledAt).toBeGreaterThanOrEqual(1000);
    expect(world.clock.sleeps).toContain(1000);
    const attempts = await world.store.listAttempts(first(results).linkId);
    expect(attempts.map((a) => a.outcome)).toEqual(["transient", "sent"]);
    expect(attempts[0]?.error).toContain("421");
  });

  it("pauses for nothing with throttlePauseMs: 0, and for nothing after a refusal that is not throttling", async () => {
    const off = makeWorld({ delivery: { throttlePauseMs: 0 } });
    off.transport.failFor(ALICE, { kind: "throttled", times: 2 });
    await off.paylinks.send(linkRequest(), { actor: OWNER });
    const plain = makeWorld();
    plain.transport.failFor(ALICE, { kind: "transient", times: 2 });
    await plain.paylinks.send(linkRequest(), { actor: OWNER });
    // The backoff of the e-mail alone: 3/4 of 1000, then of 2000.
    expect(off.clock.sleeps).toEqual([750, 1500]);
    expect(plain.clock.sleeps).toEqual([750, 1500]);
  });

  it("refuses a pause option that is not a number of ms", () => {
    expect(() => makeWorld({ delivery: { throttlePauseMs: -5 } })).toThrow(
      expect.objectContaining({ code: "invalid_context", details: { option: "delivery.throttlePauseMs" } }),
    );
    expect(() => makeWorld({ delivery: { throttlePauseMs: 2000, throttlePauseMaxMs: 1000 } })).toThrow(
      expect.objectContaining({ code: "invalid_context", details: { option: "delivery.throttlePauseMaxMs" } }),
    );
  });
});
