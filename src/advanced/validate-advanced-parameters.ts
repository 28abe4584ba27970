import { createIssue } from "../issues/create-issue";
import type { Issue, IssuePath } from "../issues/issue";
import { PaylinksError } from "../issues/paylinks-error";
import { preview } from "../issues/preview";
import { fail, ok, type Result } from "../issues/result";
import { readField } from "../link/read-field";
import type { PaymentMethodSaving, ThreeDsPreference } from "../shop/shop-config";
import {
  type AdvancedParameters,
  type AdvancedParametersContext,
  type AdvancedParametersInput,
  LIBRARY_DEFAULTS,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  THREE_DS_PREFERENCES,
} from "./advanced-parameters";
import { normalizeLanguage } from "./normalize-language";
import { addDays, type CalendarDay, dayInZone, daysBetween, endOfDay, isTimeZone } from "./zoned-time";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T/;
const ZONE_DESIGNATOR = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Reads `YYYY-MM-DD` into a calendar day, or `undefined` when it is not a day of the calendar. */
function calendarDay(text: string): CalendarDay | undefined {
  const match = DATE_ONLY.exec(text);
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addDays(day, 0);
  return check.month === day.month && check.day === day.day ? day : undefined;
}

/** A value for an issue's message: texts shortened, and never a throw (a null-prototype object has no toString). */
function shown(value: unknown): string {
  try {
    return preview(String(value));
  } catch {
    return Object.prototype.toString.call(value);
  }
}

/** Reads an expiry given as a Date or ISO 8601 text into the calendar day it names in the shop's zone. */
export function expiryDay(value: unknown, timeZone: string): CalendarDay | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    const dateTime = DATE_TIME.exec(text);
    const day = calendarDay(dateTime ? (dateTime[1] as string) : text);
    if (!dateTime || day === undefined) return day;
    // With an offset, a date and time is an instant. Without one, it is a wall-clock time in the shop's zone (not
    // in the zone of the machine that parses it), so its day is the date as written.
    const zoned = ZONE_DESIGNATOR.test(text);
    const parsed = new Date(zoned ? text : `${text}Z`);
    if (Number.isNaN(parsed.getTime())) return undefined;
    return zoned ? sane(dayInZone(parsed, timeZone)) : day;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return sane(dayInZone(value, timeZone));
  return undefined;
}

/** A day whose fields are numbers; near the ends of the Date range a zone's wall clock overflows to NaN. */
function sane(day: CalendarDay): CalendarDay | undefined {
  return Number.isFinite(day.year) && Number.isFinite(day.month) && Number.isFinite(day.day) ? day : undefined;
}

/** Far enough from the ends of the Date range (±8.64e15 ms) for a day and its 90 next days in any zone. */
const SAFE_INSTANT_MS = 8.64e15 - 100 * 86_400_000;

