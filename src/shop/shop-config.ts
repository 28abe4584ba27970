/**
 * A shop, as the back office configures it: the settings that the link rules read.
 *
 * @example
 * ```ts
 * const shop: ShopConfig = {
 *   id: "shop-1", name: "Librairie Durand", language: "fr", timezone: "Europe/Paris",
 *   currencies: ["EUR"], referenceRequired: true, managerEmail: "gerant@librairie-durand.fr",
 * };
 * ```
 */
export interface ShopConfig {
  /** Identifier of the shop; a link's `shopId` must equal it. */
  readonly id: string;
  /** Name shown to buyers, e.g. in the e-mail. */
  readonly name: string;
  /** Default language of the messages and the payment page, e.g. `"fr"`. */
  readonly language: string;
  /** IANA time zone in which expiry dates end, e.g. `"Europe/Paris"`. */
  readonly timezone: string;
  /** ISO 4217 codes of the currencies the shop accepts. */
  readonly currencies: readonly string[];
  /**
   * Whether the order reference is mandatory ("Saisie obligatoire de la référence de commande").
   * @defaultValue `false`
   */
  readonly referenceRequired?: boolean | undefined;
  /** The shop manager's address, used for the "copy to the shop manager" blind copy. */
  readonly managerEmail?: string | undefined;
  /** Address buyers may write to, shown in messages. */
  readonly contactEmail?: string | undefined;
  /** The merchant's web site, shown in messages. */
  readonly url?: string | undefined;
  /**
   * The most recipients (links) one order may have; absent, there is no limit. Set it to keep one request from
   * planning, storing and rendering an unbounded number of e-mails (`recipients_too_many`).
   */
  readonly maxRecipients?: number | undefined;
  /** The shop's own defaults for the advanced parameters (step 2); the library's apply where it sets none. */
  readonly defaults?: ShopDefaults | undefined;
  /** Which options the shop's offer includes; a shop without `offer` includes them all. */
  readonly offer?: ShopOffer | undefined;
}

/** A shop's defaults for the advanced parameters; each one left out falls back to the library's default. */
export interface ShopDefaults {
  /** Language of the message and the payment page; the library default is {@link ShopConfig.language}. */
  readonly language?: string | undefined;
  /** Send the buyer to the data-collection form first; library default `false`. */
  readonly dataCollectionForm?: boolean | undefined;
  /** Days a link stays valid; library default 7. */
  readonly validityDays?: number | undefined;
  /** Saving the buyer's payment method; library default `"none"`. */
  readonly paymentMethodSaving?: PaymentMethodSaving | undefined;
  /** 3-D Secure preference; library default `"no_preference"`. */
  readonly threeDsPreference?: ThreeDsPreference | undefined;
  /** Payments wait for a manual validation; library default `false`. */
  readonly manualValidation?: boolean | undefined;
  /** Days between payment and capture; library default 0. */
  readonly captureDelayDays?: number | undefined;
}

/** The options a shop's offer includes; `false` means the option cannot be chosen. */
export interface ShopOffer {
  /** The data-collection form. */
  readonly dataCollectionForm?: boolean | undefined;
  /** Saving the payment method (`ask` or `always`). */
  readonly paymentMethodSaving?: boolean | undefined;
  /** Choosing a 3-D Secure preference other than the default. */
  readonly threeDsPreference?: boolean | undefined;
}

/** Whether the buyer's payment method is saved: never, on the buyer's request, or always. */
export type PaymentMethodSaving = "none" | "ask" | "always";

/** The 3-D Secure preference sent with the payment. */
export type ThreeDsPreference =
  | "no_preference"
  | "challenge_requested"
  | "challenge_mandated"
  | "no_challenge_requested";
