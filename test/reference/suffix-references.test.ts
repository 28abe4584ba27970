import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maxBaseReferenceLength, ORDER_REFERENCE_MAX_LENGTH } from "../../src/reference/reference-rules";
import { suffixReferences } from "../../src/reference/suffix-references";
import { validateOrderReference } from "../../src/reference/validate-order-reference";

const ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const allowedString = (maxLength: number) => fc.string({ unit: fc.constantFrom(...ALLOWED), minLength: 1, maxLength });

describe("suffixReferences", () => {
  describe("with the seed example", () => {
    it("suffixes Recouvrement for 3 recipients with -001 to -003", () => {
      expect(suffixReferences("Recouvrement", 3)).toEqual(["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]);
    });
  });

  describe("with one recipient", () => {
    it("returns the reference as given", () => {
      expect(suffixReferences("Recouvrement", 1)).toEqual(["Recouvrement"]);
    });
  });

  describe("with no recipient", () => {
    it("returns an empty list", () => {
      expect(suffixReferences("Recouvrement", 0)).toEqual([]);
      expect(suffixReferences("", 0)).toEqual([]);
    });
  });

  describe("with two recipients", () => {
    it("starts at -001", () => {
      expect(suffixReferences("A", 2)).toEqual(["A-001", "A-002"]);
    });
  });

  describe("past 999 recipients", () => {
    it("goes on with -1000, after -999", () => {
      const references = suffixReferences("R", 1000);
      expect(references).toHaveLength(1000);
      expect(references[0]).toBe("R-001");
      expect(references[9]).toBe("R-010");
      expect(references[99]).toBe("R-100");
      expect(references[998]).toBe("R-999");
      expect(references[999]).toBe("R-1000");
    });

    it("does not pad past three digits: 12345 recipients end with -12345", () => {
      const references = suffixReferences("R", 12_345);
      expect(references[9_999]).toBe("R-10000");
      expect(references.at(-1)).toBe("R-12345");
    });
  });

  describe("with an empty base", () => {
    it("adds no suffix", () => {
      expect(suffixReferences("", 3)).toEqual(["", "", ""]);
      expect(suffixReferences("", 1)).toEqual([""]);
    });
  });

  describe("with a count that is not a non-negative safe integer", () => {
    it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, -0.5])("throws RangeError for %d", (count) => {
      expect(() => suffixReferences("R", count)).toThrow(RangeError);
    });

    it("throws RangeError for a numeric string", () => {
      expect(() => suffixReferences("R", "3" as unknown as number)).toThrow(RangeError);
    });
  });

  describe("property: any base and count", () => {
    it("gives one reference per recipient, unique, in list order", () => {
      fc.assert(
        fc.property(allowedString(60), fc.integer({ min: 2, max: 3000 }), (base, count) => {
          const references = suffixReferences(base, count);
          expect(references).toHaveLength(count);
          expect(new Set(references).size).toBe(count);
          const wrong = references.filter((reference, index) => {
            const suffix = reference.slice(base.length + 1);
            return (
              !reference.startsWith(`${base}-`) ||
              !/^\d{3,}$/.test(suffix) ||
              Number(suffix) !== index + 1 ||
              (suffix.length > 3 && suffix[0] === "0")
            );
          });
          expect(wrong).toEqual([]);
        }),
        { seed: 3, numRuns: 100 },
      );
    });
  });

  describe("property: a base that validateOrderReference accepts", () => {
    it("gives references of at most 64 allowed characters", () => {
      const recipientCount = fc.oneof(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 990, max: 1010 }),
        fc.integer({ min: 9990, max: 10_010 }),
      );
      const padding = fc.constantFrom("", " ", "  ", "\u00a0");
      fc.assert(
        fc.property(
          fc.oneof(allowedString(66), fc.string({ unit: "grapheme", maxLength: 8 })),
          padding,
          padding,
          recipientCount,
          (typed, before, after, count) => {
            const result = validateOrderReference(`${before}${typed}${after}`, { recipientCount: count });
            fc.pre(result.ok);
            if (!result.ok) return;
            const references = suffixReferences(result.value ?? "", count);
            expect(references).toHaveLength(count);
            const wrong = references.filter(
              (reference) => reference.length > ORDER_REFERENCE_MAX_LENGTH || !/^[A-Za-z0-9_-]*$/.test(reference),
            );
            expect(wrong).toEqual([]);
          },
        ),
        { seed: 60, numRuns: 200 },
      );
    });

    it("reaches exactly 64 characters with the longest accepted base", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 20_000 }), (count) => {
          const base = "A".repeat(maxBaseReferenceLength(count));
          expect(validateOrderReference(base, { recipientCount: count }).ok).toBe(true);
          expect(validateOrderReference(`${base}A`, { recipientCount: count }).ok).toBe(false);
          const last = suffixReferences(base, count).at(-1) ?? "";
          expect(last.length).toBe(ORDER_REFERENCE_MAX_LENGTH);
        }),
        { seed: 64, numRuns: 60 },
      );
    });
  });
});
