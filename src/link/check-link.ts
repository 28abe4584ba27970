import { type Actor, MODES } from "../actor/actor";
import { isOneOf } from "../internal/is-one-of";
import type { Check } from "../internal/issue-sink";
import { preview, shown } from "../internal/preview";
import { readField } from "../internal/read-field";
import { checkAmountText, checkMinorAmount } from "../money/check-amount";
import { checkCurrency } from "../money/check-currency";
import { type AddressList, checkAddressList } from "../recipients/split-recipients";
import { checkOrderReference } from "../reference/validate-order-reference";
import type { ShopConfig } from "../shop/shop-config";
import { checkBcc } from "./check-bcc";
import { checkBuyerReference } from "./check-buyer-reference";
import type { LinkParameters } from "./link-parameters";

/** What {@link checkLink} needs to know. Internal. */
export interface LinkContext {
  /** Without a shop, only the rules that do not depend on it are applied. */
  readonly shop?: ShopConfig | undefined;
  readonly actor?: Pick<Actor, "email"> | undefined;
  /**
   * `"minor"`: the amount is an integer in minor units; `"text"`: it is the text a person typed; `"either"`: a
   * text is read as typed, anything else as minor units.
   */
  readonly amount: "minor" | "text" | "either";
  /** Set when the request has rows (a batch): step 1 then gives the defaults of the rows, and no recipients. */
  readonly batch?: BatchShape | undefined;
}

/** What step 1 needs to know of a batch's rows. Internal. */
export interface BatchShape {
  /** The rows' addresses, in row order (the valid ones). */
  readonly recipients: string[];
  /** How many rows have no reference of their own, and so take the order's, suffixed. */
  readonly unreferenced: number;
  /** The number of links the suffix length is counted for (see `maxBaseReferenceLength`). */
  readonly suffixCount: number;
  /** The first row's amount and currency, the order's when it gives none. */
  readonly fallback: { readonly amount: number; readonly currency: string } | undefined;
}

/**
 * Applies every step-1 rule to an input and reports every issue, in field order: shop, mode, amount, currency,
 * order reference, recipients, buyer reference, channel, blind copies. Internal.
 */
export const checkLink: Check<LinkContext, LinkParameters> = (input, context, sink) => {
  const { shop, actor, batch } = context;
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const field = (key: string): unknown => readField(input, key);

  const shopId = field("shopId");
  if (typeof shopId !== "string") sink.at("shopId").add("type_invalid", { expected: "string" });
  else if (shop && shopId !== shop.id) {
    sink.at("shopId").add("shop_mismatch", { expected: preview(shop.id), received: preview(shopId) });
  }

  const mode = field("mode") ?? "PRODUCTION";
  if (!isOneOf(MODES, mode)) sink.at("mode").add("mode_invalid", { value: shown(mode) });

  // The currency gives the amount's decimals, but its issues come after the amount's. A batch may leave out the
  // order's amount and currency: a row that has none then says so.
  const rawCurrency = field("currency");
  const currencySink = sink.at("currency").fork();
  const skipCurrency = batch !== undefined && rawCurrency === undefined;
  const checked = skipCurrency ? undefined : checkCurrency(rawCurrency, { shop }, currencySink);
  const currency = checked?.code ?? batch?.fallback?.currency ?? "";
  const rawAmount = field("amount");
  const typed = context.amount === "text" || (context.amount === "either" && typeof rawAmount === "string");
  const amount =
    batch !== undefined && rawAmount === undefined
      ? batch.fallback?.amount
      : typed
        ? checkAmountText(rawAmount, { digits: checked?.digits, currency }, sink.at("amount"))
        : checkMinorAmount(rawAmount, undefined, sink.at("amount"));
  sink.absorb(currencySink);

  // The recipients give the reference's suffix length, but their issues come after the reference's; a list
  // longer than the shop allows is said first. A batch has rows instead, checked apart.
  const listSink = sink.at("recipients").fork();
  const limitSink = sink.at("recipients").fork();
  let list: AddressList | undefined;
  if (batch) {
    if (field("recipients") !== undefined) listSink.add("rows_and_recipients");
  } else {
    list = checkAddressList(
      field("recipients"),
      { invalidCode: "recipient_invalid", reportDuplicates: true },
      listSink,
    );
    if (list !== undefined) {
      if (listSink.issues.length === 0 && list.addresses.length === 0) listSink.add("recipients_empty");
      const max = shop?.maxRecipients;
      if (max !== undefined && list.count > max) limitSink.add("recipients_too_many", { max, count: list.count });
    }
  }
  const orderReference = checkOrderReference(
    field("orderReference"),
    batch
      ? { required: (shop?.referenceRequired ?? false) && batch.unreferenced > 0, recipientCount: batch.suffixCount }
      : { required: shop?.referenceRequired ?? false, recipientCount: Math.max(1, list?.count ?? 0) },
    sink.at("orderReference"),
  );
  sink.absorb(limitSink);
  sink.absorb(listSink);

  const buyerReference = checkBuyerReference(field("buyerReference"), undefined, sink.at("buyerReference"));

  const channel = field("channel") ?? "email";
  if (channel !== "email") sink.at("channel").add("channel_unsupported", { value: shown(channel) });

  const bcc = checkBcc(field("bcc"), { shop, actor }, sink.at("bcc"));

  return {
    shopId: shopId as string,
    mode: mode as LinkParameters["mode"],
    amount: amount as number,
    currency,
    orderReference,
    recipients: batch ? batch.recipients : (list?.addresses ?? []),
    buyerReference,
    channel: "email",
    bcc: bcc ?? [],
  };
};
