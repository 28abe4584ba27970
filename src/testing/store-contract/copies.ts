import { describe, expect, it } from "vitest";
import { makeLink } from "../make-records";
import { type CurrentOrderStore, fullRecords, minutes, saveOrderWithLinks } from "./support";

/** Changes every value inside a record, in place: strings, numbers, booleans, Dates, list items and lengths. Internal. */
export function scribble(value: unknown): void {
  if (value === null || typeof value !== "object") return;
  if (value instanceof Date) {
    value.setTime(0);
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) scribble(item);
    value.push("scribbled@example.com");
    return;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    const item = record[key];
    if (typeof item === "string") record[key] = `${item}-scribbled`;
    else if (typeof item === "number") record[key] = item + 1;
    else if (typeof item === "boolean") record[key] = !item;
    else if (item === undefined) record[key] = "scribbled";
    else scribble(item);
  }
}

/** Contract: the store keeps its own copies, apart from what callers give and receive. Internal. */
export function describeCopies(current: CurrentOrderStore): void {
  describe("copies", () => {
    it("is not changed when the objects given to saveOrder change afterwards", async () => {
      const store = current();
      const { order, link } = fullRecords();
      const other = makeLink({ orderId: order.id, createdAt: order.createdAt });
      const links = [link, other];
      const expected = structuredClone({ order, links });
      await store.saveOrder(order, links);
      scribble(order);
      scribble(links);
      expect(await store.getOrder(expected.order.id)).toStrictEqual(expected.order);
      for (const link of expected.links) expect(await store.getLink(link.id)).toStrictEqual(link);
    });

    it("is not changed when an object it returned changes", async () => {
      const store = current();
      const { order, link } = fullRecords();
      const links = [link, makeLink({ orderId: order.id, createdAt: order.createdAt })];
      expect(await store.saveOrder(order, links)).toBe("saved");
      scribble(await store.getOrder(order.id));
      scribble(await store.getLink(link.id));
      scribble(await store.findOrderByIdempotencyKey(order.shopId, order.idempotencyKey ?? ""));
      scribble(await store.listLinks({}, { limit: 10 }));
      expect(await store.getOrder(order.id)).toStrictEqual(order);
      for (const each of links) expect(await store.getLink(each.id)).toStrictEqual(each);
    });

    it("is not changed when the objects given to updateLink change afterwards", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const link = links[0] as (typeof links)[number];
      const next = {
        ...link,
        bcc: ["new@example.com"],
        version: 2,
        updatedAt: minutes(5),
        delivery: { ...link.delivery, sentAt: minutes(5) },
      };
      const expected = structuredClone(next);
      expect(await store.updateLink(next, 1)).toBe(true);
      scribble(next);
      expect(await store.getLink(link.id)).toStrictEqual(expected);
    });
  });
}
