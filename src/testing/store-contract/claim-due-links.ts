import { describe, expect, it } from "vitest";
import type { ClaimRequest, PaymentOrderStore } from "../../ports/delivery-queue";
import type { StoredLink } from "../../ports/payment-order-records";
import { type CurrentStore, idsOf, minutes, saveLinks, saveOrderWithLinks } from "./support";

const claim = (store: PaymentOrderStore, fields: Partial<ClaimRequest> = {}): Promise<StoredLink[]> =>
  store.claimDueLinks({ now: minutes(10), worker: "worker-1", leaseUntil: minutes(11), limit: 100, ...fields });

const sortedIds = (links: readonly StoredLink[]): string[] => idsOf(links).sort();

/** Contract: claimDueLinks, its order, its leases and its atomicity. Internal. */
export function describeClaimDueLinks(current: CurrentStore): void {
  describe("claimDueLinks", () => {
    it("claims the due links oldest first: next attempt, then creation, then id", async () => {
      const store = current();
      await saveLinks(store, [
        { id: "due-5", delivery: { nextAttemptAt: minutes(5) } },
        { id: "due-1", delivery: { nextAttemptAt: minutes(1) } },
        { id: "due-3", createdAt: minutes(-10), delivery: { nextAttemptAt: minutes(3) } },
        { id: "due-2-created-later", createdAt: minutes(-1), delivery: { nextAttemptAt: minutes(2) } },
        { id: "due-2-created-earlier", createdAt: minutes(-2), delivery: { nextAttemptAt: minutes(2) } },
        { id: "due-4-b", createdAt: minutes(-3), delivery: { nextAttemptAt: minutes(4) } },
        { id: "due-4-a", createdAt: minutes(-3), delivery: { nextAttemptAt: minutes(4) } },
      ]);
      const order: string[] = [];
      for (let i = 0; i < 8; i++) order.push(...idsOf(await claim(store, { worker: `w${i}`, limit: 1 })));
      expect(order).toEqual([
        "due-1",
        "due-2-created-earlier",
        "due-2-created-later",
        "due-3",
        "due-4-a",
        "due-4-b",
        "due-5",
      ]);
    });

    it("sets the worker and the lease end, adds one version, and changes nothing else", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, {
        links: [{ version: 4, delivery: { attempts: 2, lastError: "451" } }],
      });
      const link = links[0] as StoredLink;
      const [claimed] = await claim(store, { now: minutes(10), worker: "worker-7", leaseUntil: minutes(15) });
      if (!claimed) throw new Error("nothing claimed");
      const { updatedAt, ...rest } = claimed;
      const { updatedAt: before, ...unchanged } = link;
      expect(rest).toStrictEqual({
        ...unchanged,
        version: 5,
        delivery: { ...unchanged.delivery, leaseOwner: "worker-7", leaseExpiresAt: minutes(15) },
      });
      expect([before.getTime(), minutes(10).getTime()]).toContain(updatedAt.getTime());
      expect(await store.getLink(link.id)).toStrictEqual(claimed);
    });

    it("claims a link due exactly now, not one due a millisecond later", async () => {
      const store = current();
      await saveLinks(store, [
        { id: "now", delivery: { nextAttemptAt: minutes(10) } },
        { id: "later", delivery: { nextAttemptAt: new Date(minutes(10).getTime() + 1) } },
      ]);
      expect(idsOf(await claim(store, { now: minutes(10) }))).toEqual(["now"]);
      expect(await store.getLink("later")).toMatchObject({ version: 1, delivery: { leaseOwner: undefined } });
    });

    it("claims only PENDING links that have a next attempt", async () => {
      const store = current();
      await saveLinks(store, [
        { id: "pending" },
        { id: "no-next-attempt", delivery: { nextAttemptAt: undefined } },
        { id: "sent", delivery: { status: "SENT" } },
        { id: "failed", delivery: { status: "FAILED" } },
      ]);
      expect(idsOf(await claim(store))).toEqual(["pending"]);
      for (const id of ["no-next-attempt", "sent", "failed"]) {
        expect(await store.getLink(id)).toMatchObject({ version: 1, delivery: { leaseOwner: undefined } });
      }
    });

    it("claims at most `limit` links, and none for a limit of 0", async () => {
      const store = current();
      const { order } = await saveOrderWithLinks(store, { links: 10 });
      expect(await claim(store, { limit: 0 })).toEqual([]);
      expect(await store.nextDueAt(order.id)).toStrictEqual(minutes(0));
      expect(await claim(store, { limit: 4 })).toHaveLength(4);
      expect(await claim(store, { worker: "worker-2", limit: 100 })).toHaveLength(6);
      expect(await claim(store, { worker: "worker-3", limit: 100 })).toEqual([]);
    });

    it("claims only the links of the given order", async () => {
      const store = current();
      const one = await saveOrderWithLinks(store, { links: 3 });
      const two = await saveOrderWithLinks(store, { links: 2, order: { createdAt: minutes(-5) } });
      expect(sortedIds(await claim(store, { orderId: one.order.id }))).toEqual(sortedIds(one.links));
      for (const link of two.links) expect(await store.getLink(link.id)).toStrictEqual(link);
      expect(await claim(store, { orderId: "no-such-order" })).toEqual([]);
      expect(sortedIds(await claim(store, { worker: "worker-2" }))).toEqual(sortedIds(two.links));
    });

    it("does not claim a leased link again until its lease ends, then lets another worker take it", async () => {
      const store = current();
      await saveLinks(store, [{ id: "leased" }]);
      expect(idsOf(await claim(store, { now: minutes(10), leaseUntil: minutes(20) }))).toEqual(["leased"]);
      expect(await claim(store, { now: minutes(10), worker: "worker-2" })).toEqual([]);
      expect(await claim(store, { now: minutes(15), worker: "worker-1" })).toEqual([]);
      const lease = new Date(minutes(20).getTime() - 1);
      expect(await claim(store, { now: lease, worker: "worker-2" })).toEqual([]);
      const [taken] = await claim(store, { now: minutes(20), worker: "worker-2", leaseUntil: minutes(30) });
      expect(taken).toMatchObject({
        id: "leased",
        version: 3,
        delivery: { leaseOwner: "worker-2", leaseExpiresAt: minutes(30) },
      });
    });

    it("respects leases saved with the link: running ones block, ended ones do not", async () => {
      const store = current();
      await saveLinks(store, [
        { id: "running-lease", delivery: { leaseOwner: "other", leaseExpiresAt: minutes(30) } },
        { id: "ended-lease", delivery: { leaseOwner: "other", leaseExpiresAt: minutes(5) } },
      ]);
      expect(idsOf(await claim(store, { now: minutes(10), leaseUntil: minutes(40) }))).toEqual(["ended-lease"]);
      expect(idsOf(await claim(store, { now: minutes(30), worker: "worker-2" }))).toEqual(["running-lease"]);
    });

    it("returns links that the next updateLink accepts with their new version", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const [claimed] = await claim(store);
      if (!claimed) throw new Error("nothing claimed");
      const sent = {
        ...claimed,
        version: claimed.version + 1,
        delivery: { ...claimed.delivery, status: "SENT" as const },
      };
      expect(await store.updateLink({ ...sent, version: 2 }, (links[0] as StoredLink).version)).toBe(false);
      expect(await store.updateLink(sent, claimed.version)).toBe(true);
    });

    it("never gives the same link to two concurrent claims", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 100 });
      const request = { now: minutes(10), leaseUntil: minutes(11), limit: 30 };
      const [one, two] = await Promise.all([
        store.claimDueLinks({ ...request, worker: "worker-1" }),
        store.claimDueLinks({ ...request, worker: "worker-2" }),
      ]);
      expect(one.length).toBeLessThanOrEqual(30);
      expect(two.length).toBeLessThanOrEqual(30);
      expect(one.length + two.length).toBeGreaterThan(0);
      expect(idsOf(one).filter((id) => idsOf(two).includes(id))).toEqual([]);
      for (const link of one) expect((await store.getLink(link.id))?.delivery.leaseOwner).toBe("worker-1");
      for (const link of two) expect((await store.getLink(link.id))?.delivery.leaseOwner).toBe("worker-2");
      const rest = await store.claimDueLinks({ ...request, limit: 100, worker: "worker-3" });
      expect(sortedIds([...one, ...two, ...rest])).toEqual(sortedIds(links));
    });

    it("shares 100 due links among five concurrent claims without overlap", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 100 });
      const batches = await Promise.all(
        [1, 2, 3, 4, 5].map((n) =>
          store.claimDueLinks({ now: minutes(10), leaseUntil: minutes(11), limit: 30, worker: `worker-${n}` }),
        ),
      );
      const claimed = batches.flat();
      expect(new Set(idsOf(claimed)).size).toBe(claimed.length);
      expect(claimed.length).toBeGreaterThan(0);
      const rest = await claim(store, { worker: "worker-6" });
      expect(sortedIds([...claimed, ...rest])).toEqual(sortedIds(links));
    });

    it("claims nothing from an empty store", async () => {
      expect(await claim(current())).toEqual([]);
    });
  });
}
