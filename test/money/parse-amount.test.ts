import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IssueCode } from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import type { Currency } from "../../src/money/currency";
import { AMOUNT_MAX_MINOR } from "../../src/money/currency";
import { getCurrency, listCurrencies } from "../../src/money/get-currency";
import { parseAmount } from "../../src/money/parse-amount";

const codes = (result: ReturnType<typeof parseAmount>): IssueCode[] =>
  result.ok ? [] : result.issues.map((issue) => issue.code);

const currency = (code: string): Currency => {
  const found = getCurrency(code);
  if (!found) throw new Error(`test setup: no currency ${code}`);
  return found;
};

describe("parseAmount", () => {
  describe("with a decimal comma or point", () => {
    it.each(["49,90", "49.90"])("reads %s EUR as 4990 minor units", (text) => {
      expect(parseAmount(text, "EUR")).toEqual({ ok: true, value: 4990 });
    });

    it("reads one decimal as tenths: 1234,5 EUR is 123450 and 123,4 EUR is 12340", () => {
      expect(parseAmount("1234,5", "EUR")).toEqual({ ok: true, value: 123450 });
      expect(parseAmount("123,4", "EUR")).toEqual({ ok: true, value: 12340 });
    });

    it("reads a whole amount: 49 EUR is 4900", () => {
      expect(parseAmount("49", "EUR")).toEqual({ ok: true, value: 4900 });
    });

    it("reads the smallest unit: 0,01 EUR is 1", () => {
      expect(parseAmount("0,01", "EUR")).toEqual({ ok: true, value: 1 });
    });
  });

  describe("with spaces between groups of three digits", () => {
    it.each([
      ["a space", "1 234,56"],
      ["a no-break space U+00A0", "1\u00a0234,56"],
      ["a narrow no-break space U+202F", "1\u202f234,56"],
    ])("reads 1 234,56 with %s as 123456", (_label, text) => {
      expect(parseAmount(text, "EUR")).toEqual({ ok: true, value: 123456 });
    });

    it("reads several groups: 1 234 567,89 is 123456789", () => {
      expect(parseAmount("1 234 567,89", "EUR")).toEqual({ ok: true, value: 123456789 });
    });

    it("reads a first group of three digits: 123 456 is 12345600", () => {
      expect(parseAmount("123 456", "EUR")).toEqual({ ok: true, value: 12345600 });
    });
  });

  describe("with the currency's number of decimals", () => {
    it("reads 1000 JPY as 1000 (no minor unit)", () => {
      expect(parseAmount("1000", "JPY")).toEqual({ ok: true, value: 1000 });
    });

    it("rejects 10,5 JPY as too precise, with the digits and currency in params", () => {
      const result = parseAmount("10,5", "JPY");
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({
        code: "amount_too_precise",
        path: [],
        params: { digits: 0, currency: "JPY" },
      });
    });

    it("reads 1,234 KWD as 1234 (three decimals, not a thousands separator)", () => {
      expect(parseAmount("1,234", "KWD")).toEqual({ ok: true, value: 1234 });
    });

    it("reads 0.001 KWD as 1", () => {
      expect(parseAmount("0.001", "KWD")).toEqual({ ok: true, value: 1 });
    });

    it("rejects 1,2345 KWD as too precise", () => {
      expect(codes(parseAmount("1,2345", "KWD"))).toEqual(["amount_too_precise"]);
    });

    it("never rounds: 49,999 EUR is too precise, with no value", () => {
      const result = parseAmount("49,999", "EUR");
      expect(result).not.toHaveProperty("value");
      expect(codes(result)).toEqual(["amount_too_precise"]);
    });

    it("never drops a trailing zero silently: 49,900 EUR is too precise", () => {
      expect(codes(parseAmount("49,900", "EUR"))).toEqual(["amount_too_precise"]);
    });

    it("accepts a Currency object and uses its digits", () => {
      expect(parseAmount("1,234", currency("KWD"))).toEqual({ ok: true, value: 1234 });
      expect(codes(parseAmount("1,5", currency("JPY")))).toEqual(["amount_too_precise"]);
    });

    it("accepts a Currency object with 0 or 9 digits, the ends of the allowed range", () => {
      const nine: Currency = { code: "ABC", numeric: "999", digits: 9, name: "Test" };
      expect(parseAmount("1", nine)).toEqual({ ok: true, value: 1_000_000_000 });
      expect(parseAmount("0,000000001", nine)).toEqual({ ok: true, value: 1 });
      expect(parseAmount("12", { ...nine, digits: 0 })).toEqual({ ok: true, value: 12 });
    });
  });

  describe("with a currency code in lower case or with spaces", () => {
    it.each(["eur", "Eur", " EUR", "eur "])("reads 10 in %j as 1000 minor units", (code) => {
      expect(parseAmount("10", code)).toEqual({ ok: true, value: 1000 });
    });

    it("uses the decimals of the currency found, and its code in the params", () => {
      expect(parseAmount("1,234", " kwd ")).toEqual({ ok: true, value: 1234 });
      const result = parseAmount("10,5", "jpy");
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues).toEqual([
        expect.objectContaining({ code: "amount_too_precise", path: [], params: { digits: 0, currency: "JPY" } }),
      ]);
    });
  });

  describe("with a Currency object whose digits are not an integer from 0 to 9", () => {
    it.each([
      ["-1", -1],
      ["10", 10],
      ["2.5", 2.5],
      ["NaN", Number.NaN],
      ["Infinity", Number.POSITIVE_INFINITY],
      ['the text "2"', "2"],
      ["null", null],
      ["undefined", undefined],
      ["a bigint", BigInt(2)],
    ])("reports currency_unknown, without throwing, for digits %s", (_label, digits) => {
      const bad = { code: "EUR", numeric: "978", digits, name: "Euro" } as unknown as Currency;
      expect(parseAmount("49,90", bad)).toEqual({
        ok: false,
        issues: [
          {
            code: "currency_unknown",
            path: [],
            message: "“EUR” is not an active ISO 4217 currency code.",
            params: { value: "EUR" },
          },
        ],
      });
    });

    it("reports currency_unknown for an object without digits", () => {
      expect(codes(parseAmount("1", { code: "EUR" } as unknown as Currency))).toEqual(["currency_unknown"]);
    });
  });

  describe("with an amount that is not greater than zero", () => {
    it.each(["0", "0,00", "0.0", "000", "-0"])("rejects %j as not positive", (text) => {
      expect(codes(parseAmount(text, "EUR"))).toEqual(["amount_not_positive"]);
    });

    it.each(["-5", "-49,90", "-1 234,56"])("rejects the negative %j as not positive", (text) => {
      expect(codes(parseAmount(text, "EUR"))).toEqual(["amount_not_positive"]);
    });

    it("reports both problems of 0,001 EUR: too precise and not positive", () => {
      expect(codes(parseAmount("0,001", "EUR")).sort()).toEqual(["amount_not_positive", "amount_too_precise"]);
    });
  });

  describe("with text that is not an amount", () => {
    it.each([
      ["a plus sign", "+5"],
      ["letters", "abc"],
      ["nothing", ""],
      ["only spaces", "   "],
      ["a comma group separator", "1,234.56"],
      ["a point group separator", "1.234,56"],
      ["a group of two digits", "12 34"],
      ["a first group of four digits", "1234 567"],
      ["a last group of four digits", "1 2345"],
      ["two spaces in a row", "1  234"],
      ["a space before the decimals", "1 234 ,56"],
      ["a trailing separator", "49,"],
      ["no integer part", ",5"],
      ["a currency symbol", "5 €"],
      ["a currency code", "EUR 5"],
      ["two decimal separators", "1,2,3"],
      ["a double minus", "--5"],
      ["a lone minus", "-"],
      ["a minus and a space", "- 5"],
      ["an exponent", "1e3"],
      ["hexadecimal", "0x10"],
      ["Infinity", "Infinity"],
      ["NaN", "NaN"],
      ["full-width digits", "\uff11\uff12"],
      ["Arabic-Indic digits", "\u0661\u0662"],
      ["an apostrophe group separator", "1'234"],
      ["a space inside the decimals", "1,2 3"],
      ["a tab as a group separator", "1\t234"],
    ])("rejects %s (%j) as invalid", (_label, text) => {
      const result = parseAmount(text, "EUR");
      expect(codes(result)).toEqual(["amount_invalid"]);
    });
  });

  describe("with the 12-digit limit in minor units", () => {
    it("accepts 9 999 999 999,99 EUR, the largest amount", () => {
      expect(parseAmount("9 999 999 999,99", "EUR")).toEqual({ ok: true, value: 999_999_999_999 });
      expect(AMOUNT_MAX_MINOR).toBe(999_999_999_999);
    });

    it("rejects 10 000 000 000,00 EUR (13 digits) as too large, with maxDigits 12", () => {
      const result = parseAmount("10 000 000 000,00", "EUR");
      expect(codes(result)).toEqual(["amount_too_large"]);
      if (!result.ok) expect(result.issues[0]?.params).toEqual({ maxDigits: 12 });
    });

    it("counts the decimals the currency adds: 10000000000 EUR is too large", () => {
      expect(codes(parseAmount("10000000000", "EUR"))).toEqual(["amount_too_large"]);
    });

    it("accepts 999999999999 JPY and rejects 1000000000000 JPY", () => {
      expect(parseAmount("999999999999", "JPY")).toEqual({ ok: true, value: 999_999_999_999 });
      expect(codes(parseAmount("1000000000000", "JPY"))).toEqual(["amount_too_large"]);
    });

    it("accepts 999 999 999,999 KWD", () => {
      expect(parseAmount("999 999 999,999", "KWD")).toEqual({ ok: true, value: 999_999_999_999 });
    });
  });

  describe("with leading zeros", () => {
    it.each([
      ["007", 700],
      ["0049,90", 4990],
      ["0,50", 50],
      ["000 001,00", 100],
    ])("reads %j as %i", (text, value) => {
      expect(parseAmount(text, "EUR")).toEqual({ ok: true, value });
    });

    it("does not count leading zeros towards the 12 digits", () => {
      expect(parseAmount("0000000000009999999999,99", "EUR")).toEqual({ ok: true, value: 999_999_999_999 });
    });
  });

  describe("with surrounding white space", () => {
    it.each(["  49,90  ", "\t49,90\n", "\u00a049,90\u202f", " 1 234,56 "])("trims %j", (text) => {
      const result = parseAmount(text, "EUR");
      expect(result.ok).toBe(true);
      if (result.ok) expect([4990, 123456]).toContain(result.value);
    });
  });

  describe("with a currency that is not an active ISO 4217 code", () => {
    it.each(["ABC", "EURO", "xau", "XAU", "XTS", "ANG", "", "   "])(
      "reports currency_unknown for %j, with the value",
      (code) => {
        const result = parseAmount("49,90", code);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.issues).toEqual([
          expect.objectContaining({ code: "currency_unknown", path: [], params: { value: code } }),
        ]);
      },
    );

    it("reports currency_unknown for null instead of throwing", () => {
      expect(codes(parseAmount("1", null as unknown as string))).toEqual(["currency_unknown"]);
    });

    it("shortens a long code to 80 characters in the params and the message", () => {
      const code = "X".repeat(100);
      const result = parseAmount("1", code);
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues[0]?.params).toEqual({ value: `${"X".repeat(79)}…` });
      expect(result.issues[0]?.message).toBe(`“${"X".repeat(79)}…” is not an active ISO 4217 currency code.`);
    });

    it("keeps a code of exactly 80 characters whole", () => {
      const code = "X".repeat(80);
      const result = parseAmount("1", code);
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues[0]?.params).toEqual({ value: code });
    });
  });

  describe("with text that is not a string", () => {
    it.each([4990, null, undefined, {}, ["49,90"]])("reports type_invalid for %j", (value) => {
      const result = parseAmount(value as unknown as string, "EUR");
      expect(codes(result)).toEqual(["type_invalid"]);
      if (!result.ok) expect(result.issues[0]?.params).toEqual({ expected: "string" });
    });
  });

  describe("with a locale", () => {
    it("writes messages in English by default", () => {
      const result = parseAmount("abc", "EUR");
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues[0]?.message).toBe("Enter the amount with digits only, for example 49,90 or 1 234.56.");
    });

    it("writes messages in French with locale fr", () => {
      const result = parseAmount("abc", "EUR", { locale: frLocale });
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues[0]?.message).toBe(
        "Saisissez le montant en chiffres uniquement, par exemple 49,90 ou 1 234,56.",
      );
    });

    it("writes the too-precise message in each language with the currency and digits", () => {
      const en = parseAmount("49,999", "EUR", { locale: enLocale });
      const fr = parseAmount("49,999", "EUR", { locale: frLocale });
      if (en.ok || fr.ok) throw new Error("expected failures");
      expect(en.issues[0]?.message).toBe("EUR has 2 decimals: enter at most 2 digits after the separator.");
      expect(fr.issues[0]?.message).toBe("EUR a 2 décimales\u00a0: saisissez au plus 2 chiffres après la virgule.");
    });

    it("puts a no-break space before the colon in French, for a currency without decimals", () => {
      const fr = parseAmount("10,5", "JPY", { locale: frLocale });
      if (fr.ok) throw new Error("expected a failure");
      expect(fr.issues[0]?.message).toBe("JPY n’a pas de décimales\u00a0: saisissez un montant entier.");
    });

    it("writes the unknown-currency message in French", () => {
      const result = parseAmount("1", "ABC", { locale: frLocale });
      if (result.ok) throw new Error("expected a failure");
      expect(result.issues[0]?.message).toBe("«\u00a0ABC\u00a0» n’est pas un code de devise ISO 4217 en vigueur.");
    });
  });

  describe("with a huge input", () => {
    it("returns amount_too_large for 1 MB of digits without throwing", () => {
      const text = "1".repeat(1_000_000);
      expect(codes(parseAmount(text, "EUR"))).toEqual(["amount_too_large"]);
    });

    it("returns amount_invalid for 1 MB of letters", () => {
      expect(codes(parseAmount("a".repeat(1_000_000), "EUR"))).toEqual(["amount_invalid"]);
    });

    it("reads 1 MB of leading zeros before a 1", () => {
      expect(parseAmount(`${"0".repeat(1_000_000)}1`, "EUR")).toEqual({ ok: true, value: 100 });
    });

    it("reports too precise for 1 MB of decimals without throwing", () => {
      expect(codes(parseAmount(`1,${"5".repeat(1_000_000)}`, "EUR"))).toEqual(["amount_too_precise"]);
    });
  });

  describe("property: an amount written by hand in any accepted style", () => {
    const currencies = listCurrencies();
    const separator = fc.constantFrom(" ", "\u00a0", "\u202f");

    it("reads back the same number of minor units", () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...currencies),
          fc.integer({ min: 1, max: AMOUNT_MAX_MINOR }),
          fc.constantFrom(",", "."),
          separator,
          fc.boolean(),
          (c, minor, decimalSeparator, groupSeparator, grouped) => {
            const digits = String(minor).padStart(c.digits + 1, "0");
            let integer = c.digits === 0 ? digits : digits.slice(0, -c.digits);
            const fraction = c.digits === 0 ? "" : digits.slice(-c.digits);
            if (grouped) integer = integer.replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
            const text = fraction === "" ? integer : `${integer}${decimalSeparator}${fraction}`;
            expect(parseAmount(text, c.code)).toEqual({ ok: true, value: minor });
          },
        ),
        { seed: 4990, numRuns: 500 },
      );
    });

    it("is too precise with one decimal more than the currency has", () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...currencies),
          fc.integer({ min: 1, max: 99_999_999 }),
          fc.integer({ min: 0, max: 9 }),
          (c, minor, extra) => {
            const digits = String(minor).padStart(c.digits + 1, "0");
            const integer = c.digits === 0 ? digits : digits.slice(0, -c.digits);
            const fraction = c.digits === 0 ? "" : digits.slice(-c.digits);
            expect(codes(parseAmount(`${integer},${fraction}${extra}`, c.code))).toContain("amount_too_precise");
          },
        ),
        { seed: 42, numRuns: 300 },
      );
    });
  });

  describe("property: any string at all", () => {
    const amountCodes: IssueCode[] = [
      "amount_invalid",
      "amount_not_positive",
      "amount_too_precise",
      "amount_too_large",
    ];

    it("never throws, and gives a positive integer of at most 12 digits or amount issues", () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "grapheme", maxLength: 30 }),
            fc.string({
              unit: fc.constantFrom("0", "1", "9", ",", ".", " ", "\u00a0", "\u202f", "-", "+"),
              maxLength: 25,
            }),
          ),
          fc.constantFrom("EUR", "JPY", "KWD"),
          (text, code) => {
            const result = parseAmount(text, code);
            if (result.ok) {
              expect(Number.isSafeInteger(result.value)).toBe(true);
              expect(result.value).toBeGreaterThanOrEqual(1);
              expect(result.value).toBeLessThanOrEqual(AMOUNT_MAX_MINOR);
            } else {
              expect(result.issues.length).toBeGreaterThan(0);
              for (const issue of result.issues) {
                expect(amountCodes).toContain(issue.code);
                expect(issue.message.length).toBeGreaterThan(0);
              }
            }
          },
        ),
        { seed: 1234, numRuns: 1000 },
      );
    });
  });
});
