import type { PaymentUrlInput, PlanContext } from "../../src/index";
import { makeActor, makeShop } from "../support/fixtures";

/** The creation instant of every plan in these tests: 1 December 2026, 11:00 in Paris. */
export const NOW = new Date("2026-12-01T10:00:00Z");

/** The end of 8 December 2026 in Paris: seven days after {@link NOW}. */
export const IN_SEVEN_DAYS = new Date("2026-12-08T22:59:59Z");

/** The seed's shop: reference mandatory, with a contact address and a web site. */
export const SEED_SHOP = makeShop({
  referenceRequired: true,
  contactEmail: "contact@librairie-durand.fr",
  url: "https://www.librairie-durand.fr",
});

/** Ids `prefix-1`, `prefix-2`, … in call order: deterministic stand-ins for nanoid. */
export function counterIds(prefix = "id"): () => string {
  let count = 0;
  return () => `${prefix}-${++count}`;
}

/** The payment page URL of a link, from its token. */
export const tokenUrl = (link: PaymentUrlInput): string => `https://pay.example/t/${link.token}`;

/** A plan context for the seed's shop and a user with every permission, with fresh counter ids. */
export function makeContext(overrides: Partial<PlanContext> = {}): PlanContext {
  return {
    shop: SEED_SHOP,
    actor: makeActor(),
    now: NOW,
    generateId: counterIds(),
    paymentUrl: tokenUrl,
    ...overrides,
  };
}
