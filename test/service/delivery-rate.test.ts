import { describe, expect, it } from "vitest";
import { createMemoryStore, type MemoryStore } from "../../src/adapters/memory";
import type { MailTransport, OutgoingMail, SentMail } from "../../src/ports";
import { createPaylinks, type DeliveryOptions, type Paylinks } from "../../src/service";
import { makeShop } from "../support/fixtures";
import { createVirtualClock, type VirtualClock } from "../support/virtual-clock";
import { allLinks, counterIds, linkRequest, OWNER, paymentUrl, recipients } from "./support";

/** A transport that records the instant of every send on `clock`. */
function timedTransport(clock: { now(): Date }): MailTransport & { readonly at: number[] } {
  const at: number[] = [];
  return {
    at,
    async send(mail: OutgoingMail): Promise<SentMail> {
      at.push(clock.now().getTime());
      return { messageId: mail.messageId };
    },
  };
}

/** A service on `store` with the virtual clock and the given delivery options. */
function service(
  clock: VirtualClock,
  transport: MailTransport,
  store: MemoryStore,
  delivery: DeliveryOptions,
  workerId = "worker-1",
): Paylinks {
  return createPaylinks({
    store,
    transport,
    shops: [makeShop()],
    clock,
    generateId: counterIds(workerId),
    paymentUrl,
    workerId,
    delivery: { random: () => 0.5, ...delivery },
  });
}

describe("deliver under delivery.ratePerSecond", () => {
  it("spaces the sends of every slot by 1 / rate: 20 e-mails at 5 per second, 4 slots, take 3.8 s", async () => {
    const clock = createVirtualClock();
    const transport = timedTransport(clock);
    const paylinks = service(clock, transport, createMemoryStore(), { ratePerSecond: 5, concurrency: 4 });
    await paylinks.createOrder(linkRequest({ recipients: recipients(20) }), { actor: OWNER });
    const start = clock.now().getTime();
    const done = paylinks.deliver();
    await clock.run();
    await expect(done).resolves.toMatchObject({ sent: 20, pending: false });
    expect(transport.at.map((t) => t - start)).toEqual(Array.from({ length: 20 }, (_, i) => i * 200));
  });

  it("is shared by the deliver calls of one service", async () => {
    const clock = createVirtualClock();
    const transport = timedTransport(clock);
    const paylinks = service(clock, transport, createMemoryStore(), { ratePerSecond: 2 });
    const a = await paylinks.createOrder(linkRequest({ recipients: recipients(3) }), { actor: OWNER });
    const b = await paylinks.createOrder(linkRequest({ recipients: recipients(3) }), { actor: OWNER });
    const start = clock.now().getTime();
    const both = Promise.all([paylinks.deliver({ orderId: a.order.id }), paylinks.deliver({ orderId: b.order.id })]);
    await clock.run();
    expect((await both).map((report) => report.sent)).toEqual([3, 3]);
    // Six sends, one every 500 ms, whichever call made them.
    expect(transport.at.map((t) => t - start)).toEqual([0, 500, 1000, 1500, 2000, 2500]);
  });

  it("is per service: two workers on one store each keep their own rate, so the server sees the sum", async () => {
    const clock = createVirtualClock();
    const transport = timedTransport(clock);
    const store = createMemoryStore();
    const one = service(clock, transport, store, { ratePerSecond: 2, concurrency: 1 }, "worker-1");
    const two = service(clock, transport, store, { ratePerSecond: 2, concurrency: 1 }, "worker-2");
    await one.createOrder(linkRequest({ recipients: recipients(4) }), { actor: OWNER });
    const start = clock.now().getTime();
    const pair = Promise.all([one.deliver({ prefetch: 0 }), two.deliver({ prefetch: 0 })]);
    await clock.run();
    const reports = await pair;
    expect(reports.map((report) => report.sent)).toEqual([2, 2]);
    expect(transport.at.map((t) => t - start)).toEqual([0, 0, 500, 500]);
  });

  it("an abort while a slot waits for its turn sends nothing more; the waiting links go back unsent", async () => {
    const clock = createVirtualClock();
    const transport = timedTransport(clock);
    const store = createMemoryStore();
    const paylinks = service(clock, transport, store, { ratePerSecond: 1, concurrency: 2 });
    await paylinks.createOrder(linkRequest({ recipients: recipients(5) }), { actor: OWNER });
    const controller = new AbortController();
    const done = paylinks.deliver({ signal: controller.signal });
    await clock.run(1500);
    controller.abort();
    await clock.run();
    const report = await done;
    expect(report.sent).toBe(2);
    expect(transport.at).toHaveLength(2);
    const left = (await allLinks(store)).filter((link) => link.delivery.status === "PENDING");
    expect(left).toHaveLength(3);
    expect(left.every((link) => link.delivery.leaseOwner === undefined)).toBe(true);
  });

  it("refuses a rate that is not a number above 0, and a burst that is not a whole number from 1", () => {
    const clock = createVirtualClock();
    const transport = timedTransport(clock);
    for (const ratePerSecond of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => service(clock, transport, createMemoryStore(), { ratePerSecond })).toThrow(
        expect.objectContaining({ code: "invalid_context", details: { option: "delivery.ratePerSecond" } }),
      );
    }
    for (const rateBurst of [0, 1.5]) {
      expect(() => service(clock, transport, createMemoryStore(), { ratePerSecond: 1, rateBurst })).toThrow(
        expect.objectContaining({ code: "invalid_context", details: { option: "delivery.rateBurst" } }),
      );
    }
  });
});
