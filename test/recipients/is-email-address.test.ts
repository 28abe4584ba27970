import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isEmailAddress, normalizeEmailAddress } from "../../src/index";

describe("isEmailAddress", () => {
  describe("with a valid address", () => {
    it.each(["marie@example.fr", "o'neil+tag@x.fr", " Marie@Exämple.FR "])("returns true for %j", (text) => {
      expect(isEmailAddress(text)).toBe(true);
    });
  });

  describe("with an invalid address", () => {
    it.each(["marie", "@x.fr", "marie@", ".marie@x.fr", "marie@localhost", "marie@x.f", "marie@-x.fr", ""])(
      "returns false for %j",
      (text) => {
        expect(isEmailAddress(text)).toBe(false);
      },
    );
  });

  describe("with a value that is not a string", () => {
    it.each([null, undefined, 42, {}, Object.create(null)])("returns false for %s", (value) => {
      expect(isEmailAddress(value as unknown as string)).toBe(false);
    });
  });

  describe("compared with normalizeEmailAddress", () => {
    it("returns true exactly when normalizeEmailAddress returns ok", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.emailAddress()), (text) => {
          expect(isEmailAddress(text)).toBe(normalizeEmailAddress(text).ok);
        }),
        { seed: 31_001, numRuns: 500 },
      );
    });
  });
});
