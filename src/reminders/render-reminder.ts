import { dayInZone, daysBetween } from "../calendar/zoned-time";
import type { RenderedMessage } from "../message/render-message";
import { compileMessage } from "../message/render-message";
import type { StoredLink } from "../ports/payment-order-records";
import type { ShopConfig } from "../shop/shop-config";
import { defaultReminderMessage } from "./default-reminders";

/** What a reminder is rendered from: a stored link, as the delivery queue holds it. */
export type RemindedLink = Pick<
  StoredLink,
  | "reference"
  | "url"
  | "amount"
  | "currency"
  | "buyerReference"
  | "advanced"
  | "message"
  | "createdAt"
  | "expiresAt"
  | "variables"
>;

/** Which reminder to render. */
export interface ReminderValues {
  /** `%reminder_number%`: 1 for the first reminder. */
  readonly number: number;
  /** When it is sent: `%days_left%` counts the days from then to the expiry day. */
  readonly at: Date;
}

/**
 * Renders a reminder of a link: the link's reminder template (`message.reminder`), else the default reminder of
 * its language, with the values of the link's first e-mail, its custom variables, `%reminder_number%` and
 * `%days_left%`.
 *
 * @param link - The link.
 * @param shop - Its shop: name, contact, site and time zone.
 * @param reminder - The reminder's number and when it is sent.
 * @returns The subject, text and HTML of the reminder.
 * @example
 * ```ts
 * renderReminder(link, shop, { number: 1, at: new Date() }).subject;
 * // "Librairie Durand : rappel, votre lien de paiement vous attend"
 * ```
 */
export function renderReminder(link: RemindedLink, shop: ShopConfig, reminder: ReminderValues): RenderedMessage {
  const language = link.advanced.language;
  const daysLeft = daysBetween(dayInZone(reminder.at, shop.timezone), dayInZone(link.expiresAt, shop.timezone));
  const template = link.message.reminder ?? defaultReminderMessage(language);
  const render = compileMessage(
    template,
    {
      reference: link.reference,
      amount: link.amount,
      currency: link.currency,
      startDate: link.createdAt,
      endDate: link.expiresAt,
      shopName: shop.name,
      shopContact: shop.contactEmail,
      shopUrl: shop.url,
      buyerReference: link.buyerReference,
      variables: {
        ...link.variables,
        reminder_number: String(reminder.number),
        days_left: String(Math.max(0, daysLeft)),
      },
    },
    { language, timezone: shop.timezone },
  );
  return render({ reference: link.reference, url: link.url });
}
