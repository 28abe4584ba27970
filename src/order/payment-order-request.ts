import type { Actor } from "../actor/actor";
import type { AdvancedParameters, AdvancedParametersInput } from "../advanced/advanced-parameters";
import type { LocaleOptions } from "../issues/issue";
import type { LinkForm, LinkParameters, LinkParametersInput } from "../link/link-parameters";
import type { MessageTemplate } from "../message/message-template";
import type { ShopConfig } from "../shop/shop-config";

/** What the merchant entered in the three steps. */
export interface PaymentOrderRequest {
  /**
   * Step 1: with the amount in integer minor units (as for {@link validateLinkParameters}), or as the form holds
   * it, the amount as typed (as for {@link validateLinkForm}): a text amount is read as typed.
   */
  readonly link: LinkParametersInput | LinkForm;
  /** Step 2; left out, every default applies. */
  readonly advanced?: AdvancedParametersInput | undefined;
  /** Step 3; left out, the default message of the content language. */
  readonly message?: MessageTemplate | undefined;
}

/** Everything the three steps are validated against: the shop, the acting user and the creation instant. */
export interface RequestContext extends LocaleOptions {
  /** The shop. */
  readonly shop: ShopConfig;
  /** The acting user; the "copy to me" blind copy uses its address. */
  readonly actor?: Pick<Actor, "email"> | undefined;
  /** The creation instant: the expiry is counted from it, and it is the order's creation instant. */
  readonly now: Date;
}

/**
 * The three steps once validated, every default applied: what {@link planOrder} and {@link renderLink} plan from,
 * with no validation of their own. Get it from {@link validateRequest}.
 */
export interface ValidatedRequest {
  /** The shop it was validated for. */
  readonly shop: ShopConfig;
  /** Step 1. */
  readonly link: LinkParameters;
  /** Step 2, with the expiry resolved. */
  readonly advanced: AdvancedParameters;
  /** Step 3: the merchant's template, or the default message of the content language. */
  readonly message: MessageTemplate;
  /** The instant it was validated at: the order's creation instant. */
  readonly createdAt: Date;
}
