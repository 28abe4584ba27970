import { describe, expect, it } from "vitest";
import type { PaymentOrderStore } from "../../src/ports";
import {
  allLinks,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  recipients,
  rejectionOf,
  sendsPerLink,
  sentLink,
  snapshotOf,
  storedLink,
} from "./support";

/**
 * The store with one method rejecting once, at its `(skip + 1)`-th call, with `error`. To make `recordAttempt` or
 * `updateLink` fail under delivery, the store is a queue without `completeDeliveries`, so that the service writes
 * each attempt, then its link, through them.
 */
function failingOnce(
  inner: PaymentOrderStore,
  method: keyof PaymentOrderStore,
  error: Error,
  skip = 0,
): PaymentOrderStore {
  let calls = 0;
  const original = (inner[method] as (...args: unknown[]) => Promise<unknown>).bind(inner);
  const { completeDeliveries: _batched, ...oneByOne } = inner;
  return {
    ...(method === "recordAttempt" || method === "updateLink" ? oneByOne : inner),
    [method]: (...args: unknown[]) => (calls++ === skip ? Promise.reject(error) : original(...args)),
  };
}

const crash = (): Error => new Error("disk I/O error");

describe("createPaylinks with a failing store", () => {
  describe("deliver when claiming fails once", () => {
    it("throws storage_failed with the cause and sends nothing; a later deliver sends every link once", async () => {
      const cause = crash();
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "claimDueLinks", cause) });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(5) }), { actor: OWNER });
      const error = await rejectionOf(world.paylinks.deliver());
      expect(error.code).toBe("storage_failed");
      expect(error.cause).toBe(cause);
      expect(error.details).toEqual({ operation: "claiming links" });
      expect(world.transport.messages).toHaveLength(0);
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 5, pending: false });
      expect([...sendsPerLink(world.transport).values()]).toEqual([1, 1, 1, 1, 1]);
    });
  });

  describe("deliver when recording a sent link fails once", () => {
    it("throws storage_failed with the cause; a later deliver finishes: all SENT, each sent at least once", async () => {
      const cause = crash();
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "updateLink", cause) });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(5) }), { actor: OWNER });
      const error = await rejectionOf(world.paylinks.deliver());
      expect(error.code).toBe("storage_failed");
      expect(error.cause).toBe(cause);
      // The other links in flight were finished before the error was thrown.
      const afterCrash = await allLinks(world.store);
      expect(afterCrash.filter((l) => l.delivery.status === "SENT")).toHaveLength(4);

      // The unrecorded link is still leased to this worker: the next deliver waits for the lease, then sends it.
      await world.paylinks.deliver();
      const links = await allLinks(world.store);
      expect(links).toHaveLength(5);
      expect(links.every((link) => link.delivery.status === "SENT")).toBe(true);
      const counts = sendsPerLink(world.transport);
      expect(counts.size).toBe(5);
      expect([...counts.values()].sort()).toEqual([1, 1, 1, 1, 2]);
    });
  });

  describe("deliver when recording an attempt fails once", () => {
    it("throws storage_failed; a later deliver finishes, and no link is lost", async () => {
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "recordAttempt", crash(), 2) });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(4) }), { actor: OWNER });
      await expect(world.paylinks.deliver()).rejects.toMatchObject({ code: "storage_failed" });
      await world.paylinks.deliver();
      expect((await allLinks(world.store)).every((link) => link.delivery.status === "SENT")).toBe(true);
      expect(sendsPerLink(world.transport).size).toBe(4);
    });
  });

  describe("deliver when the batched write of attempts and links fails once", () => {
    it("throws storage_failed with the cause; a later deliver finishes: all SENT, nothing lost", async () => {
      const cause = crash();
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "completeDeliveries", cause) });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(5) }), { actor: OWNER });
      const error = await rejectionOf(world.paylinks.deliver());
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "recording delivery attempts" } });
      expect(error.cause).toBe(cause);
      // The links of the failed write are PENDING under this worker's lease, without the attempt.
      const afterCrash = await allLinks(world.store);
      const unrecorded = afterCrash.filter((l) => l.delivery.status === "PENDING");
      expect(unrecorded.length).toBeGreaterThanOrEqual(1);
      for (const link of unrecorded) expect(await world.store.listAttempts(link.id)).toEqual([]);

      await world.paylinks.deliver();
      const links = await allLinks(world.store);
      expect(links.every((link) => link.delivery.status === "SENT")).toBe(true);
      const counts = sendsPerLink(world.transport);
      expect(counts.size).toBe(5);
      // Only the links whose write failed went out twice.
      expect([...counts.values()].filter((count) => count === 2)).toHaveLength(unrecorded.length);
    });
  });

  describe("deliver when looking for pending links fails", () => {
    it("throws storage_failed naming the operation", async () => {
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "nextDueAt", crash()) });
      const error = await rejectionOf(world.paylinks.deliver());
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "looking for pending links" } });
    });
  });

  describe("createOrder when saving fails", () => {
    it("throws storage_failed with the cause; nothing is stored or emitted", async () => {
      const cause = crash();
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "saveOrder", cause) });
      const error = await rejectionOf(world.paylinks.send(linkRequest(), { actor: OWNER }));
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "saving the order" } });
      expect(error.cause).toBe(cause);
      expect(world.store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
      expect(world.events).toEqual([]);
      expect(world.transport.messages).toHaveLength(0);
    });
  });

  describe("a link action when writing fails", () => {
    it("throws storage_failed; the link is as it was and no event is emitted", async () => {
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "updateLink", crash(), 1) });
      const link = await sentLink(world);
      const before = await snapshotOf(world.store);
      const eventsBefore = world.events.length;
      const error = await rejectionOf(world.paylinks.cancel(link.id, { actor: OWNER }));
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "recording cancel" } });
      expect(await snapshotOf(world.store)).toEqual(before);
      expect(world.events.slice(eventsBefore)).toEqual([]);
      // The store works again: the same call succeeds.
      await world.paylinks.cancel(link.id, { actor: OWNER });
      expect((await storedLink(world.store, link.id)).payment.status).toBe("CANCELLED");
    });

    it("reading fails: storage_failed naming the read", async () => {
      const world = makeWorld({ wrapStore: (s) => failingOnce(s, "getLink", crash()) });
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const error = await rejectionOf(world.paylinks.getLink(first(links).id, { actor: OWNER }));
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "reading a link" } });
    });
  });
});
