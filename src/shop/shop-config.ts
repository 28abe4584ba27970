import type { OptionalAdvancedChoices } from "../advanced/advanced-parameters";
import type { ReminderScheduleInput } from "../reminders/reminder-schedule";

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

/**
 * A shop's defaults for the advanced parameters (step 2): any of the step's choices; each one left out falls back to
 * the library's default ({@link LIBRARY_DEFAULTS}), and the language to {@link ShopConfig.language}.
 */
export interface ShopDefaults extends OptionalAdvancedChoices {
  /**
   * The reminder schedule of links that set none. Its reminders that would fall in the past or after a link's
   * expiry (a short validity) are dropped for that link, without an issue.
   */
  readonly reminders?: ReminderScheduleInput | undefined;
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
