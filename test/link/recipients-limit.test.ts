import { describe, expect, it } from "vitest";
import { planPaymentOrder, validateLinkForm, validateLinkParameters } from "../../src/index";
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

const addresses = (count: number): string => Array.from({ length: count }, (_, i) => `buyer.${i}@example.fr`).join(";");

describe("validateLinkParameters", () => {
  describe("with a shop that limits the recipients of an order", () => {
    const shop = makeShop({ maxRecipients: 3 });
    const input = (recipients: string) => ({ shopId: "shop-1", amount: 4990, currency: "EUR", recipients });

    it("accepts as many recipients as the limit", () => {
      expect(validateLinkParameters(input(addresses(3)), { shop }).ok).toBe(true);
    });

    it("reports recipients_too_many with the limit and the count, in English and French", () => {
      const en = validateLinkParameters(input(addresses(4)), { shop });
      const fr = validateLinkParameters(input(addresses(4)), { shop, locale: frLocale });
      expect(en).toEqual({
        ok: false,
        issues: [
          {
            code: "recipients_too_many",
            path: ["recipients"],
            message: "This shop sends at most 3 links per order: split the 4 addresses into several orders.",
            params: { max: 3, count: 4 },
          },
        ],
      });
      expect(fr.ok ? "" : fr.issues[0]?.message).toBe(
        "Cette boutique envoie au plus 3\u00a0liens par ordre\u00a0: répartissez les 4\u00a0adresses sur plusieurs ordres.",
      );
    });

    it("counts invalid addresses and the addresses of a comma-joined entry too", () => {
      const result = validateLinkForm(
        { shopId: "shop-1", amount: "49,90", currency: "EUR", recipients: "a@x.fr; bad; c@x.fr, d@x.fr" },
        { shop },
      );
      expect(result.ok ? [] : result.issues.map((issue) => issue.code)).toEqual([
        "recipients_too_many",
        "recipient_invalid",
        "recipient_separator",
      ]);
    });
  });

  describe("with a shop without a limit", () => {
    it("accepts 10,000 recipients", () => {
      const result = validateLinkParameters(
        { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: addresses(10_000) },
        { shop: makeShop() },
      );
      expect(result.ok && result.value.recipients.length).toBe(10_000);
    });
  });
});

describe("planPaymentOrder", () => {
  it("refuses an order over the shop's limit before making any id or rendering any e-mail", () => {
    let ids = 0;
    const result = planPaymentOrder(
      { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: addresses(1001) } },
      {
        shop: makeShop({ maxRecipients: 1000 }),
        actor: makeActor(),
        now: new Date("2026-12-01T10:00:00Z"),
        generateId: () => `id${ids++}`,
        paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
      },
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["recipients_too_many", ["link", "recipients"]],
    ]);
    expect(ids).toBe(0);
  });
});
