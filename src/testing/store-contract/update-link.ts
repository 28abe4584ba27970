import { describe, expect, it } from "vitest";
import type { StoredLink } from "../../ports/payment-order-records";
import { makeLink } from "../make-records";
import { type CurrentStore, idsOf, minutes, saveOrderWithLinks } from "./support";

/** The link changed the way the service changes it: new fields, one more version, a new update instant. */
const changed = (link: StoredLink, fields: Partial<StoredLink>): StoredLink => ({
  ...link,
  ...fields,
  version: link.version + 1,
  updatedAt: minutes(30),
});

/** Contract: updateLink with optimistic concurrency. Internal. */
export function describeUpdateLink(current: CurrentStore): void {
  describe("updateLink", () => {
    it("writes the link when the stored version is the expected one", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 2 });
      const [link, other] = links as [StoredLink, StoredLink];
      const next = changed(link, {
        paymentStatus: "PAID",
        deliveryStatus: "SENT",
        amount: 1,
        bcc: ["a@example.com"],
        nextAttemptAt: undefined,
        sentAt: minutes(20),
        messageId: "<m@x>",
        transactionId: "tx-1",
        paymentAt: minutes(25),
      });
      expect(await store.updateLink(next, link.version)).toBe(true);
      expect(await store.getLink(link.id)).toStrictEqual(next);
      expect(await store.getLink(other.id)).toStrictEqual(other);
    });

    it("can set fields back to undefined", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, {
        links: [{ leaseOwner: "w", leaseExpiresAt: minutes(5), lastError: "oops", buyerReference: "b" }],
      });
      const link = links[0] as StoredLink;
      const next = changed(link, {
        leaseOwner: undefined,
        leaseExpiresAt: undefined,
        lastError: undefined,
        buyerReference: undefined,
      });
      expect(await store.updateLink(next, link.version)).toBe(true);
      expect(await store.getLink(link.id)).toStrictEqual(next);
    });

    it("writes nothing and answers false when the stored version is another", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: [{ version: 3 }] });
      const link = links[0] as StoredLink;
      for (const expected of [2, 4, 0]) {
        expect(await store.updateLink({ ...changed(link, { amount: 1 }), version: expected + 1 }, expected)).toBe(
          false,
        );
      }
      expect(await store.getLink(link.id)).toStrictEqual(link);
    });

    it("writes nothing and answers false for a link that is not stored", async () => {
      const store = current();
      await saveOrderWithLinks(store);
      const stranger = makeLink();
      expect(await store.updateLink({ ...stranger, version: 2 }, 1)).toBe(false);
      expect(await store.getLink(stranger.id)).toBeUndefined();
    });

    it("lets exactly one of two concurrent updates from the same version win", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const link = links[0] as StoredLink;
      const one = changed(link, { paymentStatus: "PAID" });
      const two = changed(link, { paymentStatus: "CANCELLED" });
      const outcomes = await Promise.all([store.updateLink(one, 1), store.updateLink(two, 1)]);
      expect([...outcomes].sort()).toEqual([false, true]);
      expect(await store.getLink(link.id)).toStrictEqual(outcomes[0] ? one : two);
    });

    it("is seen by listLinks, claimDueLinks and nextDueAt at once", async () => {
      const store = current();
      const { order, links } = await saveOrderWithLinks(store, { links: 3 });
      const [sent, later, kept] = links as [StoredLink, StoredLink, StoredLink];
      await store.updateLink(changed(sent, { deliveryStatus: "SENT", nextAttemptAt: undefined }), 1);
      await store.updateLink(changed(later, { nextAttemptAt: minutes(60), paymentStatus: "CANCELLED" }), 1);
      expect(idsOf((await store.listLinks({ deliveryStatuses: ["SENT"] }, { limit: 10 })).links)).toEqual([sent.id]);
      expect(idsOf((await store.listLinks({ paymentStatuses: ["CANCELLED"] }, { limit: 10 })).links)).toEqual([
        later.id,
      ]);
      expect(await store.nextDueAt(order.id)).toStrictEqual(kept.nextAttemptAt);
      const claimed = await store.claimDueLinks({ now: minutes(10), worker: "w", leaseUntil: minutes(11), limit: 10 });
      expect(idsOf(claimed)).toEqual([kept.id]);
      expect(await store.nextDueAt(order.id)).toStrictEqual(minutes(11));
    });
  });
}
