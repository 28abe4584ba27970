import { shippedLanguage } from "../message/default-messages";
import type { MessageTemplate } from "../message/message-template";
import { reminderDe } from "./templates/de";
import { reminderEn } from "./templates/en";
import { reminderEs } from "./templates/es";
import { reminderFr } from "./templates/fr";
import { reminderIt } from "./templates/it";
import { reminderNl } from "./templates/nl";
import { reminderPt } from "./templates/pt";

/**
 * The default reminder message in each language paylinks ships, written for this library (one module per
 * language, in `reminders/templates/`). Besides the variables of the first e-mail, they use
 * `%reminder_number%` (1 for the first reminder) and `%days_left%` (whole days from the reminder's day to the
 * expiry day, 0 on the expiry day).
 */
export const DEFAULT_REMINDER_MESSAGES: Readonly<
  Record<"en" | "fr" | "de" | "es" | "it" | "nl" | "pt", MessageTemplate>
> = {
  en: reminderEn,
  fr: reminderFr,
  de: reminderDe,
  es: reminderEs,
  it: reminderIt,
  nl: reminderNl,
  pt: reminderPt,
};

/**
 * The default reminder message (subject and body) for a language: a regional tag uses its language (`fr-CA` →
 * `fr`); a language paylinks has no text for falls back to English, as for `defaultMessage`.
 *
 * @param language - A language tag such as `"fr"`.
 * @returns The default reminder template.
 * @example
 * ```ts
 * defaultReminderMessage("en").subject; // "%shop_name%: reminder, your payment link is waiting"
 * ```
 */
export function defaultReminderMessage(language: string): MessageTemplate {
  return DEFAULT_REMINDER_MESSAGES[shippedLanguage(language)];
}
