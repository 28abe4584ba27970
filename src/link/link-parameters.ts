import type { Actor, Mode } from "../actor/actor";
import type { LocaleOptions } from "../issues/issue";
import type { ShopConfig } from "../shop/shop-config";

/** How the links are delivered. paylinks sends e-mail. */
export type Channel = "email";

/** The blind-copy switches of step 1 ("Paramètres d'envoi par e-mail"). */
export interface BccInput {
  /** Send a blind copy to the shop manager ({@link ShopConfig.managerEmail}). */
  readonly shopManager?: boolean | undefined;
  /** Send a blind copy to the acting user ({@link Actor.email}). */
  readonly me?: boolean | undefined;
  /** Other addresses, as a `;`-separated text or a list. */
  readonly addresses?: string | readonly string[] | undefined;
}

/** Step 1 of the form, with the amount already in integer minor units (the input of {@link validateLinkParameters}). */
export interface LinkParametersInput {
  /** The shop the links are for; must be the `shop` given in the context. */
  readonly shopId: string;
  /**
   * Real or TEST payment orders.
   * @defaultValue `"PRODUCTION"`
   */
  readonly mode?: Mode | undefined;
  /** Amount in integer minor units: 4990 for 49,90 EUR. */
  readonly amount: number;
  /** ISO 4217 code; one of the shop's currencies. */
  readonly currency: string;
  /** The order reference; suffixed `-001`, `-002`, … when there are several recipients. */
  readonly orderReference?: string | undefined;
  /** Buyer e-mail addresses: a `;`-separated text (line breaks accepted), or a list. */
  readonly recipients: string | readonly string[];
  /** The merchant's reference for the buyer. */
  readonly buyerReference?: string | undefined;
  /**
   * The channel; e-mail is the only one.
   * @defaultValue `"email"`
   */
  readonly channel?: Channel | undefined;
  /** Blind copies. */
  readonly bcc?: BccInput | undefined;
}

/** Step 1 of the form as its fields hold it: like {@link LinkParametersInput}, with the amount as typed. */
export interface LinkForm extends Omit<LinkParametersInput, "amount" | "recipients" | "bcc"> {
  /** The amount as typed, e.g. `"1 234,56"`. */
  readonly amount: string;
  /** The buyer e-mail field: addresses separated by `;`. */
  readonly recipients: string;
  /** The blind-copy switches and the free address field. */
  readonly bcc?: LinkFormBcc | undefined;
}

/** The blind-copy part of {@link LinkForm}: two switches and a free address field. */
export interface LinkFormBcc {
  /** Send a blind copy to the shop manager. */
  readonly shopManager?: boolean | undefined;
  /** Send a blind copy to the acting user. */
  readonly me?: boolean | undefined;
  /** Other addresses, separated by `;`. */
  readonly addresses?: string | undefined;
}

/** Validated step-1 parameters. */
export interface LinkParameters {
  /** The shop's id. */
  readonly shopId: string;
  /** Real or TEST payment orders. */
  readonly mode: Mode;
  /** Amount in integer minor units. */
  readonly amount: number;
  /** ISO 4217 code, upper case. */
  readonly currency: string;
  /** The base order reference, trimmed; `undefined` when none was given. */
  readonly orderReference: string | undefined;
  /** The recipients in list order, normalised; one link each. */
  readonly recipients: string[];
  /** The buyer reference, trimmed; `undefined` when none was given. */
  readonly buyerReference: string | undefined;
  /** Always `"email"`. */
  readonly channel: Channel;
  /** The blind-copy addresses, without repeats: shop manager, then the actor, then the others. */
  readonly bcc: string[];
}

/** The context in which step 1 is validated. */
export interface LinkValidationContext extends LocaleOptions {
  /** The shop the links are created for. */
  readonly shop: ShopConfig;
  /** The acting user; its address is needed for the "copy to me" blind copy. */
  readonly actor?: Pick<Actor, "email"> | undefined;
}
