import type { StoredLink, StoredOrder } from "../../src/ports";

/**
 * The links of a test order as the service's records hold them (src/service/records.ts): sharing the order's
 * steps 2 and 3, blind copies and dates, rather than copies of their own.
 */
export function serviceLikeLinks(order: StoredOrder, links: readonly StoredLink[]): StoredLink[] {
  return links.map((link) => ({
    ...link,
    advanced: order.advanced,
    message: order.message,
    bcc: order.bcc,
    createdAt: order.createdAt,
    updatedAt: order.createdAt,
    expiresAt: order.advanced.expiresAt,
    delivery: { ...link.delivery, nextAttemptAt: order.createdAt },
  }));
}
