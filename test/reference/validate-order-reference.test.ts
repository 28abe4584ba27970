import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Issue, IssueCode } from "../../src/index";
import { ISSUE_CODES } from "../../src/issues/issue-codes";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import { isReferenceCharacter, maxBaseReferenceLength } from "../../src/reference/reference-rules";
import type { OrderReferenceOptions } from "../../src/reference/validate-order-reference";
import { validateOrderReference } from "../../src/reference/validate-order-reference";

const ALLOWED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

const issuesOf = (result: ReturnType<typeof validateOrderReference>): Issue[] => (result.ok ? [] : result.issues);
const codes = (result: ReturnType<typeof validateOrderReference>): IssueCode[] =>
  issuesOf(result).map((issue) => issue.code);

describe("validateOrderReference", () => {
  describe("when the reference is optional (default)", () => {
    it.each([
      ["undefined", undefined],
      ["null", null],
      ["an empty string", ""],
      ["spaces only", "   "],
      ["tabs and no-break spaces only", "\t\u00a0\n"],
    ])("gives ok(undefined) for %s", (_label, reference) => {
      expect(validateOrderReference(reference as string | undefined)).toEqual({ ok: true, value: undefined });
    });
  });

  describe("when the reference is required", () => {
    it.each([
      ["undefined", undefined],
      ["null", null],
      ["an empty string", ""],
      ["white space only", "  \t "],
    ])("reports reference_required for %s", (_label, reference) => {
      const result = validateOrderReference(reference as string | undefined, { required: true });
      expect(issuesOf(result)).toEqual([expect.objectContaining({ code: "reference_required", path: [] })]);
    });

    it("accepts a reference that is given", () => {
      expect(validateOrderReference("CMD-42", { required: true })).toEqual({ ok: true, value: "CMD-42" });
    });

    it("accepts an empty reference when required is false", () => {
      expect(validateOrderReference("", { required: false })).toEqual({ ok: true, value: undefined });
    });
  });

  describe("with surrounding white space", () => {
    it.each(["  Recouvrement  ", "\tRecouvrement\n", "\u00a0Recouvrement\u202f"])("trims %j", (reference) => {
      expect(validateOrderReference(reference)).toEqual({ ok: true, value: "Recouvrement" });
    });

    it("counts the length after trimming: 64 characters with spaces around are fine", () => {
      const reference = "A".repeat(64);
      expect(validateOrderReference(`  ${reference}  `)).toEqual({ ok: true, value: reference });
    });
  });

  describe("with the allowed characters", () => {
    it("accepts every one of A–Z a–z 0–9 - _ (64 characters in all)", () => {
      expect(validateOrderReference(ALLOWED)).toEqual({ ok: true, value: ALLOWED });
    });

    it.each(["Recouvrement", "CMD_2024-001", "-", "_", "0", "a"])("accepts %j", (reference) => {
      expect(validateOrderReference(reference)).toEqual({ ok: true, value: reference });
    });
  });

  describe("with a character that is not allowed", () => {
    it.each([
      ["a space", "Facture 12", " ", 8, 1],
      ["an accent", "Référence", "é", 2, 2],
      ["a dot", "CMD.42", ".", 4, 1],
      ["a slash", "2024/42", "/", 5, 1],
      ["several kinds", "a.b/c d", ".", 2, 3],
      ["a no-break space inside", "A\u00a0B", "\u00a0", 2, 1],
      ["a tab inside", "A\tB", "\t", 2, 1],
      ["a combining accent", "Re\u0301f", "\u0301", 3, 1],
      ["an emoji, counted once each", "ab😀cd😀", "😀", 3, 2],
      ["a letter outside the BMP first", "𝐀BC", "𝐀", 1, 1],
      ["a lone surrogate", "AB\ud800", "\ud800", 3, 1],
      ["a full-width letter", "\uff21BC", "\uff21", 1, 1],
    ])(
      "reports %s with the character, its 1-based position and the count",
      (_label, reference, character, position, count) => {
        const result = validateOrderReference(reference);
        expect(issuesOf(result)).toEqual([
          expect.objectContaining({
            code: "reference_invalid_character",
            path: [],
            params: { character, position, count },
          }),
        ]);
      },
    );

    it("names the character and its position in the English message", () => {
      const [issue] = issuesOf(validateOrderReference("Facture 12"));
      expect(issue?.message).toBe(
        "The order reference may only hold letters A–Z, digits, - and _: “ ” at position 8 is not allowed.",
      );
    });
  });

  describe("with one recipient", () => {
    it("accepts 64 characters", () => {
      const reference = "R".repeat(64);
      expect(validateOrderReference(reference)).toEqual({ ok: true, value: reference });
      expect(validateOrderReference(reference, { recipientCount: 1 })).toEqual({ ok: true, value: reference });
    });

    it("reports 65 characters as too long, with max, maxBase, length and recipientCount", () => {
      const result = validateOrderReference("R".repeat(65));
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({
          code: "reference_too_long",
          path: [],
          params: { max: 64, maxBase: 64, length: 65, recipientCount: 1 },
        }),
      ]);
      expect(issuesOf(result)[0]?.message).toBe("Keep the order reference to 64 characters (it has 65).");
    });
  });

  describe("with several recipients (the suffix counts towards 64)", () => {
    it("accepts 60 characters for 3 recipients", () => {
      expect(validateOrderReference("R".repeat(60), { recipientCount: 3 }).ok).toBe(true);
    });

    it("reports 61 characters for 3 recipients as too long, with maxBase 60", () => {
      const result = validateOrderReference("R".repeat(61), { recipientCount: 3 });
      expect(issuesOf(result)).toEqual([
        expect.objectContaining({
          code: "reference_too_long",
          params: { max: 64, maxBase: 60, length: 61, recipientCount: 3 },
        }),
      ]);
      expect(issuesOf(result)[0]?.message).toContain("-001");
      expect(issuesOf(result)[0]?.message).toContain("60 characters (it has 61)");
    });

    it.each([
      [2, 60],
      [999, 60],
      [1000, 59],
      [9999, 59],
      [10_000, 58],
    ])("with %i recipients accepts %i characters and no more", (recipientCount, max) => {
      expect(validateOrderReference("R".repeat(max), { recipientCount }).ok).toBe(true);
      const result = validateOrderReference("R".repeat(max + 1), { recipientCount });
      expect(issuesOf(result)[0]?.params).toMatchObject({ maxBase: max, length: max + 1 });
    });

    it("treats 0 recipients as no suffix", () => {
      expect(validateOrderReference("R".repeat(64), { recipientCount: 0 }).ok).toBe(true);
    });
  });

  describe("with a reference both too long and with a character not allowed", () => {
    it("reports both issues at once", () => {
      const result = validateOrderReference(`${"R".repeat(64)}!`);
      expect(codes(result)).toEqual(["reference_too_long", "reference_invalid_character"]);
    });
  });

  describe("with a value that is not a string", () => {
    it.each([
      ["a number", 42],
      ["a boolean", true],
      ["an object", { reference: "A" }],
      ["an array", ["A"]],
    ])("reports type_invalid for %s, even when required", (_label, value) => {
      for (const required of [false, true]) {
        const result = validateOrderReference(value as unknown as string, { required });
        expect(issuesOf(result)).toEqual([
          expect.objectContaining({ code: "type_invalid", path: [], params: { expected: "string" } }),
        ]);
      }
    });
  });

  describe("with a locale", () => {
    it.each([
      ["reference_required", "", { required: true }],
      ["reference_too_long", "R".repeat(65), {}],
      ["reference_too_long", "R".repeat(61), { recipientCount: 3 }],
      ["reference_invalid_character", "Facture 12", {}],
      ["type_invalid", 42, {}],
    ])("writes %s in French with locale fr and in English by default", (code, reference, options) => {
      const en = issuesOf(validateOrderReference(reference as string, options));
      const explicitEn = issuesOf(validateOrderReference(reference as string, { ...options, locale: enLocale }));
      const fr = issuesOf(validateOrderReference(reference as string, { ...options, locale: frLocale }));
      expect(en[0]?.code).toBe(code);
      expect(fr[0]?.code).toBe(code);
      expect(fr[0]?.params).toEqual(en[0]?.params);
      expect(explicitEn[0]?.message).toBe(en[0]?.message);
      expect(fr[0]?.message).not.toBe(en[0]?.message);
    });

    it("writes the French character message with the position", () => {
      const [issue] = issuesOf(validateOrderReference("CMD.42", { locale: frLocale }));
      expect(issue?.message).toBe(
        "La référence de commande ne peut contenir que des lettres A–Z, des chiffres, - et _\u00a0: «\u00a0.\u00a0» en position 4 n’est pas autorisé.",
      );
    });

    it("writes the French required and suffix messages with a no-break space before the colon", () => {
      const [required] = issuesOf(validateOrderReference("", { required: true, locale: frLocale }));
      expect(required?.message).toBe("Saisissez une référence de commande\u00a0: cette boutique l’exige.");
      const [tooLong] = issuesOf(validateOrderReference("R".repeat(61), { recipientCount: 3, locale: frLocale }));
      expect(tooLong?.message).toBe(
        "Avec 3 destinataires, la référence reçoit un suffixe comme -001\u00a0: limitez-la à 60 caractères (elle en compte 61).",
      );
    });

    it("keeps the English messages with plain spaces", () => {
      const [issue] = issuesOf(validateOrderReference("CMD.42"));
      expect(issue?.message).toBe(
        "The order reference may only hold letters A–Z, digits, - and _: “.” at position 4 is not allowed.",
      );
    });
  });

  describe("property: a string over a mixed alphabet", () => {
    it("is accepted exactly when, once trimmed, it is short enough and every character is allowed", () => {
      fc.assert(
        fc.property(
          fc.string({ unit: fc.constantFrom("A", "z", "0", "-", "_", " ", ".", "é", "😀"), maxLength: 70 }),
          fc.integer({ min: 1, max: 20_000 }),
          fc.boolean(),
          (reference, recipientCount, required) => {
            const result = validateOrderReference(reference, { recipientCount, required });
            const trimmed = reference.trim();
            const allowed = [...trimmed].every((char) => isReferenceCharacter(char));
            const expectedOk =
              trimmed === "" ? !required : allowed && trimmed.length <= maxBaseReferenceLength(recipientCount);
            expect(result.ok).toBe(expectedOk);
            if (result.ok) expect(result.value).toBe(trimmed === "" ? undefined : trimmed);
          },
        ),
        { seed: 64, numRuns: 1000 },
      );
    });
  });

  describe("property: any input at all", () => {
    const options = fc.record({
      required: fc.option(fc.boolean(), { nil: undefined }),
      recipientCount: fc.option(fc.oneof(fc.integer(), fc.double()), { nil: undefined }),
      locale: fc.option(fc.constantFrom(enLocale, frLocale), { nil: undefined }),
    });

    const check = (reference: unknown, opts: OrderReferenceOptions): void => {
      const result = validateOrderReference(reference as string, opts);
      if (result.ok) {
        expect(result.value === undefined || typeof result.value === "string").toBe(true);
        return;
      }
      expect(result.issues.length).toBeGreaterThan(0);
      for (const issue of result.issues) {
        expect(ISSUE_CODES).toContain(issue.code);
        expect(typeof issue.message).toBe("string");
        expect(issue.message.length).toBeGreaterThan(0);
        expect(issue.path).toEqual([]);
      }
    };

    it("never throws on grapheme strings and returns a Result with known issue codes", () => {
      fc.assert(
        fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), options, (reference, opts) => {
          check(reference, opts);
        }),
        { seed: 99, numRuns: 1000 },
      );
    });

    it("never throws on anything and returns a Result with known issue codes", () => {
      fc.assert(
        fc.property(fc.anything(), options, (reference, opts) => {
          check(reference, opts);
        }),
        { seed: 100, numRuns: 1000 },
      );
    });
  });
});
