import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ISSUE_CODES,
  type Issue,
  type LinkParameters,
  type LinkParametersInput,
  type LinkValidationContext,
  type Result,
  validateLinkParameters,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

/** The seed's example: a shop that requires a reference, "Recouvrement", 3 recipients, 49,90 EUR. */
const seedShop = makeShop({ referenceRequired: true });
const seedInput: LinkParametersInput = {
  shopId: "shop-1",
  amount: 4990,
  currency: "EUR",
  orderReference: "Recouvrement",
  recipients: "a@example.fr;b@example.fr;c@example.fr",
  channel: "email",
};

/** The seed input with some fields replaced, possibly by values of the wrong type. */
function withFields(fields: Record<string, unknown>): LinkParametersInput {
  return { ...seedInput, ...fields } as unknown as LinkParametersInput;
}

function validate(
  fields: Record<string, unknown>,
  context: Partial<LinkValidationContext> = {},
): Result<LinkParameters> {
  return validateLinkParameters(withFields(fields), { shop: makeShop(), ...context });
}

function issuesOf<T>(result: Result<T>): Issue[] {
  if (result.ok) throw new Error(`expected issues, got ${JSON.stringify(result.value)}`);
  return result.issues;
}

function validValue<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`expected a value, got ${JSON.stringify(result.issues)}`);
  return result.value;
}

const summary = (issues: readonly Issue[]) => issues.map((issue) => [issue.code, issue.path]);

const recipientsText = (count: number) => Array.from({ length: count }, (_, i) => `buyer${i}@example.fr`).join(";");

