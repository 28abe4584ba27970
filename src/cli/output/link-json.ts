import type { StoredLink, StoredOrder } from "../../ports/payment-order-records";

/**
 * A link as the `--json` documents give it: every stored field but the token (it is in the URL), the HTML part
 * and the delivery lease.
 *
 * @param link - The link.
 * @returns A plain object; its dates become ISO 8601 texts in JSON.
 */
export function linkJson(link: StoredLink) {
  return {
    id: link.id,
    orderId: link.orderId,
    shopId: link.shopId,
    mode: link.mode,
    reference: link.reference ?? null,
    recipient: link.recipient,
    bcc: link.bcc,
    amount: link.amount,
    currency: link.currency,
    buyerReference: link.buyerReference ?? null,
    paymentStatus: link.payment.status,
    deliveryStatus: link.delivery.status,
    expiresAt: link.expiresAt,
    createdAt: link.createdAt,
    updatedAt: link.updatedAt,
    createdBy: link.createdBy,
    url: link.url,
    subject: link.subject,
    sendCount: link.delivery.sendCount,
    attempts: link.delivery.attempts,
    nextAttemptAt: link.delivery.nextAttemptAt ?? null,
    lastError: link.delivery.lastError ?? null,
    messageId: link.delivery.messageId ?? null,
    sentAt: link.delivery.sentAt ?? null,
    transactionId: link.payment.transactionId ?? null,
    paymentAt: link.payment.at ?? null,
    openedAt: link.openedAt ?? null,
    advanced: link.advanced,
    remindersSent: link.reminders?.sent ?? 0,
    nextReminderAt: link.reminders?.nextAt ?? null,
  };
}

/**
 * An order as the `--json` documents give it: every stored field but the request's fingerprint.
 *
 * @param order - The order.
 * @returns A plain object.
 */
export function orderJson(order: StoredOrder) {
  return {
    id: order.id,
    shopId: order.shopId,
    mode: order.mode,
    amount: order.amount,
    currency: order.currency,
    reference: order.reference ?? null,
    buyerReference: order.buyerReference ?? null,
    bcc: order.bcc,
    linkCount: order.linkCount,
    createdAt: order.createdAt,
    createdBy: order.createdBy,
    idempotencyKey: order.idempotencyKey ?? null,
    advanced: order.advanced,
    message: order.message,
  };
}
