import { describe, expect, it } from "vitest";
import type { StoredLink, StoredOrder } from "../../ports/payment-order-records";
import { makeOrderWithLinks } from "../make-records";
import { type CurrentOrderStore, fullRecords, readAllPages, saveOrderWithLinks } from "./support";

/** Contract: saveOrder, getOrder, getLink, findOrderByIdempotencyKey. Internal. */
export function describeSaveOrder(current: CurrentOrderStore): void {
  describe("saveOrder and reads", () => {
    it("reads back an order and its links equal to what was saved", async () => {
      const store = current();
      const { order, links } = makeOrderWithLinks({ links: 3 });
      expect(await store.saveOrder(order, links)).toBe("saved");
      expect(await store.getOrder(order.id)).toStrictEqual(order);
      for (const link of links) expect(await store.getLink(link.id)).toStrictEqual(link);
    });

    it("keeps every field: Dates as Dates to the millisecond, large amounts as numbers, lists in order", async () => {
      const store = current();
      const { order, link } = fullRecords();
      expect(await store.saveOrder(order, [link])).toBe("saved");
      const readOrder = await store.getOrder(order.id);
      const readLink = await store.getLink(link.id);
      expect(readOrder).toStrictEqual(order);
      expect(readLink).toStrictEqual(link);
      expect(readLink?.delivery.sentAt).toBeInstanceOf(Date);
      expect(readLink?.delivery.sentAt?.getTime()).toBe(link.delivery.sentAt?.getTime());
      expect(typeof readLink?.amount).toBe("number");
    });

    it("keeps fields that are undefined present and undefined (not null, not missing)", async () => {
      const store = current();
      const { order, links } = makeOrderWithLinks({ order: { reference: undefined } });
      await store.saveOrder(order, links);
      const link = await store.getLink(links[0]?.id ?? "");
      const readOrder = await store.getOrder(order.id);
      for (const key of ["reference", "buyerReference"]) {
        expect(link && Object.hasOwn(link, key), `link.${key} is present`).toBe(true);
        expect(link?.[key as keyof StoredLink], `link.${key}`).toBeUndefined();
      }
      for (const key of ["leaseOwner", "leaseExpiresAt", "sentAt"]) {
        expect(link && Object.hasOwn(link.delivery, key), `link.delivery.${key} is present`).toBe(true);
        expect(link?.delivery[key as keyof StoredLink["delivery"]], `link.delivery.${key}`).toBeUndefined();
      }
      for (const key of ["transactionId", "at"]) {
        expect(link && Object.hasOwn(link.payment, key), `link.payment.${key} is present`).toBe(true);
        expect(link?.payment[key as keyof StoredLink["payment"]], `link.payment.${key}`).toBeUndefined();
      }
      for (const key of ["reference", "buyerReference", "idempotencyKey", "requestFingerprint"]) {
        expect(readOrder && Object.hasOwn(readOrder, key), `order.${key} is present`).toBe(true);
        expect(readOrder?.[key as keyof StoredOrder], `order.${key}`).toBeUndefined();
      }
    });

    it("keeps empty strings and empty lists as they are", async () => {
      const store = current();
      const { order, links } = makeOrderWithLinks({ order: { buyerReference: "", bcc: [] } });
      await store.saveOrder(order, links);
      expect(await store.getOrder(order.id)).toStrictEqual(order);
      expect((await store.getLink(links[0]?.id ?? ""))?.buyerReference).toBe("");
    });

    it("returns undefined for an unknown order or link", async () => {
      const store = current();
      await saveOrderWithLinks(store);
      expect(await store.getOrder("no-such-order")).toBeUndefined();
      expect(await store.getLink("no-such-link")).toBeUndefined();
    });

    it("saves an order of 500 links in one call", async () => {
      const store = current();
      const { order, links } = await saveOrderWithLinks(store, { links: 500 });
      const listed = await readAllPages(store, { orderId: order.id }, 1000);
      expect(listed.links).toHaveLength(500);
      expect(await store.getLink(links[499]?.id ?? "")).toStrictEqual(links[499]);
    });

    describe("all or nothing", () => {
      it("rejects an order with a link id already stored, and stores nothing of that order", async () => {
        const store = current();
        const first = await saveOrderWithLinks(store, { links: 2 });
        const taken = first.links[1] as StoredLink;
        const second = makeOrderWithLinks({ links: [{}, { id: taken.id }, {}] });
        await expect(store.saveOrder(second.order, second.links)).rejects.toThrow();
        expect(await store.getOrder(second.order.id)).toBeUndefined();
        expect(await store.getLink(second.links[0]?.id ?? "")).toBeUndefined();
        expect(await store.getLink(second.links[2]?.id ?? "")).toBeUndefined();
        expect(await store.getLink(taken.id)).toStrictEqual(taken);
        expect((await readAllPages(store, {}, 100)).links).toHaveLength(2);
      });

      it("rejects an order that repeats a link id, and stores nothing of it", async () => {
        const store = current();
        const { order, links } = makeOrderWithLinks({ links: [{ id: "twice" }, {}, { id: "twice" }] });
        await expect(store.saveOrder(order, links)).rejects.toThrow();
        expect(await store.getOrder(order.id)).toBeUndefined();
        expect(await store.getLink(links[1]?.id ?? "")).toBeUndefined();
        expect(await store.getLink("twice")).toBeUndefined();
      });

      it("rejects an order whose id is already stored, and keeps the first one", async () => {
        const store = current();
        const first = await saveOrderWithLinks(store);
        const second = makeOrderWithLinks({ order: { id: first.order.id, amount: 1 } });
        await expect(store.saveOrder(second.order, second.links)).rejects.toThrow();
        expect(await store.getOrder(first.order.id)).toStrictEqual(first.order);
        expect(await store.getLink(second.links[0]?.id ?? "")).toBeUndefined();
      });
    });

    describe("idempotency keys", () => {
      it("answers duplicate for a key the shop already used, and stores nothing", async () => {
        const store = current();
        const first = await saveOrderWithLinks(store, { order: { idempotencyKey: "key-1" } });
        const again = makeOrderWithLinks({ order: { idempotencyKey: "key-1" }, links: 2 });
        expect(await store.saveOrder(again.order, again.links)).toBe("duplicate");
        expect(await store.getOrder(again.order.id)).toBeUndefined();
        for (const link of again.links) expect(await store.getLink(link.id)).toBeUndefined();
        expect(await store.findOrderByIdempotencyKey("shop-1", "key-1")).toStrictEqual(first.order);
      });

      it("allows the same key in another shop", async () => {
        const store = current();
        const one = await saveOrderWithLinks(store, { order: { shopId: "shop-1", idempotencyKey: "key-1" } });
        const two = await saveOrderWithLinks(store, { order: { shopId: "shop-2", idempotencyKey: "key-1" } });
        expect(await store.findOrderByIdempotencyKey("shop-1", "key-1")).toStrictEqual(one.order);
        expect(await store.findOrderByIdempotencyKey("shop-2", "key-1")).toStrictEqual(two.order);
      });

      it("never counts orders without a key as duplicates", async () => {
        const store = current();
        await saveOrderWithLinks(store);
        await saveOrderWithLinks(store);
        expect((await readAllPages(store, {}, 100)).links).toHaveLength(2);
      });

      it("compares keys exactly: case and spaces matter", async () => {
        const store = current();
        await saveOrderWithLinks(store, { order: { idempotencyKey: "Key-1" } });
        await saveOrderWithLinks(store, { order: { idempotencyKey: "key-1" } });
        await saveOrderWithLinks(store, { order: { idempotencyKey: "key-1 " } });
        expect((await store.findOrderByIdempotencyKey("shop-1", "Key-1"))?.idempotencyKey).toBe("Key-1");
        expect((await store.findOrderByIdempotencyKey("shop-1", "key-1 "))?.idempotencyKey).toBe("key-1 ");
      });

      it("finds nothing for an unknown key, or a known key in another shop", async () => {
        const store = current();
        await saveOrderWithLinks(store, { order: { idempotencyKey: "key-1" } });
        expect(await store.findOrderByIdempotencyKey("shop-1", "key-2")).toBeUndefined();
        expect(await store.findOrderByIdempotencyKey("shop-2", "key-1")).toBeUndefined();
      });

      it("saves exactly one of two concurrent orders with the same key", async () => {
        const store = current();
        const one = makeOrderWithLinks({ order: { idempotencyKey: "race" }, links: 3 });
        const two = makeOrderWithLinks({ order: { idempotencyKey: "race" }, links: 3 });
        const outcomes = await Promise.all([
          store.saveOrder(one.order, one.links),
          store.saveOrder(two.order, two.links),
        ]);
        expect([...outcomes].sort()).toEqual(["duplicate", "saved"]);
        const winner = outcomes[0] === "saved" ? one : two;
        const loser = winner === one ? two : one;
        expect(await store.findOrderByIdempotencyKey("shop-1", "race")).toStrictEqual(winner.order);
        expect(await store.getOrder(loser.order.id)).toBeUndefined();
        for (const link of loser.links) expect(await store.getLink(link.id)).toBeUndefined();
      });
    });
  });
}