describe("validateLinkParameters", () => {
  describe("with the seed's example", () => {
    it("returns the normalised parameters with the defaults", () => {
      const result = validateLinkParameters(seedInput, { shop: seedShop });
      expect(result).toStrictEqual({
        ok: true,
        value: {
          shopId: "shop-1",
          mode: "PRODUCTION",
          amount: 4990,
          currency: "EUR",
          orderReference: "Recouvrement",
          recipients: ["a@example.fr", "b@example.fr", "c@example.fr"],
          buyerReference: undefined,
          channel: "email",
          bcc: [],
        },
      });
    });

    it("normalises what it accepts: trimmed reference, upper-case currency, normalised addresses", () => {
      const value = validValue(
        validateLinkParameters(
          withFields({
            orderReference: "  Recouvrement ",
            currency: " eur ",
            recipients: " A@Example.FR ;\nb@EXÄMPLE.fr",
            buyerReference: "  Client 42  ",
          }),
          { shop: seedShop },
        ),
      );
      expect(value).toMatchObject({
        orderReference: "Recouvrement",
        currency: "EUR",
        recipients: ["A@example.fr", "b@xn--exmple-cua.fr"],
        buyerReference: "Client 42",
      });
    });
  });

  describe("with the issue tracker's example", () => {
    const input = withFields({
      orderReference: "",
      recipients: "a@example.fr;b@example.fr;bob@",
      amount: 0,
    });

    it("reports exactly the three issues: missing reference, bad address at index 2, zero amount", () => {
      const issues = issuesOf(validateLinkParameters(input, { shop: seedShop }));
      expect(issues).toHaveLength(3);
      expect(issues.map((i) => i.path)).toEqual(
        expect.arrayContaining([["orderReference"], ["recipients", 2], ["amount"]]),
      );
      expect(summary(issues)).toEqual(
        expect.arrayContaining([
          ["reference_required", ["orderReference"]],
          ["recipient_invalid", ["recipients", 2]],
          ["amount_not_positive", ["amount"]],
        ]),
      );
    });

    it("lists them in the form's field order: amount, reference, recipients", () => {
      const issues = issuesOf(validateLinkParameters(input, { shop: seedShop }));
      expect(issues.map((i) => i.path)).toEqual([["amount"], ["orderReference"], ["recipients", 2]]);
    });
  });

  describe("with an input that is not an object", () => {
    it.each([null, undefined, "shop-1", 42, ["shop-1"]])("reports type_invalid at the root for %s", (input) => {
      const issues = issuesOf(validateLinkParameters(input as unknown as LinkParametersInput, { shop: makeShop() }));
      expect(issues).toEqual([
        { code: "type_invalid", path: [], message: "This field must be an object.", params: { expected: "object" } },
      ]);
    });
  });

  describe("with the shop", () => {
    it("reports shop_mismatch when the shop id is not the context's shop", () => {
      const issues = issuesOf(validate({ shopId: "shop-2" }));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "shop_mismatch",
          path: ["shopId"],
          params: { expected: "shop-1", received: "shop-2" },
        }),
      ]);
    });

    it("shortens a long shop id to 80 characters in the params and the message", () => {
      const shopId = `shop-${"9".repeat(95)}`;
      const received = `${shopId.slice(0, 79)}…`;
      expect(issuesOf(validate({ shopId }))).toEqual([
        {
          code: "shop_mismatch",
          path: ["shopId"],
          message: `This link is for shop “${received}”, but the shop given is “shop-1”.`,
          params: { expected: "shop-1", received },
        },
      ]);
    });

    it("shortens a long id of the context's shop too", () => {
      const id = "s".repeat(120);
      const issues = issuesOf(validate({ shopId: "shop-1" }, { shop: makeShop({ id }) }));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "shop_mismatch",
          params: { expected: `${"s".repeat(79)}…`, received: "shop-1" },
        }),
      ]);
    });

    it.each([undefined, 1, null])("reports type_invalid when the shop id is %s", (shopId) => {
      expect(summary(issuesOf(validate({ shopId })))).toEqual([["type_invalid", ["shopId"]]]);
    });
  });

  describe("with the mode", () => {
    it.each([undefined, null])("defaults to PRODUCTION when the mode is %s", (mode) => {
      expect(validValue(validate({ mode })).mode).toBe("PRODUCTION");
    });

    it.each(["PRODUCTION", "TEST"])("accepts %s", (mode) => {
      expect(validValue(validate({ mode })).mode).toBe(mode);
    });

    it.each([
      ["test", "test"],
      ["LIVE", "LIVE"],
      ["", ""],
      [1, "1"],
      [true, "true"],
    ])("reports mode_invalid for %j with its value", (mode, value) => {
      expect(issuesOf(validate({ mode }))).toEqual([
        expect.objectContaining({ code: "mode_invalid", path: ["mode"], params: { value } }),
      ]);
    });

    it("shortens a long mode to 80 characters in the params and the message", () => {
      const mode = "M".repeat(81);
      expect(issuesOf(validate({ mode }))).toEqual([
        {
          code: "mode_invalid",
          path: ["mode"],
          message: `“${"M".repeat(79)}…” is not a mode: choose PRODUCTION or TEST.`,
          params: { value: `${"M".repeat(79)}…` },
        },
      ]);
    });

    it("keeps a mode of exactly 80 characters whole", () => {
      const mode = "M".repeat(80);
      expect(issuesOf(validate({ mode }))[0]?.params).toEqual({ value: mode });
    });

    it("shortens the text of a long array given as the mode", () => {
      const mode = Array.from({ length: 50 }, (_, i) => i);
      expect(issuesOf(validate({ mode }))[0]?.params).toEqual({ value: `${String(mode).slice(0, 79)}…` });
    });

    it("reports mode_invalid, without throwing, for an object that cannot be turned into text", () => {
      for (const mode of [Object.create(null), { toString: 0 }]) {
        expect(summary(issuesOf(validate({ mode })))).toEqual([["mode_invalid", ["mode"]]]);
      }
    });
  });

  describe("with the channel", () => {
    it.each([undefined, null, "email"])("uses email when the channel is %s", (channel) => {
      expect(validValue(validate({ channel })).channel).toBe("email");
    });

    it.each(["sms", "EMAIL", "whatsapp", 0])("reports channel_unsupported for %j", (channel) => {
      expect(issuesOf(validate({ channel }))).toEqual([
        expect.objectContaining({ code: "channel_unsupported", path: ["channel"], params: { value: String(channel) } }),
      ]);
    });

    it("shortens a long channel to 80 characters in the params and the message", () => {
      const channel = "c".repeat(200);
      expect(issuesOf(validate({ channel }))).toEqual([
        {
          code: "channel_unsupported",
          path: ["channel"],
          message: `“${"c".repeat(79)}…” is not a channel paylinks can send through: choose email.`,
          params: { value: `${"c".repeat(79)}…` },
        },
      ]);
    });

    it("reports channel_unsupported, without throwing, for an object that cannot be turned into text", () => {
      for (const channel of [Object.create(null), { toString: 0 }]) {
        expect(summary(issuesOf(validate({ channel })))).toEqual([["channel_unsupported", ["channel"]]]);
      }
    });
  });

  describe("with the amount in minor units", () => {
    it.each([1, 4990, 999_999_999_999])("accepts %d", (amount) => {
      expect(validValue(validate({ amount })).amount).toBe(amount);
    });

    it.each([0, -0, -1, -4990, Number.NEGATIVE_INFINITY])("reports amount_not_positive for %d", (amount) => {
      expect(issuesOf(validate({ amount }))).toEqual([
        { code: "amount_not_positive", path: ["amount"], message: "Enter an amount greater than zero." },
      ]);
    });

    it.each([49.5, 0.5, 4990.01, Number.MIN_VALUE])(
      "reports type_invalid, expecting an integer, for %d, which is not a whole number",
      (amount) => {
        expect(issuesOf(validate({ amount }))).toEqual([
          {
            code: "type_invalid",
            path: ["amount"],
            message: "This field must be a whole number.",
            params: { expected: "integer" },
          },
        ]);
      },
    );

    it("writes the French type message for 49.5", () => {
      expect(issuesOf(validate({ amount: 49.5 }, { locale: frLocale }))).toEqual([
        {
          code: "type_invalid",
          path: ["amount"],
          message: "Ce champ doit être un nombre entier.",
          params: { expected: "integer" },
        },
      ]);
    });

    it("still reports a negative fraction as not positive, and a huge fraction as too large", () => {
      expect(summary(issuesOf(validate({ amount: -0.5 })))).toEqual([["amount_not_positive", ["amount"]]]);
      expect(summary(issuesOf(validate({ amount: 1_000_000_000_000.5 })))).toEqual([["amount_too_large", ["amount"]]]);
    });

    it.each([1e12, 1_000_000_000_000.5, Number.POSITIVE_INFINITY, Number.MAX_VALUE])(
      "reports amount_too_large for %d",
      (amount) => {
        expect(issuesOf(validate({ amount }))).toEqual([
          expect.objectContaining({ code: "amount_too_large", path: ["amount"], params: { maxDigits: 12 } }),
        ]);
      },
    );

    it.each([
      ["49", "a numeric string"],
      [undefined, "undefined"],
      [null, "null"],
      [Number.NaN, "NaN"],
      [BigInt(4990), "a bigint"],
    ])("reports type_invalid for %s (%s)", (amount, _description) => {
      expect(issuesOf(validate({ amount }))).toEqual([
        {
          code: "type_invalid",
          path: ["amount"],
          message: "This field must be a whole number.",
          params: { expected: "integer" },
        },
      ]);
    });
  });

  describe("with the currency", () => {
    it.each([
      ["EUR", "EUR"],
      ["eur", "EUR"],
      [" usd ", "USD"],
      ["Usd", "USD"],
    ])("accepts %j as %s", (currency, expected) => {
      expect(validValue(validate({ currency })).currency).toBe(expected);
    });

    it.each(["EURO", "XXX", "XAU", "XTS", "", "€"])(
      "reports currency_unknown for %j with the value as typed",
      (currency) => {
        expect(issuesOf(validate({ currency }))).toEqual([
          expect.objectContaining({ code: "currency_unknown", path: ["currency"], params: { value: currency } }),
        ]);
      },
    );

    it("shortens a long currency to 80 characters in the params and the message", () => {
      const currency = `EUR${" ".repeat(40)}${"X".repeat(60)}`;
      const value = `${currency.slice(0, 79)}…`;
      expect(issuesOf(validate({ currency }))).toEqual([
        {
          code: "currency_unknown",
          path: ["currency"],
          message: `“${value}” is not an active ISO 4217 currency code.`,
          params: { value },
        },
      ]);
    });

    it("reports currency_not_accepted with the accepted list for an active currency the shop does not take", () => {
      const issues = issuesOf(validate({ currency: "jpy" }));
      expect(issues).toEqual([
        {
          code: "currency_not_accepted",
          path: ["currency"],
          message: "This shop does not accept JPY. Accepted: EUR, USD.",
          params: { currency: "JPY", accepted: "EUR, USD" },
        },
      ]);
    });

    it("accepts a currency that only this shop accepts", () => {
      const shop = makeShop({ currencies: ["JPY"] });
      expect(validValue(validateLinkParameters(withFields({ currency: "JPY" }), { shop })).currency).toBe("JPY");
    });

    it.each([978, null, undefined])("reports type_invalid for %s", (currency) => {
      expect(summary(issuesOf(validate({ currency })))).toEqual([["type_invalid", ["currency"]]]);
    });
  });

  describe("with the order reference", () => {
    it("accepts 60 characters with 3 recipients", () => {
      const orderReference = "R".repeat(60);
      expect(validValue(validate({ orderReference, recipients: recipientsText(3) })).orderReference).toBe(
        orderReference,
      );
    });

    it("reports reference_too_long for 61 characters with 3 recipients, as the suffix makes 65", () => {
      const issues = issuesOf(validate({ orderReference: "R".repeat(61), recipients: recipientsText(3) }));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "reference_too_long",
          path: ["orderReference"],
          params: { max: 64, maxBase: 60, length: 61, recipientCount: 3 },
        }),
      ]);
    });

    it("accepts 64 characters with 1 recipient, which gets no suffix", () => {
      const orderReference = "R".repeat(64);
      expect(validValue(validate({ orderReference, recipients: "a@x.fr" })).orderReference).toBe(orderReference);
    });

    it("reports reference_too_long for 65 characters with 1 recipient", () => {
      const issues = issuesOf(validate({ orderReference: "R".repeat(65), recipients: "a@x.fr" }));
      expect(issues[0]).toMatchObject({ code: "reference_too_long", params: { maxBase: 64, length: 65 } });
    });

    it("allows one character less from 1,000 recipients (suffix -1000)", () => {
      const recipients = recipientsText(1000);
      expect(validValue(validate({ orderReference: "R".repeat(59), recipients })).recipients).toHaveLength(1000);
      expect(issuesOf(validate({ orderReference: "R".repeat(60), recipients }))[0]).toMatchObject({
        code: "reference_too_long",
        params: { maxBase: 59, recipientCount: 1000 },
      });
    });

    it("counts an invalid address as a recipient for the suffix", () => {
      const issues = issuesOf(validate({ orderReference: "R".repeat(61), recipients: "a@x.fr;b@x.fr;bob@" }));
      expect(summary(issues)).toEqual([
        ["reference_too_long", ["orderReference"]],
        ["recipient_invalid", ["recipients", 2]],
      ]);
      expect(issues[0]?.params).toMatchObject({ recipientCount: 3 });
    });

    it.each([
      ["a comma", "a@x.fr, b@x.fr", ","],
      ["a space", "a@x.fr b@x.fr", " "],
    ])(
      "counts both addresses joined by %s: a 61-character reference is too long as well",
      (_label, recipients, sep) => {
        const issues = issuesOf(validate({ orderReference: "R".repeat(61), recipients }));
        expect(issues).toEqual([
          expect.objectContaining({
            code: "reference_too_long",
            path: ["orderReference"],
            params: { max: 64, maxBase: 60, length: 61, recipientCount: 2 },
          }),
          expect.objectContaining({
            code: "recipient_separator",
            path: ["recipients", 0],
            params: { value: recipients, separator: sep, count: 2 },
          }),
        ]);
      },
    );

    it("adds the addresses of a joined entry to the other entries", () => {
      const issues = issuesOf(
        validate({ orderReference: "R".repeat(61), recipients: "a@x.fr;b@x.fr, c@x.fr, d@x.fr" }),
      );
      expect(summary(issues)).toEqual([
        ["reference_too_long", ["orderReference"]],
        ["recipient_separator", ["recipients", 1]],
      ]);
      expect(issues[0]?.params).toMatchObject({ recipientCount: 4 });
    });

    it("counts the addresses of a joined entry given in a list", () => {
      const issues = issuesOf(validate({ orderReference: "R".repeat(61), recipients: ["a@x.fr b@x.fr c@x.fr"] }));
      expect(summary(issues)).toEqual([
        ["reference_too_long", ["orderReference"]],
        ["recipient_separator", ["recipients", 0]],
      ]);
      expect(issues[0]?.params).toMatchObject({ recipientCount: 3 });
    });

    it("reaches the 1,000-recipient limit with the addresses of a joined entry", () => {
      const recipients = `${recipientsText(998)};x@x.fr, y@x.fr`;
      const issues = issuesOf(validate({ orderReference: "R".repeat(60), recipients }));
      expect(summary(issues)).toEqual([
        ["reference_too_long", ["orderReference"]],
        ["recipient_separator", ["recipients", 998]],
      ]);
      expect(issues[0]?.params).toEqual({ max: 64, maxBase: 59, length: 60, recipientCount: 1000 });
    });

    it("does not count a repeated address: two entries of one address leave the limit at 64", () => {
      const issues = issuesOf(validate({ orderReference: "R".repeat(61), recipients: "a@x.fr;A@X.FR" }));
      expect(summary(issues)).toEqual([["recipient_duplicate", ["recipients", 1]]]);
      const tooLong = issuesOf(validate({ orderReference: "R".repeat(65), recipients: "a@x.fr;A@X.FR" }));
      expect(tooLong[0]).toMatchObject({
        code: "reference_too_long",
        params: { max: 64, maxBase: 64, length: 65, recipientCount: 1 },
      });
    });

    it("does not count repeats towards 1,000: 999 addresses and one repeat keep the limit at 60", () => {
      const recipients = `${recipientsText(999)};buyer0@example.fr`;
      expect(summary(issuesOf(validate({ orderReference: "R".repeat(60), recipients })))).toEqual([
        ["recipient_duplicate", ["recipients", 999]],
      ]);
    });

    it("reports reference_invalid_character with the character and its position", () => {
      expect(issuesOf(validate({ orderReference: "Facture 12" }))).toEqual([
        expect.objectContaining({
          code: "reference_invalid_character",
          path: ["orderReference"],
          params: { character: " ", position: 8, count: 1 },
        }),
      ]);
    });

    it.each([undefined, null, "", "   "])("reports reference_required for %j when the shop requires one", (ref) => {
      expect(summary(issuesOf(validate({ orderReference: ref }, { shop: seedShop })))).toEqual([
        ["reference_required", ["orderReference"]],
      ]);
    });

    it.each([undefined, "", "   "])("returns no reference for %j when the shop does not require one", (ref) => {
      expect(validValue(validate({ orderReference: ref })).orderReference).toBeUndefined();
    });

    it("reports type_invalid for a reference that is not a string", () => {
      expect(summary(issuesOf(validate({ orderReference: 12 })))).toEqual([["type_invalid", ["orderReference"]]]);
    });
  });

  describe("with the recipients as a list", () => {
    it("accepts an array of addresses, trimmed and normalised", () => {
      expect(validValue(validate({ recipients: [" a@x.fr ", "B@Y.FR"] })).recipients).toEqual(["a@x.fr", "B@y.fr"]);
    });

    it("ignores empty entries", () => {
      expect(validValue(validate({ recipients: ["a@x.fr", "", "  ", "b@x.fr"] })).recipients).toEqual([
        "a@x.fr",
        "b@x.fr",
      ]);
    });

    it("reports recipient_invalid at the index of the bad entry", () => {
      expect(summary(issuesOf(validate({ recipients: ["a@x.fr", "b@x.fr", "bob@"] })))).toEqual([
        ["recipient_invalid", ["recipients", 2]],
      ]);
    });

    it("points into the list with the list's own index, blank entries included", () => {
      expect(issuesOf(validate({ recipients: ["", "bob@"] }))).toEqual([
        expect.objectContaining({
          code: "recipient_invalid",
          path: ["recipients", 1],
          params: { value: "bob@", reason: "domain_empty" },
        }),
      ]);
      expect(summary(issuesOf(validate({ recipients: ["a@x.fr", " ", "\n", "bob@", "", "c@"] })))).toEqual([
        ["recipient_invalid", ["recipients", 3]],
        ["recipient_invalid", ["recipients", 5]],
      ]);
    });

    it("gives a repeat and its first occurrence their indexes in the list, blanks included", () => {
      expect(issuesOf(validate({ recipients: ["", "a@x.fr", "  ", "A@x.fr"] }))).toEqual([
        expect.objectContaining({
          code: "recipient_duplicate",
          path: ["recipients", 3],
          params: { value: "A@x.fr", first: 1 },
        }),
      ]);
    });

    it("points to a joined entry at its index in the list", () => {
      expect(summary(issuesOf(validate({ recipients: ["", "a@x.fr, b@x.fr"] })))).toEqual([
        ["recipient_separator", ["recipients", 1]],
      ]);
    });

    it("still counts only the non-empty entries of a text", () => {
      expect(summary(issuesOf(validate({ recipients: " ; ;\n;bob@;;c@" })))).toEqual([
        ["recipient_invalid", ["recipients", 0]],
        ["recipient_invalid", ["recipients", 1]],
      ]);
    });

    it("reports recipient_duplicate across entries", () => {
      const issues = issuesOf(validate({ recipients: ["a@x.fr", "A@X.FR"] }));
      expect(issues).toEqual([
        expect.objectContaining({
          code: "recipient_duplicate",
          path: ["recipients", 1],
          params: expect.objectContaining({ first: 0 }),
        }),
      ]);
    });

    it.each([[[]], [[""]], [" ; "]])("reports recipients_empty for %j", (recipients) => {
      expect(summary(issuesOf(validate({ recipients })))).toEqual([["recipients_empty", ["recipients"]]]);
    });

    it.each([
      [undefined, "missing"],
      [42, "a number"],
      [["a@x.fr", 42], "a list with a number"],
      [{ 0: "a@x.fr" }, "an object"],
    ])("reports type_invalid for %j (%s)", (recipients, _description) => {
      expect(issuesOf(validate({ recipients }))).toEqual([
        expect.objectContaining({ code: "type_invalid", path: ["recipients"], params: { expected: "list" } }),
      ]);
    });
  });

  describe("with the buyer reference", () => {
    it("accepts 64 characters", () => {
      const buyerReference = "b".repeat(64);
      expect(validValue(validate({ buyerReference })).buyerReference).toBe(buyerReference);
    });

    it("counts characters, not UTF-16 units", () => {
      const buyerReference = "😀".repeat(64);
      expect(validValue(validate({ buyerReference })).buyerReference).toBe(buyerReference);
    });

    it("reports buyer_reference_too_long for 65 characters", () => {
      expect(issuesOf(validate({ buyerReference: "b".repeat(65) }))).toEqual([
        expect.objectContaining({
          code: "buyer_reference_too_long",
          path: ["buyerReference"],
          params: { max: 64, length: 65 },
        }),
      ]);
    });

    it("trims it before counting", () => {
      const buyerReference = `  ${"b".repeat(64)}\n`;
      expect(validValue(validate({ buyerReference })).buyerReference).toBe("b".repeat(64));
    });

    it.each([
      ["\u0007", 1],
      ["ab\u0007cd", 3],
      ["line 1\nline 2", 7],
      ["a\tb", 2],
      ["a\u007fb", 2],
      ["a\u0085b", 2],
      ["a\u2028b", 2],
      ["😀\u0001", 2],
    ])("reports buyer_reference_invalid for %j at position %d", (buyerReference, position) => {
      expect(issuesOf(validate({ buyerReference }))).toEqual([
        expect.objectContaining({ code: "buyer_reference_invalid", path: ["buyerReference"], params: { position } }),
      ]);
    });

    it.each([
      ["a zero-width space U+200B (Cf)", "a\u200bb", 2],
      ["a right-to-left override U+202E (Cf)", "abc\u202e", 4],
      ["a byte order mark U+FEFF inside (Cf)", "a\ufeffb", 2],
      ["a soft hyphen U+00AD (Cf)", "Client\u00ad42", 7],
      ["a Unicode tag U+E0041 (Cf)", "a\u{e0041}", 2],
      ["a lone high surrogate (Cs)", "a\ud800b", 2],
      ["a lone low surrogate (Cs)", "\udc00", 1],
      ["a private-use character U+E000 (Co)", "ab\ue000", 3],
      ["a supplementary private-use character U+F0000 (Co)", "a\u{f0000}", 2],
      ["the noncharacter U+FFFF (Cn)", "a\uffff", 2],
      ["the noncharacter U+FDD0 (Cn)", "\ufdd0a", 1],
      ["the noncharacter U+10FFFF (Cn)", "ab\u{10ffff}", 3],
      ["a paragraph separator U+2029", "a\u2029b", 2],
    ])("reports buyer_reference_invalid for %s at its position", (_label, buyerReference, position) => {
      expect(issuesOf(validate({ buyerReference }))).toEqual([
        {
          code: "buyer_reference_invalid",
          path: ["buyerReference"],
          message: `The buyer reference holds an invisible control character at position ${position}: remove it.`,
          params: { position },
        },
      ]);
    });

    it("counts the position in code points: an emoji before counts once", () => {
      expect(issuesOf(validate({ buyerReference: "😀😀\u200b" }))[0]?.params).toEqual({ position: 3 });
      expect(issuesOf(validate({ buyerReference: "😀\u{f0000}" }))[0]?.params).toEqual({ position: 2 });
    });

    it("accepts printable text: accents, combining marks, emoji (with zero-width joiners), other scripts, inner no-break spaces", () => {
      for (const buyerReference of [
        "Élodie Dœuf",
        "e\u0301",
        "❤\ufe0f 😀",
        "顧客 42",
        "Client\u00a042",
        "Ω≈ç√∫",
        "👩\u200d💻",
        "می\u200cخواهم",
      ]) {
        expect(validValue(validate({ buyerReference })).buyerReference, buyerReference).toBe(buyerReference);
      }
    });

    it("reports the first control character only", () => {
      const issues = issuesOf(validate({ buyerReference: "a\u0001b\u0002" }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.params).toEqual({ position: 2 });
    });

    it("reports the first non-printable character whatever its category", () => {
      const issues = issuesOf(validate({ buyerReference: "ab\u200bc\u0007\ue000" }));
      expect(issues).toHaveLength(1);
      expect(issues[0]?.params).toEqual({ position: 3 });
    });

    it("writes the French message with a no-break space before the colon", () => {
      expect(issuesOf(validate({ buyerReference: "a\u200bb" }, { locale: frLocale }))[0]?.message).toBe(
        "La référence de l’acheteur contient un caractère de contrôle invisible en position 2\u00a0: supprimez-le.",
      );
    });

    it("reports both too long and a control character", () => {
      expect(summary(issuesOf(validate({ buyerReference: `${"b".repeat(70)}\u0007x` })))).toEqual([
        ["buyer_reference_too_long", ["buyerReference"]],
        ["buyer_reference_invalid", ["buyerReference"]],
      ]);
    });

    it.each([undefined, null, "", "   "])("returns no buyer reference for %j", (buyerReference) => {
      expect(validValue(validate({ buyerReference })).buyerReference).toBeUndefined();
    });

    it("reports type_invalid for a buyer reference that is not a string", () => {
      expect(summary(issuesOf(validate({ buyerReference: 42 })))).toEqual([["type_invalid", ["buyerReference"]]]);
    });
  });

  describe("with blind copies", () => {
    it("resolves shopManager to the shop's manager address, normalised", () => {
      const shop = makeShop({ managerEmail: "Gerant@Librairie-Durand.FR" });
      expect(validValue(validate({ bcc: { shopManager: true } }, { shop })).bcc).toEqual([
        "Gerant@librairie-durand.fr",
      ]);
    });

    it.each([undefined, "", "  "])("reports bcc_manager_missing when the manager address is %j", (managerEmail) => {
      const shop = makeShop({ managerEmail });
      expect(issuesOf(validate({ bcc: { shopManager: true } }, { shop }))).toEqual([
        expect.objectContaining({ code: "bcc_manager_missing", path: ["bcc", "shopManager"] }),
      ]);
    });

    it("reports bcc_invalid at shopManager when the manager address is not valid", () => {
      const shop = makeShop({ managerEmail: "gerant" });
      expect(issuesOf(validate({ bcc: { shopManager: true } }, { shop }))).toEqual([
        expect.objectContaining({
          code: "bcc_invalid",
          path: ["bcc", "shopManager"],
          params: { value: "gerant", reason: "at_missing" },
        }),
      ]);
    });

    it("resolves me to the actor's address", () => {
      expect(validValue(validate({ bcc: { me: true } }, { actor: makeActor() })).bcc).toEqual([
        "marie.martin@librairie-durand.fr",
      ]);
    });

    it("reports bcc_me_missing without an actor", () => {
      expect(issuesOf(validate({ bcc: { me: true } }))).toEqual([
        expect.objectContaining({ code: "bcc_me_missing", path: ["bcc", "me"] }),
      ]);
    });

    it("reports bcc_me_missing for an actor without an address", () => {
      expect(summary(issuesOf(validate({ bcc: { me: true } }, { actor: makeActor({ email: undefined }) })))).toEqual([
        ["bcc_me_missing", ["bcc", "me"]],
      ]);
    });

    it("adds nothing when the switches are off", () => {
      expect(validValue(validate({ bcc: { shopManager: false, me: false } }, { actor: makeActor() })).bcc).toEqual([]);
    });

    it.each([undefined, null, {}])("has no blind copy for %j", (bcc) => {
      expect(validValue(validate({ bcc })).bcc).toEqual([]);
    });

    it("splits other addresses like the recipients", () => {
      expect(validValue(validate({ bcc: { addresses: " x@y.fr ;\nZ@Y.FR;;" } })).bcc).toEqual(["x@y.fr", "Z@y.fr"]);
    });

    it("accepts other addresses as a list", () => {
      expect(validValue(validate({ bcc: { addresses: ["x@y.fr", "z@y.fr"] } })).bcc).toEqual(["x@y.fr", "z@y.fr"]);
    });

    it("reports bcc_invalid at the index of a bad address", () => {
      expect(issuesOf(validate({ bcc: { addresses: "x@y.fr;;bad;z@" } }))).toEqual([
        expect.objectContaining({
          code: "bcc_invalid",
          path: ["bcc", "addresses", 1],
          params: { value: "bad", reason: "at_missing" },
        }),
        expect.objectContaining({
          code: "bcc_invalid",
          path: ["bcc", "addresses", 2],
          params: { value: "z@", reason: "domain_empty" },
        }),
      ]);
    });

    it("points into a list of other addresses with the list's own index, blank entries included", () => {
      expect(issuesOf(validate({ bcc: { addresses: ["", " ", "bad", "x@y.fr", "", "z@"] } }))).toEqual([
        expect.objectContaining({
          code: "bcc_invalid",
          path: ["bcc", "addresses", 2],
          params: { value: "bad", reason: "at_missing" },
        }),
        expect.objectContaining({
          code: "bcc_invalid",
          path: ["bcc", "addresses", 5],
          params: { value: "z@", reason: "domain_empty" },
        }),
      ]);
      expect(summary(issuesOf(validate({ bcc: { addresses: ["", "x@y.fr z@y.fr"] } })))).toEqual([
        ["recipient_separator", ["bcc", "addresses", 1]],
      ]);
    });

    it("drops repeated addresses without an issue", () => {
      expect(validValue(validate({ bcc: { addresses: "x@y.fr;X@Y.FR;x@y.fr" } })).bcc).toEqual(["x@y.fr"]);
    });

    it("drops an address that repeats the manager's or the actor's", () => {
      const bcc = {
        shopManager: true,
        me: true,
        addresses: "GERANT@librairie-durand.fr;marie.martin@LIBRAIRIE-DURAND.fr",
      };
      expect(validValue(validate({ bcc }, { actor: makeActor() })).bcc).toEqual([
        "gerant@librairie-durand.fr",
        "marie.martin@librairie-durand.fr",
      ]);
    });

    it("lists the manager first, then the actor, then the others", () => {
      const bcc = { addresses: "other@x.fr", me: true, shopManager: true };
      expect(validValue(validate({ bcc }, { actor: makeActor() })).bcc).toEqual([
        "gerant@librairie-durand.fr",
        "marie.martin@librairie-durand.fr",
        "other@x.fr",
      ]);
    });

    it("reports addresses joined by a comma with recipient_separator under bcc", () => {
      expect(summary(issuesOf(validate({ bcc: { addresses: "x@y.fr, z@y.fr" } })))).toEqual([
        ["recipient_separator", ["bcc", "addresses", 0]],
      ]);
    });

    it.each([
      [{ bcc: "x@y.fr" }, ["bcc"], "object"],
      [{ bcc: ["x@y.fr"] }, ["bcc"], "object"],
      [{ bcc: { shopManager: "yes" } }, ["bcc", "shopManager"], "boolean"],
      [{ bcc: { me: 1 } }, ["bcc", "me"], "boolean"],
      [{ bcc: { addresses: 42 } }, ["bcc", "addresses"], "list"],
      [{ bcc: { addresses: ["x@y.fr", 42] } }, ["bcc", "addresses"], "list"],
    ])("reports type_invalid for %j", (fields, path, expected) => {
      expect(issuesOf(validate(fields))).toEqual([
        expect.objectContaining({ code: "type_invalid", path, params: { expected } }),
      ]);
    });
  });

  describe("with many problems", () => {
    it("reports every issue at once, in field order", () => {
      const shop = makeShop({ managerEmail: undefined });
      const issues = issuesOf(
        validateLinkParameters(
          withFields({
            shopId: "shop-2",
            mode: "LIVE",
            amount: 0,
            currency: "JPY",
            orderReference: "Réf 1",
            recipients: "a@x.fr;bad;a@x.fr;b@x.fr, c@x.fr",
            buyerReference: "a\u0007",
            channel: "sms",
            bcc: { shopManager: true, me: true, addresses: "bad" },
          }),
          { shop },
        ),
      );
      expect(summary(issues)).toEqual([
        ["shop_mismatch", ["shopId"]],
        ["mode_invalid", ["mode"]],
        ["amount_not_positive", ["amount"]],
        ["currency_not_accepted", ["currency"]],
        ["reference_invalid_character", ["orderReference"]],
        ["recipient_invalid", ["recipients", 1]],
        ["recipient_duplicate", ["recipients", 2]],
        ["recipient_separator", ["recipients", 3]],
        ["buyer_reference_invalid", ["buyerReference"]],
        ["channel_unsupported", ["channel"]],
        ["bcc_manager_missing", ["bcc", "shopManager"]],
        ["bcc_me_missing", ["bcc", "me"]],
        ["bcc_invalid", ["bcc", "addresses", 0]],
      ]);
    });
  });

  describe("with keys that could reach the prototype", () => {
    it("reads only the input's own properties", () => {
      const inherited = Object.create(seedInput) as LinkParametersInput;
      expect(summary(issuesOf(validateLinkParameters(inherited, { shop: makeShop() })))).toEqual([
        ["type_invalid", ["shopId"]],
        ["type_invalid", ["amount"]],
        ["type_invalid", ["currency"]],
        ["type_invalid", ["recipients"]],
      ]);
    });

    it("ignores an own __proto__ key and does not pollute Object.prototype", () => {
      const input = JSON.parse(
        '{"__proto__":{"polluted":true,"shopId":"shop-1"},"constructor":{"prototype":{"polluted":true}},"amount":4990,"currency":"EUR","recipients":"a@x.fr"}',
      ) as LinkParametersInput;
      expect(summary(issuesOf(validateLinkParameters(input, { shop: makeShop() })))).toEqual([
        ["type_invalid", ["shopId"]],
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).shopId).toBeUndefined();
    });
  });

  describe("with the locale", () => {
    const shopWithoutManager = makeShop({ managerEmail: undefined, referenceRequired: true });
    const inputs: Record<string, unknown>[] = [
      {
        shopId: "shop-2",
        mode: "LIVE",
        amount: 0,
        currency: "JPY",
        orderReference: "Réf 1",
        recipients: "a@x.fr;bad;a@x.fr;b@x.fr, c@x.fr",
        buyerReference: "a\u0007",
        channel: "sms",
        bcc: { shopManager: true, me: true, addresses: "bad" },
      },
      {
        shopId: 42,
        amount: 49.5,
        currency: "EURO",
        orderReference: "x".repeat(70),
        recipients: "",
        buyerReference: "x".repeat(65),
      },
      { amount: 1e12, orderReference: "" },
    ];

    it("writes English messages by default", () => {
      const [issue] = issuesOf(validate({ amount: 0 }));
      expect(issue?.message).toBe("Enter an amount greater than zero.");
    });

    it("writes French messages with locale fr", () => {
      const [issue] = issuesOf(validate({ amount: 0 }, { locale: frLocale }));
      expect(issue?.message).toBe("Saisissez un montant supérieur à zéro.");
    });

    it("gives the same codes, paths and params, and a different message, in en and fr", () => {
      const seen = new Set<string>();
      for (const fields of inputs) {
        const en = issuesOf(validateLinkParameters(withFields(fields), { shop: shopWithoutManager, locale: enLocale }));
        const fr = issuesOf(validateLinkParameters(withFields(fields), { shop: shopWithoutManager, locale: frLocale }));
        expect(fr.map(({ message: _, ...rest }) => rest)).toEqual(en.map(({ message: _, ...rest }) => rest));
        en.forEach((issue, i) => {
          seen.add(issue.code);
          expect(issue.message, issue.code).not.toBe(fr[i]?.message);
          expect(issue.message.length, issue.code).toBeGreaterThan(0);
          expect(fr[i]?.message.length, issue.code).toBeGreaterThan(0);
        });
      }
      // every step-1 code validateLinkParameters can give: amount_too_precise and amount_invalid need an amount
      // as text (a number that is not whole is type_invalid); the codes from timezone_invalid on are steps 2-3
      const stepOne = ISSUE_CODES.slice(0, ISSUE_CODES.indexOf("timezone_invalid"));
      expect([...seen].sort()).toEqual(
        stepOne
          .filter((code) => code !== "amount_too_precise" && code !== "amount_invalid")
          // recipients_too_many needs a shop with maxRecipients: test/link/recipients-limit.test.ts
          .filter((code) => code !== "recipients_too_many" && code !== "bcc_too_many")
          .sort(),
      );
    });
  });

  describe("properties", () => {
    it("accepts any whole amount from 1 to 999 999 999 999 and returns it unchanged", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), (amount) => {
          expect(validValue(validate({ amount })).amount).toBe(amount);
        }),
        { seed: 50_001, numRuns: 300 },
      );
    });

    it("accepts a base reference exactly as long as the suffix allows, and not one character more", () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 30 }), fc.stringMatching(/^[A-Za-z0-9_-]$/), (count, char) => {
          const recipients = recipientsText(count);
          const maxBase = count === 1 ? 64 : 60;
          expect(
            validValue(validate({ orderReference: char.repeat(maxBase), recipients })).orderReference,
          ).toHaveLength(maxBase);
          expect(summary(issuesOf(validate({ orderReference: char.repeat(maxBase + 1), recipients })))).toEqual([
            ["reference_too_long", ["orderReference"]],
          ]);
        }),
        { seed: 50_002, numRuns: 100 },
      );
    });
  });
});
