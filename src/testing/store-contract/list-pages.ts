import { describe, expect, it } from "vitest";
import type { LinkFilter, OrderStore } from "../../ports/order-store";
import type { StoredLink } from "../../ports/payment-order-records";
import { type CurrentOrderStore, idsOf, inCreationOrder, minutes, readAllPages, saveOrderWithLinks } from "./support";

/**
 * Saves `count` links in orders of 10, saved out of creation order; three orders share each creation instant and
 * link ids are not in creation order, so ties are broken by id across page boundaries. Every third link is
 * `SENT`. Returns them in list order.
 */
async function savePagedLinks(store: OrderStore, count: number, prefix = "page"): Promise<StoredLink[]> {
  const orders = Math.ceil(count / 10);
  const all: StoredLink[] = [];
  const scrambled = Array.from({ length: orders }, (_, k) => k).sort(
    (x, y) => ((x * 7) % 11) - ((y * 7) % 11) || x - y,
  );
  for (const order of scrambled) {
    const size = Math.min(10, count - order * 10);
    if (size <= 0) continue;
    const links = Array.from({ length: size }, (_, i) => {
      const n = order * 10 + i;
      return {
        id: `${prefix}-${String((n * 7919) % 100_003).padStart(6, "0")}-${n}`,
        ...(n % 3 === 0 ? { delivery: { status: "SENT" as const, nextAttemptAt: undefined } } : {}),
      };
    });
    const saved = await saveOrderWithLinks(store, { order: { createdAt: minutes(Math.floor(order / 3)) }, links });
    all.push(...saved.links);
  }
  return inCreationOrder(all);
}

/** Checks that the pages hold each expected link once, in order, full but for the last. */
function expectPages(result: Awaited<ReturnType<typeof readAllPages>>, expected: readonly StoredLink[], limit: number) {
  expect(idsOf(result.links)).toEqual(idsOf(expected));
  expect(result.pages).toHaveLength(Math.max(1, Math.ceil(expected.length / limit)));
  for (const page of result.pages.slice(0, -1)) {
    expect(page.links).toHaveLength(limit);
    expect(typeof page.nextCursor).toBe("string");
  }
  expect(result.pages.at(-1)?.nextCursor).toBeUndefined();
}

/** Contract: listLinks pages and cursors. Internal. */
export function describeListPages(current: CurrentOrderStore): void {
  describe("listLinks pages", () => {
    it("reads 250 links 7 at a time: every link once, in order, 36 pages", async () => {
      const store = current();
      const expected = await savePagedLinks(store, 250);
      expect(new Set(idsOf(expected)).size).toBe(250);
      expectPages(await readAllPages(store, {}, 7), expected, 7);
    });

    it("pages through a filtered list without repeating or skipping a link", async () => {
      const store = current();
      const all = await savePagedLinks(store, 250);
      const filter: LinkFilter = { deliveryStatuses: ["PENDING"], createdFrom: minutes(2) };
      const expected = all.filter((l) => l.delivery.status === "PENDING" && l.createdAt >= minutes(2));
      expectPages(await readAllPages(store, filter, 7), expected, 7);
    });

    it("pages through one order's links", async () => {
      const store = current();
      await savePagedLinks(store, 30, "other");
      const { order, links } = await saveOrderWithLinks(store, { links: 100 });
      expectPages(await readAllPages(store, { orderId: order.id }, 7), inCreationOrder(links), 7);
    });

    it("pages one link at a time", async () => {
      const store = current();
      const expected = await savePagedLinks(store, 20);
      expectPages(await readAllPages(store, {}, 1), expected, 1);
    });

    it("ends without a cursor when the last page is exactly full", async () => {
      const store = current();
      const expected = await savePagedLinks(store, 14);
      const result = await readAllPages(store, {}, 7);
      expect(result.pages).toHaveLength(2);
      expectPages(result, expected, 7);
    });

    it("returns an empty page and no cursor when nothing matches", async () => {
      const store = current();
      expect(await store.listLinks({}, { limit: 7 })).toStrictEqual({ links: [], nextCursor: undefined });
      await savePagedLinks(store, 10);
      expect(await store.listLinks({ shopIds: ["no-such-shop"] }, { limit: 7 })).toStrictEqual({
        links: [],
        nextCursor: undefined,
      });
    });

    it("neither repeats nor skips a link when links are added or changed between pages", async () => {
      const store = current();
      const original = await savePagedLinks(store, 250);
      const seen: string[] = [];
      let page = await store.listLinks({}, { limit: 7 });
      seen.push(...idsOf(page.links));
      for (let round = 0; round < 10; round++) {
        page = await store.listLinks({}, { limit: 7, cursor: page.nextCursor });
        seen.push(...idsOf(page.links));
      }
      const added = await saveOrderWithLinks(store, { order: { createdAt: minutes(1000) }, links: 30 });
      const before = await saveOrderWithLinks(store, { order: { createdAt: minutes(-10) }, links: 10 });
      const unseen = original.filter((link) => !seen.includes(link.id));
      for (const link of [...original.slice(0, 5), ...unseen.slice(0, 5), ...unseen.slice(-5)]) {
        const next = {
          ...link,
          version: link.version + 1,
          updatedAt: minutes(999),
          payment: { ...link.payment, status: "PAID" as const },
        };
        expect(await store.updateLink(next, link.version)).toBe(true);
      }
      let cursor = page.nextCursor;
      while (cursor !== undefined) {
        page = await store.listLinks({}, { limit: 7, cursor });
        seen.push(...idsOf(page.links));
        cursor = page.nextCursor;
      }
      // Links created before the page already read may or may not show up; nothing else may change.
      const early = new Set(idsOf(before.links));
      expect(new Set(seen).size).toBe(seen.length);
      expect(seen.filter((id) => !early.has(id))).toEqual([...idsOf(original), ...idsOf(inCreationOrder(added.links))]);
    });

    it("skips no link when the links already read stop matching the filter (as expireDue does)", async () => {
      const store = current();
      const original = await savePagedLinks(store, 100);
      const filter: LinkFilter = { paymentStatuses: ["RUNNING"] };
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await store.listLinks(filter, { limit: 7, cursor });
        for (const link of page.links) {
          seen.push(link.id);
          const expired = {
            ...link,
            version: link.version + 1,
            payment: { ...link.payment, status: "EXPIRED" as const },
          };
          expect(await store.updateLink(expired, link.version)).toBe(true);
        }
        cursor = page.nextCursor;
      } while (cursor !== undefined);
      expect(seen).toEqual(idsOf(original));
      expect((await store.listLinks(filter, { limit: 7 })).links).toEqual([]);
    });

    it("rejects a cursor it did not make, rather than starting over", async () => {
      const store = current();
      await savePagedLinks(store, 20);
      await expect(store.listLinks({}, { limit: 7, cursor: "%%% not a cursor %%%" })).rejects.toThrow();
    });
  });
}
