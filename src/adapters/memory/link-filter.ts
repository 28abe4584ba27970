import type { LinkFilter } from "../../ports/order-store";
import type { StoredLink } from "../../ports/payment-order-records";

const among = <T>(list: readonly T[] | undefined, value: T): boolean => list === undefined || list.includes(value);

/**
 * Whether a link passes every field of a filter. A list field that is present but empty lets nothing through;
 * the recipient is compared without case, the reference prefix with case. Internal.
 */
export function matchesFilter(link: StoredLink, filter: LinkFilter): boolean {
  return (
    among(filter.shopIds, link.shopId) &&
    among(filter.modes, link.mode) &&
    (filter.orderId === undefined || link.orderId === filter.orderId) &&
    among(filter.paymentStatuses, link.payment.status) &&
    among(filter.deliveryStatuses, link.delivery.status) &&
    (filter.referencePrefix === undefined || link.reference?.startsWith(filter.referencePrefix) === true) &&
    (filter.recipient === undefined || link.recipient.toLowerCase() === filter.recipient.toLowerCase()) &&
    (filter.createdFrom === undefined || link.createdAt.getTime() >= filter.createdFrom.getTime()) &&
    (filter.createdTo === undefined || link.createdAt.getTime() < filter.createdTo.getTime()) &&
    (filter.createdBy === undefined || link.createdBy === filter.createdBy) &&
    (filter.expiresBefore === undefined || link.expiresAt.getTime() < filter.expiresBefore.getTime())
  );
}