/** Applies the step-2 rules to an input and adds every issue under `path`. Internal. */
export function checkAdvanced(
  input: unknown,
  context: AdvancedParametersContext,
  path: IssuePath,
  issues: Issue[],
): AdvancedParameters {
  const { shop, now, locale } = context;
  if (!(now instanceof Date) || Number.isNaN(now.getTime()) || Math.abs(now.getTime()) > SAFE_INSTANT_MS) {
    throw new PaylinksError(
      "invalid_context",
      "now must be a valid Date, not within 100 days of the ends of the Date range",
    );
  }
  const at = (key: string): IssuePath => [...path, key];
  const issue = (code: Parameters<typeof createIssue>[0], where: IssuePath, params = {}): void => {
    issues.push(createIssue(code, where, params, locale));
  };
  const defaults = shop.defaults ?? {};
  const offer = shop.offer ?? {};
  if (input !== undefined && input !== null && (typeof input !== "object" || Array.isArray(input))) {
    issue("type_invalid", path, { expected: "object" });
  }
  const field = (key: keyof AdvancedParametersInput): unknown => readField(input, key);
  const boolean = (key: keyof AdvancedParametersInput, fallback: boolean): boolean => {
    const value = field(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") {
      issue("type_invalid", at(key), { expected: "boolean" });
      return fallback;
    }
    return value;
  };

  const rawLanguage = field("language") ?? defaults.language ?? shop.language;
  const language = normalizeLanguage(rawLanguage);
  if (language === undefined) issue("language_invalid", at("language"), { value: shown(rawLanguage) });

  const dataCollectionForm = boolean(
    "dataCollectionForm",
    defaults.dataCollectionForm ?? LIBRARY_DEFAULTS.dataCollectionForm,
  );
  if (dataCollectionForm && offer.dataCollectionForm === false) {
    issue("option_not_in_offer", at("dataCollectionForm"), { option: "dataCollectionForm" });
  }

  let validityDays: number = defaults.validityDays ?? LIBRARY_DEFAULTS.validityDays;
  let expiresAt = new Date(Number.NaN);
  const zoneKnown = isTimeZone(shop.timezone);
  if (!zoneKnown) issue("timezone_invalid", at("expiresAt"), { value: shown(shop.timezone) });
  // Without a known zone there is no "today": the checks that need it are skipped, the others still run.
  const today = zoneKnown ? dayInZone(now, shop.timezone) : undefined;
  const rawDays = field("validityDays");
  const rawExpiry = field("expiresAt");
  if (rawDays !== undefined && rawDays !== null && rawExpiry !== undefined && rawExpiry !== null) {
    issue("validity_conflict", at("expiresAt"));
  } else if (rawExpiry !== undefined && rawExpiry !== null) {
    if (today) {
      const day = expiryDay(rawExpiry, shop.timezone);
      if (day === undefined) issue("expiry_invalid", at("expiresAt"));
      else {
        validityDays = daysBetween(today, day);
        if (validityDays < 0) issue("expiry_in_past", at("expiresAt"));
        else if (validityDays > MAX_VALIDITY_DAYS) issue("expiry_too_far", at("expiresAt"), { max: MAX_VALIDITY_DAYS });
      }
    }
  } else {
    if (rawDays !== undefined && rawDays !== null) {
      if (typeof rawDays !== "number") issue("type_invalid", at("validityDays"), { expected: "integer" });
      else validityDays = rawDays;
    }
    if (!Number.isInteger(validityDays) || validityDays < 0 || validityDays > MAX_VALIDITY_DAYS) {
      issue("validity_out_of_range", at("validityDays"), { min: 0, max: MAX_VALIDITY_DAYS });
    }
  }
  if (today && Number.isInteger(validityDays) && Math.abs(validityDays) <= 100_000) {
    expiresAt = endOfDay(addDays(today, validityDays), shop.timezone);
  }

  const rawSaving =
    field("paymentMethodSaving") ?? defaults.paymentMethodSaving ?? LIBRARY_DEFAULTS.paymentMethodSaving;
  let paymentMethodSaving: PaymentMethodSaving = "none";
  if (!PAYMENT_METHOD_SAVINGS.includes(rawSaving as PaymentMethodSaving)) {
    issue("payment_method_saving_invalid", at("paymentMethodSaving"), { value: shown(rawSaving) });
  } else {
    paymentMethodSaving = rawSaving as PaymentMethodSaving;
    if (paymentMethodSaving !== "none" && offer.paymentMethodSaving === false) {
      issue("option_not_in_offer", at("paymentMethodSaving"), { option: "paymentMethodSaving" });
    }
  }

  const explicitThreeDs = field("threeDsPreference");
  let threeDsPreference: ThreeDsPreference = defaults.threeDsPreference ?? LIBRARY_DEFAULTS.threeDsPreference;
  if (explicitThreeDs !== undefined && explicitThreeDs !== null) {
    if (!THREE_DS_PREFERENCES.includes(explicitThreeDs as ThreeDsPreference)) {
      issue("three_ds_invalid", at("threeDsPreference"), { value: shown(explicitThreeDs) });
    } else {
      threeDsPreference = explicitThreeDs as ThreeDsPreference;
      // With the payment method saved, challenge_mandated is the value that applies anyway: not a choice.
      const forcedAnyway = threeDsPreference === "challenge_mandated" && paymentMethodSaving !== "none";
      if (threeDsPreference !== "no_preference" && !forcedAnyway && offer.threeDsPreference === false) {
        issue("option_not_in_offer", at("threeDsPreference"), { option: "threeDsPreference" });
      }
    }
  }
  if (paymentMethodSaving !== "none") {
    const chosen = explicitThreeDs as ThreeDsPreference | undefined | null;
    if (
      chosen &&
      chosen !== "no_preference" &&
      chosen !== "challenge_mandated" &&
      THREE_DS_PREFERENCES.includes(chosen)
    ) {
      issue("three_ds_forced", at("threeDsPreference"), { value: chosen });
    }
    threeDsPreference = "challenge_mandated";
  }

  if (dataCollectionForm && paymentMethodSaving !== "none")
    issue("form_and_saving_exclusive", at("dataCollectionForm"));

  const manualValidation = boolean("manualValidation", defaults.manualValidation ?? LIBRARY_DEFAULTS.manualValidation);

  const rawDelay = field("captureDelayDays") ?? defaults.captureDelayDays ?? LIBRARY_DEFAULTS.captureDelayDays;
  let captureDelayDays = 0;
  if (typeof rawDelay !== "number") issue("type_invalid", at("captureDelayDays"), { expected: "integer" });
  else if (!Number.isInteger(rawDelay) || rawDelay < 0 || rawDelay > MAX_CAPTURE_DELAY_DAYS) {
    issue("capture_delay_out_of_range", at("captureDelayDays"), { min: 0, max: MAX_CAPTURE_DELAY_DAYS });
  } else captureDelayDays = rawDelay;

  return {
    language: language ?? "en",
    dataCollectionForm,
    validityDays,
    expiresAt,
    paymentMethodSaving,
    threeDsPreference,
    manualValidation,
    captureDelayDays,
  };
}

