import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Issue,
  type LinkForm,
  type LinkParameters,
  type LinkValidationContext,
  type Result,
  validateLinkForm,
  validateLinkParameters,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

const form: LinkForm = {
  shopId: "shop-1",
  amount: "49,90",
  currency: "EUR",
  orderReference: "Recouvrement",
  recipients: "a@example.fr;b@example.fr;c@example.fr",
  channel: "email",
};

function withFields(fields: Record<string, unknown>): LinkForm {
  return { ...form, ...fields } as unknown as LinkForm;
}

function validate(
  fields: Record<string, unknown>,
  context: Partial<LinkValidationContext> = {},
): Result<LinkParameters> {
  return validateLinkForm(withFields(fields), {
    shop: makeShop({ currencies: ["EUR", "USD", "JPY", "KWD"] }),
    ...context,
  });
}

function issuesOf<T>(result: Result<T>): Issue[] {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function validValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const summary = (issues: readonly Issue[]) => issues.map((issue) => [issue.code, issue.path]);

/** Writes an amount in minor units as a person might type it. */
function typed(minor: number, digits: number, group: string, decimal: string): string {
  const text = String(minor).padStart(digits + 1, "0");
  const integer = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return digits === 0 ? grouped : `${grouped}${decimal}${fraction}`;
}

describe("validateLinkForm", () => {
  describe("with a valid form", () => {
    it("returns the parameters with the amount in minor units", () => {
      expect(validateLinkForm(form, { shop: makeShop() })).toStrictEqual({
        ok: true,
        value: {
          shopId: "shop-1",
          mode: "PRODUCTION",
          amount: 4990,
          currency: "EUR",
          orderReference: "Recouvrement",
          recipients: ["a@example.fr", "b@example.fr", "c@example.fr"],
          buyerReference: undefined,
          channel: "email",
          bcc: [],
        },
      });
    });

    it("resolves the blind copies from the switches and the free field", () => {
      const bcc = { shopManager: true, me: true, addresses: "compta@x.fr; COMPTA@x.fr" };
      expect(validValue(validate({ bcc }, { actor: makeActor() })).bcc).toEqual([
        "gerant@librairie-durand.fr",
        "marie.martin@librairie-durand.fr",
        "compta@x.fr",
      ]);
    });
  });

  describe("with the amount as typed", () => {
    it.each([
      ["1 234,56", "EUR", 123456],
      ["1\u00a0234,56", "EUR", 123456],
      ["1\u202f234,56", "EUR", 123456],
      ["49,90", "EUR", 4990],
      ["49.90", "EUR", 4990],
      ["49,9", "EUR", 4990],
      ["49", "EUR", 4900],
      [" 49,90 ", "EUR", 4990],
      ["0,01", "EUR", 1],
      ["1 000", "JPY", 1000],
      ["1,234", "KWD", 1234],
      ["9 999 999 999,99", "EUR", 999_999_999_999],
    ])("reads %j in %s as %d", (amount, currency, minor) => {
      expect(validValue(validate({ amount, currency })).amount).toBe(minor);
    });

    it("reports amount_too_precise for 49,999 EUR with the currency's decimals", () => {
      expect(issuesOf(validate({ amount: "49,999" }))).toEqual([
        {
          code: "amount_too_precise",
          path: ["amount"],
          message: "EUR has 2 decimals: enter at most 2 digits after the separator.",
          params: { digits: 2, currency: "EUR" },
        },
      ]);
    });

    it("checks the decimals of a currency typed in lower case", () => {
      expect(issuesOf(validate({ amount: "49,999", currency: "eur" }))[0]).toMatchObject({
        code: "amount_too_precise",
        params: { currency: "EUR", digits: 2 },
      });
    });

    it("reports amount_too_precise for a decimal amount in a currency without decimals", () => {
      expect(issuesOf(validate({ amount: "10,5", currency: "JPY" }))[0]).toMatchObject({
        code: "amount_too_precise",
        params: { digits: 0, currency: "JPY" },
      });
    });

    it.each(["0", "0,00", "000"])("reports amount_not_positive for %j", (amount) => {
      expect(summary(issuesOf(validate({ amount })))).toEqual([["amount_not_positive", ["amount"]]]);
    });

    it.each(["", "abc", "49,90 €", "1,234,56", "12 34", "+5", "1e3", "49,"])(
      "reports amount_invalid for %j",
      (amount) => {
        expect(summary(issuesOf(validate({ amount })))).toEqual([["amount_invalid", ["amount"]]]);
      },
    );

    it("reports amount_too_large past 12 digits in minor units", () => {
      expect(issuesOf(validate({ amount: "10 000 000 000,00" }))[0]).toMatchObject({
        code: "amount_too_large",
        path: ["amount"],
        params: { maxDigits: 12 },
      });
    });

    it.each([4990, null, undefined, true])("reports type_invalid when the amount is %s, not a text", (amount) => {
      expect(issuesOf(validate({ amount }))).toEqual([
        expect.objectContaining({ code: "type_invalid", path: ["amount"], params: { expected: "string" } }),
      ]);
    });
  });

  describe("with an unknown currency", () => {
    it("reports currency_unknown and still reads the amount, without checking its decimals", () => {
      expect(summary(issuesOf(validate({ amount: "49,999", currency: "EURO" })))).toEqual([
        ["currency_unknown", ["currency"]],
      ]);
    });

    it("reports an unreadable amount as well, before the currency", () => {
      expect(summary(issuesOf(validate({ amount: "abc", currency: "EURO" })))).toEqual([
        ["amount_invalid", ["amount"]],
        ["currency_unknown", ["currency"]],
      ]);
    });

    it("reports a currency that is not a text as well, without checking the decimals", () => {
      expect(summary(issuesOf(validate({ amount: "49,999", currency: 978 })))).toEqual([
        ["type_invalid", ["currency"]],
      ]);
    });
  });

  describe("with a currency the shop does not accept", () => {
    it("reports currency_not_accepted and still checks the decimals", () => {
      const issues = issuesOf(validateLinkForm(withFields({ amount: "1,5", currency: "JPY" }), { shop: makeShop() }));
      expect(summary(issues)).toEqual([
        ["amount_too_precise", ["amount"]],
        ["currency_not_accepted", ["currency"]],
      ]);
      expect(issues[1]?.params).toEqual({ currency: "JPY", accepted: "EUR, USD" });
    });
  });

  describe("with the issue tracker's example", () => {
    it("reports exactly the three issues, the amount typed as 0", () => {
      const issues = issuesOf(
        validateLinkForm(
          withFields({ amount: "0", orderReference: "", recipients: "a@example.fr;b@example.fr;bob@" }),
          { shop: makeShop({ referenceRequired: true }) },
        ),
      );
      expect(summary(issues)).toEqual([
        ["amount_not_positive", ["amount"]],
        ["reference_required", ["orderReference"]],
        ["recipient_invalid", ["recipients", 2]],
      ]);
    });
  });

  describe("with the locale", () => {
    it("writes French messages with locale fr", () => {
      const issues = issuesOf(validate({ amount: "49,999", recipients: "bob" }, { locale: frLocale }));
      expect(issues.map((i) => i.message)).toEqual([
        "EUR a 2 décimales\u00a0: saisissez au plus 2 chiffres après la virgule.",
        "«\u00a0bob\u00a0» n’est pas une adresse e-mail valide\u00a0: il manque le @.",
      ]);
    });

    it("writes the same codes with a different message in en and fr", () => {
      const fields = { amount: "10,5", currency: "JPY", recipients: "a@x.fr, b@x.fr" };
      const en = issuesOf(validate(fields, { locale: enLocale }));
      const fr = issuesOf(validate(fields, { locale: frLocale }));
      expect(fr.map((i) => i.code)).toEqual(en.map((i) => i.code));
      en.forEach((issue, i) => {
        expect(issue.message).not.toBe(fr[i]?.message);
      });
    });
  });

  describe("with a form that is not an object", () => {
    it.each([null, "form", 42, []])("reports type_invalid at the root for %j", (input) => {
      expect(summary(issuesOf(validateLinkForm(input as unknown as LinkForm, { shop: makeShop() })))).toEqual([
        ["type_invalid", []],
      ]);
    });
  });

  describe("compared with validateLinkParameters", () => {
    it("returns the same parameters for an amount typed in any accepted way", () => {
      const shop = makeShop({ currencies: ["EUR", "JPY", "KWD"] });
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 999_999_999_999 }),
          fc.constantFrom(["EUR", 2] as const, ["JPY", 0] as const, ["KWD", 3] as const),
          fc.constantFrom("", " ", "\u00a0", "\u202f"),
          fc.constantFrom(",", "."),
          (minor, [currency, digits], group, decimal) => {
            const amount = typed(minor, digits, group, decimal);
            const fromForm = validateLinkForm(withFields({ amount, currency }), { shop });
            const fromParameters = validateLinkParameters({ ...withFields({ currency }), amount: minor }, { shop });
            expect(fromForm).toStrictEqual(fromParameters);
            expect(validValue(fromForm).amount).toBe(minor);
          },
        ),
        { seed: 60_001, numRuns: 300 },
      );
    });

    it("reports the same issues for the fields other than the amount", () => {
      const shop = makeShop({ referenceRequired: true, managerEmail: undefined });
      fc.assert(
        fc.property(
          fc.record({
            shopId: fc.constantFrom("shop-1", "shop-2"),
            mode: fc.constantFrom("PRODUCTION", "TEST", "LIVE", undefined),
            currency: fc.constantFrom("EUR", "usd", "JPY", "EURO"),
            orderReference: fc.constantFrom("", "Recouvrement", "Réf 1", "R".repeat(62)),
            recipients: fc.constantFrom("a@x.fr", "a@x.fr;b@x.fr", "a@x.fr;a@x.fr", "bob@", "", "a@x.fr, b@x.fr"),
            buyerReference: fc.constantFrom(undefined, "Client 42", "a\u0007"),
            channel: fc.constantFrom("email", "sms"),
            bcc: fc.constantFrom(undefined, { shopManager: true }, { addresses: "x@y.fr;bad" }),
          }),
          (fields) => {
            const amount = fields.currency === "JPY" ? "4990" : "49,90"; // 4990 minor units in each currency
            const fromForm = validateLinkForm(withFields({ ...fields, amount }), { shop });
            const fromParameters = validateLinkParameters({ ...withFields(fields), amount: 4990 }, { shop });
            expect(fromForm).toStrictEqual(fromParameters);
          },
        ),
        { seed: 60_002, numRuns: 300 },
      );
    });
  });
});
