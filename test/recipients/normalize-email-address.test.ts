import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH, normalizeEmailAddress } from "../../src/index";

/** A valid ASCII domain of exactly `length` characters, ending in ".fr", with labels of at most 63. */
function domainOfLength(length: number): string {
  const labels: string[] = [];
  let remaining = length - 2; // the "fr" top-level label
  while (remaining > 0) {
    let size = Math.min(63, remaining - 1); // a label and its dot
    if (remaining - 1 - size === 1) size -= 1; // never leave room for an empty label only
    labels.push("a".repeat(size));
    remaining -= size + 1;
  }
  const domain = [...labels, "fr"].join(".");
  if (domain.length !== length) throw new Error(`domainOfLength(${length}) built ${domain.length}`);
  return domain;
}

const ATEXT = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".split("");

const atom = fc.string({ unit: fc.constantFrom(...ATEXT), minLength: 1, maxLength: 12 });
const dotAtom = fc
  .array(atom, { minLength: 1, maxLength: 4 })
  .map((atoms) => atoms.join("."))
  .filter((local) => local.length <= EMAIL_LOCAL_MAX_LENGTH);
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const tld = fc.stringMatching(/^[a-z][a-z0-9]{1,5}$/);
const asciiDomain = fc
  .tuple(fc.array(label, { minLength: 1, maxLength: 3 }), tld)
  .map(([labels, top]) => [...labels, top].join("."));

