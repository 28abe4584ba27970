import { linkValues } from "../order/link-values";
import type { PaymentOrderPlan } from "../order/payment-order-plan";
import type { LinkPage } from "../ports/order-store";
import type { StoredLink, StoredOrder } from "../ports/payment-order-records";

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A value as the API writes it: dates as ISO 8601 strings in UTC, absent fields as `null` (so every field of a
 * schema is always there), the rest as it is. Internal.
 *
 * @param value - A record of the service.
 * @returns Its JSON form.
 */
export function toJson(value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object") {
    const out: { [key: string]: Json } = {};
    for (const [key, field] of Object.entries(value)) out[key] = toJson(field);
    return out;
  }
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A link for the merchant: everything stored but the e-mail's text and HTML parts (read them with the preview, or
 * in the outbox), which would make a page of links heavy. The token and URL are there: the merchant may share the
 * link another way. Internal.
 */
export function linkJson(link: StoredLink): Json {
  const { text: _text, html: _html, ...rest } = link;
  return toJson({
    ...rest,
    ...steps(link),
    variables: link.variables ?? {},
    reminders: link.reminders ?? NO_REMINDERS,
  });
}

const NO_REMINDERS = { sent: 0, nextAt: null, attempts: 0, lastError: null, lastSentAt: null };

/** Steps 2 and 3 with their optional parts written as `null`. */
const steps = (record: Pick<StoredOrder, "advanced" | "message">) => ({
  advanced: { ...record.advanced, reminders: record.advanced.reminders ?? null },
  message: { ...record.message, reminder: record.message.reminder ?? null },
});

/** An order. Internal. */
export const orderJson = (order: StoredOrder): Json => toJson({ ...order, ...steps(order) });

/** An order and its links. Internal. */
export function orderWithLinksJson(order: StoredOrder, links: readonly StoredLink[], created?: boolean): Json {
  return {
    order: orderJson(order),
    links: links.map(linkJson),
    ...(created === undefined ? {} : { created }),
  };
}

/** A page of links. Internal. */
export const pageJson = (page: LinkPage): Json => ({
  links: page.links.map(linkJson),
  nextCursor: page.nextCursor ?? null,
});

/** The preview: the order and every link with its rendered e-mail. Internal. */
export const planJson = (plan: PaymentOrderPlan): Json =>
  toJson({
    order: { ...plan.order, ...steps(plan.order) },
    // Each link with its amount, currency and buyer reference (a batch row's, or the order's).
    links: plan.links.map((link) => ({ ...link, ...linkValues(plan.order, link), variables: link.variables ?? {} })),
  });
