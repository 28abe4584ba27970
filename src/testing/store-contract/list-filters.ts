import { describe, expect, it } from "vitest";
import type { LinkFilter, OrderStore } from "../../ports/order-store";
import type { StoredLink } from "../../ports/payment-order-records";
import { type CurrentOrderStore, idsOf, inCreationOrder, minutes, readAllPages, saveOrderWithLinks } from "./support";

/**
 * Six links in four orders, named `a` to `f` (their ids are `filter-a`…), in creation order:
 *
 * | link | order | shop   | mode       | by     | created | reference      | recipient           | payment   | delivery | expires |
 * |------|-------|--------|------------|--------|---------|----------------|---------------------|-----------|----------|---------|
 * | a    | o1    | shop-1 | PRODUCTION | user-1 | +0      | INV-100-001    | Alice@Example.com   | RUNNING   | PENDING  | +1000   |
 * | b    | o1    | shop-1 | PRODUCTION | user-1 | +0      | INV-100-002    | bob@example.com     | PAID      | SENT     | +1000   |
 * | c    | o2    | shop-1 | TEST       | user-2 | +10     | inv-200        | alice@example.com   | RUNNING   | FAILED   | +500    |
 * | d    | o3    | shop-2 | PRODUCTION | user-1 | +20     | (none)         | carol@example.com   | CANCELLED | PENDING  | +2000   |
 * | e    | o3    | shop-2 | PRODUCTION | user-1 | +20     | INV-1000       | dave@example.com    | EXPIRED   | SENT     | +30     |
 * | f    | o4    | shop-3 | TEST       | user-3 | +30     | INV-100-003x   | ALICE@EXAMPLE.COM   | REFUSED   | SENT     | +1000   |
 *
 * Times are minutes after the records' creation instant.
 */
async function saveFilterData(store: OrderStore): Promise<Record<string, StoredLink>> {
  const orders = [
    {
      order: { id: "filter-o1", shopId: "shop-1", mode: "PRODUCTION", createdBy: "user-1", createdAt: minutes(0) },
      links: [
        { id: "filter-a", reference: "INV-100-001", recipient: "Alice@Example.com", expiresAt: minutes(1000) },
        {
          id: "filter-b",
          reference: "INV-100-002",
          recipient: "bob@example.com",
          expiresAt: minutes(1000),
          payment: { status: "PAID" },
          delivery: { status: "SENT" },
        },
      ],
    },
    {
      order: { id: "filter-o2", shopId: "shop-1", mode: "TEST", createdBy: "user-2", createdAt: minutes(10) },
      links: [
        {
          id: "filter-c",
          reference: "inv-200",
          recipient: "alice@example.com",
          expiresAt: minutes(500),
          delivery: { status: "FAILED" },
        },
      ],
    },
    {
      order: { id: "filter-o3", shopId: "shop-2", mode: "PRODUCTION", createdBy: "user-1", createdAt: minutes(20) },
      links: [
        {
          id: "filter-d",
          reference: undefined,
          recipient: "carol@example.com",
          expiresAt: minutes(2000),
          payment: { status: "CANCELLED" },
        },
        {
          id: "filter-e",
          reference: "INV-1000",
          recipient: "dave@example.com",
          expiresAt: minutes(30),
          payment: { status: "EXPIRED" },
          delivery: { status: "SENT" },
        },
      ],
    },
    {
      order: { id: "filter-o4", shopId: "shop-3", mode: "TEST", createdBy: "user-3", createdAt: minutes(30) },
      links: [
        {
          id: "filter-f",
          reference: "INV-100-003x",
          recipient: "ALICE@EXAMPLE.COM",
          expiresAt: minutes(1000),
          payment: { status: "REFUSED" },
          delivery: { status: "SENT" },
        },
      ],
    },
  ] as const;
  const byName: Record<string, StoredLink> = {};
  // Saved out of creation order, so that a store returning insertion order fails.
  for (const index of [2, 0, 3, 1]) {
    const { links } = await saveOrderWithLinks(store, orders[index] as (typeof orders)[number]);
    for (const link of links) byName[link.id.slice("filter-".length)] = link;
  }
  return byName;
}

const ms = (n: number): Date => new Date(minutes(0).getTime() + n);

