import type { AdvancedParametersInput } from "../advanced/advanced-parameters";
import { linkValues } from "../order/link-values";
import type { PaymentOrderPlan, PlannedLink } from "../order/payment-order-plan";
import type { StoredLink, StoredOrder } from "../ports/payment-order-records";
import { firstReminders } from "./reminder-state";

/**
 * Turns a plan into the records to store: every link `RUNNING` and `PENDING`, due now, with its first reminder
 * scheduled in the shop's time zone. Internal.
 */
export function recordsFromPlan(
  plan: PaymentOrderPlan,
  idempotency: { key: string | undefined; fingerprint: string | undefined },
  timezone: string,
): { order: StoredOrder; links: StoredLink[] } {
  const { order } = plan;
  const stored: StoredOrder = {
    ...order,
    idempotencyKey: idempotency.key,
    requestFingerprint: idempotency.fingerprint,
  };
  const reminders = firstReminders(order.advanced, order.createdAt, timezone);
  const links = plan.links.map((link, position) => linkRecord(stored, link, position, reminders));
  return { order: stored, links };
}

function linkRecord(
  order: StoredOrder,
  link: PlannedLink,
  position: number,
  reminders: StoredLink["reminders"],
): StoredLink {
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
    ...(reminders ? { reminders } : {}),
  };
}

/**
 * The step-2 input that reproduces stored advanced parameters, without the expiry (the caller adds the one it
 * wants) and without the reminder schedule (a stored schedule is kept as it is, not checked again). Internal.
 */
export function advancedInput(link: Pick<StoredLink, "advanced">): AdvancedParametersInput {
  const { expiresAt: _expiresAt, validityDays: _validityDays, reminders: _reminders, ...choices } = link.advanced;
  return choices;
}
