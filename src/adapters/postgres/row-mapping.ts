import type { AdvancedParameters } from "../../advanced/advanced-parameters";
import type { MessageTemplate } from "../../message/message-template";
import type {
  DeliveryAttempt,
  DeliveryStatus,
  LinkReminders,
  PaymentStatus,
  StoredLink,
  StoredOrder,
} from "../../ports/payment-order-records";

type Row = Record<string, unknown>;

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);
const date = (value: unknown): Date | undefined =>
  value === null || value === undefined ? undefined : value instanceof Date ? value : new Date(String(value));
const json = (value: unknown): unknown => (typeof value === "string" ? JSON.parse(value) : value);

function advanced(value: unknown): AdvancedParameters {
  const parsed = json(value) as AdvancedParameters & { expiresAt: string };
  return { ...parsed, expiresAt: new Date(parsed.expiresAt) };
}

/** A row of paylinks_orders as a {@link StoredOrder}. Internal. */
export function orderFromRow(row: Row): StoredOrder {
  return {
    id: String(row.id),
    mode: row.mode as StoredOrder["mode"],
    shopId: String(row.shop_id),
    amount: Number(row.amount),
    currency: String(row.currency),
    reference: text(row.reference),
    buyerReference: text(row.buyer_reference),
    advanced: advanced(row.advanced),
    message: json(row.message) as MessageTemplate,
    bcc: json(row.bcc) as string[],
    createdAt: date(row.created_at) as Date,
    createdBy: String(row.created_by),
    linkCount: Number(row.link_count),
    idempotencyKey: text(row.idempotency_key),
    requestFingerprint: text(row.request_fingerprint),
  };
}

/** A row of paylinks_links as a {@link StoredLink}. Internal. */
export function linkFromRow(row: Row): StoredLink {
  return {
    id: String(row.id),
    orderId: String(row.order_id),
    shopId: String(row.shop_id),
    mode: row.mode as StoredLink["mode"],
    createdBy: String(row.created_by),
    token: String(row.token),
    url: String(row.url),
    reference: text(row.reference),
    recipient: String(row.recipient),
    position: Number(row.position),
    bcc: json(row.bcc) as string[],
    amount: Number(row.amount),
    currency: String(row.currency),
    buyerReference: text(row.buyer_reference),
    advanced: advanced(row.advanced),
    message: json(row.message) as MessageTemplate,
    subject: String(row.subject),
    text: String(row.text_body),
    html: String(row.html_body),
    expiresAt: date(row.expires_at) as Date,
    createdAt: date(row.created_at) as Date,
    updatedAt: date(row.updated_at) as Date,
    version: Number(row.version),
    openedAt: date(row.opened_at),
    ...(row.variables === null || row.variables === undefined
      ? {}
      : { variables: json(row.variables) as Record<string, string> }),
    payment: {
      status: row.payment_status as PaymentStatus,
      transactionId: text(row.transaction_id),
      at: date(row.payment_at),
    },
    delivery: {
      status: row.delivery_status as DeliveryStatus,
      sendCount: Number(row.send_count),
      attempts: Number(row.attempts),
      nextAttemptAt: date(row.next_attempt_at),
      leaseOwner: text(row.lease_owner),
      leaseExpiresAt: date(row.lease_expires_at),
      lastError: text(row.last_error),
      messageId: text(row.message_id),
      sentAt: date(row.sent_at),
    },
    ...(row.reminders === null || row.reminders === undefined ? {} : { reminders: remindersOf(row) }),
  };
}

/** The reminder state of a row whose `reminders` is not null. */
function remindersOf(row: Row): LinkReminders {
  const stored = json(row.reminders) as { sent: number; attempts: number; lastError?: string; lastSentAt?: string };
  return {
    sent: Number(stored.sent),
    nextAt: date(row.reminder_due_at),
    attempts: Number(stored.attempts),
    lastError: stored.lastError ?? undefined,
    lastSentAt: date(stored.lastSentAt),
  };
}

/** The `reminders` column of a reminder state: without the due instant (a column of its own). Internal. */
export function remindersColumn(state: LinkReminders | undefined): string | null {
  if (state === undefined) return null;
  return JSON.stringify({
    sent: state.sent,
    attempts: state.attempts,
    ...(state.lastError === undefined ? {} : { lastError: state.lastError }),
    ...(state.lastSentAt === undefined ? {} : { lastSentAt: state.lastSentAt.toISOString() }),
  });
}

