import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type {
  AdvancedParametersInput,
  PaymentMethodSaving,
  ThreeDsPreference,
} from "../../advanced/advanced-parameters";
import { PaylinksError } from "../../issues/paylinks-error";
import type { LinkFormBcc } from "../../link/link-parameters";
import { defaultMessage } from "../../message/default-messages";
import type { MessageTemplate } from "../../message/message-template";
import type { OrderRequest, PaymentBatchRequest, PaymentOrderRequest } from "../../order/payment-order-request";
import type { ShopConfig } from "../../shop/shop-config";
import { CliError } from "../cli-error";
import type { OptionValues } from "../command-line/option-spec";
import { flagValue, numberValue, textValue } from "../command-line/read-values";
import type { Settings } from "../config/settings";
import type { CliText } from "../text/cli-text";
import { readBatchFile } from "./batch-file";
import { type ReminderFlags, reminderSchedule } from "./reminder-options";

/** The reminder flags of `create`. */
export const CREATE_REMINDER_FLAGS: ReminderFlags = {
  before: "remind-before",
  after: "remind-after",
  at: "remind-at",
};

/** The request `create` builds from its flags. */
export interface CreateRequest {
  /** The shop. */
  readonly shop: ShopConfig;
  /** The request for the service, with step 1 as the form holds it: the amount as typed. */
  readonly request: OrderRequest;
  /** With `--from-csv`, each row's number in the sheet, in the order of `request.rows`. */
  readonly sheetRows?: readonly number[];
}

/** Keeps only the keys whose value is defined (the request types use exact optional properties). */
function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

async function readBody(values: OptionValues, cwd: string, text: CliText): Promise<string | undefined> {
  const body = textValue(values, "body");
  const file = textValue(values, "body-file");
  if (body !== undefined && file !== undefined) {
    throw new CliError("conflicting_options", text.usage.conflicting("--body", "--body-file"));
  }
  if (file === undefined) return body;
  const path = resolve(cwd, file);
  try {
    return (await readFile(path, "utf8")).replace(/\r?\n$/, "");
  } catch (error) {
    throw new CliError("unreadable_file", text.usage.unreadableFile(path, (error as Error).message), {
      cause: error,
      details: { path },
    });
  }
}

/**
 * Builds the request of `create` from its flags: step 1 as the form holds it (the amount as typed, read in the
 * currency's decimals when the request is validated), step 2 (only the flags given: the shop's defaults apply to the others), and step 3 (a subject or a
 * body alone is completed with the default message of the content language).
 *
 * @param values - The flags.
 * @param settings - The shops and the default shop.
 * @param cwd - The working directory, for `--body-file`.
 * @param text - The messages.
 * @returns The shop and the request.
 * With `--from-csv FILE`, the request is a batch: one link per row of the sheet, `--amount`, `--currency`,
 * `--reference` and `--buyer-reference` being the defaults of the rows that have none.
 *
 * @throws CliError `missing_argument` without `--amount` or `--to` (and no `--from-csv`), `conflicting_options`
 *   for `--from-csv` with `--to`, `unreadable_file` for a sheet that cannot be read; PaylinksError `not_found` for an unknown shop.
 */
export async function createRequest(
  values: OptionValues,
  settings: Settings,
  cwd: string,
  text: CliText,
): Promise<CreateRequest> {
  const csv = textValue(values, "from-csv");
  if (csv !== undefined && textValue(values, "to") !== undefined) {
    throw new CliError("conflicting_options", text.usage.conflicting("--from-csv", "--to"));
  }
  const missing = (csv === undefined ? ["amount", "to"] : []).filter((name) => textValue(values, name) === undefined);
  if (missing.length > 0) {
    throw new CliError(
      "missing_argument",
      text.usage.missingOptions(
        "create",
        missing.map((name) => `--${name}`),
      ),
      {
        details: { options: missing.map((name) => `--${name}`).join(",") },
      },
    );
  }
  const shopId = textValue(values, "shop") ?? settings.defaultShopId;
  const shop = settings.shops.find((candidate) => candidate.id === shopId);
  if (!shop) throw new PaylinksError("not_found", `Unknown shop ${shopId}`, { details: { shopId } });

  const currency = textValue(values, "currency") ?? shop.currencies[0] ?? "";
  const bcc: LinkFormBcc = defined({
    shopManager: flagValue(values, "bcc-manager") || undefined,
    me: flagValue(values, "bcc-me") || undefined,
    addresses: textValue(values, "bcc"),
  });
  const advanced: AdvancedParametersInput = defined({
    language: textValue(values, "language"),
    validityDays: numberValue(values, "validity-days", text),
    expiresAt: textValue(values, "expires"),
    manualValidation: flagValue(values, "manual-validation") || undefined,
    captureDelayDays: numberValue(values, "capture-delay", text),
    paymentMethodSaving: textValue(values, "save-payment-method") as PaymentMethodSaving | undefined,
    threeDsPreference: textValue(values, "three-ds") as ThreeDsPreference | undefined,
    dataCollectionForm: flagValue(values, "data-collection-form") || undefined,
    reminders: reminderSchedule(values, CREATE_REMINDER_FLAGS),
  });
  const subject = textValue(values, "subject");
  const body = await readBody(values, cwd, text);
  let message: MessageTemplate | undefined;
  if (subject !== undefined || body !== undefined) {
    const fallback = defaultMessage(advanced.language ?? shop.defaults?.language ?? shop.language);
    message = { subject: subject ?? fallback.subject, body: body ?? fallback.body };
  }

  const steps23 = {
    ...(Object.keys(advanced).length > 0 ? { advanced } : {}),
    ...(message ? { message } : {}),
  };
  if (csv !== undefined) {
    const { rows, sheetRows } = await readBatchFile(csv, cwd, text);
    const batch: PaymentBatchRequest = {
      link: defined({
        shopId: shop.id,
        mode: flagValue(values, "test") ? "TEST" : "PRODUCTION",
        amount: textValue(values, "amount"),
        currency,
        orderReference: textValue(values, "reference"),
        buyerReference: textValue(values, "buyer-reference"),
        bcc: Object.keys(bcc).length > 0 ? bcc : undefined,
      }),
      rows,
      ...steps23,
    };
    return { shop, request: batch, sheetRows };
  }
  const request: PaymentOrderRequest = {
    link: defined({
      shopId: shop.id,
      mode: flagValue(values, "test") ? "TEST" : "PRODUCTION",
      amount: textValue(values, "amount") ?? "",
      currency,
      orderReference: textValue(values, "reference"),
      recipients: textValue(values, "to") ?? "",
      buyerReference: textValue(values, "buyer-reference"),
      bcc: Object.keys(bcc).length > 0 ? bcc : undefined,
    }),
    ...steps23,
  };
  return { shop, request };
}
