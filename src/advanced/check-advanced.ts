import { addDays, dayInZone, daysBetween, endOfDay, isTimeZone } from "../calendar/zoned-time";
import { isOneOf } from "../internal/is-one-of";
import type { Check } from "../internal/issue-sink";
import { shown } from "../internal/preview";
import { readField } from "../internal/read-field";
import { PaylinksError } from "../issues/paylinks-error";
import { normalizeLanguage } from "../language/normalize-language";
import { checkReminders } from "../reminders/check-reminders";
import {
  type AdvancedParameters,
  type AdvancedParametersContext,
  type AdvancedParametersInput,
  LIBRARY_DEFAULTS,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  type PaymentMethodSaving,
  THREE_DS_PREFERENCES,
  type ThreeDsPreference,
} from "./advanced-parameters";
import { expiryDay } from "./expiry-day";

/** Far enough from the ends of the Date range (±8.64e15 ms) for a day and its 90 next days in any zone. */
const SAFE_INSTANT_MS = 8.64e15 - 100 * 86_400_000;

/** What {@link checkAdvanced} needs: the shop and the creation instant. Internal. */
export type AdvancedContext = Pick<AdvancedParametersContext, "shop" | "now">;

/**
 * Applies the step-2 rules to an input and reports every issue. Throws `invalid_context` for a `now` that is not a
 * valid `Date`: that is the caller's clock, not the merchant's input. Internal.
 */
