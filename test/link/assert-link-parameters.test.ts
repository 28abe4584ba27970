import { describe, expect, it } from "vitest";
import { assertLinkParameters, type LinkParametersInput, PaylinksError, validateLinkParameters } from "../../src/index";
import { fr as frLocale } from "../../src/locales/fr";
import { makeShop } from "../support/fixtures";

const shop = makeShop({ referenceRequired: true });
const valid: LinkParametersInput = {
  shopId: "shop-1",
  amount: 4990,
  currency: "eur",
  orderReference: "Recouvrement",
  recipients: "a@example.fr;b@example.fr;c@example.fr",
};
const invalid: LinkParametersInput = {
  ...valid,
  orderReference: "",
  recipients: "a@example.fr;b@example.fr;bob@",
  amount: 0,
};

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a throw");
}

describe("assertLinkParameters", () => {
  describe("with valid parameters", () => {
    it("returns the same value as validateLinkParameters", () => {
      const result = validateLinkParameters(valid, { shop });
      expect(result.ok).toBe(true);
      expect(assertLinkParameters(valid, { shop })).toStrictEqual(result.ok ? result.value : undefined);
    });

    it("returns the normalised parameters", () => {
      expect(assertLinkParameters(valid, { shop })).toMatchObject({ currency: "EUR", mode: "PRODUCTION", bcc: [] });
    });
  });

  describe("with invalid parameters", () => {
    it("throws a PaylinksError with the code invalid_request", () => {
      const error = thrown(() => assertLinkParameters(invalid, { shop }));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_request" });
    });

    it("carries every issue that validateLinkParameters reports", () => {
      const result = validateLinkParameters(invalid, { shop });
      const error = thrown(() => assertLinkParameters(invalid, { shop })) as PaylinksError;
      expect(result.ok).toBe(false);
      expect(error.issues).toEqual(result.ok ? [] : result.issues);
      expect(error.issues.map((i) => i.code)).toEqual([
        "amount_not_positive",
        "reference_required",
        "recipient_invalid",
      ]);
    });

    it("names the issue codes in its message", () => {
      const error = thrown(() => assertLinkParameters(invalid, { shop })) as PaylinksError;
      expect(error.message).toContain("amount_not_positive");
      expect(error.message).toContain("reference_required");
      expect(error.message).toContain("recipient_invalid");
    });

    it("writes the issue messages in the requested locale", () => {
      const error = thrown(() => assertLinkParameters(invalid, { shop, locale: frLocale })) as PaylinksError;
      expect(error.issues[0]?.message).toBe("Saisissez un montant supérieur à zéro.");
    });

    it("throws for an input that is not an object", () => {
      const error = thrown(() =>
        assertLinkParameters(null as unknown as LinkParametersInput, { shop }),
      ) as PaylinksError;
      expect(error.code).toBe("invalid_request");
      expect(error.issues.map((i) => [i.code, i.path])).toEqual([["type_invalid", []]]);
    });
  });
});