/** Each filter and the links (by name, in list order) it lets through. */
const FILTER_CASES: readonly { readonly name: string; readonly filter: LinkFilter; readonly expected: string }[] = [
  { name: "no field: every link", filter: {}, expected: "abcdef" },
  {
    name: "fields set to undefined: every link",
    filter: { shopIds: undefined, recipient: undefined },
    expected: "abcdef",
  },
  { name: "shopIds, one", filter: { shopIds: ["shop-1"] }, expected: "abc" },
  { name: "shopIds, two", filter: { shopIds: ["shop-1", "shop-3"] }, expected: "abcf" },
  { name: "shopIds, empty: nothing", filter: { shopIds: [] }, expected: "" },
  { name: "modes, TEST", filter: { modes: ["TEST"] }, expected: "cf" },
  { name: "modes, both", filter: { modes: ["PRODUCTION", "TEST"] }, expected: "abcdef" },
  { name: "modes, empty: nothing", filter: { modes: [] }, expected: "" },
  { name: "orderId", filter: { orderId: "filter-o3" }, expected: "de" },
  { name: "orderId, unknown", filter: { orderId: "no-such-order" }, expected: "" },
  { name: "paymentStatuses, one", filter: { paymentStatuses: ["RUNNING"] }, expected: "ac" },
  { name: "paymentStatuses, two", filter: { paymentStatuses: ["PAID", "REFUSED"] }, expected: "bf" },
  { name: "paymentStatuses, empty: nothing", filter: { paymentStatuses: [] }, expected: "" },
  { name: "deliveryStatuses, one", filter: { deliveryStatuses: ["SENT"] }, expected: "bef" },
  { name: "deliveryStatuses, two", filter: { deliveryStatuses: ["PENDING", "FAILED"] }, expected: "acd" },
  { name: "deliveryStatuses, empty: nothing", filter: { deliveryStatuses: [] }, expected: "" },
  { name: "referencePrefix", filter: { referencePrefix: "INV-100-" }, expected: "abf" },
  { name: "referencePrefix, not a word", filter: { referencePrefix: "INV-100" }, expected: "abef" },
  { name: "referencePrefix, shorter", filter: { referencePrefix: "INV-1" }, expected: "abef" },
  { name: "referencePrefix, with case", filter: { referencePrefix: "inv" }, expected: "c" },
  { name: "referencePrefix, whole reference", filter: { referencePrefix: "INV-1000" }, expected: "e" },
  { name: "referencePrefix, empty: links with a reference", filter: { referencePrefix: "" }, expected: "abcef" },
  { name: "recipient, without case", filter: { recipient: "alice@example.com" }, expected: "acf" },
  { name: "recipient, upper case", filter: { recipient: "ALICE@example.COM" }, expected: "acf" },
  { name: "recipient, not a substring", filter: { recipient: "alice" }, expected: "" },
  { name: "createdFrom, inclusive", filter: { createdFrom: minutes(10) }, expected: "cdef" },
  { name: "createdFrom, one ms later", filter: { createdFrom: ms(10 * 60_000 + 1) }, expected: "def" },
  { name: "createdTo, exclusive", filter: { createdTo: minutes(20) }, expected: "abc" },
  { name: "createdTo, one ms later", filter: { createdTo: ms(20 * 60_000 + 1) }, expected: "abcde" },
  { name: "createdFrom and createdTo", filter: { createdFrom: minutes(10), createdTo: minutes(30) }, expected: "cde" },
  {
    name: "createdFrom after createdTo: nothing",
    filter: { createdFrom: minutes(30), createdTo: minutes(10) },
    expected: "",
  },
  { name: "createdBy", filter: { createdBy: "user-1" }, expected: "abde" },
  { name: "expiresBefore, exclusive", filter: { expiresBefore: minutes(1000) }, expected: "ce" },
  { name: "expiresBefore, one ms later", filter: { expiresBefore: ms(1000 * 60_000 + 1) }, expected: "abcef" },
  {
    name: "several fields: all must match",
    filter: { shopIds: ["shop-1", "shop-2"], paymentStatuses: ["RUNNING", "CANCELLED"], createdBy: "user-1" },
    expected: "ad",
  },
  { name: "orderId and deliveryStatuses", filter: { orderId: "filter-o1", deliveryStatuses: ["SENT"] }, expected: "b" },
  {
    name: "every field",
    filter: {
      shopIds: ["shop-1"],
      modes: ["PRODUCTION"],
      orderId: "filter-o1",
      paymentStatuses: ["RUNNING"],
      deliveryStatuses: ["PENDING"],
      referencePrefix: "INV-100-00",
      recipient: "alice@example.com",
      createdFrom: minutes(0),
      createdTo: minutes(1),
      createdBy: "user-1",
      expiresBefore: minutes(1001),
    },
    expected: "a",
  },
];

/** Contract: listLinks filters and order. Internal. */
export function describeListFilters(current: CurrentOrderStore): void {
  describe("listLinks filters", () => {
    it.each(FILTER_CASES)("$name", async ({ filter, expected }) => {
      const store = current();
      await saveFilterData(store);
      const page = await store.listLinks(filter, { limit: 100 });
      expect(idsOf(page.links)).toEqual([...expected].map((name) => `filter-${name}`));
      expect(page.nextCursor).toBeUndefined();
    });

    it("returns the links as stored", async () => {
      const store = current();
      const byName = await saveFilterData(store);
      const { links } = await store.listLinks({}, { limit: 100 });
      expect(links).toStrictEqual([..."abcdef"].map((name) => byName[name]));
    });

    it('orders by creation instant, then by id compared by code unit (binary, as COLLATE "C")', async () => {
      const store = current();
      const ids = ["Zed", "alpha", "-dash", "Beta", "_under", "0zero", "beta", "Alpha", "a-b", "a_b", "aB"];
      const later = await saveOrderWithLinks(store, {
        order: { createdAt: minutes(5) },
        links: [{ id: "early-but-saved-first" }],
      });
      const { links } = await saveOrderWithLinks(store, {
        order: { createdAt: minutes(0) },
        links: ids.map((id) => ({ id })),
      });
      const expected = inCreationOrder([...links, ...later.links]);
      expect(idsOf(expected)).toEqual([
        "-dash",
        "0zero",
        "Alpha",
        "Beta",
        "Zed",
        "_under",
        "a-b",
        "aB",
        "a_b",
        "alpha",
        "beta",
        "early-but-saved-first",
      ]);
      expect(idsOf((await readAllPages(store, {}, 5)).links)).toEqual(idsOf(expected));
    });
  });
}
