import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ISSUE_CODES,
  type Issue,
  type LinkForm,
  type LinkParametersInput,
  type LinkValidationContext,
  linkFormSchema,
  normalizeEmailAddress,
  parseAmount,
  splitRecipients,
  validateLinkForm,
  validateLinkParameters,
  validateOrderReference,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

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

/** Any JavaScript value fast-check can build, including objects without prototype and boxed values. */
const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "binary",
});

/** Keys that reach the prototype when code does `target[key] = …` or reads inherited properties. */
const dangerousKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "__defineGetter__",
);

const objectWithDangerousKeys = fc.dictionary(dangerousKey, anything, { minKeys: 1 });

/** Objects with an own "__proto__" key, as JSON.parse makes them. */
const parsedWithProto = fc
  .record({
    inner: fc.dictionary(fc.constantFrom("shopId", "amount", "polluted", "recipients", "toString"), fc.jsonValue()),
    outer: fc.dictionary(fc.constantFrom("shopId", "amount", "currency", "recipients", "constructor"), fc.jsonValue()),
  })
  .map(({ inner, outer }) => {
    const rest = JSON.stringify(outer).slice(1, -1);
    return JSON.parse(`{"__proto__":${JSON.stringify(inner)}${rest === "" ? "" : `,${rest}`}}`) as unknown;
  });

/** A value for one field: sometimes right, often wrong. */
const fieldValue = (...right: unknown[]) => fc.oneof(fc.constantFrom(...right), anything, objectWithDangerousKeys);

const linkLike = fc.record(
  {
    shopId: fieldValue("shop-1", "shop-2"),
    mode: fieldValue("PRODUCTION", "TEST"),
    amount: fieldValue(4990, 0, 49.5, 1e12, "49,90", "1 234,56", "0"),
    currency: fieldValue("EUR", "eur", "JPY", "EURO"),
    orderReference: fieldValue("Recouvrement", "", "R".repeat(70)),
    recipients: fieldValue("a@x.fr;b@x.fr", "bob@", ["a@x.fr", "A@X.FR"], "a@x.fr, b@x.fr"),
    buyerReference: fieldValue("Client 42", "a\u0007"),
    channel: fieldValue("email", "sms"),
    bcc: fc.oneof(
      anything,
      objectWithDangerousKeys,
      fc.record(
        {
          shopManager: fieldValue(true, false),
          me: fieldValue(true, false),
          addresses: fieldValue("x@y.fr;bad", ["x@y.fr"]),
          ["__proto__"]: anything,
        },
        { requiredKeys: [] },
      ),
    ),
    // computed on purpose: a plain `__proto__:` in a literal would set the model's prototype, not add a key
    ["__proto__"]: anything,
    constructor: anything,
  },
  { requiredKeys: [] },
);

const anyInput = fc.oneof(anything, fc.object(), objectWithDangerousKeys, parsedWithProto, linkLike);
const anyText = fc.oneof(fc.string(), fc.string({ unit: "binary" }), anything, objectWithDangerousKeys);

const context = fc.record({
  shop: fc.constantFrom(
    makeShop(),
    makeShop({ referenceRequired: true, managerEmail: undefined }),
    makeShop({ currencies: [], managerEmail: "not an address" }),
  ),
  actor: fc.constantFrom(undefined, makeActor(), makeActor({ email: undefined })),
  locale: fc.constantFrom(undefined, enLocale, frLocale),
}) as fc.Arbitrary<LinkValidationContext>;

const RUNS = { numRuns: 400 };

function expectWellFormedIssues(issues: readonly Issue[]): void {
  expect(Array.isArray(issues)).toBe(true);
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    expect(ISSUE_CODES).toContain(issue.code);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.length).toBeGreaterThan(0);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const segment of issue.path) expect(["string", "number"]).toContain(typeof segment);
  }
}

/** Checks the `{ ok: boolean }` shape of a Result. */
function expectResult(result: unknown): void {
  expect(result).toBeTypeOf("object");
  const { ok } = result as { ok: unknown };
  expect(typeof ok).toBe("boolean");
  if (ok) expect(Object.hasOwn(result as object, "value")).toBe(true);
  else expectWellFormedIssues((result as { issues: Issue[] }).issues);
}

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();
const originalKeys = prototypeKeys();

