import { addDays, dayInZone, endOfDay, isTimeZone } from "../calendar/zoned-time";
import { createSink } from "../internal/issue-sink";
import { textOf } from "../internal/preview";
import { PaylinksError } from "../issues/paylinks-error";
import { normalizeLanguage } from "../language/normalize-language";
import { checkReminders } from "../reminders/check-reminders";
import type { ShopConfig } from "../shop/shop-config";
import type { AdvancedParameters } from "./advanced-parameters";
import { LIBRARY_DEFAULTS } from "./advanced-parameters";

/**
 * The advanced parameters a merchant sees in step 2 before changing anything: the shop's defaults, else the
 * library's (language of the shop, form off, 7 days, `none`, `no_preference`, automatic validation, capture
 * delay 0), with the expiry resolved. When the shop's default saves the payment method, the 3-D Secure
 * preference is `challenge_mandated`.
 *
 * @param shop - The shop.
 * @param context - `now`, the creation instant.
 * @returns The defaults, with `expiresAt` at 23:59:59 of the last valid day in the shop's time zone.
 * @throws {@link PaylinksError} `invalid_context` when the shop's time zone is not one `Intl` knows or `now` is
 *   not a valid `Date`.
 * @example
 * ```ts
 * defaultAdvancedParameters(shop, { now: new Date("2026-12-01T10:00:00Z") }).expiresAt;
 * // 2026-12-08T22:59:59.000Z for a shop in Europe/Paris
 * ```
 */
export function defaultAdvancedParameters(shop: ShopConfig, context: { readonly now: Date }): AdvancedParameters {
  if (!isTimeZone(shop.timezone))
    throw new PaylinksError("invalid_context", `Not a time zone: ${textOf(shop.timezone)}`);
  if (
    !(context.now instanceof Date) ||
    Number.isNaN(context.now.getTime()) ||
    Math.abs(context.now.getTime()) > 8.6e15
  ) {
    throw new PaylinksError("invalid_context", "now must be a valid Date");
  }
  const defaults = shop.defaults ?? {};
  const validityDays = defaults.validityDays ?? LIBRARY_DEFAULTS.validityDays;
  const paymentMethodSaving = defaults.paymentMethodSaving ?? LIBRARY_DEFAULTS.paymentMethodSaving;
  const expiresAt = endOfDay(addDays(dayInZone(context.now, shop.timezone), validityDays), shop.timezone);
  // The shop's default schedule, when it is well formed (validation reports it otherwise).
  const sink = createSink();
  const schedule = { fallback: defaults.reminders, now: context.now, expiresAt, timezone: shop.timezone };
  const reminders = checkReminders(undefined, schedule, sink);
  return {
    language: normalizeLanguage(defaults.language ?? shop.language) ?? defaults.language ?? shop.language,
    dataCollectionForm: defaults.dataCollectionForm ?? LIBRARY_DEFAULTS.dataCollectionForm,
    validityDays,
    expiresAt,
    paymentMethodSaving,
    threeDsPreference:
      paymentMethodSaving === "none"
        ? (defaults.threeDsPreference ?? LIBRARY_DEFAULTS.threeDsPreference)
        : "challenge_mandated",
    manualValidation: defaults.manualValidation ?? LIBRARY_DEFAULTS.manualValidation,
    captureDelayDays: defaults.captureDelayDays ?? LIBRARY_DEFAULTS.captureDelayDays,
    ...(reminders && sink.issues.length === 0 ? { reminders } : {}),
  };
}
