import { describe, expect, it } from "vitest";
import { getCurrency, listCurrencies } from "../../src/money/get-currency";

describe("listCurrencies", () => {
  describe("the list", () => {
    it("is sorted by code, with no code twice", () => {
      const codes = listCurrencies().map((c) => c.code);
      for (let i = 1; i < codes.length; i++) expect((codes[i - 1] as string) < (codes[i] as string)).toBe(true);
      expect(new Set(codes).size).toBe(codes.length);
    });

    it("has no numeric code twice", () => {
      const numerics = listCurrencies().map((c) => c.numeric);
      expect(new Set(numerics).size).toBe(numerics.length);
    });

    it("holds well-formed entries: 3 capital letters, 3 digits, 0–3 decimals, a trimmed name", () => {
      for (const c of listCurrencies()) {
        expect(c.code).toMatch(/^[A-Z]{3}$/);
        expect(c.numeric).toMatch(/^\d{3}$/);
        expect([0, 2, 3]).toContain(c.digits);
        expect(c.name.length).toBeGreaterThan(0);
        expect(c.name).toBe(c.name.trim());
        expect(Object.keys(c).sort()).toEqual(["code", "digits", "name", "numeric"]);
      }
    });

    it("holds exactly the currencies getCurrency finds", () => {
      for (const c of listCurrencies()) expect(getCurrency(c.code)).toBe(c);
    });

    it("includes the everyday currencies and XCG", () => {
      const codes = listCurrencies().map((c) => c.code);
      expect(codes).toEqual(expect.arrayContaining(["EUR", "USD", "GBP", "JPY", "KWD", "CHF", "XCG"]));
    });

    it("excludes funds, metals, units of account, test codes and ANG", () => {
      const codes = new Set(listCurrencies().map((c) => c.code));
      for (const code of ["CLF", "BOV", "CHE", "CHW", "COU", "MXV", "USN", "UYI", "UYW"])
        expect(codes.has(code)).toBe(false);
      for (const code of ["XAU", "XAG", "XPD", "XPT", "XDR", "XTS", "XXX", "ANG"]) expect(codes.has(code)).toBe(false);
    });
  });

  describe("when the caller changes the array it got", () => {
    it("returns a new array each time, unaffected by the change", () => {
      const first = listCurrencies();
      const length = first.length;
      first.length = 0;
      expect(listCurrencies()).toHaveLength(length);
      expect(listCurrencies()).not.toBe(listCurrencies());
    });
  });
});