/** A row of paylinks_delivery_attempts as a {@link DeliveryAttempt}. Internal. */
export function attemptFromRow(row: Row): DeliveryAttempt {
  return {
    linkId: String(row.link_id),
    sendCount: Number(row.send_count),
    attempt: Number(row.attempt),
    at: date(row.at) as Date,
    worker: String(row.worker),
    outcome: row.outcome as DeliveryAttempt["outcome"],
    messageId: text(row.message_id),
    error: text(row.error),
    ...(row.reminder === null || row.reminder === undefined
      ? {}
      : { kind: "reminder" as const, reminder: Number(row.reminder) }),
  };
}

/** An optional date as the ISO text a `timestamptz` parameter takes, or SQL null. Internal. */
export const iso = (value: Date | undefined): string | null => (value === undefined ? null : value.toISOString());
/** An optional value as a parameter, `undefined` becoming SQL null. Internal. */
export const nullable = <T>(value: T | undefined): T | null => (value === undefined ? null : value);

/**
 * The columns of paylinks_links, each with its SQL type and how to read it from a link: the one list that the
 * insert, the update and the row mapping agree on. A column whose value costs work to make (JSON, ISO dates) also
 * names the object it is made from alone, so that links sharing that object share the value. Internal.
 */
export const LINK_COLUMNS: readonly (readonly [
  column: string,
  type: string,
  value: (link: StoredLink) => unknown,
  source?: (link: StoredLink) => unknown,
])[] = [
  ["id", "text", (l) => l.id],
  ["order_id", "text", (l) => l.orderId],
  ["shop_id", "text", (l) => l.shopId],
  ["mode", "text", (l) => l.mode],
  ["created_by", "text", (l) => l.createdBy],
  ["token", "text", (l) => l.token],
  ["url", "text", (l) => l.url],
  ["reference", "text", (l) => nullable(l.reference)],
  ["recipient", "text", (l) => l.recipient],
  ["position", "integer", (l) => l.position],
  ["bcc", "jsonb", (l) => JSON.stringify(l.bcc), (l) => l.bcc],
  ["amount", "bigint", (l) => l.amount],
  ["currency", "text", (l) => l.currency],
  ["buyer_reference", "text", (l) => nullable(l.buyerReference)],
  ["advanced", "jsonb", (l) => JSON.stringify(l.advanced), (l) => l.advanced],
  ["message", "jsonb", (l) => JSON.stringify(l.message), (l) => l.message],
  ["subject", "text", (l) => l.subject],
  ["text_body", "text", (l) => l.text],
  ["html_body", "text", (l) => l.html],
  ["payment_status", "text", (l) => l.payment.status],
  ["delivery_status", "text", (l) => l.delivery.status],
  ["expires_at", "timestamptz", (l) => l.expiresAt.toISOString(), (l) => l.expiresAt],
  ["created_at", "timestamptz", (l) => l.createdAt.toISOString(), (l) => l.createdAt],
  ["updated_at", "timestamptz", (l) => l.updatedAt.toISOString(), (l) => l.updatedAt],
  ["version", "integer", (l) => l.version],
  ["send_count", "integer", (l) => l.delivery.sendCount],
  ["attempts", "integer", (l) => l.delivery.attempts],
  ["next_attempt_at", "timestamptz", (l) => iso(l.delivery.nextAttemptAt), (l) => l.delivery.nextAttemptAt],
  ["lease_owner", "text", (l) => nullable(l.delivery.leaseOwner)],
  ["lease_expires_at", "timestamptz", (l) => iso(l.delivery.leaseExpiresAt)],
  ["last_error", "text", (l) => nullable(l.delivery.lastError)],
  ["message_id", "text", (l) => nullable(l.delivery.messageId)],
  ["sent_at", "timestamptz", (l) => iso(l.delivery.sentAt)],
  ["transaction_id", "text", (l) => nullable(l.payment.transactionId)],
  ["payment_at", "timestamptz", (l) => iso(l.payment.at)],
  ["opened_at", "timestamptz", (l) => iso(l.openedAt)],
  ["variables", "jsonb", (l) => (l.variables === undefined ? null : JSON.stringify(l.variables)), (l) => l.variables],
  ["reminders", "jsonb", (l) => remindersColumn(l.reminders), (l) => l.reminders],
  ["reminder_due_at", "timestamptz", (l) => iso(l.reminders?.nextAt)],
];

/** The order's values, in the column order of the insert. Internal. */
export function orderValues(order: StoredOrder): unknown[] {
  return [
    order.id,
    order.shopId,
    order.mode,
    order.amount,
    order.currency,
    nullable(order.reference),
    nullable(order.buyerReference),
    JSON.stringify(order.advanced),
    JSON.stringify(order.message),
    JSON.stringify(order.bcc),
    order.createdAt.toISOString(),
    order.createdBy,
    order.linkCount,
    nullable(order.idempotencyKey),
    nullable(order.requestFingerprint),
  ];
}
