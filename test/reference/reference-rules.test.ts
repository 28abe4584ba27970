import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isReferenceCharacter,
  maxBaseReferenceLength,
  ORDER_REFERENCE_MAX_LENGTH,
  REFERENCE_SUFFIX_DIGITS,
  referenceSuffixLength,
} from "../../src/reference/reference-rules";
import { suffixReferences } from "../../src/reference/suffix-references";

const ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

describe("reference constants", () => {
  describe("the limits of DESIGN decision 3 and 5", () => {
    it("are 64 characters and 3 suffix digits", () => {
      expect(ORDER_REFERENCE_MAX_LENGTH).toBe(64);
      expect(REFERENCE_SUFFIX_DIGITS).toBe(3);
    });
  });
});

describe("referenceSuffixLength", () => {
  describe("with one recipient or fewer", () => {
    it.each([1, 0, -5, Number.NaN])("adds nothing for %d", (count) => {
      expect(referenceSuffixLength(count)).toBe(0);
    });
  });

  describe("with two or more recipients", () => {
    it.each([
      [2, 4],
      [3, 4],
      [999, 4],
      [1000, 5],
      [9999, 5],
      [10_000, 6],
      [123_456, 7],
    ])("adds %i → %i characters", (count, length) => {
      expect(referenceSuffixLength(count)).toBe(length);
    });

    it("equals the length of the longest suffix actually written (property)", () => {
      fc.assert(
        fc.property(fc.integer({ min: 2, max: 10_000_000 }), (count) => {
          const last = `-${String(count).padStart(REFERENCE_SUFFIX_DIGITS, "0")}`;
          expect(referenceSuffixLength(count)).toBe(last.length);
        }),
        { seed: 7, numRuns: 500 },
      );
    });

    it("matches suffixReferences for counts up to 1 200", () => {
      for (const count of [2, 9, 10, 99, 100, 999, 1000, 1001, 1200]) {
        const references = suffixReferences("R", count);
        const longest = Math.max(...references.map((r) => r.length)) - 1;
        expect(referenceSuffixLength(count), String(count)).toBe(longest);
      }
    });
  });
});

describe("maxBaseReferenceLength", () => {
  describe("by number of recipients", () => {
    it.each([
      [1, 64],
      [2, 60],
      [3, 60],
      [999, 60],
      [1000, 59],
      [9999, 59],
      [10_000, 58],
    ])("allows a base of %i recipients up to %i characters", (count, max) => {
      expect(maxBaseReferenceLength(count)).toBe(max);
    });
  });
});

describe("isReferenceCharacter", () => {
  describe("with an allowed character", () => {
    it("accepts each of A–Z, a–z, 0–9, - and _", () => {
      expect(ALLOWED).toHaveLength(64);
      for (const char of ALLOWED) expect(isReferenceCharacter(char), char).toBe(true);
    });
  });

  describe("with a character that is not allowed", () => {
    it.each([
      " ",
      ".",
      "/",
      "+",
      "@",
      "#",
      "é",
      "É",
      "ß",
      "\u00a0",
      "\t",
      "\u0301",
      "\uff21",
      "😀",
      "[",
      "`",
      "{",
      ":",
    ])("rejects %j", (char) => {
      expect(isReferenceCharacter(char)).toBe(false);
    });
  });

  describe("with a string that is not one UTF-16 unit", () => {
    it.each(["", "AB", "A!", "e\u0301", "A\u030a", "00"])("rejects %j", (text) => {
      expect(isReferenceCharacter(text)).toBe(false);
    });
  });

  describe("property: any single UTF-16 unit", () => {
    it("is accepted exactly when it matches [A-Za-z0-9_-]", () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 0xffff }), (unit) => {
          const char = String.fromCharCode(unit);
          expect(isReferenceCharacter(char)).toBe(/^[A-Za-z0-9_-]$/.test(char));
        }),
        { seed: 64, numRuns: 2000 },
      );
    });
  });
});
