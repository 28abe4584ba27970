import * as z from "zod/mini";
import { type Actor, MODES } from "../../actor/actor";
import { PAYMENT_METHOD_SAVINGS, THREE_DS_PREFERENCES } from "../../advanced/advanced-parameters";
import type { ShopConfig } from "../../shop/shop-config";

/** The name of the config file looked for in the working directory. */
export const CONFIG_FILE_NAME = "paylinks.config.json";

/** The content of `paylinks.config.json`, comments removed. Every key is optional. */
export interface ConfigFile {
  /** The shops the CLI works with; the demo shop when absent. */
  readonly shops?: readonly ShopConfig[] | undefined;
  /** The shop `create` uses without `--shop`; the first shop when absent. */
  readonly defaultShop?: string | undefined;
  /** The acting user; a demo user with every permission on every shop when absent. */
  readonly actor?: Actor | undefined;
  /** The payment page URL of a link, with `{token}` (and optionally `{id}`, `{reference}`, `{orderId}`, `{shopId}`, `{mode}`). */
  readonly paymentUrl?: string | undefined;
  /** The domain part of the Message-IDs. */
  readonly messageIdDomain?: string | undefined;
  /** The From address of the e-mails. */
  readonly from?: string | undefined;
  /** The outbox folder, when mail is not sent through SMTP. */
  readonly outbox?: string | undefined;
  /** The database: an embedded one in `dir`, or a PostgreSQL server at `url`. */
  readonly database?: { readonly dir?: string; readonly url?: string; readonly schema?: string } | undefined;
  /** The SMTP server; without it, mail goes to the outbox. */
  readonly smtp?: { readonly url: string } | undefined;
}

const text = z.optional(z.string());
const flag = z.optional(z.boolean());
const count = z.optional(z.number());

const SHOP_DEFAULTS = z.strictObject({
  language: text,
  dataCollectionForm: flag,
  validityDays: count,
  paymentMethodSaving: z.optional(z.enum(PAYMENT_METHOD_SAVINGS)),
  threeDsPreference: z.optional(z.enum(THREE_DS_PREFERENCES)),
  manualValidation: flag,
  captureDelayDays: count,
});

const SHOP = z.strictObject({
  id: z.string(),
  name: z.string(),
  language: z.string(),
  timezone: z.string(),
  currencies: z.array(z.string()),
  referenceRequired: flag,
  managerEmail: text,
  contactEmail: text,
  url: text,
  maxRecipients: count,
  defaults: z.optional(SHOP_DEFAULTS),
  offer: z.optional(z.strictObject({ dataCollectionForm: flag, paymentMethodSaving: flag, threeDsPreference: flag })),
});

const ACTOR = z.strictObject({
  id: z.string(),
  email: text,
  shopIds: z.array(z.string()),
  permissions: z.strictObject({
    expertBackOffice: z.boolean(),
    managePaymentOrders: z.boolean(),
    modes: z.array(z.enum(MODES)),
    viewAllOrders: z.boolean(),
  }),
});

/**
 * The zod/mini schema of {@link ConfigFile}: every key optional, unknown keys refused (a typo must not go
 * unnoticed). The checks it cannot express (time zones, currencies, the default shop, the URL) are in
 * `load-settings.ts`.
 */
export const CONFIG_FILE_SCHEMA = z.strictObject({
  shops: z.optional(z.array(SHOP)),
  defaultShop: text,
  actor: z.optional(ACTOR),
  paymentUrl: text,
  messageIdDomain: text,
  from: text,
  outbox: text,
  database: z.optional(z.strictObject({ dir: text, url: text, schema: text })),
  smtp: z.optional(z.strictObject({ url: z.string() })),
});
