import { formatAmount } from "../../money/format-amount";
import type { Settings } from "../config/settings";

const parts = (date: Date, timeZone: string): Record<string, string> => {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value]));
};

/**
 * An instant as `YYYY-MM-DD HH:mm:ss` in a time zone (the shop's: never the machine's, so that the output does not
 * depend on `TZ`).
 *
 * @param date - The instant.
 * @param timeZone - An IANA time zone.
 * @returns E.g. `2026-12-08 23:59:59`.
 */
export function formatInstant(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/**
 * The day of an instant, `YYYY-MM-DD`, in a time zone.
 *
 * @param date - The instant.
 * @param timeZone - An IANA time zone.
 * @returns E.g. `2026-12-08`.
 */
export function formatDay(date: Date, timeZone: string): string {
  const p = parts(date, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * The time zone of a shop, from the settings; UTC for a shop the config no longer has.
 *
 * @param settings - The settings.
 * @param shopId - The shop.
 * @returns An IANA time zone.
 */
export function timeZoneOf(settings: Settings, shopId: string): string {
  return settings.shops.find((shop) => shop.id === shopId)?.timezone ?? "UTC";
}

/**
 * An amount in minor units for people, in the CLI's language (`49,90 €`, `€49.90`).
 *
 * @param amount - Minor units.
 * @param currency - ISO 4217 code.
 * @param lang - The CLI's language.
 * @returns The amount.
 */
export function formatMoney(amount: number, currency: string, lang: string): string {
  try {
    return formatAmount(amount, currency, lang);
  } catch {
    return `${amount} ${currency}`;
  }
}
