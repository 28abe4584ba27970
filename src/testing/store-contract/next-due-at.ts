import { describe, expect, it } from "vitest";
import { type CurrentStore, minutes, saveLinks, saveOrderWithLinks } from "./support";

/** Contract: nextDueAt. Internal. */
export function describeNextDueAt(current: CurrentStore): void {
  describe("nextDueAt", () => {
    it("is undefined for an empty store", async () => {
      expect(await current().nextDueAt()).toBeUndefined();
    });

    it("is undefined when no PENDING link has a next attempt", async () => {
      const store = current();
      await saveLinks(store, [
        { delivery: { status: "SENT", nextAttemptAt: minutes(1) } },
        { delivery: { status: "FAILED", nextAttemptAt: minutes(2) } },
        { delivery: { status: "PENDING", nextAttemptAt: undefined } },
      ]);
      expect(await store.nextDueAt()).toBeUndefined();
    });

    it("is the earliest next attempt of the PENDING links, past or future", async () => {
      const store = current();
      await saveLinks(store, [
        { delivery: { nextAttemptAt: minutes(40) } },
        { delivery: { nextAttemptAt: minutes(-30), status: "SENT" } },
        { delivery: { nextAttemptAt: minutes(25) } },
        { delivery: { nextAttemptAt: minutes(60) } },
      ]);
      expect(await store.nextDueAt()).toStrictEqual(minutes(25));
    });

    it("is the later of the next attempt and the lease end for a leased link", async () => {
      const store = current();
      await saveLinks(store, [
        { id: "leased", delivery: { nextAttemptAt: minutes(0), leaseOwner: "w", leaseExpiresAt: minutes(60) } },
      ]);
      expect(await store.nextDueAt()).toStrictEqual(minutes(60));
      await saveLinks(store, [{ id: "free", delivery: { nextAttemptAt: minutes(30) } }]);
      expect(await store.nextDueAt()).toStrictEqual(minutes(30));
    });

    it("ignores a lease that ends before the next attempt", async () => {
      const store = current();
      await saveLinks(store, [
        { delivery: { nextAttemptAt: minutes(20), leaseOwner: "w", leaseExpiresAt: minutes(5) } },
      ]);
      expect(await store.nextDueAt()).toStrictEqual(minutes(20));
    });

    it("looks only at the given order", async () => {
      const store = current();
      const early = await saveOrderWithLinks(store, { links: [{ delivery: { nextAttemptAt: minutes(1) } }] });
      const late = await saveOrderWithLinks(store, {
        links: [{ delivery: { nextAttemptAt: minutes(50) } }, { delivery: { nextAttemptAt: minutes(45) } }],
      });
      expect(await store.nextDueAt()).toStrictEqual(minutes(1));
      expect(await store.nextDueAt(early.order.id)).toStrictEqual(minutes(1));
      expect(await store.nextDueAt(late.order.id)).toStrictEqual(minutes(45));
      expect(await store.nextDueAt("no-such-order")).toBeUndefined();
    });

    it("follows claims: the lease end of the claimed links", async () => {
      const store = current();
      const { order } = await saveOrderWithLinks(store, { links: 5 });
      await store.claimDueLinks({ now: minutes(10), worker: "w", leaseUntil: minutes(70), limit: 5 });
      expect(await store.nextDueAt(order.id)).toStrictEqual(minutes(70));
    });
  });
}