/**
 * Validates step 2 ("Modifier les paramètres avancés") and applies every default and cross rule, reporting
 * every issue at once.
 *
 * - Each field left out takes the shop's default, else the library's (see {@link defaultAdvancedParameters}).
 * - The expiry is given as `validityDays` (0 to 90) or `expiresAt` (a day from today to 90 days ahead), not
 *   both; either way the link expires at 23:59:59 of its last day in the shop's time zone, and the value
 *   carries both `validityDays` and `expiresAt`.
 * - The data-collection form and saving the payment method exclude each other.
 * - Saving the payment method (`ask` or `always`) forces the 3-D Secure preference to `challenge_mandated`;
 *   an explicit other choice than `no_preference` or `challenge_mandated` is then an issue.
 * - An option the shop's `offer` excludes is an issue; a shop without `offer` includes them all.
 * - The capture delay is a whole number of days from 0 to 365.
 *
 * @param input - The step-2 input; `undefined` means "keep every default".
 * @param context - The `shop`, the creation instant `now`, and the message `locale`.
 * @returns The advanced parameters, or the issues.
 * @throws {@link PaylinksError} `invalid_context` when `now` is not a valid `Date` (the caller's clock, not the
 *   merchant's input).
 * @example
 * ```ts
 * validateAdvancedParameters({ paymentMethodSaving: "ask" }, { shop, now: new Date() });
 * // ok, with threeDsPreference "challenge_mandated"
 * ```
 */
export function validateAdvancedParameters(
  input: AdvancedParametersInput | undefined,
  context: AdvancedParametersContext,
): Result<AdvancedParameters> {
  const issues: Issue[] = [];
  const value = checkAdvanced(input, context, [], issues);
  return issues.length > 0 ? fail(issues) : ok(value);
}
