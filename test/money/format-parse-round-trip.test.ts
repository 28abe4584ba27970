import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMOUNT_MAX_MINOR } from "../../src/money/currency";
import type { FormatAmountOptions } from "../../src/money/format-amount";
import { formatAmount } from "../../src/money/format-amount";
import { listCurrencies } from "../../src/money/get-currency";
import { parseAmount } from "../../src/money/parse-amount";

const codes = listCurrencies().map((c) => c.code);

const styles: [string, "fr" | "en", FormatAmountOptions][] = [
  ['fr, display "none"', "fr", { display: "none" }],
  ['fr, display "none", grouping false', "fr", { display: "none", grouping: false }],
  ['en, display "none", grouping false', "en", { display: "none", grouping: false }],
];

describe("parseAmount(formatAmount(x))", () => {
  describe.each(styles)("written in %s", (_label, locale, options) => {
    it("gives back x for every currency and any amount of 1 to 999 999 999 999 minor units", () => {
      fc.assert(
        fc.property(fc.constantFrom(...codes), fc.integer({ min: 1, max: AMOUNT_MAX_MINOR }), (code, minor) => {
          expect(parseAmount(formatAmount(minor, code, locale, options), code)).toEqual({ ok: true, value: minor });
        }),
        { seed: 20250101, numRuns: 600 },
      );
    });

    it("gives back the edge amounts for every currency", () => {
      const edges = [1, 9, 10, 99, 100, 999, 1000, 1001, 123456, 1_000_000, AMOUNT_MAX_MINOR];
      for (const code of codes) {
        for (const minor of edges) {
          expect(parseAmount(formatAmount(minor, code, locale, options), code), `${minor} ${code}`).toEqual({
            ok: true,
            value: minor,
          });
        }
      }
    });
  });

  describe("written in en with grouping", () => {
    it("is not read back from 1,234.56, since a comma is never a group separator", () => {
      expect(parseAmount(formatAmount(123456, "EUR", "en", { display: "none" }), "EUR").ok).toBe(false);
    });
  });
});
