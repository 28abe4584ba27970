import { describe, expect, it } from "vitest";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { Currency } from "../../src/money/currency";
import { formatAmount } from "../../src/money/format-amount";
import { getCurrency, listCurrencies } from "../../src/money/get-currency";

/** Intl writes U+00A0 and U+202F where a person sees a space: compare with plain spaces. */
const plain = (text: string): string => text.replace(/[\u00a0\u202f]/g, " ");

/** Catches the error thrown by `run`. */
const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
};

describe("formatAmount", () => {
  describe("in French with the currency symbol (default)", () => {
    it("writes 4990 EUR as 49,90 €", () => {
      expect(plain(formatAmount(4990, "EUR", "fr"))).toBe("49,90 €");
    });

    it("keeps the amount and the symbol together with a no-break space", () => {
      expect(formatAmount(4990, "EUR", "fr")).toMatch(/^49,90[\u00a0\u202f]€$/);
    });

    it("groups thousands with a no-break space that parseAmount accepts", () => {
      const text = formatAmount(123456, "EUR", "fr");
      expect(plain(text)).toBe("1 234,56 €");
      expect(text).toMatch(/^1[\u00a0\u202f]234,56[\u00a0\u202f]€$/);
    });

    it("writes every digit of 999999999999 EUR", () => {
      expect(plain(formatAmount(999_999_999_999, "EUR", "fr"))).toBe("9 999 999 999,99 €");
    });
  });

  describe("in English", () => {
    it("writes 4990 EUR as €49.90", () => {
      expect(formatAmount(4990, "EUR", "en")).toBe("€49.90");
    });

    it("writes 123456 USD as $1,234.56", () => {
      expect(formatAmount(123456, "USD", "en")).toBe("$1,234.56");
    });

    it("writes a few cents with a leading zero: 5 EUR is €0.05", () => {
      expect(formatAmount(5, "EUR", "en")).toBe("€0.05");
    });
  });

  describe('with display "code"', () => {
    it("writes the ISO code instead of the symbol, in English and French", () => {
      expect(plain(formatAmount(4990, "EUR", "en", { display: "code" }))).toBe("EUR 49.90");
      expect(plain(formatAmount(4990, "EUR", "fr", { display: "code" }))).toBe("49,90 EUR");
    });
  });

  describe('with display "none"', () => {
    it("writes the number alone", () => {
      expect(plain(formatAmount(123456, "EUR", "fr", { display: "none" }))).toBe("1 234,56");
      expect(formatAmount(123456, "EUR", "en", { display: "none" })).toBe("1,234.56");
    });

    it("still writes the currency's number of decimals", () => {
      expect(formatAmount(4900, "EUR", "en", { display: "none" })).toBe("49.00");
    });
  });

  describe("with grouping false", () => {
    it("writes thousands without a separator", () => {
      expect(plain(formatAmount(123456, "EUR", "fr", { grouping: false }))).toBe("1234,56 €");
      expect(formatAmount(123456789, "EUR", "en", { display: "none", grouping: false })).toBe("1234567.89");
    });
  });

  describe("with a currency that has no decimals", () => {
    it("writes 1000 JPY with no decimal separator", () => {
      expect(formatAmount(1000, "JPY", "en")).toBe("¥1,000");
      expect(plain(formatAmount(1000, "JPY", "fr", { display: "none" }))).toBe("1 000");
      expect(formatAmount(5, "JPY", "fr", { display: "none" })).toBe("5");
    });
  });

  describe("with a currency that has three decimals", () => {
    it("writes 1234 KWD as 1.234 and 1 KWD as 0.001", () => {
      expect(formatAmount(1234, "KWD", "en", { display: "none" })).toBe("1.234");
      expect(formatAmount(1, "KWD", "en", { display: "none" })).toBe("0.001");
      expect(formatAmount(1, "KWD", "fr", { display: "none" })).toBe("0,001");
      expect(plain(formatAmount(1234, "KWD", "en", { display: "code" }))).toBe("KWD 1.234");
    });
  });

  describe("with amounts a float division would spoil", () => {
    it("is exact for 999999999999 in every digit count", () => {
      expect(formatAmount(999_999_999_999, "EUR", "en", { display: "none" })).toBe("9,999,999,999.99");
      expect(formatAmount(999_999_999_999, "JPY", "en", { display: "none" })).toBe("999,999,999,999");
      expect(formatAmount(999_999_999_999, "KWD", "en", { display: "none" })).toBe("999,999,999.999");
    });

    it("is exact for the largest safe integer in KWD (a float would end in .990)", () => {
      expect(formatAmount(Number.MAX_SAFE_INTEGER, "KWD", "en", { display: "none" })).toBe("9,007,199,254,740.991");
    });
  });

  describe("with a negative or zero amount", () => {
    it("writes a minus sign", () => {
      expect(plain(formatAmount(-4990, "EUR", "fr"))).toMatch(/^[-\u2212]49,90 €$/);
      expect(formatAmount(-4990, "EUR", "en")).toMatch(/^[-\u2212]€49\.90$/);
      expect(formatAmount(-1, "KWD", "en", { display: "none" })).toMatch(/^[-\u2212]0\.001$/);
    });

    it("writes zero, and negative zero, without a sign", () => {
      expect(plain(formatAmount(0, "EUR", "fr"))).toBe("0,00 €");
      expect(plain(formatAmount(-0, "EUR", "fr"))).toBe("0,00 €");
    });
  });

  describe("with a Currency object", () => {
    it("formats as with its code", () => {
      const eur = getCurrency("EUR") as Currency;
      expect(formatAmount(123456, eur, "fr")).toBe(formatAmount(123456, "EUR", "fr"));
    });
  });

  describe("with every listed currency", () => {
    it("writes the currency's decimals exactly, with the symbol or code present", () => {
      for (const c of listCurrencies()) {
        const expected =
          c.digits === 0 ? "123456789" : `${"123456789".slice(0, -c.digits)}.${"123456789".slice(-c.digits)}`;
        expect(formatAmount(123456789, c.code, "en", { display: "none", grouping: false }), c.code).toBe(expected);
        expect(formatAmount(123456789, c.code, "en", { display: "code" }), c.code).toContain(c.code);
        expect(formatAmount(123456789, c.code, "fr", { display: "symbol" }).length, c.code).toBeGreaterThan(0);
      }
    });
  });

  describe("with a currency code in lower case or with spaces", () => {
    it.each(["eur", "Eur", " EUR", "eur "])("formats %j as EUR", (code) => {
      expect(plain(formatAmount(4990, code, "fr"))).toBe("49,90 €");
      expect(formatAmount(4990, code, "en")).toBe("€49.90");
      expect(plain(formatAmount(4990, code, "en", { display: "code" }))).toBe("EUR 49.90");
    });

    it("uses the decimals of the currency found: 1234 kwd is 1.234", () => {
      expect(formatAmount(1234, "kwd", "en", { display: "none" })).toBe("1.234");
      expect(formatAmount(1000, " jpy", "en")).toBe("¥1,000");
    });
  });

  describe("with a currency that is not active", () => {
    it.each(["ABC", "EURO", "xau", "XAU", "XTS", "ANG", ""])("throws PaylinksError currency_unknown for %j", (code) => {
      const error = thrown(() => formatAmount(4990, code, "fr"));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: "PaylinksError", code: "currency_unknown", issues: [] });
    });
  });

  describe("with an amount that is not a safe integer", () => {
    it.each([
      ["a fraction", 49.9],
      ["NaN", Number.NaN],
      ["Infinity", Number.POSITIVE_INFINITY],
      ["2^53", 2 ** 53],
      ["a numeric string", "4990"],
    ])("throws PaylinksError amount_invalid for %s", (_label, minor) => {
      const error = thrown(() => formatAmount(minor as number, "EUR", "fr"));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "amount_invalid" });
    });
  });
});
