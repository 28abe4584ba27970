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
}
