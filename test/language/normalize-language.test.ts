import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeLanguage } from "../../src/index";

const NORMAL_FORM = /^[a-z]{2,3}(?:-(?:[A-Z]{2}|[0-9]{3}))?$/;

describe("normalizeLanguage", () => {
  describe("with a language alone", () => {
    it.each([
      ["fr", "fr"],
      ["FR", "fr"],
      ["En", "en"],
      ["ast", "ast"],
      ["FIL", "fil"],
    ])("reads %j as %j", (tag, expected) => {
      expect(normalizeLanguage(tag)).toBe(expected);
    });
  });

  describe("with a region", () => {
    it.each([
      ["fr-CA", "fr-CA"],
      ["fr-ca", "fr-CA"],
      ["FR-ca", "fr-CA"],
      ["fr_CA", "fr-CA"],
      ["pt_br", "pt-BR"],
      ["es-419", "es-419"],
      ["fil-ph", "fil-PH"],
    ])("reads %j as %j", (tag, expected) => {
      expect(normalizeLanguage(tag)).toBe(expected);
    });
  });

  describe("with spaces around the tag", () => {
    it.each([
      [" en ", "en"],
      ["\tfr-ca\n", "fr-CA"],
      ["\u00a0de\u00a0", "de"],
    ])("trims %j to %j", (tag, expected) => {
      expect(normalizeLanguage(tag)).toBe(expected);
    });
  });

  describe("with a text that is not a language tag", () => {
    it.each([
      "",
      " ",
      "f",
      "fran",
      "french",
      "fr-",
      "fr-C",
      "fr-CAN",
      "fr-12",
      "fr-1234",
      "fr--CA",
      "fr CA",
      "fr-CA-x",
      "zh-Hant",
      "zh-Hant-TW",
      "1fr",
      "é",
      "fr.CA",
    ])("rejects %j", (tag) => {
      expect(normalizeLanguage(tag)).toBeUndefined();
    });
  });

  describe("with a value that is not a text", () => {
    it.each([undefined, null, 42, true, {}, ["fr"], new String("fr"), Symbol("fr")])("rejects %s", (value) => {
      expect(normalizeLanguage(value)).toBeUndefined();
    });
  });

  describe("with any text", () => {
    it("returns either undefined or a tag in normal form that normalises to itself", () => {
      const tagLike = fc.string({ unit: fc.constantFrom("a", "B", "z", "Q", "-", "_", "1", "9", " "), maxLength: 8 });
      fc.assert(
        fc.property(fc.oneof(tagLike, fc.string({ maxLength: 10 })), (tag) => {
          const normal = normalizeLanguage(tag);
          if (normal === undefined) return;
          expect(normal).toMatch(NORMAL_FORM);
          expect(normalizeLanguage(normal)).toBe(normal);
          expect(normal.toLowerCase()).toBe(tag.trim().replace("_", "-").toLowerCase());
        }),
        { seed: 3166, numRuns: 1000 },
      );
    });
  });

  describe("with any value", () => {
    it("never throws and returns a text or undefined", () => {
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true, withBigInt: true }), (value) => {
          const normal = normalizeLanguage(value);
          expect(normal === undefined || NORMAL_FORM.test(normal)).toBe(true);
        }),
        { seed: 639, numRuns: 500 },
      );
    });
  });
});
