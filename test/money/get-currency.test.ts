import { describe, expect, it } from "vitest";
import { getCurrency } from "../../src/money/get-currency";

describe("getCurrency", () => {
  describe("with an active currency code", () => {
    it("returns the euro with its numeric code, two digits and its English name", () => {
      expect(getCurrency("EUR")).toEqual({ code: "EUR", numeric: "978", digits: 2, name: "Euro" });
    });

    it("returns a frozen object", () => {
      const eur = getCurrency("EUR");
      expect(Object.isFrozen(eur)).toBe(true);
    });

    it("gives the yen no decimals", () => {
      expect(getCurrency("JPY")).toMatchObject({ code: "JPY", numeric: "392", digits: 0 });
    });

    it("gives the Kuwaiti dinar three decimals", () => {
      expect(getCurrency("KWD")).toMatchObject({ code: "KWD", numeric: "414", digits: 3 });
    });

    it.each([
      ["USD", "840", 2],
      ["GBP", "826", 2],
      ["CHF", "756", 2],
      ["BHD", "048", 3],
      ["TND", "788", 3],
      ["CLP", "152", 0],
      ["XOF", "952", 0],
    ])("returns %s with numeric %s and %i digits", (code, numeric, digits) => {
      expect(getCurrency(code)).toMatchObject({ code, numeric, digits });
    });

    it("keeps the leading zero of a numeric code", () => {
      expect(getCurrency("ALL")?.numeric).toBe("008");
    });
  });

  describe("with an ISO amendment later than currency-codes", () => {
    it("has the Caribbean guilder XCG with numeric 532", () => {
      expect(getCurrency("XCG")).toEqual({ code: "XCG", numeric: "532", digits: 2, name: "Caribbean Guilder" });
    });

    it("no longer has the Netherlands Antillean guilder ANG it replaces", () => {
      expect(getCurrency("ANG")).toBeUndefined();
    });
  });

  describe("with a code that is not a currency a shop is paid in", () => {
    it.each(["CLF", "BOV", "CHE", "CHW", "COU", "MXV", "USN", "UYI", "UYW"])(
      "returns undefined for the fund %s",
      (code) => {
        expect(getCurrency(code)).toBeUndefined();
      },
    );

    it.each(["XAU", "XAG", "XPD", "XPT"])("returns undefined for the precious metal %s", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });

    it.each(["XDR", "XSU", "XUA", "XBA", "XBB", "XBC", "XBD"])(
      "returns undefined for the unit of account %s",
      (code) => {
        expect(getCurrency(code)).toBeUndefined();
      },
    );

    it.each(["XTS", "XXX"])("returns undefined for the testing or no-currency code %s", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });

    it.each(["FRF", "DEM", "HRK"])("returns undefined for the withdrawn currency %s", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });
  });

  describe("with a code in lower or mixed case, or with surrounding spaces", () => {
    it.each(["eur", "Eur", "eUR", " EUR", "EUR ", " eur ", "\teur\n", "\u00a0Eur\u00a0"])(
      "returns the euro for %j",
      (code) => {
        expect(getCurrency(code)).toEqual({ code: "EUR", numeric: "978", digits: 2, name: "Euro" });
      },
    );

    it("returns the very same frozen object as for the upper-case code", () => {
      expect(getCurrency(" jpy ")).toBe(getCurrency("JPY"));
      expect(getCurrency("kwd")).toBe(getCurrency("KWD"));
    });

    it.each(["xau", " xts ", "ang", "clf"])("still returns undefined for the non-currency %j", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });
  });

  describe("with a code that is not an ISO code at all", () => {
    it.each(["EURO", "euro", "EU", "E UR", "", "   ", "978"])("returns undefined for %j", (code) => {
      expect(getCurrency(code)).toBeUndefined();
    });

    it.each(["__proto__", "constructor", "toString", "hasOwnProperty"])(
      "returns undefined for the object property name %s",
      (code) => {
        expect(getCurrency(code)).toBeUndefined();
      },
    );
  });

  describe("with a value that is not a string", () => {
    it.each([
      ["a number", 978],
      ["null", null],
      ["undefined", undefined],
      ["an object", { code: "EUR" }],
      ["an array", ["EUR"]],
      ["a String object", new String("EUR")],
      ["a lower-case String object", new String("eur")],
    ])("returns undefined for %s", (_label, value) => {
      expect(getCurrency(value as unknown as string)).toBeUndefined();
    });
  });
});
