import { describe, expect, it } from "vitest";
import { type Currency, formatAmount, getCurrency, PaylinksError } from "../../src/index";

describe("getCurrency", () => {
  describe("with letters that upper-case into A–Z outside ASCII", () => {
    it.each(["ınr", "uſd"])("returns undefined for %s", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });
  });
});

describe("formatAmount", () => {
  describe("with a Currency object whose digits are not a whole number from 0 to 9", () => {
    it.each([2.5, -1, 10, Number.NaN])("throws PaylinksError currency_unknown for digits %s", (digits) => {
      const bad = { code: "EUR", numeric: "978", digits, name: "Euro" } as Currency;
      expect(() => formatAmount(4990, bad, "fr")).toThrow(PaylinksError);
      try {
        formatAmount(4990, bad, "fr");
      } catch (error) {
        expect((error as PaylinksError).code).toBe("currency_unknown");
      }
    });
  });
});
