import type { AdvancedParametersInput } from "../advanced/advanced-parameters";
import { linkValues } from "../order/link-values";
import type { PaymentOrderPlan, PlannedLink } from "../order/payment-order-plan";
import type { StoredLink, StoredOrder } from "../ports/payment-order-records";

/** Turns a plan into the records to store: every link `RUNNING` and `PENDING`, due now. Internal. */
export function recordsFromPlan(
  plan: PaymentOrderPlan,
  idempotency: { key: string | undefined; fingerprint: string | undefined },
): { order: StoredOrder; links: StoredLink[] } {
  const { order } = plan;
  const stored: StoredOrder = {
    ...order,
    idempotencyKey: idempotency.key,
    requestFingerprint: idempotency.fingerprint,
  };
  const links = plan.links.map((link, position) => linkRecord(stored, link, position));
  return { order: stored, links };
}

function linkRecord(order: StoredOrder, link: PlannedLink, position: number): StoredLink {
  return {
    ...link,
    orderId: order.id,
    shopId: order.shopId,
    mode: order.mode,
    createdBy: order.createdBy,
    position,
    ...linkValues(order, link),
    advanced: order.advanced,
    message: order.message,
    expiresAt: order.advanced.expiresAt,
    createdAt: order.createdAt,
    updatedAt: order.createdAt,
    version: 1,
    openedAt: undefined,
    payment: { status: "RUNNING", transactionId: undefined, at: undefined },
    delivery: {
      status: "PENDING",
      sendCount: 1,
      attempts: 0,
      nextAttemptAt: order.createdAt,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      lastError: undefined,
      messageId: undefined,
      sentAt: undefined,
    },
  };
}

/**
 * The step-2 input that reproduces stored advanced parameters, without the expiry (the caller adds the one it
 * wants). Internal.
 */
export function advancedInput(link: Pick<StoredLink, "advanced">): AdvancedParametersInput {
  const { expiresAt: _expiresAt, validityDays: _validityDays, ...choices } = link.advanced;
  return choices;
}
