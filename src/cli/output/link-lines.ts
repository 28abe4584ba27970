import type { StoredLink, StoredOrder } from "../../ports/payment-order-records";
import type { Settings } from "../config/settings";
import type { CliText } from "../text/cli-text";
import { formatDay, formatInstant, formatMoney, timeZoneOf } from "./format";
import { table } from "./table";

/** What the human output needs besides the link: the settings (time zones, shop names) and the messages. */
export interface LinkView {
  /** The settings. */
  readonly settings: Settings;
  /** The messages. */
  readonly text: CliText;
}

const shopLabel = (view: LinkView, shopId: string): string => {
  const shop = view.settings.shops.find((s) => s.id === shopId);
  return shop ? `${shop.id} (${shop.name})` : shopId;
};

/**
 * Links as a table: id, reference, recipient, amount, payment and delivery statuses, expiry day (in the shop's
 * time zone) and mode.
 *
 * @param links - The links.
 * @param view - The settings and the messages.
 * @returns The header line, then one line per link.
 */
export function linkTable(links: readonly StoredLink[], view: LinkView): string[] {
  const { text, settings } = view;
  const c = text.out.columns;
  return table([
    [c.id, c.reference, c.recipient, c.amount, c.payment, c.delivery, c.expires, c.mode],
    ...links.map((link) => [
      link.id,
      link.reference ?? "—",
      link.recipient,
      formatMoney(link.amount, link.currency, text.locale),
      link.payment.status,
      link.delivery.status,
      formatDay(link.expiresAt, timeZoneOf(settings, link.shopId)),
      link.mode,
    ]),
  ]);
}

/**
 * One link, field by field; fields without a value are left out.
 *
 * @param link - The link.
 * @param view - The settings and the messages.
 * @param emlFile - The `.eml` file of its last e-mail, when mail goes to the outbox.
 * @returns The lines.
 */
export function linkDetails(link: StoredLink, view: LinkView, emlFile: string | undefined): string[] {
  const { text, settings } = view;
  const f = text.out.fields;
  const zone = timeZoneOf(settings, link.shopId);
  const at = (date: Date | undefined): string | undefined =>
    date === undefined ? undefined : `${formatInstant(date, zone)} (${zone})`;
  const rows: [string, string | undefined][] = [
    [f.link, link.id],
    [f.order, link.orderId],
    [f.shop, shopLabel(view, link.shopId)],
    [f.mode, link.mode],
    [f.reference, link.reference],
    [f.recipient, link.recipient],
    [f.bcc, link.bcc.length > 0 ? link.bcc.join(", ") : undefined],
    [f.amount, formatMoney(link.amount, link.currency, text.locale)],
    [f.buyerReference, link.buyerReference],
    [f.payment, link.payment.status],
    [f.delivery, link.delivery.status],
    [f.expires, at(link.expiresAt)],
    [f.created, at(link.createdAt)],
    [f.url, link.url],
    [f.language, link.advanced.language],
    [f.subject, link.subject],
    [f.sends, String(link.delivery.sendCount)],
    [f.sent, at(link.delivery.sentAt)],
    [f.messageId, link.delivery.messageId],
    [f.emlFile, emlFile],
    [f.lastError, link.delivery.lastError],
    [f.transaction, link.payment.transactionId],
    [f.paidAt, at(link.payment.at)],
    ...(link.advanced.reminders === undefined && link.reminders === undefined ? [] : reminderRows(link, view)),
  ];
  return table(rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== ""));
}

/**
 * A link's reminders, field by field: the schedule, how many went out, and when the next one is due (in the shop's
 * time zone).
 *
 * @param link - The link.
 * @param view - The settings and the messages.
 * @returns The label-value rows.
 */
export function reminderRows(link: StoredLink, view: LinkView): [string, string][] {
  const f = view.text.out.fields;
  const zone = timeZoneOf(view.settings, link.shopId);
  const next = link.reminders?.nextAt;
  return [
    [f.reminderSchedule, view.text.out.reminderSchedule(link.advanced.reminders)],
    [f.remindersSent, String(link.reminders?.sent ?? 0)],
    [f.nextReminder, next === undefined ? "-" : `${formatInstant(next, zone)} (${zone})`],
  ];
}

/**
 * An order, field by field, then its links as a table.
 *
 * @param order - The order.
 * @param links - Its links.
 * @param view - The settings and the messages.
 * @returns The lines.
 */
export function orderDetails(order: StoredOrder, links: readonly StoredLink[], view: LinkView): string[] {
  const { text, settings } = view;
  const f = text.out.fields;
  const zone = timeZoneOf(settings, order.shopId);
  const rows: [string, string | undefined][] = [
    [f.order, order.id],
    [f.shop, shopLabel(view, order.shopId)],
    [f.mode, order.mode],
    [f.reference, order.reference],
    [f.amount, formatMoney(order.amount, order.currency, text.locale)],
    [f.buyerReference, order.buyerReference],
    [f.bcc, order.bcc.length > 0 ? order.bcc.join(", ") : undefined],
    [f.created, `${formatInstant(order.createdAt, zone)} (${zone})`],
    [f.createdBy, order.createdBy],
    [f.links, String(order.linkCount)],
  ];
  return [
    ...table(rows.filter((row): row is [string, string] => row[1] !== undefined && row[1] !== "")),
    "",
    ...linkTable(links, view),
  ];
}
