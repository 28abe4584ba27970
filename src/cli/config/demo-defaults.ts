import type { Actor } from "../../actor/actor";
import type { ShopConfig } from "../../shop/shop-config";

/** The shop used when no config file defines any: every currency a demo needs, Paris time. */
export const DEMO_SHOP: ShopConfig = {
  id: "demo",
  name: "Demo shop",
  language: "en",
  timezone: "Europe/Paris",
  currencies: ["EUR", "USD", "GBP", "CHF", "JPY"],
  managerEmail: "manager@demo-shop.example",
  contactEmail: "contact@demo-shop.example",
  url: "https://demo-shop.example",
};

/**
 * The user acting when no config file defines one: every permission, TEST and PRODUCTION, every order, on the
 * given shops.
 *
 * @param shopIds - The shops it may use: all the configured ones.
 * @returns The demo actor.
 */
export function demoActor(shopIds: readonly string[]): Actor {
  return {
    id: "demo",
    email: "me@demo-shop.example",
    shopIds: [...shopIds],
    permissions: {
      expertBackOffice: true,
      managePaymentOrders: true,
      modes: ["TEST", "PRODUCTION"],
      viewAllOrders: true,
    },
  };
}

/** The defaults of everything else, relative paths being resolved from the working directory. */
export const DEFAULTS = {
  paymentUrl: "https://pay.example.com/t/{token}",
  from: "paylinks@localhost",
  databaseDir: ".paylinks/db",
  outboxDir: ".paylinks/outbox",
} as const;
