import { data } from "currency-codes";
import { describe, expect, it } from "vitest";
import { AMENDMENTS, currencySource, EXCLUDED_CODES } from "../../.scripts/currency-source";
import { CURRENCY_TABLE } from "../../src/money/currency-table";
import { getCurrency, listCurrencies } from "../../src/money/get-currency";

const source = currencySource();

describe("the committed currency table", () => {
  describe("compared with currencySource() computed from the currency-codes package", () => {
    it("has the same currencies, in the same order, with the same code, numeric, digits and name", () => {
      expect(listCurrencies()).toEqual(source);
    });

    it("agrees for every code through getCurrency", () => {
      const mismatches = source.filter((expected) => {
        const actual = getCurrency(expected.code);
        return (
          actual === undefined ||
          actual.numeric !== expected.numeric ||
          actual.digits !== expected.digits ||
          actual.name !== expected.name
        );
      });
      expect(mismatches).toEqual([]);
      expect(listCurrencies()).toHaveLength(source.length);
    });

    it("is byte for byte what the generator would write", () => {
      const packed = source.map((c) => `${c.code}${c.numeric}${c.digits}${c.name}`).join("|");
      expect(CURRENCY_TABLE).toBe(packed);
    });
  });

  describe("the source list", () => {
    it("leaves out every excluded code and the amended ANG", () => {
      const codes = new Set(source.map((c) => c.code));
      for (const code of [...EXCLUDED_CODES, ...AMENDMENTS.remove]) expect(codes.has(code)).toBe(false);
    });

    it("excludes only codes that currency-codes actually has (the exclusion list is not stale)", () => {
      const packageCodes = new Set(data.map((entry) => entry.code));
      for (const code of [...EXCLUDED_CODES, ...AMENDMENTS.remove]) expect(packageCodes.has(code)).toBe(true);
    });

    it("keeps every other code of currency-codes", () => {
      const removed = new Set([...EXCLUDED_CODES, ...AMENDMENTS.remove]);
      const kept = data.filter((entry) => !removed.has(entry.code)).map((entry) => entry.code);
      const codes = new Set(source.map((c) => c.code));
      for (const code of kept) expect(codes.has(code)).toBe(true);
      expect(source.length).toBe(kept.length + AMENDMENTS.add.filter((a) => !kept.includes(a.code)).length);
    });

    it("includes every amendment", () => {
      for (const added of AMENDMENTS.add) expect(source).toContainEqual(added);
    });

    it("is large enough to be the ISO 4217 list (not an empty or truncated read)", () => {
      expect(source.length).toBeGreaterThan(150);
    });

    it("has no name with the table's separator", () => {
      for (const c of source) expect(c.name).not.toContain("|");
    });
  });
});