export const checkAdvanced: Check<AdvancedContext, AdvancedParameters> = (input, { shop, now }, sink) => {
  if (!(now instanceof Date) || Number.isNaN(now.getTime()) || Math.abs(now.getTime()) > SAFE_INSTANT_MS) {
    throw new PaylinksError(
      "invalid_context",
      "now must be a valid Date, not within 100 days of the ends of the Date range",
    );
  }
  const defaults = shop.defaults ?? {};
  const offer = shop.offer ?? {};
  if (input !== undefined && input !== null && (typeof input !== "object" || Array.isArray(input))) {
    sink.add("type_invalid", { expected: "object" });
  }
  const field = (key: keyof AdvancedParametersInput): unknown => readField(input, key);
  const boolean = (key: keyof AdvancedParametersInput, fallback: boolean): boolean => {
    const value = field(key);
    if (value === undefined || value === null) return fallback;
    if (typeof value !== "boolean") {
      sink.at(key).add("type_invalid", { expected: "boolean" });
      return fallback;
    }
    return value;
  };

  const rawLanguage = field("language") ?? defaults.language ?? shop.language;
  const language = normalizeLanguage(rawLanguage);
  if (language === undefined) sink.at("language").add("language_invalid", { value: shown(rawLanguage) });

  const dataCollectionForm = boolean(
    "dataCollectionForm",
    defaults.dataCollectionForm ?? LIBRARY_DEFAULTS.dataCollectionForm,
  );
  if (dataCollectionForm && offer.dataCollectionForm === false) {
    sink.at("dataCollectionForm").add("option_not_in_offer", { option: "dataCollectionForm" });
  }

  let validityDays: number = defaults.validityDays ?? LIBRARY_DEFAULTS.validityDays;
  let expiresAt = new Date(Number.NaN);
  const zoneKnown = isTimeZone(shop.timezone);
  if (!zoneKnown) sink.at("expiresAt").add("timezone_invalid", { value: shown(shop.timezone) });
  // Without a known zone there is no "today": the checks that need it are skipped, the others still run.
  const today = zoneKnown ? dayInZone(now, shop.timezone) : undefined;
  const rawDays = field("validityDays");
  const rawExpiry = field("expiresAt");
  if (rawDays !== undefined && rawDays !== null && rawExpiry !== undefined && rawExpiry !== null) {
    sink.at("expiresAt").add("validity_conflict");
  } else if (rawExpiry !== undefined && rawExpiry !== null) {
    if (today) {
      const day = expiryDay(rawExpiry, shop.timezone);
      if (day === undefined) sink.at("expiresAt").add("expiry_invalid");
      else {
        validityDays = daysBetween(today, day);
        if (validityDays < 0) sink.at("expiresAt").add("expiry_in_past");
        else if (validityDays > MAX_VALIDITY_DAYS)
          sink.at("expiresAt").add("expiry_too_far", { max: MAX_VALIDITY_DAYS });
      }
    }
  } else {
    if (rawDays !== undefined && rawDays !== null) {
      if (typeof rawDays !== "number") sink.at("validityDays").add("type_invalid", { expected: "integer" });
      else validityDays = rawDays;
    }
    if (!Number.isInteger(validityDays) || validityDays < 0 || validityDays > MAX_VALIDITY_DAYS) {
      sink.at("validityDays").add("validity_out_of_range", { min: 0, max: MAX_VALIDITY_DAYS });
    }
  }
  if (today && Number.isInteger(validityDays) && Math.abs(validityDays) <= 100_000) {
    expiresAt = endOfDay(addDays(today, validityDays), shop.timezone);
  }

  const rawSaving =
    field("paymentMethodSaving") ?? defaults.paymentMethodSaving ?? LIBRARY_DEFAULTS.paymentMethodSaving;
  let paymentMethodSaving: PaymentMethodSaving = "none";
  if (!isOneOf(PAYMENT_METHOD_SAVINGS, rawSaving)) {
    sink.at("paymentMethodSaving").add("payment_method_saving_invalid", { value: shown(rawSaving) });
  } else {
    paymentMethodSaving = rawSaving;
    if (paymentMethodSaving !== "none" && offer.paymentMethodSaving === false) {
      sink.at("paymentMethodSaving").add("option_not_in_offer", { option: "paymentMethodSaving" });
    }
  }

  const explicitThreeDs = field("threeDsPreference");
  let threeDsPreference: ThreeDsPreference = defaults.threeDsPreference ?? LIBRARY_DEFAULTS.threeDsPreference;
  if (explicitThreeDs !== undefined && explicitThreeDs !== null) {
    if (!isOneOf(THREE_DS_PREFERENCES, explicitThreeDs)) {
      sink.at("threeDsPreference").add("three_ds_invalid", { value: shown(explicitThreeDs) });
    } else {
      threeDsPreference = explicitThreeDs;
      // With the payment method saved, challenge_mandated is the value that applies anyway: not a choice.
      const forcedAnyway = threeDsPreference === "challenge_mandated" && paymentMethodSaving !== "none";
      if (threeDsPreference !== "no_preference" && !forcedAnyway && offer.threeDsPreference === false) {
        sink.at("threeDsPreference").add("option_not_in_offer", { option: "threeDsPreference" });
      }
    }
  }
  if (paymentMethodSaving !== "none") {
    if (
      isOneOf(THREE_DS_PREFERENCES, explicitThreeDs) &&
      explicitThreeDs !== "no_preference" &&
      explicitThreeDs !== "challenge_mandated"
    ) {
      sink.at("threeDsPreference").add("three_ds_forced", { value: explicitThreeDs });
    }
    threeDsPreference = "challenge_mandated";
  }

  if (dataCollectionForm && paymentMethodSaving !== "none")
    sink.at("dataCollectionForm").add("form_and_saving_exclusive");

  const manualValidation = boolean("manualValidation", defaults.manualValidation ?? LIBRARY_DEFAULTS.manualValidation);

  const rawDelay = field("captureDelayDays") ?? defaults.captureDelayDays ?? LIBRARY_DEFAULTS.captureDelayDays;
  let captureDelayDays = 0;
  if (typeof rawDelay !== "number") sink.at("captureDelayDays").add("type_invalid", { expected: "integer" });
  else if (!Number.isInteger(rawDelay) || rawDelay < 0 || rawDelay > MAX_CAPTURE_DELAY_DAYS) {
    sink.at("captureDelayDays").add("capture_delay_out_of_range", { min: 0, max: MAX_CAPTURE_DELAY_DAYS });
  } else captureDelayDays = rawDelay;

  const reminders = checkReminders(
    field("reminders"),
    {
      fallback: defaults.reminders,
      now,
      expiresAt: Number.isNaN(expiresAt.getTime()) ? undefined : expiresAt,
      timezone: zoneKnown ? shop.timezone : undefined,
    },
    sink.at("reminders"),
  );

  return {
    language: language ?? "en",
    dataCollectionForm,
    validityDays,
    expiresAt,
    paymentMethodSaving,
    threeDsPreference,
    manualValidation,
    captureDelayDays,
    ...(reminders ? { reminders } : {}),
  };
};
