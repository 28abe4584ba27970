import type { MessageValues, RenderOptions } from "../../src/index";

/** The seven languages paylinks has a default message for. */
export const LANGUAGES = ["fr", "en", "de", "es", "it", "nl", "pt"] as const;

/** The values of the first link of the seed's example, on fixed dates (created 1 Dec 2026, expires 8 Dec 2026). */
export const VALUES: MessageValues = {
  reference: "Recouvrement-001",
  amount: 4990,
  currency: "EUR",
  startDate: new Date("2026-12-01T10:00:00Z"),
  endDate: new Date("2026-12-08T22:59:59Z"),
  shopName: "Librairie Durand",
  url: "https://pay.example/t/abc123",
  shopContact: "contact@librairie-durand.fr",
  shopUrl: "https://www.librairie-durand.fr",
  buyerReference: "CLI-42",
};

/** French, in the shop's time zone. */
export const FR: RenderOptions = { language: "fr", timezone: "Europe/Paris" };

/** The options for a language, in the shop's time zone. */
export const inLanguage = (language: string): RenderOptions => ({ language, timezone: "Europe/Paris" });
