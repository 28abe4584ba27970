import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createLinkFormSchema,
  getCurrency,
  ISSUE_CODES,
  type IssueCode,
  type IssueParams,
  isEmailAddress,
  issueMessage,
  type LinkForm,
  type LinkParametersInput,
  linkFormSchema,
  MESSAGE_VARIABLES,
  type MessageTemplate,
  maxBaseReferenceLength,
  normalizeEmailAddress,
  PaylinksError,
  type PaymentOrderRequest,
  parseAmount,
  planPaymentOrder,
  renderMessage,
  splitRecipients,
  validateAdvancedParameters,
  validateLinkForm,
  validateLinkParameters,
  validateMessageTemplate,
  validateOrderReference,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import {
  actor,
  advancedInput,
  amountText,
  anything,
  currencyText,
  DANGEROUS_KEYS,
  expectParams,
  expectPrototypesUnchanged,
  expectResult,
  expectWellFormedIssues,
  hostile,
  linkForm,
  linkInput,
  locale,
  messageInput,
  now,
  planRequest,
  prototypeSnapshot,
  recipientText,
  shop,
  text,
  validRecipientText,
} from "./arbitraries";

/** Fixed seeds: every run tries the same inputs. A failure prints its seed and path to replay it. */
const run = (seed: number, numRuns = 1500) => ({ seed, numRuns, endOnFailure: true });

const ADDRESS_PROBLEMS = [
  "at_missing",
  "local_empty",
  "local_too_long",
  "local_invalid",
  "domain_empty",
  "domain_invalid",
  "tld_invalid",
  "too_long",
];

const textOrAnything = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: hostile });

