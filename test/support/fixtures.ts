import type { Actor, ShopConfig } from "../../src/index";

/**
 * A shop as the back office would configure it: "shop-1", French, Paris time, EUR and USD, no mandatory
 * reference, with a manager address. Pass overrides for the fields a test is about; pass
 * `{ managerEmail: undefined }` for a shop without a manager.
 */
export function makeShop(overrides: Partial<ShopConfig> = {}): ShopConfig {
  return {
    id: "shop-1",
    name: "Librairie Durand",
    language: "fr",
    timezone: "Europe/Paris",
    currencies: ["EUR", "USD"],
    referenceRequired: false,
    managerEmail: "gerant@librairie-durand.fr",
    ...overrides,
  };
}

/**
 * A back-office user of "shop-1" with every permission and an account address. Pass
 * `{ email: undefined }` for a user without an address.
 */
export function makeActor(overrides: Partial<Actor> = {}): Actor {
  return {
    id: "user-1",
    email: "marie.martin@librairie-durand.fr",
    shopIds: ["shop-1"],
    permissions: {
      expertBackOffice: true,
      managePaymentOrders: true,
      modes: ["PRODUCTION", "TEST"],
      viewAllOrders: true,
    },
    ...overrides,
  };
}
