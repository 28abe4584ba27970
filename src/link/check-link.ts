import type { Actor, Mode } from "../actor/actor";
import { createIssue } from "../issues/create-issue";
import type { Issue, Locale } from "../issues/issue";
import { preview, textOf } from "../issues/preview";
import { AMOUNT_MAX_DIGITS, AMOUNT_MAX_MINOR } from "../money/currency";
import { getCurrency } from "../money/get-currency";
import { parseAmountDigits } from "../money/parse-amount";
import { checkAddressList } from "../recipients/split-recipients";
import { checkOrderReference } from "../reference/validate-order-reference";
import type { ShopConfig } from "../shop/shop-config";
import { checkBcc } from "./check-bcc";
import { checkBuyerReference } from "./check-buyer-reference";
import type { LinkParameters } from "./link-parameters";
import { readField } from "./read-field";

/** What {@link checkLink} needs to know. Internal. */
export interface CheckLinkContext {
  /** Without a shop, only the rules that do not depend on it are applied. */
  readonly shop?: ShopConfig | undefined;
  readonly actor?: Pick<Actor, "email"> | undefined;
  readonly locale?: Locale | undefined;
  /** `"minor"`: the amount is an integer in minor units; `"text"`: it is the text a person typed. */
  readonly amount: "minor" | "text";
}

const MODES: readonly string[] = ["PRODUCTION", "TEST"];

function checkMinorAmount(amount: unknown, issues: Issue[], locale: Locale | undefined): number {
  if (typeof amount !== "number" || Number.isNaN(amount)) {
    issues.push(createIssue("type_invalid", ["amount"], { expected: "integer" }, locale));
  } else if (amount <= 0) {
    issues.push(createIssue("amount_not_positive", ["amount"], {}, locale));
  } else if (amount > AMOUNT_MAX_MINOR) {
    issues.push(createIssue("amount_too_large", ["amount"], { maxDigits: AMOUNT_MAX_DIGITS }, locale));
  } else if (!Number.isInteger(amount)) {
    issues.push(createIssue("type_invalid", ["amount"], { expected: "integer" }, locale));
  }
  return amount as number;
}

/**
 * Applies every step-1 rule to an input and adds all the issues found to `issues`, in field order.
 * Returns the parameters; they are meaningful only when no issue was added. Internal.
 */
export function checkLink(input: unknown, context: CheckLinkContext, issues: Issue[]): LinkParameters {
  const { shop, actor, locale } = context;
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    issues.push(createIssue("type_invalid", [], { expected: "object" }, locale));
    return undefined as unknown as LinkParameters;
  }
  const field = (key: string): unknown => readField(input, key);

  const shopId = field("shopId");
  if (typeof shopId !== "string") issues.push(createIssue("type_invalid", ["shopId"], { expected: "string" }, locale));
  else if (shop && shopId !== shop.id) {
    issues.push(
      createIssue("shop_mismatch", ["shopId"], { expected: preview(shop.id), received: preview(shopId) }, locale),
    );
  }

  const mode = field("mode") ?? "PRODUCTION";
  if (typeof mode !== "string" || !MODES.includes(mode)) {
    issues.push(createIssue("mode_invalid", ["mode"], { value: preview(textOf(mode)) }, locale));
  }

  const rawCurrency = field("currency");
  let currency = "";
  let digits: number | undefined;
  const currencyIssues: Issue[] = [];
  if (typeof rawCurrency !== "string") {
    currencyIssues.push(createIssue("type_invalid", ["currency"], { expected: "string" }, locale));
  } else {
    const known = getCurrency(rawCurrency);
    currency = known?.code ?? rawCurrency.trim();
    if (!known)
      currencyIssues.push(createIssue("currency_unknown", ["currency"], { value: preview(rawCurrency) }, locale));
    else {
      digits = known.digits;
      if (shop && !shop.currencies.includes(currency)) {
        const accepted = shop.currencies.join(", ");
        currencyIssues.push(createIssue("currency_not_accepted", ["currency"], { currency, accepted }, locale));
      }
    }
  }

  let amount: number;
  if (context.amount === "minor") amount = checkMinorAmount(field("amount"), issues, locale);
  else {
    const parsed = parseAmountDigits(field("amount") as string, digits, currency, locale, ["amount"]);
    if (parsed.ok) amount = parsed.value;
    else {
      amount = Number.NaN;
      issues.push(...parsed.issues);
    }
  }
  issues.push(...currencyIssues);

  const recipientIssues: Issue[] = [];
  const rawRecipients = field("recipients");
  let recipients: string[] = [];
  let entryCount = 0;
  if (
    typeof rawRecipients === "string" ||
    (Array.isArray(rawRecipients) && rawRecipients.every((r) => typeof r === "string"))
  ) {
    const list = checkAddressList(
      rawRecipients as string | string[],
      { invalidCode: "recipient_invalid", reportDuplicates: true },
      ["recipients"],
      recipientIssues,
      locale,
    );
    recipients = list.addresses;
    entryCount = list.count;
    if (recipientIssues.length === 0 && recipients.length === 0) {
      recipientIssues.push(createIssue("recipients_empty", ["recipients"], {}, locale));
    }
    const max = shop?.maxRecipients;
    if (max !== undefined && entryCount > max) {
      recipientIssues.unshift(createIssue("recipients_too_many", ["recipients"], { max, count: entryCount }, locale));
    }
  } else {
    recipientIssues.push(createIssue("type_invalid", ["recipients"], { expected: "list" }, locale));
  }

  const orderReference = checkOrderReference(
    field("orderReference"),
    { required: shop?.referenceRequired ?? false, recipientCount: Math.max(1, entryCount), locale },
    ["orderReference"],
    issues,
  );
  issues.push(...recipientIssues);

  const buyerReference = checkBuyerReference(field("buyerReference"), ["buyerReference"], issues, locale);

  const channel = field("channel") ?? "email";
  if (channel !== "email")
    issues.push(createIssue("channel_unsupported", ["channel"], { value: preview(textOf(channel)) }, locale));

  const bcc = checkBcc(field("bcc"), shop, actor, ["bcc"], issues, locale);

  return {
    shopId: shopId as string,
    mode: mode as Mode,
    amount,
    currency,
    orderReference,
    recipients,
    buyerReference,
    channel: "email",
    bcc,
  };
}