describe("fuzzing every public validator: never a throw, only known issue codes, no prototype touched", () => {
  let before: ReturnType<typeof prototypeSnapshot>;

  beforeAll(() => {
    before = prototypeSnapshot();
  });

  afterAll(() => {
    expectPrototypesUnchanged(before);
  });

  it("the prototype check notices a polluted prototype (a check of the check)", () => {
    const snapshot = prototypeSnapshot();
    const target = Object.prototype as unknown as Record<string, unknown>;
    target.polluted = true;
    try {
      expect(() => expectPrototypesUnchanged(snapshot)).toThrow();
    } finally {
      delete target.polluted;
    }
    const original = Array.prototype.includes;
    Array.prototype.includes = () => true;
    try {
      expect(() => expectPrototypesUnchanged(snapshot)).toThrow();
    } finally {
      Array.prototype.includes = original;
    }
    expectPrototypesUnchanged(snapshot);
  });

  it("validateLinkParameters", () => {
    fc.assert(
      fc.property(linkInput, shop, actor, locale, (input, s, a, l) => {
        const result = validateLinkParameters(input as LinkParametersInput, { shop: s, actor: a, locale: l });
        expectResult(result, l);
        if (result.ok) {
          expect(result.value.recipients.length).toBeGreaterThan(0);
          expect(result.value.recipients.every(isEmailAddress)).toBe(true);
          expect(Number.isSafeInteger(result.value.amount)).toBe(true);
          expect(s.currencies).toContain(result.value.currency);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_001),
    );
  });

  it("validateLinkForm, and createLinkFormSchema with the same shop agrees with it issue for issue", () => {
    fc.assert(
      fc.property(linkForm, shop, actor, locale, (form, s, a, l) => {
        const context = { shop: s, actor: a, locale: l };
        const result = validateLinkForm(form as LinkForm, context);
        expectResult(result, l);
        const parsed = createLinkFormSchema(context)["~standard"].validate(form);
        expect("issues" in parsed).toBe(!result.ok);
        if (!result.ok) {
          const issues = ("issues" in parsed ? parsed.issues : undefined) ?? [];
          expect(issues.map((i) => [i.code, [...i.path], i.message])).toEqual(
            result.issues.map((i) => [i.code, [...i.path], i.message]),
          );
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_002),
    );
  });

  it("linkFormSchema and createLinkFormSchema: ~standard.validate, always synchronous", () => {
    fc.assert(
      fc.property(
        fc.oneof(linkForm, hostile),
        fc.option(fc.record({ shop, actor, locale }, { requiredKeys: [] }), { nil: undefined }),
        (form, context) => {
          const schema = context === undefined ? linkFormSchema : createLinkFormSchema(context);
          const standard = schema["~standard"].validate(form);
          expect(standard).not.toBeInstanceOf(Promise);
          const outcome = standard as {
            value?: unknown;
            issues?: readonly { message: string; path?: readonly unknown[] }[];
          };
          if (outcome.issues === undefined) expect(outcome.value).toBe(form);
          else expect(outcome.issues.length).toBeGreaterThan(0);
          for (const issue of outcome.issues ?? []) {
            expect(typeof issue.message).toBe("string");
            expect(issue.message.trim().length).toBeGreaterThan(0);
            for (const segment of issue.path ?? []) expect(["string", "number"]).toContain(typeof segment);
            const { code, params } = issue as { code?: string; params?: IssueParams };
            expect(ISSUE_CODES).toContain(code);
            expectParams(params);
            for (const l of [enLocale, frLocale]) {
              expect(issueMessage(code as IssueCode, params ?? {}, l).trim().length).toBeGreaterThan(0);
            }
          }
          expectPrototypesUnchanged(before);
        },
      ),
      run(90_003),
    );
  });

  it("splitRecipients", () => {
    fc.assert(
      fc.property(fc.oneof(validRecipientText, recipientText, textOrAnything), locale, (input, l) => {
        const result = splitRecipients(input as string, { locale: l });
        expectResult(result, l);
        if (result.ok) {
          expect(result.value.length).toBeGreaterThan(0);
          const keys = result.value.map((a) => a.toLowerCase());
          expect(new Set(keys).size).toBe(keys.length);
          for (const address of result.value) {
            expect(normalizeEmailAddress(address)).toEqual({ ok: true, address });
          }
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_004),
    );
  });

  it("normalizeEmailAddress: a normal form that is its own normal form, or a known reason", () => {
    fc.assert(
      fc.property(fc.oneof(recipientText, textOrAnything), (input) => {
        const check = normalizeEmailAddress(input as string);
        expect(typeof check.ok).toBe("boolean");
        if (check.ok) {
          expect(check.address.length).toBeLessThanOrEqual(254);
          expect(normalizeEmailAddress(check.address)).toEqual(check);
          const domain = check.address.slice(check.address.lastIndexOf("@") + 1);
          expect(domain).toMatch(/^[a-z0-9.-]+$/);
        } else expect(ADDRESS_PROBLEMS).toContain(check.reason);
        expectPrototypesUnchanged(before);
      }),
      run(90_005, 3000),
    );
  });

  it("validateOrderReference", () => {
    fc.assert(
      fc.property(
        textOrAnything,
        fc.record(
          {
            required: fc.oneof(fc.boolean(), anything),
            recipientCount: fc.oneof(
              fc.nat({ max: 100_000 }),
              fc.constantFrom(-1, 0, 1, 2, 999, 1000, 2.5, Number.NaN, Number.POSITIVE_INFINITY, 1e308),
              fc.double(),
            ),
            locale,
          },
          { requiredKeys: [] },
        ),
        (reference, options) => {
          const result = validateOrderReference(reference as string, options as never);
          expectResult(result, options.locale);
          if (result.ok && result.value !== undefined) {
            expect(result.value).toMatch(/^[A-Za-z0-9_-]+$/);
            expect(result.value.length).toBeLessThanOrEqual(maxBaseReferenceLength(options.recipientCount ?? 1));
          }
          expectPrototypesUnchanged(before);
        },
      ),
      run(90_006),
    );
  });

  it("parseAmount: a whole number of minor units from 1 to 999 999 999 999, or issues", () => {
    const currency = fc.oneof(
      currencyText,
      fc.record({
        code: fc.constantFrom("EUR", "XYZ", ""),
        digits: fc.oneof(fc.integer({ min: -1, max: 10 }), anything),
      }),
      anything,
    );
    fc.assert(
      fc.property(fc.oneof(amountText, hostile), currency, locale, (input, c, l) => {
        const result = parseAmount(input as string, c as string, { locale: l });
        expectResult(result, l);
        if (result.ok) {
          expect(Number.isSafeInteger(result.value)).toBe(true);
          expect(result.value).toBeGreaterThanOrEqual(1);
          expect(result.value).toBeLessThanOrEqual(999_999_999_999);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_007, 3000),
    );
  });

  it("getCurrency: an active currency, or undefined", () => {
    fc.assert(
      fc.property(fc.oneof(currencyText, hostile), (input) => {
        const currency = getCurrency(input as string);
        if (currency !== undefined) {
          expect(Object.isFrozen(currency)).toBe(true);
          expect(currency.code).toMatch(/^[A-Z]{3}$/);
          expect(currency.numeric).toMatch(/^[0-9]{3}$/);
          expect(Number.isInteger(currency.digits) && currency.digits >= 0 && currency.digits <= 4).toBe(true);
          expect(getCurrency(currency.code.toLowerCase())).toBe(currency);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_008, 2000),
    );
  });

  it("validateAdvancedParameters: with a valid `now`, never a throw; a valid value expires within 90 days", () => {
    fc.assert(
      fc.property(advancedInput, shop, now, locale, (input, s, n, l) => {
        const result = validateAdvancedParameters(input as never, { shop: s, now: n, locale: l });
        expectResult(result, l);
        if (result.ok) {
          const { validityDays, expiresAt } = result.value;
          expect(Number.isInteger(validityDays) && validityDays >= 0 && validityDays <= 90).toBe(true);
          expect(Number.isNaN(expiresAt.getTime())).toBe(false);
          // 23:59:59.000 of the last day: a link made with 0 days in the day's last second is already over (by < 1 s).
          expect(expiresAt.getTime()).toBeGreaterThan(n.getTime() - 1000);
          expect(expiresAt.getTime() - n.getTime()).toBeLessThan(92 * 86_400_000);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_009),
    );
  });

  it("validateMessageTemplate", () => {
    fc.assert(
      fc.property(fc.oneof(messageInput, hostile), locale, (input, l) => {
        const result = validateMessageTemplate(input as MessageTemplate, { locale: l });
        expectResult(result, l);
        if (result.ok) {
          expect(result.value.subject.trim()).not.toBe("");
          expect(result.value.subject).not.toMatch(/[\r\n\u2028\u2029]/);
          expect(result.value.subject.length).toBeLessThanOrEqual(255);
          expect(result.value.body.length).toBeLessThanOrEqual(2000);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_010),
    );
  });

  it("planPaymentOrder, with a good context: never a throw; a plan has one well-formed link per recipient", () => {
    fc.assert(
      fc.property(planRequest, shop, actor, now, locale, (request, s, a, n, l) => {
        let ids = 0;
        const result = planPaymentOrder(request as PaymentOrderRequest, {
          shop: s,
          actor: a,
          now: n,
          locale: l,
          generateId: () => `id-${++ids}`,
          paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
        });
        expectResult(result, l);
        if (result.ok) {
          const { order, links } = result.value;
          expect(links.length).toBeGreaterThan(0);
          expect(new Set(links.map((link) => link.id)).size).toBe(links.length);
          expect(new Set(links.map((link) => link.recipient.toLowerCase())).size).toBe(links.length);
          if (order.reference !== undefined)
            expect(new Set(links.map((link) => link.reference)).size).toBe(links.length);
          for (const link of links) {
            expect(link.subject).not.toMatch(/[\r\n\u2028\u2029]/);
            expect(link.text).toContain(link.url);
            expect(link.html).toContain(`href="${link.url}"`);
            expect(link.html).not.toMatch(/<script/i);
            expect(link.reference === undefined || link.reference.length <= 64).toBe(true);
          }
          expect(Number.isNaN(order.advanced.expiresAt.getTime())).toBe(false);
        }
        expectPrototypesUnchanged(before);
      }),
      run(90_011),
    );
  });

  it("issueMessage, for every code and any params: a non-empty message in en and fr", () => {
    const paramName = fc.constantFrom(
      "value",
      "reason",
      "expected",
      "option",
      "digits",
      "currency",
      "accepted",
      "max",
      "maxBase",
      "length",
      "recipientCount",
      "character",
      "position",
      "count",
      "first",
      "separator",
      "variable",
      "min",
      "maxDigits",
      "received",
      ...DANGEROUS_KEYS,
    );
    // Values that name no inherited property (see the fixed bug below for those).
    const paramValue = fc.oneof(
      text.filter((t) => !(t in Object.prototype)),
      fc.integer(),
      fc.double({ noNaN: true }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...ISSUE_CODES),
        fc.dictionary(paramName, paramValue, { maxKeys: 5 }),
        locale,
        (code, params, l) => {
          const message = issueMessage(code, params, l);
          expect(typeof message).toBe("string");
          expect(message.trim().length).toBeGreaterThan(0);
          expect(message).not.toContain("[native code]");
          expectPrototypesUnchanged(before);
        },
      ),
      run(90_012, 3000),
    );
  });

  it("renderMessage, with valid options and values: never a throw for a template of known or unknown variables", () => {
    // Unknown names that no object inherits (see the fixed bug below for the others).
    const unknownVariable = fc
      .string({ unit: fc.constantFrom("a", "Z", "_", "0", "9"), minLength: 1, maxLength: 8 })
      .filter((name) => !(name in Object.prototype) && !MESSAGE_VARIABLES.includes(`%${name}%` as never))
      .map((name) => `%${name}%`);
    const piece = fc.oneof(text, fc.constantFrom(...MESSAGE_VARIABLES), unknownVariable);
    const template = fc.record({
      subject: fc.array(piece, { maxLength: 6 }).map((p) => p.join("")),
      body: fc.array(piece, { maxLength: 10 }).map((p) => p.join("")),
    });
    fc.assert(
      fc.property(template, text, fc.option(text, { nil: undefined }), now, (t, name, reference, n) => {
        const rendered = renderMessage(
          t,
          {
            amount: 4990,
            currency: "EUR",
            startDate: n,
            endDate: n,
            shopName: name,
            url: "https://pay.example.com/t/abc",
            reference,
          },
          { language: "fr", timezone: "Europe/Paris" },
        );
        expect(rendered.subject).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(rendered.text).toContain("https://pay.example.com/t/abc");
        expectPrototypesUnchanged(before);
      }),
      run(90_013),
    );
  });
});

describe("bugs found by the fuzzing, now fixed", () => {
  const paris = {
    id: "shop-1",
    name: "Librairie Durand",
    language: "fr",
    timezone: "Europe/Paris",
    currencies: ["EUR"],
  };
  const NOW = new Date("2026-12-01T10:00:00Z");
  const LAST_INSTANT = new Date(8.64e15);

  // Fixed bug: an expiry `Date` within a few hours of the last instant a Date can hold (8.64e15 ms, 13 September 275760)
  // is accepted. dayInZone adds the shop's UTC offset (+1 h in Paris) to it, which leaves the range of Date, so the
  // expiry day is { year: NaN, … }; daysBetween gives NaN, and NaN < 0 and NaN > 90 are both false, so neither
  // expiry_in_past nor expiry_too_far is reported. The result is { ok: true } with validityDays NaN and an Invalid
  // Date as expiresAt. (The first instant, -8.64e15, fails the same way in a zone west of UTC.) The fix is to treat
  // a day that is not finite as expiry_invalid (or expiry_too_far).
  it("validateAdvancedParameters reports an expiry at the last representable instant as an issue", () => {
    const result = validateAdvancedParameters({ expiresAt: LAST_INSTANT }, { shop: paris, now: NOW });
    expect(result.ok).toBe(false);
  });

  // Fixed bug, same cause: planPaymentOrder then renders the message with that Invalid Date and throws a RangeError
  // ("Invalid time value") from Intl.DateTimeFormat, although it may only throw PaylinksError invalid_context, and
  // only for a bad context. Found by fc.date() in `advanced.expiresAt` (fc.date's range ends at 8.64e15).
  it("planPaymentOrder does not throw for an expiry at the last representable instant", () => {
    let ids = 0;
    const plan = () =>
      planPaymentOrder(
        {
          link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "marie@example.fr" },
          advanced: { expiresAt: new Date(8.64e15 - 3_600_000) },
        },
        {
          shop: paris,
          actor: { id: "user-1" },
          now: NOW,
          generateId: () => `id-${++ids}`,
          paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
        },
      );
    expect(plan).not.toThrow();
  });

  // Fixed bug (context, low): with `now` at the last instant a Date can hold, validateAdvancedParameters throws a
  // RangeError from Intl rather than PaylinksError invalid_context (its documented error for a bad `now`).
  it("validateAdvancedParameters throws only PaylinksError invalid_context for an extreme `now`", () => {
    try {
      validateAdvancedParameters({}, { shop: paris, now: LAST_INSTANT });
    } catch (error) {
      expect(error).toBeInstanceOf(PaylinksError);
    }
  });

  // Fixed bug: renderMessage documents "Unknown variables are left as written", but compileMessage looks names up with
  // `name in formatted`, and `formatted` is a plain object: %toString%, %constructor%, %valueOf%,
  // %hasOwnProperty%, %__proto__%… are "known". In the body the inherited function reaches escapeHtml, which throws
  // "TypeError: text.replace is not a function"; in the subject the function is taken for a slot and replaced by
  // the reference. validateMessageTemplate rejects these names, so planPaymentOrder is safe; renderMessage, public
  // and documented to work on an unchecked template, is not. Fix: Object.hasOwn(formatted, name), or a
  // null-prototype object.
  it("renderMessage leaves %toString%, %constructor% and %__proto__% as written", () => {
    const rendered = renderMessage(
      { subject: "Order %constructor% %__proto__%", body: "Pay %toString% here: %url%" },
      {
        amount: 4990,
        currency: "EUR",
        startDate: NOW,
        endDate: NOW,
        shopName: "Librairie Durand",
        url: "https://pay.example.com/t/abc",
        reference: "REF-1",
      },
      { language: "fr", timezone: "Europe/Paris" },
    );
    expect(rendered.subject).toBe("Order %constructor% %__proto__%");
    expect(rendered.text).toContain("Pay %toString% here:");
  });

  // Fixed bug (low): the message catalogs look params up in plain objects (TYPES, ADDRESS_REASONS, OPTIONS), so a param
  // naming an inherited property prints JavaScript source: issueMessage("type_invalid", { expected: "constructor" })
  // is "This field must be function Object() { [native code] }." The validators only pass known values, but
  // issueMessage is public, for "callers that store codes and show messages later". Fix: Object.hasOwn lookups.
  it("issueMessage never prints JavaScript source for a param that names an inherited property", () => {
    for (const l of [enLocale, frLocale]) {
      expect(issueMessage("type_invalid", { expected: "constructor" }, l)).not.toContain("native code");
      expect(issueMessage("recipient_invalid", { value: "x", reason: "toString" }, l)).not.toContain("native code");
      expect(issueMessage("option_not_in_offer", { option: "valueOf" }, l)).not.toContain("native code");
    }
  });

  it("the validators themselves never put such a value in a param (checked above), and keep every other path", () => {
    for (const name of DANGEROUS_KEYS) {
      const result = validateMessageTemplate({ subject: `%${name}%`, body: `%${name}% %url%` });
      expect(result.ok ? [] : result.issues.map((i) => [i.code, i.params?.variable])).toEqual([
        ["message_unknown_variable", name],
        ["message_unknown_variable", name],
      ]);
      expectWellFormedIssues(result.ok ? [] : result.issues, enLocale);
    }
  });
});