describe("normalizeEmailAddress", () => {
  describe("with a valid address", () => {
    it.each([
      "marie@example.fr",
      "marie.dupont@example.fr",
      "o'neil+tag@x.fr",
      "a.b.c.d@x.fr",
      "123@x.fr",
      "!#$%&'*+-/=?^_`{|}~@x.fr",
      "a@mail.example.co.uk",
      "a@my-shop2.example.fr",
      "a@ex--ample.fr",
      "a@x.a1",
      "a@xn--exmple-cua.fr",
    ])("accepts %s as it is", (address) => {
      expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
    });

    it("keeps the part before the @ as typed and lower-cases the domain", () => {
      expect(normalizeEmailAddress("Marie.Dupont@Example.FR")).toEqual({
        ok: true,
        address: "Marie.Dupont@example.fr",
      });
    });

    it.each([
      ["  a@x.fr  ", "a@x.fr"],
      ["\ta@x.fr\n", "a@x.fr"],
      ["\u00a0a@x.fr\r\n", "a@x.fr"],
    ])("removes the spaces around %j", (text, address) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: true, address });
    });
  });

  describe("with a part before the @ that is not a dot-atom", () => {
    it.each([
      [".marie@x.fr", "a leading dot"],
      ["marie.@x.fr", "a trailing dot"],
      ["marie..dupont@x.fr", "two dots in a row"],
      [".@x.fr", "a dot alone"],
      ["marie dupont@x.fr", "a space"],
      ['"marie"@x.fr', "quotes"],
      ["marie(x)@x.fr", "parentheses"],
      ["marie,dupont@x.fr", "a comma"],
      ["marié@x.fr", "a non-ASCII letter"],
      ["a@b@x.fr", "a second @"],
    ])("rejects %s (%s) with local_invalid", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "local_invalid" });
    });
  });

  describe("with a missing part", () => {
    it.each(["marie.example.fr", "", "   ", "marie"])("rejects %j with at_missing", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "at_missing" });
    });

    it.each(["@x.fr", "@", " @x.fr"])("rejects %j with local_empty", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "local_empty" });
    });

    it.each(["marie@", "marie@  "])("rejects %j with domain_empty", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "domain_empty" });
    });
  });

  describe("with lengths at the limits", () => {
    it("accepts a part before the @ of 64 characters", () => {
      const address = `${"a".repeat(64)}@x.fr`;
      expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
    });

    it("rejects a part before the @ of 65 characters with local_too_long", () => {
      expect(normalizeEmailAddress(`${"a".repeat(65)}@x.fr`)).toEqual({ ok: false, reason: "local_too_long" });
    });

    it("accepts an address of exactly 254 characters", () => {
      const address = `${"a".repeat(64)}@${domainOfLength(189)}`;
      expect(address).toHaveLength(EMAIL_MAX_LENGTH);
      expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
    });

    it("rejects an address of 255 characters with too_long", () => {
      const address = `${"a".repeat(64)}@${domainOfLength(190)}`;
      expect(address).toHaveLength(EMAIL_MAX_LENGTH + 1);
      expect(normalizeEmailAddress(address)).toEqual({ ok: false, reason: "too_long" });
    });

    it("rejects a very long domain with too_long", () => {
      expect(normalizeEmailAddress(`a@${"b".repeat(5000)}.fr`)).toEqual({ ok: false, reason: "too_long" });
    });

    it("counts the length after the domain is converted to ASCII", () => {
      // 252 characters as typed; the label "ä" becomes "xn--4ca", 6 more: 258
      const typed = `${"a".repeat(64)}@ä.${domainOfLength(185)}`;
      expect(typed).toHaveLength(252);
      expect(normalizeEmailAddress(typed)).toEqual({ ok: false, reason: "too_long" });
    });
  });

  describe("with domain labels that are not letter-digit-hyphen", () => {
    it.each([
      ["a@-example.fr", "a hyphen at the start of a label"],
      ["a@example-.fr", "a hyphen at the end of a label"],
      ["a@x.-fr", "a hyphen at the start of the top-level label"],
      ["a@x.fr-", "a hyphen at the end of the top-level label"],
      ["a@exa_mple.fr", "an underscore"],
      ["a@exa mple.fr", "a space"],
      ["a@x..fr", "an empty label"],
      ["a@.x.fr", "a leading dot"],
      ["a@x.fr.", "a trailing dot"],
      ["a@[127.0.0.1]", "an address literal"],
      ["a@x.fr:25", "a port"],
      ["a@localhost", "a single label"],
      ["a@fr", "a single label"],
    ])("rejects %s (%s) with domain_invalid", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "domain_invalid" });
    });

    it("accepts a label of 63 characters", () => {
      const address = `a@${"b".repeat(63)}.fr`;
      expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
    });

    it("rejects a label of 64 characters with domain_invalid", () => {
      expect(normalizeEmailAddress(`a@${"b".repeat(64)}.fr`)).toEqual({ ok: false, reason: "domain_invalid" });
    });
  });

  describe("with a top-level label that is too short or all digits", () => {
    it.each(["a@x.f", "a@example.1", "a@x.123", "a@1.2.3.4"])("rejects %s with tld_invalid", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "tld_invalid" });
    });
  });

  describe("with an internationalised domain", () => {
    it("converts it to its ASCII form, lower-cased, and keeps the part before the @", () => {
      expect(normalizeEmailAddress("Marie@Exämple.FR")).toEqual({ ok: true, address: "Marie@xn--exmple-cua.fr" });
    });

    it.each([
      ["a@bücher.de", "a@xn--bcher-kva.de"],
      ["a@ÄÖÜ.de", "a@xn--4ca0bs.de"],
      ["a@straße.de", "a@xn--strae-oqa.de"],
      [" a@exämple.fr ", "a@xn--exmple-cua.fr"],
      ["a@ｅｘａｍｐｌｅ.fr", "a@example.fr"],
    ])("normalises %s to %s", (text, address) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: true, address });
    });

    it.each([
      ["a@exä mple.fr", "a space"],
      ["a@exä_mple.fr", "an underscore"],
      ["a@exä!.fr", "a punctuation mark"],
      ["a@exä😀.fr", "an emoji"],
      ["a@exä。fr", "an ideographic full stop"],
      ["a@exämple.fr\u0000", "a control character"],
      ["a@\u00ad.fr", "a soft hyphen only"],
      ["a@-exämple.fr", "a hyphen at the start of a label"],
      ["a@exämple-.fr", "a hyphen at the end of a label"],
      [`a@${"bücher".repeat(10)}.de`, "a label longer than 63 characters in ASCII form"],
      ["a@exämple", "a single label"],
    ])("rejects %s (%s) with domain_invalid", (text) => {
      expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "domain_invalid" });
    });

    it("rejects a domain that becomes all-digit labels with tld_invalid", () => {
      expect(normalizeEmailAddress("a@１.２.３.４")).toEqual({ ok: false, reason: "tld_invalid" });
    });
  });

  describe("with a value that is not a string", () => {
    it.each([
      [42, "a number"],
      [null, "null"],
      [undefined, "undefined"],
      [{}, "an object"],
      [Object.create(null), "an object without prototype"],
      [{ toString: 0 }, "an object whose toString is not a function"],
    ])("returns at_missing for %s (%s) without throwing", (value) => {
      expect(normalizeEmailAddress(value as unknown as string)).toEqual({ ok: false, reason: "at_missing" });
    });
  });

  describe("properties", () => {
    it("accepts any dot-atom at any letter-digit-hyphen domain, unchanged", () => {
      fc.assert(
        fc.property(dotAtom, asciiDomain, (local, domain) => {
          const address = `${local}@${domain}`;
          fc.pre(address.length <= EMAIL_MAX_LENGTH);
          expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
        }),
        { seed: 20_241, numRuns: 500 },
      );
    });

    it("ignores the case of the domain and the spaces around, and keeps the local part's case", () => {
      fc.assert(
        fc.property(
          dotAtom,
          asciiDomain.chain((domain) => fc.mixedCase(fc.constant(domain))),
          fc.stringMatching(/^[ \t]{0,3}$/),
          fc.stringMatching(/^[ \t\n]{0,3}$/),
          (local, domain, before, after) => {
            const result = normalizeEmailAddress(`${before}${local}@${domain}${after}`);
            expect(result).toEqual({ ok: true, address: `${local}@${domain.toLowerCase()}` });
          },
        ),
        { seed: 20_242, numRuns: 300 },
      );
    });

    it("returns a normal form that normalises to itself", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.emailAddress()), (text) => {
          const first = normalizeEmailAddress(text);
          if (!first.ok) return;
          expect(normalizeEmailAddress(first.address)).toEqual(first);
        }),
        { seed: 20_243, numRuns: 500 },
      );
    });

    it("returns only addresses within the limits, with an ASCII lower-case domain", () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ unit: "binary" }), fc.emailAddress()), (text) => {
          const result = normalizeEmailAddress(text);
          if (!result.ok) return;
          const at = result.address.lastIndexOf("@");
          const domain = result.address.slice(at + 1);
          expect(result.address.length).toBeLessThanOrEqual(EMAIL_MAX_LENGTH);
          expect(at).toBeGreaterThan(0);
          expect(at).toBeLessThanOrEqual(EMAIL_LOCAL_MAX_LENGTH);
          expect(domain).toMatch(/^[a-z0-9.-]+$/);
          expect(domain).toContain(".");
        }),
        { seed: 20_244, numRuns: 500 },
      );
    });

    it("rejects any text without an @ with at_missing", () => {
      fc.assert(
        fc.property(
          fc.string({ unit: "binary" }).filter((text) => !text.includes("@")),
          (text) => {
            expect(normalizeEmailAddress(text)).toEqual({ ok: false, reason: "at_missing" });
          },
        ),
        { seed: 20_245, numRuns: 300 },
      );
    });
  });
});
