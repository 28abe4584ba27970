import type { LocaleOptions } from "../issues/issue";
import type { ReminderSchedule, ReminderScheduleInput } from "../reminders/reminder-schedule";
import type { ShopConfig } from "../shop/shop-config";

/** The choices for saving the payment method: never, on the buyer's request, or always. */
export const PAYMENT_METHOD_SAVINGS = ["none", "ask", "always"] as const;

/** Whether the buyer's payment method is saved: one of {@link PAYMENT_METHOD_SAVINGS}. */
export type PaymentMethodSaving = (typeof PAYMENT_METHOD_SAVINGS)[number];

/** The 3-D Secure preferences sent with the payment. */
export const THREE_DS_PREFERENCES = [
  "no_preference",
  "challenge_requested",
  "challenge_mandated",
  "no_challenge_requested",
] as const;

/** The 3-D Secure preference sent with the payment: one of {@link THREE_DS_PREFERENCES}. */
export type ThreeDsPreference = (typeof THREE_DS_PREFERENCES)[number];

/**
 * The choices of step 2 ("Modifier les paramètres avancés") that have a default: the one list of its fields, from
 * which the input, the validated value and a shop's defaults are derived.
 */
export interface AdvancedChoices {
  /** Language of the message and the payment page: `fr`, `en`, `fr-CA`… */
  readonly language: string;
  /** Whether the buyer goes through the shop's data-collection form before paying. */
  readonly dataCollectionForm: boolean;
  /** Days from the creation day to the expiry day, in the shop's time zone, 0 (expires tonight) to 90. */
  readonly validityDays: number;
  /** Whether the payment method is saved: `none`, `ask` (the buyer chooses) or `always`. */
  readonly paymentMethodSaving: PaymentMethodSaving;
  /** The 3-D Secure preference; `challenge_mandated` whenever the payment method is saved. */
  readonly threeDsPreference: ThreeDsPreference;
  /** Whether payments wait for a manual validation before capture. */
  readonly manualValidation: boolean;
  /** Days between payment and capture, 0 to 365. */
  readonly captureDelayDays: number;
}

/** Any of the step-2 choices, each optional: what the step-2 input and a shop's defaults may set. */
export type OptionalAdvancedChoices = { readonly [K in keyof AdvancedChoices]?: AdvancedChoices[K] | undefined };

/** The library's defaults, used where the shop sets none (the language defaults to the shop's language). */
export const LIBRARY_DEFAULTS = {
  /** No data-collection form before the payment. */
  dataCollectionForm: false,
  /** The link expires at the end of the seventh day after its creation day. */
  validityDays: 7,
  /** The payment method is not saved. */
  paymentMethodSaving: "none",
  /** No 3-D Secure preference is sent. */
  threeDsPreference: "no_preference",
  /** Payments are captured without a manual validation. */
  manualValidation: false,
  /** Payments are captured on the day they are made. */
  captureDelayDays: 0,
} as const satisfies Omit<AdvancedChoices, "language">;

/** Longest validity of a link, in days. */
export const MAX_VALIDITY_DAYS = 90;

/** Longest capture delay, in days. */
export const MAX_CAPTURE_DELAY_DAYS = 365;

/**
 * Step 2 of the form as entered: every choice is optional and falls back to its default. The expiry is given as
 * `validityDays` or `expiresAt`, not both.
 */
export interface AdvancedParametersInput extends OptionalAdvancedChoices {
  /**
   * The expiry date: a `Date`, or an ISO 8601 text (`"2026-12-31"` or a date and time). The link expires at the
   * end of that day (23:59:59) in the shop's time zone. Give this or `validityDays`.
   */
  readonly expiresAt?: Date | string | undefined;
  /**
   * The reminders of the link (see {@link ReminderScheduleInput}): left out, the shop's default schedule, else
   * none; `{}` for none. At most 5, each after the creation and at or before the expiry.
   */
  readonly reminders?: ReminderScheduleInput | undefined;
}

/** Validated step-2 parameters, every default applied, with the expiry resolved. */
export interface AdvancedParameters extends AdvancedChoices {
  /** The instant the link expires: 23:59:59 of its last day, in the shop's time zone. */
  readonly expiresAt: Date;
  /** The reminder schedule; absent when the link has no reminder. */
  readonly reminders?: ReminderSchedule | undefined;
}

/** The context in which step 2 is resolved. */
export interface AdvancedParametersContext extends LocaleOptions {
  /** The shop: its defaults, offer, language and time zone. */
  readonly shop: ShopConfig;
  /** The creation instant; validity is counted in calendar days from it, in the shop's time zone. */
  readonly now: Date;
}
