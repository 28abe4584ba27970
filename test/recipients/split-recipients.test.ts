import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type Issue, messagesEn, type Result, splitRecipients } from "../../src/index";
import { fr as frLocale, messagesFr } from "../../src/locales/fr";

function issuesOf<T>(result: Result<T>): Issue[] {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function validValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const localPart = fc.stringMatching(/^[a-z][a-z0-9]{0,8}([.+_-][a-z0-9]{1,5})?$/);
const domain = fc.constantFrom("example.fr", "example.com", "mail.example.org", "x.fr", "librairie-durand.fr");
const address = fc.tuple(localPart, domain).map(([local, host]) => `${local}@${host}`);
const distinctAddresses = fc.uniqueArray(address, {
  minLength: 1,
  maxLength: 20,
  selector: (a) => a.toLowerCase(),
});
const separator = fc.constantFrom(";", "\n", "\r\n", " ; ", ";\n", "\r", " ;; ", "\n\n");

describe("splitRecipients", () => {
  describe("with addresses separated by ;", () => {
    it("returns them in list order", () => {
      expect(splitRecipients("c@x.fr;a@x.fr;b@x.fr")).toEqual({ ok: true, value: ["c@x.fr", "a@x.fr", "b@x.fr"] });
    });

    it("removes the spaces around each address", () => {
      expect(splitRecipients("  a@x.fr ;\tb@y.fr  ")).toEqual({ ok: true, value: ["a@x.fr", "b@y.fr"] });
    });

    it("ignores empty segments", () => {
      expect(splitRecipients(";;a@x.fr; ;")).toEqual({ ok: true, value: ["a@x.fr"] });
    });

    it("returns one address alone", () => {
      expect(splitRecipients("a@x.fr")).toEqual({ ok: true, value: ["a@x.fr"] });
    });

    it("normalises each address: domain lower-cased and in ASCII, part before the @ kept", () => {
      expect(splitRecipients("Marie@Exämple.FR; B@Example.COM")).toEqual({
        ok: true,
        value: ["Marie@xn--exmple-cua.fr", "B@example.com"],
      });
    });
  });

  describe("with addresses on separate lines", () => {
    it.each([
      ["a@x.fr\nb@y.fr\nc@z.fr", "\\n"],
      ["a@x.fr\r\nb@y.fr\r\nc@z.fr", "\\r\\n"],
      ["a@x.fr\rb@y.fr\rc@z.fr", "\\r"],
      ["a@x.fr;\nb@y.fr\n\n;c@z.fr\n", "mixed"],
    ])("accepts %j (%s)", (text) => {
      expect(splitRecipients(text)).toEqual({ ok: true, value: ["a@x.fr", "b@y.fr", "c@z.fr"] });
    });
  });

  describe("with no address", () => {
    it.each(["", " ; ", ";;;", "\n\r\n", "   "])("reports recipients_empty for %j", (text) => {
      const issues = issuesOf(splitRecipients(text));
      expect(issues).toEqual([{ code: "recipients_empty", path: [], message: messagesEn.recipients_empty({}) }]);
    });
  });

  describe("with an invalid address", () => {
    it("reports recipient_invalid at its index with the reason and the value", () => {
      const issues = issuesOf(splitRecipients("a@x.fr;bob@;c@x.fr"));
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: "recipient_invalid",
        path: [1],
        params: { value: "bob@", reason: "domain_empty" },
      });
      expect(issues[0]?.message).toBe("“bob@” is not a valid e-mail address: nothing comes after the @.");
    });

    it("counts only the non-empty entries in the index", () => {
      const issues = issuesOf(splitRecipients(";;a@x.fr; ;\n\nbob;c@x.fr"));
      expect(issues).toEqual([expect.objectContaining({ code: "recipient_invalid", path: [1] })]);
    });

    it.each([
      ["marie", "at_missing"],
      ["@x.fr", "local_empty"],
      [".marie@x.fr", "local_invalid"],
      [`${"a".repeat(65)}@x.fr`, "local_too_long"],
      ["marie@localhost", "domain_invalid"],
      ["marie@x.f", "tld_invalid"],
    ])("gives %j the reason %s", (entry, reason) => {
      const issues = issuesOf(splitRecipients(`a@x.fr;${entry}`));
      expect(issues).toEqual([
        expect.objectContaining({ code: "recipient_invalid", path: [1], params: { value: entry, reason } }),
      ]);
    });

    it("shortens a long value to 80 characters in the params", () => {
      const entry = `${"a".repeat(100)}@x.fr`;
      const [issue] = issuesOf(splitRecipients(entry));
      expect(issue?.params?.value).toBe(`${"a".repeat(79)}…`);
      expect(issue?.message).not.toContain(entry);
    });
  });

  describe("with the same address twice", () => {
    it("reports recipient_duplicate at the second occurrence with the index of the first", () => {
      const issues = issuesOf(splitRecipients("a@x.fr;b@y.fr;a@x.fr"));
      expect(issues).toEqual([
        expect.objectContaining({ code: "recipient_duplicate", path: [2], params: { value: "a@x.fr", first: 0 } }),
      ]);
    });

    it.each([
      ["A@X.FR", "the whole address in another case"],
      ["a@X.fr", "the domain in another case"],
      ["A@x.fr", "the part before the @ in another case"],
      ["  a@x.fr  ", "spaces around"],
    ])("ignores case and spaces: %j (%s)", (repeat) => {
      const issues = issuesOf(splitRecipients(`a@x.fr;${repeat}`));
      expect(issues).toEqual([
        expect.objectContaining({ code: "recipient_duplicate", path: [1], params: { value: repeat.trim(), first: 0 } }),
      ]);
    });

    it.each([
      ["a@exämple.fr", "a@xn--exmple-cua.fr"],
      ["a@xn--exmple-cua.fr", "A@EXÄMPLE.FR"],
      ["a@Exämple.fr", "a@exÄmple.fr"],
    ])("treats %s and %s, the same internationalised domain, as one address", (first, second) => {
      const issues = issuesOf(splitRecipients(`${first};${second}`));
      expect(issues).toEqual([
        expect.objectContaining({ code: "recipient_duplicate", path: [1], params: { value: second, first: 0 } }),
      ]);
    });

    it("reports every repeat, each pointing to the first", () => {
      const issues = issuesOf(splitRecipients("a@x.fr;a@x.fr;b@x.fr;A@x.fr"));
      expect(issues.map((i) => [i.code, i.path, i.params?.first])).toEqual([
        ["recipient_duplicate", [1], 0],
        ["recipient_duplicate", [3], 0],
      ]);
    });

    it("points to the first valid occurrence after an invalid entry", () => {
      const issues = issuesOf(splitRecipients("bad;a@x.fr;a@x.fr"));
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ["recipient_invalid", [0]],
        ["recipient_duplicate", [2]],
      ]);
      expect(issues[1]?.params?.first).toBe(1);
    });
  });

  describe("with addresses separated by something other than ;", () => {
    it("reports recipient_separator with the separator , and the count when a comma joins them", () => {
      const issues = issuesOf(splitRecipients("a@x.fr, b@y.fr"));
      expect(issues).toEqual([
        {
          code: "recipient_separator",
          path: [0],
          message: "Separate addresses with “;”, not “,”: “a@x.fr, b@y.fr”.",
          params: { value: "a@x.fr, b@y.fr", separator: ",", count: 2 },
        },
      ]);
    });

    it("reports recipient_separator with the separator space and the count when spaces join them", () => {
      const issues = issuesOf(splitRecipients("a@x.fr b@y.fr"));
      expect(issues).toEqual([
        {
          code: "recipient_separator",
          path: [0],
          message: "Separate addresses with “;”, not spaces: “a@x.fr b@y.fr”.",
          params: { value: "a@x.fr b@y.fr", separator: " ", count: 2 },
        },
      ]);
    });

    it("reports a tab between two addresses as the space separator", () => {
      const issues = issuesOf(splitRecipients("a@x.fr\tb@y.fr"));
      expect(issues).toEqual([
        {
          code: "recipient_separator",
          path: [0],
          message: "Separate addresses with “;”, not spaces: “a@x.fr\tb@y.fr”.",
          params: { value: "a@x.fr\tb@y.fr", separator: " ", count: 2 },
        },
      ]);
    });

    it("points to the entry that holds the joined addresses, and counts them all", () => {
      const issues = issuesOf(splitRecipients("c@z.fr;a@x.fr,b@y.fr,d@z.fr"));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "recipient_separator",
          path: [1],
          params: { value: "a@x.fr,b@y.fr,d@z.fr", separator: ",", count: 3 },
        }),
      ]);
    });

    it("counts every address joined by spaces, tabs included", () => {
      const [issue] = issuesOf(splitRecipients("a@x.fr  b@y.fr\tc@z.fr d@w.fr"));
      expect(issue?.params).toMatchObject({ separator: " ", count: 4 });
    });

    it("counts only the parts that hold an @", () => {
      const [issue] = issuesOf(splitRecipients("a@x.fr, Marie, b@y.fr,"));
      expect(issue?.params).toMatchObject({ separator: ",", count: 2 });
    });

    it("reports a single address with a trailing comma as invalid, not as a separator problem", () => {
      const issues = issuesOf(splitRecipients("a@x.fr,"));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "recipient_invalid",
          path: [0],
          params: { value: "a@x.fr,", reason: "domain_invalid" },
        }),
      ]);
    });
  });

  describe("with several problems", () => {
    it("reports them all, in list order", () => {
      const issues = issuesOf(splitRecipients("ok@x.fr;bad;OK@x.fr;c@z.fr, d@z.fr;e@z.fr f@z.fr;g@z.fr"));
      expect(issues.map((i) => [i.code, i.path])).toEqual([
        ["recipient_invalid", [1]],
        ["recipient_duplicate", [2]],
        ["recipient_separator", [3]],
        ["recipient_separator", [4]],
      ]);
    });
  });

  describe("with many addresses", () => {
    it("accepts 100,000 distinct addresses, in order", () => {
      const addresses = Array.from({ length: 100_000 }, (_, i) => `buyer${i}@example.fr`);
      const value = validValue(splitRecipients(addresses.join(";")));
      expect(value).toHaveLength(100_000);
      expect(value[0]).toBe("buyer0@example.fr");
      expect(value[99_999]).toBe("buyer99999@example.fr");
      expect(value).toEqual(addresses);
    });
  });

  describe("with the locale", () => {
    it("writes English messages by default", () => {
      const [issue] = issuesOf(splitRecipients("marie"));
      expect(issue?.message).toBe("“marie” is not a valid e-mail address: it has no @.");
    });

    it("writes French messages with locale fr, with no-break spaces inside « » and before :", () => {
      const issues = issuesOf(splitRecipients("marie;a@x.fr;a@x.fr;b@x.fr, c@x.fr", { locale: frLocale }));
      expect(issues.map((i) => i.message)).toEqual([
        "«\u00a0marie\u00a0» n’est pas une adresse e-mail valide\u00a0: il manque le @.",
        "«\u00a0a@x.fr\u00a0» figure déjà dans la liste\u00a0: chaque destinataire reçoit un lien, saisissez-le une seule fois.",
        "Séparez les adresses par «\u00a0;\u00a0» et non par «\u00a0,\u00a0»\u00a0: «\u00a0b@x.fr, c@x.fr\u00a0».",
      ]);
      expect(issues[1]?.message).toBe(messagesFr.recipient_duplicate({ value: "a@x.fr", first: 1 }));
    });

    it("writes the French separator message for spaces", () => {
      const [issue] = issuesOf(splitRecipients("a@x.fr b@y.fr", { locale: frLocale }));
      expect(issue?.message).toBe(
        "Séparez les adresses par «\u00a0;\u00a0» et non par des espaces\u00a0: «\u00a0a@x.fr b@y.fr\u00a0».",
      );
      expect(issue?.params).toEqual({ value: "a@x.fr b@y.fr", separator: " ", count: 2 });
    });

    it("names the separator in the catalog messages from params.separator", () => {
      expect(messagesEn.recipient_separator({ value: "v", separator: ",", count: 2 })).toBe(
        "Separate addresses with “;”, not “,”: “v”.",
      );
      expect(messagesEn.recipient_separator({ value: "v", separator: " ", count: 2 })).toBe(
        "Separate addresses with “;”, not spaces: “v”.",
      );
      expect(messagesFr.recipient_separator({ value: "v", separator: ",", count: 2 })).toBe(
        "Séparez les adresses par «\u00a0;\u00a0» et non par «\u00a0,\u00a0»\u00a0: «\u00a0v\u00a0».",
      );
      expect(messagesFr.recipient_separator({ value: "v", separator: " ", count: 2 })).toBe(
        "Séparez les adresses par «\u00a0;\u00a0» et non par des espaces\u00a0: «\u00a0v\u00a0».",
      );
    });

    it("writes recipients_empty in French with locale fr", () => {
      expect(issuesOf(splitRecipients(" ; ", { locale: frLocale }))[0]?.message).toBe(
        "Saisissez au moins une adresse e-mail d’acheteur.",
      );
    });
  });

  describe("with a value that is not a string", () => {
    it.each([
      [42, "a number"],
      [null, "null"],
      [undefined, "undefined"],
      [["a@x.fr"], "an array"],
      [{}, "an object"],
      [new String("a@x.fr"), "a boxed string"],
    ])("reports type_invalid for %s (%s)", (value, _description) => {
      expect(issuesOf(splitRecipients(value as unknown as string))).toEqual([
        { code: "type_invalid", path: [], message: "This field must be a text.", params: { expected: "string" } },
      ]);
    });
  });

  describe("properties", () => {
    it("returns distinct valid addresses in order, whatever ; and line breaks separate them", () => {
      fc.assert(
        fc.property(
          distinctAddresses.chain((addresses) =>
            fc.tuple(
              fc.constant(addresses),
              fc.array(separator, { minLength: addresses.length - 1, maxLength: addresses.length - 1 }),
              fc.constantFrom("", ";", "\n", " ;; "),
              fc.constantFrom("", ";", "\r\n", " ; "),
            ),
          ),
          ([addresses, separators, before, after]) => {
            const text = before + addresses.map((a, i) => (i === 0 ? a : `${separators[i - 1]}${a}`)).join("") + after;
            expect(splitRecipients(text)).toEqual({ ok: true, value: addresses });
          },
        ),
        { seed: 40_001, numRuns: 300 },
      );
    });

    it("reports a repeated address, in any case, at its second occurrence", () => {
      fc.assert(
        fc.property(distinctAddresses, fc.nat(), fc.nat(), fc.boolean(), (addresses, pick, insertAt, upper) => {
          const firstIndex = pick % addresses.length;
          const repeated = addresses[firstIndex] as string;
          const position = firstIndex + 1 + (insertAt % (addresses.length - firstIndex));
          const list = [...addresses];
          list.splice(position, 0, upper ? repeated.toUpperCase() : repeated);
          const issues = issuesOf(splitRecipients(list.join(";")));
          expect(issues).toEqual([
            expect.objectContaining({
              code: "recipient_duplicate",
              path: [position],
              params: expect.objectContaining({ first: firstIndex }),
            }),
          ]);
        }),
        { seed: 40_002, numRuns: 300 },
      );
    });

    it("never throws and returns either distinct addresses or issues with known codes and index paths", () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string({ unit: "binary" }),
            fc
              .array(fc.oneof(address, fc.string(), fc.constantFrom(";", ",", " ", "\n", "@")), { maxLength: 12 })
              .map((parts) => parts.join("")),
          ),
          (text) => {
            const result = splitRecipients(text);
            if (result.ok) {
              expect(result.value.length).toBeGreaterThan(0);
              expect(new Set(result.value.map((a) => a.toLowerCase())).size).toBe(result.value.length);
            } else {
              expect(result.issues.length).toBeGreaterThan(0);
              for (const issue of result.issues) {
                expect(ISSUE_CODES).toContain(issue.code);
                if (issue.code === "recipients_empty" || issue.code === "type_invalid") expect(issue.path).toEqual([]);
                else {
                  expect(issue.path).toHaveLength(1);
                  expect(Number.isInteger(issue.path[0])).toBe(true);
                }
              }
            }
          },
        ),
        { seed: 40_003, numRuns: 500 },
      );
    });
  });
});

describe("splitRecipients with an entry that mixes commas and spaces", () => {
  it("counts every address of the entry", async () => {
    const { splitRecipients } = await import("../../src/index");
    const result = splitRecipients("a@x.fr,b@y.fr c@z.fr");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]?.params).toMatchObject({ separator: ",", count: 3 });
  });
});
