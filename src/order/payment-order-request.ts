import type { Actor } from "../actor/actor";
import type { AdvancedParameters, AdvancedParametersInput } from "../advanced/advanced-parameters";
import type { BatchLinkInput, BatchRow, ValidatedRow } from "../batch/batch-row";
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
  /**
   * Custom message variables by name, such as `{ campaign: "Winter sale" }` for `%campaign%`: the template may
   * use them besides the built-in ones. Names are ASCII letters, digits and `_`; values are texts of at most 500
   * characters.
   */
  readonly variables?: Readonly<Record<string, string>> | undefined;
  /** Left out: a request with rows is a {@link PaymentBatchRequest}. */
  readonly rows?: undefined;
}

/**
 * A batch: one link per row of a sheet, each with its own e-mail, and its own amount, currency, reference, buyer
 * reference and message variables where it gives them (see {@link BatchRow}). Step 1 gives the defaults of the
 * rows and no recipients; steps 2 and 3 are those of every link.
 */
export interface PaymentBatchRequest extends Omit<PaymentOrderRequest, "link" | "rows"> {
  /** Step 1: the shop, the mode, the blind copies, and the rows' defaults. */
  readonly link: BatchLinkInput;
  /** The rows, one link each, in order. Every issue of a row is at `["rows", index, heading]`. */
  readonly rows: readonly BatchRow[];
}

/** What Send takes: an order of recipients, or a batch of rows. */
export type OrderRequest = PaymentOrderRequest | PaymentBatchRequest;

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
  /** The request's custom message variables; left out when it has none. */
  readonly variables?: Readonly<Record<string, string>> | undefined;
  /** A batch's rows, one link each; left out for an order of `link.recipients`. */
  readonly rows?: readonly ValidatedRow[] | undefined;
}