function expectPrototypeClean(): void {
  expect(prototypeKeys()).toEqual(originalKeys);
  const probe: Record<string, unknown> = {};
  for (const key of ["polluted", "shopId", "amount", "currency", "recipients", "mode", "channel", "bcc", "value"]) {
    expect(probe[key], key).toBeUndefined();
  }
}

describe("the validators", () => {
  beforeEach(() => {
    expectPrototypeClean();
  });

  afterEach(() => {
    expectPrototypeClean();
  });

  describe("splitRecipients", () => {
    it("never throws and returns a result with known issue codes, for any value", () => {
      fc.assert(
        fc.property(anyText, fc.constantFrom(undefined, enLocale, frLocale), (text, locale) => {
          expectResult(splitRecipients(text as string, { locale }));
        }),
        { seed: 80_001, ...RUNS },
      );
    });
  });

  describe("normalizeEmailAddress", () => {
    it("never throws and returns ok with an address or a known reason, for any value", () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const result = normalizeEmailAddress(text as string);
          expect(typeof result.ok).toBe("boolean");
          if (result.ok) expect(typeof result.address).toBe("string");
          else expect(ADDRESS_PROBLEMS).toContain(result.reason);
        }),
        { seed: 80_002, ...RUNS },
      );
    });
  });

  describe("validateLinkParameters", () => {
    it("never throws and returns a result with known issue codes, for any input", () => {
      fc.assert(
        fc.property(anyInput, context, (input, ctx) => {
          expectResult(validateLinkParameters(input as LinkParametersInput, ctx));
        }),
        { seed: 80_003, ...RUNS },
      );
    });
  });

  describe("validateLinkForm", () => {
    it("never throws and returns a result with known issue codes, for any input", () => {
      fc.assert(
        fc.property(anyInput, context, (input, ctx) => {
          expectResult(validateLinkForm(input as LinkForm, ctx));
        }),
        { seed: 80_004, ...RUNS },
      );
    });
  });

  describe("linkFormSchema", () => {
    it("never throws from ~standard.validate, for any input", () => {
      fc.assert(
        fc.property(anyInput, (input) => {
          const result = linkFormSchema["~standard"].validate(input);
          expect("issues" in result || "value" in result).toBe(true);
        }),
        { seed: 80_005, ...RUNS },
      );
    });
  });

  describe("validateOrderReference", () => {
    it("never throws and returns a result with known issue codes, for any value", () => {
      fc.assert(
        fc.property(
          anyText,
          fc.record(
            {
              required: fc.boolean(),
              recipientCount: fc.oneof(fc.nat({ max: 100_000 }), fc.double()),
              locale: fc.constantFrom(enLocale, frLocale),
            },
            { requiredKeys: [] },
          ),
          (reference, options) => {
            expectResult(validateOrderReference(reference as string, options));
          },
        ),
        { seed: 80_006, ...RUNS },
      );
    });
  });

  describe("parseAmount", () => {
    it("never throws and returns a result with known issue codes, for any text and currency code", () => {
      fc.assert(
        fc.property(
          anyText,
          fc.oneof(fc.constantFrom("EUR", "JPY", "KWD", "eur", "XAU", ""), fc.string(), anything),
          fc.constantFrom(undefined, enLocale, frLocale),
          (text, currency, locale) => {
            expectResult(parseAmount(text as string, currency as string, { locale }));
          },
        ),
        { seed: 80_007, ...RUNS },
      );
    });
  });

  describe("with keys that reach the prototype", () => {
    it("leave Object.prototype as it was after inputs with __proto__ and constructor keys", () => {
      fc.assert(
        fc.property(fc.oneof(objectWithDangerousKeys, parsedWithProto, linkLike), context, (input, ctx) => {
          validateLinkParameters(input as LinkParametersInput, ctx);
          validateLinkForm(input as LinkForm, ctx);
          linkFormSchema["~standard"].validate(input);
          expectPrototypeClean();
        }),
        { seed: 80_008, ...RUNS },
      );
    });

    it("ignore a __proto__ that holds valid fields", () => {
      const input = JSON.parse(
        '{"__proto__":{"shopId":"shop-1","amount":4990,"currency":"EUR","recipients":"a@x.fr"},"constructor":{"prototype":{"polluted":1}}}',
      ) as LinkParametersInput;
      const result = validateLinkParameters(input, { shop: makeShop() });
      expect(result.ok).toBe(false);
      expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual([
        ["shopId"],
        ["amount"],
        ["currency"],
        ["recipients"],
      ]);
    });
  });
});
