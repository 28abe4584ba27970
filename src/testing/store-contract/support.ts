import { expect } from "vitest";
import type { PaymentOrderStore } from "../../ports/delivery-queue";
import type { LinkFilter, LinkPage, OrderStore } from "../../ports/order-store";
import type { StoredLink, StoredOrder } from "../../ports/payment-order-records";
import {
  type LinkFields,
  type MakeOrderWithLinksOptions,
  makeLink,
  makeOrder,
  makeOrderWithLinks,
  type OrderWithLinksRecords,
  RECORDS_CREATED_AT,
} from "../make-records";

/** Gives the order store of the running test. Internal. */
export type CurrentOrderStore = () => OrderStore;

/** Gives the delivery queue of the running test, with the order store whose links it queues. Internal. */
export type CurrentStore = () => PaymentOrderStore;

/** The instant `n` minutes after the records' creation instant (negative: before). Internal. */
export const minutes = (n: number): Date => new Date(RECORDS_CREATED_AT.getTime() + n * 60_000);

/** Compares ids by UTF-16 code unit: the id order of the port. Internal. */
export const compareIds = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

/** The links in the port's list order: creation instant, then id. Internal. */
export const inCreationOrder = (links: readonly StoredLink[]): StoredLink[] =>
  [...links].sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || compareIds(x.id, y.id));

/** The ids of links. Internal. */
export const idsOf = (links: readonly Pick<StoredLink, "id">[]): string[] => links.map((link) => link.id);

/** Makes an order with links, saves it, and checks it was saved. Internal. */
export async function saveOrderWithLinks(
  store: OrderStore,
  options: MakeOrderWithLinksOptions = {},
): Promise<OrderWithLinksRecords> {
  const records = makeOrderWithLinks(options);
  expect(await store.saveOrder(records.order, records.links)).toBe("saved");
  return records;
}

/** Saves each link in an order of its own (built from the link's shop, mode, creator and creation). Internal. */
export async function saveLinks(store: OrderStore, links: readonly LinkFields[]): Promise<StoredLink[]> {
  const saved: StoredLink[] = [];
  for (const fields of links) {
    const order = {
      ...(fields.orderId === undefined ? {} : { id: fields.orderId }),
      ...(fields.shopId === undefined ? {} : { shopId: fields.shopId }),
      ...(fields.mode === undefined ? {} : { mode: fields.mode }),
      ...(fields.createdBy === undefined ? {} : { createdBy: fields.createdBy }),
      ...(fields.createdAt === undefined ? {} : { createdAt: fields.createdAt }),
    };
    const records = await saveOrderWithLinks(store, { order, links: [fields] });
    saved.push(...records.links);
  }
  return saved;
}

/** Reads every page of a listing; fails if the store keeps returning cursors. Internal. */
export async function readAllPages(
  store: OrderStore,
  filter: LinkFilter,
  limit: number,
): Promise<{ links: StoredLink[]; pages: LinkPage[] }> {
  const pages: LinkPage[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.listLinks(filter, { limit, cursor });
    pages.push(page);
    cursor = page.nextCursor;
    if (pages.length > 10_000) throw new Error("listLinks kept returning a next cursor");
  } while (cursor !== undefined);
  return { links: pages.flatMap((page) => page.links), pages };
}

/** An order and a link with every optional field set, and values at the edges of their columns. Internal. */
export function fullRecords(): { order: StoredOrder; link: StoredLink } {
  const order = makeOrder({
    mode: "TEST",
    amount: 999_999_999_999,
    currency: "KWD",
    reference: "FULL-REF",
    buyerReference: "Customer 42",
    bcc: ["manager@example.com", "me@example.com"],
    linkCount: 1,
    idempotencyKey: "key-full",
    requestFingerprint: "f".repeat(64),
  });
  const link = makeLink({
    orderId: order.id,
    mode: "TEST",
    reference: "FULL-REF",
    buyerReference: "Customer 42",
    bcc: ["manager@example.com", "me@example.com"],
    amount: 999_999_999_999,
    currency: "KWD",
    advanced: {
      language: "fr-CA",
      dataCollectionForm: true,
      validityDays: 90,
      expiresAt: new Date(Date.UTC(2026, 4, 31, 3, 59, 59, 0)),
      paymentMethodSaving: "always",
      threeDsPreference: "challenge_mandated",
      manualValidation: true,
      captureDelayDays: 365,
    },
    expiresAt: new Date(Date.UTC(2026, 4, 31, 3, 59, 59, 0)),
    updatedAt: minutes(90),
    version: 7,
    openedAt: minutes(85),
    payment: { status: "PAID", transactionId: "tx-0001", at: minutes(80) },
    delivery: {
      status: "SENT",
      sendCount: 3,
      attempts: 2,
      nextAttemptAt: minutes(61),
      leaseOwner: "worker-a",
      leaseExpiresAt: minutes(62),
      lastError: "451 4.7.1 Try again later",
      messageId: "<link-full.3@paylinks.invalid>",
      sentAt: new Date(minutes(63).getTime() + 123),
    },
  });
  return { order, link };
}
