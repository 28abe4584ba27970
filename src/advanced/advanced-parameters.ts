import type { LocaleOptions } from "../issues/issue";
import type { PaymentMethodSaving, ShopConfig, ThreeDsPreference } from "../shop/shop-config";

/** The choices for saving the payment method. */
export const PAYMENT_METHOD_SAVINGS: readonly PaymentMethodSaving[] = ["none", "ask", "always"];

/** The 3-D Secure preferences. */
export const THREE_DS_PREFERENCES: readonly ThreeDsPreference[] = [
  "no_preference",
  "challenge_requested",
  "challenge_mandated",
  "no_challenge_requested",
];

/** The library's defaults, used where the shop sets none (the language defaults to the shop's language). */
export const LIBRARY_DEFAULTS: {
  /** The data-collection form is off. */
  readonly dataCollectionForm: false;
  /** A link is valid for 7 days after its creation day. */
  readonly validityDays: 7;
  /** The payment method is not saved. */
  readonly paymentMethodSaving: "none";
  /** No 3-D Secure preference: the issuer decides. */
  readonly threeDsPreference: "no_preference";
  /** Payments are validated automatically. */
  readonly manualValidation: false;
  /** Payments are captured the day they are made. */
  readonly captureDelayDays: 0;
} = {
  dataCollectionForm: false,
  validityDays: 7,
  paymentMethodSaving: "none",
  threeDsPreference: "no_preference",
  manualValidation: false,
  captureDelayDays: 0,
};

/** Longest validity of a link, in days. */
export const MAX_VALIDITY_DAYS = 90;

/** Longest capture delay, in days. */
export const MAX_CAPTURE_DELAY_DAYS = 365;

/** Step 2 of the form as entered: every field is optional and falls back to its default. */
export interface AdvancedParametersInput {
  /** Language of the message and the payment page: `fr`, `en`, `fr-CA`… */
  readonly language?: string | undefined;
  /** Send the buyer to the shop's data-collection form before paying. */
  readonly dataCollectionForm?: boolean | undefined;
  /** Days the link stays valid, from 0 (until the end of today) to 90. Give this or `expiresAt`. */
  readonly validityDays?: number | undefined;
  /**
   * The expiry date: a `Date`, or an ISO 8601 text (`"2026-12-31"` or a date and time). The link expires at the
   * end of that day (23:59:59) in the shop's time zone. Give this or `validityDays`.
   */
  readonly expiresAt?: Date | string | undefined;
  /** Save the buyer's payment method: `none`, `ask` (the buyer chooses) or `always`. */
  readonly paymentMethodSaving?: PaymentMethodSaving | undefined;
  /** 3-D Secure preference. Forced to `challenge_mandated` when the payment method is saved. */
  readonly threeDsPreference?: ThreeDsPreference | undefined;
  /** Payments wait for a manual validation before capture. */
  readonly manualValidation?: boolean | undefined;
  /** Days between payment and capture, 0 to 365. */
  readonly captureDelayDays?: number | undefined;
}

/** Validated step-2 parameters, every default applied. */
export interface AdvancedParameters {
  /** Language of the message and the payment page. */
  readonly language: string;
  /** Whether the buyer goes through the data-collection form first. */
  readonly dataCollectionForm: boolean;
  /** Days from the creation day to the expiry day, in the shop's time zone (0: expires tonight). */
  readonly validityDays: number;
  /** The instant the link expires: 23:59:59 of its last day, in the shop's time zone. */
  readonly expiresAt: Date;
  /** Whether the payment method is saved. */
  readonly paymentMethodSaving: PaymentMethodSaving;
  /** The 3-D Secure preference, after the saving rule. */
  readonly threeDsPreference: ThreeDsPreference;
  /** Whether payments wait for a manual validation. */
  readonly manualValidation: boolean;
  /** Days between payment and capture. */
  readonly captureDelayDays: number;
}

/** The context in which step 2 is resolved. */
export interface AdvancedParametersContext extends LocaleOptions {
  /** The shop: its defaults, offer, language and time zone. */
  readonly shop: ShopConfig;
  /** The creation instant; validity is counted in calendar days from it, in the shop's time zone. */
  readonly now: Date;
}
