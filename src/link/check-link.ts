import { type Actor, MODES } from "../actor/actor";
import { isOneOf } from "../internal/is-one-of";
import type { Check } from "../internal/issue-sink";
import { preview, shown } from "../internal/preview";
import { readField } from "../internal/read-field";
import { checkAmountText, checkMinorAmount } from "../money/check-amount";
import { getCurrency } from "../money/get-currency";
import { checkAddressList } from "../recipients/split-recipients";
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
}

/**
 * Applies every step-1 rule to an input and reports every issue, in field order: shop, mode, amount, currency,
 * order reference, recipients, buyer reference, channel, blind copies. Internal.
 */
export const checkLink: Check<LinkContext, LinkParameters> = (input, context, sink) => {
  const { shop, actor } = context;
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

  // The currency gives the amount's decimals, but its issues come after the amount's.
  const rawCurrency = field("currency");
  const currencySink = sink.at("currency").fork();
  let currency = "";
  let digits: number | undefined;
  if (typeof rawCurrency !== "string") currencySink.add("type_invalid", { expected: "string" });
  else {
    const known = getCurrency(rawCurrency);
    currency = known?.code ?? rawCurrency.trim();
    if (!known) currencySink.add("currency_unknown", { value: preview(rawCurrency) });
    else {
      digits = known.digits;
      if (shop && !shop.currencies.includes(currency)) {
        currencySink.add("currency_not_accepted", { currency, accepted: shop.currencies.join(", ") });
      }
    }
  }
  const rawAmount = field("amount");
  const typed = context.amount === "text" || (context.amount === "either" && typeof rawAmount === "string");
  const amount = typed
    ? checkAmountText(rawAmount, { digits, currency }, sink.at("amount"))
    : checkMinorAmount(rawAmount, undefined, sink.at("amount"));
  sink.absorb(currencySink);

  // The recipients give the reference's suffix length, but their issues come after the reference's; a list
  // longer than the shop allows is said first.
  const listSink = sink.at("recipients").fork();
  const list = checkAddressList(
    field("recipients"),
    { invalidCode: "recipient_invalid", reportDuplicates: true },
    listSink,
  );
  const limitSink = sink.at("recipients").fork();
  if (list !== undefined) {
    if (listSink.issues.length === 0 && list.addresses.length === 0) listSink.add("recipients_empty");
    const max = shop?.maxRecipients;
    if (max !== undefined && list.count > max) limitSink.add("recipients_too_many", { max, count: list.count });
  }
  const orderReference = checkOrderReference(
    field("orderReference"),
    { required: shop?.referenceRequired ?? false, recipientCount: Math.max(1, list?.count ?? 0) },
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
    recipients: list?.addresses ?? [],
    buyerReference,
    channel: "email",
    bcc: bcc ?? [],
  };
};
