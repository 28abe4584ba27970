import { describe, expect, it } from "vitest";
import type { StoredLink } from "../../ports/payment-order-records";
import { type LinkFields, makeLink } from "../make-records";
import { type CurrentOrderStore, idsOf, minutes, saveOrderWithLinks } from "./support";

/** The link changed the way the service changes it: new fields, one more version, a new update instant. Internal. */
export const changed = (link: StoredLink, fields: LinkFields): StoredLink => ({
  ...link,
  ...fields,
  payment: { ...link.payment, ...fields.payment },
  delivery: { ...link.delivery, ...fields.delivery },
  version: link.version + 1,
  updatedAt: minutes(30),
});

/** Contract: updateLink with optimistic concurrency. Internal. */
export function describeUpdateLink(current: CurrentOrderStore): void {
  describe("updateLink", () => {
    it("writes the link when the stored version is the expected one", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 2 });
      const [link, other] = links as [StoredLink, StoredLink];
      const next = changed(link, {
        amount: 1,
        bcc: ["a@example.com"],
        payment: { status: "PAID", transactionId: "tx-1", at: minutes(25) },
        delivery: { status: "SENT", nextAttemptAt: undefined, sentAt: minutes(20), messageId: "<m@x>" },
      });
      expect(await store.updateLink(next, link.version)).toBe(true);
      expect(await store.getLink(link.id)).toStrictEqual(next);
      expect(await store.getLink(other.id)).toStrictEqual(other);
    });

    it("can set fields back to undefined", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, {
        links: [{ buyerReference: "b", delivery: { leaseOwner: "w", leaseExpiresAt: minutes(5), lastError: "oops" } }],
      });
      const link = links[0] as StoredLink;
      const next = changed(link, {
        buyerReference: undefined,
        delivery: { leaseOwner: undefined, leaseExpiresAt: undefined, lastError: undefined },
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
      const one = changed(link, { payment: { status: "PAID" } });
      const two = changed(link, { payment: { status: "CANCELLED" } });
      const outcomes = await Promise.all([store.updateLink(one, 1), store.updateLink(two, 1)]);
      expect([...outcomes].sort()).toEqual([false, true]);
      expect(await store.getLink(link.id)).toStrictEqual(outcomes[0] ? one : two);
    });

    it("is seen by listLinks at once", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 3 });
      const [sent, later] = links as [StoredLink, StoredLink, StoredLink];
      await store.updateLink(changed(sent, { delivery: { status: "SENT", nextAttemptAt: undefined } }), 1);
      await store.updateLink(
        changed(later, { payment: { status: "CANCELLED" }, delivery: { nextAttemptAt: minutes(60) } }),
        1,
      );
      expect(idsOf((await store.listLinks({ deliveryStatuses: ["SENT"] }, { limit: 10 })).links)).toEqual([sent.id]);
      expect(idsOf((await store.listLinks({ paymentStatuses: ["CANCELLED"] }, { limit: 10 })).links)).toEqual([
        later.id,
      ]);
    });
  });
}
