import type { Actor } from "../../actor/actor";
import { PAYMENT_METHOD_SAVINGS, THREE_DS_PREFERENCES } from "../../advanced/advanced-parameters";
import type { ShopConfig } from "../../shop/shop-config";
import type { Shape } from "./config-shape";

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

const SHOP_DEFAULTS: Shape = {
  object: {
    language: "text",
    dataCollectionForm: "boolean",
    validityDays: "number",
    paymentMethodSaving: { oneOf: PAYMENT_METHOD_SAVINGS },
    threeDsPreference: { oneOf: THREE_DS_PREFERENCES },
    manualValidation: "boolean",
    captureDelayDays: "number",
  },
};

const SHOP: Shape = {
  object: {
    id: "text",
    name: "text",
    language: "text",
    timezone: "text",
    currencies: { list: "text" },
    referenceRequired: "boolean",
    managerEmail: "text",
    contactEmail: "text",
    url: "text",
    maxRecipients: "number",
    defaults: SHOP_DEFAULTS,
    offer: { object: { dataCollectionForm: "boolean", paymentMethodSaving: "boolean", threeDsPreference: "boolean" } },
  },
  required: ["id", "name", "language", "timezone", "currencies"],
};

const ACTOR: Shape = {
  object: {
    id: "text",
    email: "text",
    shopIds: { list: "text" },
    permissions: {
      object: {
        expertBackOffice: "boolean",
        managePaymentOrders: "boolean",
        modes: { list: { oneOf: ["PRODUCTION", "TEST"] } },
        viewAllOrders: "boolean",
      },
      required: ["expertBackOffice", "managePaymentOrders", "modes", "viewAllOrders"],
    },
  },
  required: ["id", "shopIds", "permissions"],
};

/** The shape of {@link ConfigFile}. */
export const CONFIG_FILE_SHAPE: Shape = {
  object: {
    shops: { list: SHOP },
    defaultShop: "text",
    actor: ACTOR,
    paymentUrl: "text",
    messageIdDomain: "text",
    from: "text",
    outbox: "text",
    database: { object: { dir: "text", url: "text", schema: "text" } },
    smtp: { object: { url: "text" }, required: ["url"] },
  },
};
