/**
 * Arbitraries and checks shared by the fuzz tests: hostile strings (graphemes, binary code units, lone surrogates,
 * separators, control and format characters), hostile objects (keys such as `__proto__`, `constructor`,
 * `prototype`, nested and sparse arrays, objects without prototype), and inputs shaped like each step of the form,
 * sometimes right and often wrong, so that the deep branches are reached too.
 */
import fc from "fast-check";
import { expect } from "vitest";
import {
  ISSUE_CODES,
  type Issue,
  type IssueParams,
  issueMessage,
  type Locale,
  MESSAGE_VARIABLES,
  type ShopConfig,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";

/** Keys that reach a prototype when code writes `target[key] = …` or reads inherited properties. */
export const DANGEROUS_KEYS = [
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "valueOf",
  "hasOwnProperty",
  "isPrototypeOf",
  "__defineGetter__",
  "__lookupGetter__",
  "toJSON",
  "then",
] as const;

/** The field names of the three steps, so that hostile objects often hit a real field. */
const FIELD_NAMES = [
  "shopId",
  "mode",
  "amount",
  "currency",
  "orderReference",
  "recipients",
  "buyerReference",
  "channel",
  "bcc",
  "shopManager",
  "me",
  "addresses",
  "link",
  "advanced",
  "message",
  "language",
  "dataCollectionForm",
  "validityDays",
  "expiresAt",
  "paymentMethodSaving",
  "threeDsPreference",
  "manualValidation",
  "captureDelayDays",
  "subject",
  "body",
] as const;

export const locale: fc.Arbitrary<Locale | undefined> = fc.constantFrom(undefined, enLocale, frLocale);

export const loneSurrogate: fc.Arbitrary<string> = fc
  .integer({ min: 0xd800, max: 0xdfff })
  .map((code) => String.fromCharCode(code));

/** Characters that the rules treat specially, or that break naive code. */
const tricky = fc.constantFrom(
  ";",
  ",",
  "\n",
  "\r",
  "\r\n",
  "\t",
  "@",
  ".",
  "..",
  "%",
  "%%",
  " ",
  "\u00a0",
  "\u202f",
  "\u2028",
  "\u2029",
  "\u0000",
  "\u0007",
  "\u007f",
  "\u0085",
  "\u200b",
  "\u200c",
  "\u200d",
  "\u202e",
  "\ufeff",
  "\ufffe",
  "\uffff",
  "\ufdd0",
  "\ue000",
  "-",
  "_",
  "+",
  "<",
  ">",
  "&",
  '"',
  "'",
  "<script>",
  "</p>",
  "é",
  "É",
  "ä",
  "ß",
  "İ",
  "ı",
  "ﬀ",
  "\u0301",
  "💶",
  "👩‍👩‍👧",
  "𝟘",
  "٣",
  "０",
  "。",
  "xn--",
  "0",
  "1",
  "9",
  "a",
  "Z",
);

const oneGrapheme = fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 });

/** Any text: Unicode graphemes, raw UTF-16 code units, lone surrogates, and the characters the rules care about. */
export const text: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "grapheme-composite" }),
  fc.string({ unit: "binary" }),
  fc.string({ unit: loneSurrogate }),
  fc.string({ unit: fc.oneof(tricky, loneSurrogate, oneGrapheme), maxLength: 40 }),
);

const localChar = fc.constantFrom("a", "Z", "0", ".", "+", "-", "_", "!", "#", "~", "é", " ", "@", '"', "(", "\u0000");
const labelChar = fc.constantFrom(
  "a",
  "b",
  "z",
  "0",
  "-",
  "é",
  "ä",
  "ß",
  "İ",
  "ﬀ",
  "\u0301",
  "_",
  "ｅ",
  "。",
  "٣",
  "💶",
);
const label = fc.oneof(
  fc.string({ unit: labelChar, maxLength: 12 }),
  fc.constantFrom("fr", "com", "xn--exmple-cua", "xn--", "123", "a".repeat(63), "a".repeat(64), "-fr", "fr-"),
);
const domain = fc.array(label, { maxLength: 4 }).map((labels) => labels.join("."));

/** Texts shaped like e-mail addresses, valid or nearly. */
export const emailish: fc.Arbitrary<string> = fc
  .tuple(
    fc.oneof(fc.string({ unit: localChar, maxLength: 70 }), fc.constantFrom("marie", "a".repeat(64), "a".repeat(65))),
    domain,
    fc.constantFrom("", " ", "\t", "\u00a0"),
  )
  .map(([local, host, pad]) => `${pad}${local}@${host}${pad}`);

export const address: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: emailish },
  { weight: 3, arbitrary: fc.emailAddress() },
  { weight: 1, arbitrary: text },
);

const separator = fc.constantFrom(";", "\n", "\r\n", "\r", ",", " ", ", ", "; ", ";;", " ; ", "\u2028", "\t");

/** A buyer e-mail field: addresses joined by separators, right (`;`, line breaks) or wrong (`,`, spaces). */
export const recipientText: fc.Arbitrary<string> = fc
  .tuple(fc.array(address, { maxLength: 8 }), fc.array(separator, { minLength: 1, maxLength: 8 }))
  .map(([addresses, separators]) =>
    addresses.map((a, i) => (i === 0 ? a : `${separators[i % separators.length]}${a}`)).join(""),
  );

const amountChar = fc.constantFrom(
  "0",
  "1",
  "4",
  "9",
  " ",
  "\u00a0",
  "\u202f",
  ",",
  ".",
  "-",
  "+",
  "e",
  "€",
  "\u0661",
  "０",
);

/** Amounts as a person types them, valid or not. */
export const amountText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: amountChar, maxLength: 24 }),
  fc.constantFrom(
    "49,90",
    "49.90",
    "1 234,56",
    "1\u00a0234.5",
    "1\u202f234",
    "0",
    "0,00",
    "-1",
    "1e3",
    "999 999 999 999",
  ),
  fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.double().map(String),
  text,
);

export const currencyText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("EUR", "eur", " Eur ", "JPY", "KWD", "USD", "XCG", "XAU", "XTS", "XDR", "CLF", "ZWL", "ABC"),
  fc.constantFrom("", "EU", "EURO", "€", "E\u0301UR", "ＥＵＲ", "EUR\u0000"),
  text,
);

/** Keys of hostile objects: dangerous names, real field names, anything. */
export const key: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) },
  { weight: 3, arbitrary: fc.constantFrom(...FIELD_NAMES) },
  { weight: 2, arbitrary: text },
);

/** Any plain data: nested objects and arrays (sparse too), objects without prototype, boxed values, dates. */
export const anything: fc.Arbitrary<unknown> = fc.anything({
  key,
  maxDepth: 3,
  maxKeys: 6,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withNullPrototype: true,
  withObjectString: true,
  withSet: true,
  withSparseArray: true,
  withTypedArray: true,
  stringUnit: "grapheme",
});

/** Objects as `JSON.parse` builds them from a body with `"__proto__"` keys at any depth: own properties. */
export const parsedJson: fc.Arbitrary<unknown> = fc
  .jsonValue({ maxDepth: 3 })
  .chain((value) =>
    fc
      .constantFrom(...DANGEROUS_KEYS, ...FIELD_NAMES)
      .map((name) => ({ name, value: JSON.stringify(value) ?? "null" })),
  )
  .chain(({ name, value }) =>
    fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }).map((rest) => {
      const inner = JSON.stringify(rest).slice(1, -1);
      const body = `{"__proto__":${value},"${name}":{"__proto__":{"polluted":true}}${inner === "" ? "" : `,${inner}`}}`;
      return JSON.parse(body) as unknown;
    }),
  );

export const hostile: fc.Arbitrary<unknown> = fc.oneof(anything, parsedJson, text);

/** A value for one field: often one of the right ones, often a text, sometimes anything. */
export function field<T>(...right: T[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...right) },
    { weight: 2, arbitrary: text },
    { weight: 1, arbitrary: anything },
    { weight: 1, arbitrary: parsedJson },
  );
}

/** A record whose every key is optional, with the dangerous keys as own properties too. */
function hostileRecord(model: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(
    { ...model, ["__proto__"]: anything, constructor: anything, toString: anything },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Record<string, unknown>>;
}

const bcc = fc.oneof(
  {
    weight: 3,
    arbitrary: hostileRecord({
      shopManager: field(true, false, undefined),
      me: field(true, false, undefined),
      addresses: fc.oneof(recipientText, fc.array(address, { maxLength: 4 }), field(undefined, null, [])),
    }),
  },
  { weight: 1, arbitrary: hostile },
);

const step1 = (amount: fc.Arbitrary<unknown>) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: hostileRecord({
        shopId: field("shop-1", "shop-2", ""),
        mode: field("PRODUCTION", "TEST", undefined, "production"),
        amount,
        currency: fc.oneof(currencyText, anything),
        orderReference: fc.oneof(field("Recouvrement", "", undefined, "A".repeat(60), "A".repeat(61)), text),
        recipients: fc.oneof(recipientText, fc.array(address, { maxLength: 6 }), anything),
        buyerReference: fc.oneof(field("Client 42", undefined, "a\u0007b"), text),
        channel: field("email", undefined, "sms"),
        bcc,
      }),
    },
    { weight: 1, arbitrary: hostile },
  );

/** Step 1 with the amount in minor units, any field hostile. */
const hostileLinkInput: fc.Arbitrary<unknown> = step1(
  fc.oneof(
    fc.integer({ min: -5, max: 1_000_000 }),
    fc.constantFrom(4990, 1, 0, -0, 49.9, 999_999_999_999, 1e12, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53),
    fc.double(),
    field("49,90"),
  ),
);

/** Step 1 as the form holds it, the amount as typed, any field hostile. */
const hostileLinkForm: fc.Arbitrary<unknown> = step1(
  fc.oneof({ weight: 4, arbitrary: amountText }, { weight: 1, arbitrary: anything }),
);

/**
 * A valid input with up to two fields replaced by a hostile value, and sometimes an own `__proto__` key: so that
 * the rules after the first failing one, and the path to a valid result, are reached too.
 */
function nearlyValid(
  base: fc.Arbitrary<Record<string, unknown>>,
  hostileFields: Record<string, fc.Arbitrary<unknown>>,
): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(hostileFields);
  const mutation = fc
    .constantFrom(...names)
    .chain((name) => (hostileFields[name] as fc.Arbitrary<unknown>).map((value) => [name, value] as const));
  return fc
    .tuple(
      base,
      fc.oneof(
        { weight: 2, arbitrary: fc.constant([]) },
        { weight: 3, arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }) },
      ),
      fc.option(anything, { nil: undefined, freq: 4 }),
    )
    .map(([valid, mutations, proto]) => {
      const out: Record<string, unknown> = { ...valid };
      for (const [name, value] of mutations) out[name] = value;
      if (proto !== undefined) Object.defineProperty(out, "__proto__", { value: proto, enumerable: true });
      return out;
    });
}

const validAddress = fc.emailAddress().filter((a) => a.length <= 254);
const validRecipients = fc.uniqueArray(validAddress, {
  minLength: 1,
  maxLength: 6,
  selector: (a) => a.toLowerCase(),
});

/** A valid buyer e-mail field, `;` or line breaks between the addresses. */
export const validRecipientText: fc.Arbitrary<string> = fc
  .tuple(validRecipients, fc.constantFrom(";", "; ", "\n", "\r\n", " ;\n"))
  .map(([list, sep]) => list.join(sep));
const validReference = fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,58}$/), { nil: undefined, freq: 4 });
const validBuyerReference = fc.option(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 64 }),
  { nil: undefined },
);
const validBcc = fc.option(
  fc.record(
    {
      shopManager: fc.boolean(),
      me: fc.boolean(),
      addresses: fc.oneof(validAddress, fc.array(validAddress, { maxLength: 2 })),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined, freq: 2 },
);

export const validLinkBase = (amount: fc.Arbitrary<unknown>) =>
  fc.record({
    shopId: fc.constant("shop-1"),
    mode: fc.constantFrom("PRODUCTION", "TEST", undefined),
    amount,
    currency: fc.constantFrom("EUR", "eur", " EUR ", "USD", "JPY"),
    orderReference: validReference,
    recipients: fc.oneof(
      validRecipients,
      validRecipients.map((list) => list.join(";\n")),
    ),
    buyerReference: validBuyerReference,
    channel: fc.constantFrom("email", undefined),
    bcc: validBcc,
  }) as fc.Arbitrary<Record<string, unknown>>;

const linkMutations = {
  shopId: field("shop-2", ""),
  mode: field<unknown>("production", 1),
  currency: currencyText,
  orderReference: text,
  recipients: fc.oneof(recipientText, anything),
  buyerReference: text,
  channel: field("sms"),
  bcc: bcc,
};

/** Step 1 with the amount in minor units (validateLinkParameters, planPaymentOrder). */
export const linkInput: fc.Arbitrary<unknown> = fc.oneof(
  hostileLinkInput,
  nearlyValid(validLinkBase(fc.integer({ min: 1, max: 999_999_999_999 })), {
    ...linkMutations,
    amount: fc.oneof(fc.constantFrom(0, -1, 1.5, 1e12, Number.NaN), anything),
  }),
);

/** Step 1 as the form holds it, the amount as typed (validateLinkForm, the schemas). */
export const linkForm: fc.Arbitrary<unknown> = fc.oneof(
  hostileLinkForm,
  nearlyValid(
    validLinkBase(fc.constantFrom("49,90", "49.90", "1 234,56", "1\u00a0234", "0,5", "12", "999 999 999,99")),
    { ...linkMutations, recipients: fc.oneof(recipientText, anything), amount: fc.oneof(amountText, anything) },
  ),
);

/**
 * Dates for `expiresAt`. Not within a day of the first or last instant a `Date` can hold: such a date makes
 * validateAdvancedParameters return NaN days and planPaymentOrder throw (see validators.fuzz.test.ts, "bugs found by the fuzzing, now fixed").
 */
const expiryDate = fc.date({
  min: new Date(-8.64e15 + 2 * 86_400_000),
  max: new Date(8.64e15 - 2 * 86_400_000),
  noInvalidDate: false,
});

const expiryText = fc.oneof(
  fc.constantFrom(
    "2026-12-31",
    "2026-12-01",
    "2026-11-30",
    "2027-03-01",
    "2026-02-29",
    "0000-01-01",
    "9999-12-31",
    "2026-12-31T23:59:59",
    "2026-12-31T23:59:59Z",
    "2026-12-31T23:59:59+14:00",
    "2026-12-31T23:59:59-1200",
    "2026-12-31T99:99:99Z",
    "2026-12-31T",
    "+275760-09-13",
    " 2026-12-31 ",
  ),
  fc
    .date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true })
    .map((d) => d.toISOString()),
  text,
);

const advancedFields = {
  language: fc.oneof(field("fr", "en", "fr_ca", "FR-ca", "pt-BR", "nld", "zz", "e", "en-001", undefined), text),
  dataCollectionForm: field(true, false, undefined, null),
  validityDays: field(0, 7, 90, 91, -1, 2.5, Number.NaN, 100_000, 100_001, -100_000, 1e308, undefined, null),
  expiresAt: fc.oneof(expiryText, expiryDate, field(undefined, null)),
  paymentMethodSaving: field("none", "ask", "always", undefined, "NONE"),
  threeDsPreference: field("no_preference", "challenge_requested", "challenge_mandated", "no_challenge_requested"),
  manualValidation: field(true, false, undefined),
  captureDelayDays: field(0, 365, 366, -1, 1.5, undefined, null),
};

export const validAdvanced = fc.record(
  {
    language: fc.constantFrom("fr", "en", "de", "fr-CA", "pt_br"),
    dataCollectionForm: fc.constant(false),
    validityDays: fc.integer({ min: 0, max: 90 }),
    paymentMethodSaving: fc.constantFrom("none", "ask", "always"),
    threeDsPreference: fc.constantFrom("no_preference", "challenge_mandated"),
    manualValidation: fc.boolean(),
    captureDelayDays: fc.integer({ min: 0, max: 365 }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, unknown>>;

/** Step 2 (validateAdvancedParameters, planPaymentOrder). */
export const advancedInput: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: nearlyValid(validAdvanced, advancedFields) },
  {
    weight: 4,
    arbitrary: hostileRecord(advancedFields),
  },
  { weight: 1, arbitrary: hostile },
);

const templatePiece = fc.oneof(
  { weight: 4, arbitrary: text },
  { weight: 3, arbitrary: fc.constantFrom(...MESSAGE_VARIABLES) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "%",
      "%%",
      "%amout%",
      "%URL%",
      "%url",
      "100 %",
      "%a_b%",
      "%%url%%",
      "\n",
      "\r\n",
      "\n\n\n",
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom(...DANGEROUS_KEYS).map((name) => `%${name}%`) },
);
export const templateText: fc.Arbitrary<string> = fc.array(templatePiece, { maxLength: 10 }).map((p) => p.join(""));

const validLine = fc
  .array(fc.oneof(fc.string({ unit: "grapheme", maxLength: 20 }), fc.constantFrom(...MESSAGE_VARIABLES)), {
    maxLength: 5,
  })
  .map((p) => p.join("").replace(/[\r\n\u2028\u2029]/g, " "));
export const validMessage = fc.record({
  subject: validLine.map((line) => `${line.slice(0, 200)} x`),
  body: fc.array(validLine, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join("\n")}\nx`.slice(-1900)),
}) as fc.Arbitrary<Record<string, unknown>>;

/** Step 3 (validateMessageTemplate, planPaymentOrder). */
export const messageInput: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: nearlyValid(validMessage, {
      subject: fc.oneof(templateText, anything),
      body: fc.oneof(templateText, anything),
    }),
  },
  {
    weight: 6,
    arbitrary: hostileRecord({ subject: fc.oneof(templateText, anything), body: fc.oneof(templateText, anything) }),
  },
  { weight: 1, arbitrary: hostile },
);

/** The three steps together. */
export const planRequest: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 8,
    arbitrary: nearlyValid(
      fc.record(
        {
          link: validLinkBase(fc.integer({ min: 1, max: 999_999_999_999 })),
          advanced: fc.option(validAdvanced, { nil: undefined }),
          message: fc.option(validMessage, { nil: undefined }),
        },
        { requiredKeys: ["link"] },
      ) as fc.Arbitrary<Record<string, unknown>>,
      {
        link: fc.oneof(linkInput, hostile),
        advanced: fc.oneof(advancedInput, hostile),
        message: fc.oneof(messageInput, hostile),
      },
    ),
  },
  {
    weight: 4,
    arbitrary: hostileRecord({
      link: linkInput,
      advanced: fc.oneof(advancedInput, fc.constant(undefined)),
      message: fc.oneof(messageInput, fc.constant(undefined)),
    }),
  },
  { weight: 1, arbitrary: hostile },
);

/** `undefined` three times out of four. */
const rarely = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

/** Shops as a back office configures them: valid shapes, some odd settings. */
export const shop: fc.Arbitrary<ShopConfig> = fc.record(
  {
    id: fc.constant("shop-1"),
    name: fc.oneof(fc.constantFrom("Librairie Durand", "L'Atelier <b>&</b> Co"), text),
    language: fc.constantFrom("fr", "en", "de", "pt-BR", "fr_CA", "nl", "zz", "FR"),
    timezone: fc.constantFrom(
      "Europe/Paris",
      "UTC",
      "Pacific/Kiritimati",
      "Pacific/Pago_Pago",
      "America/St_Johns",
      "Asia/Kathmandu",
      "Australia/Lord_Howe",
      "Pacific/Apia",
      "Antarctica/Troll",
    ),
    currencies: fc.subarray(["USD", "JPY", "KWD", "XCG", "CLF"]).map((others) => ["EUR", ...others]),
    referenceRequired: fc.option(fc.boolean(), { nil: undefined }),
    managerEmail: fc.option(fc.constantFrom("gerant@librairie-durand.fr", "G@Exämple.FR", "not an address", ""), {
      nil: undefined,
    }),
    contactEmail: fc.option(fc.constantFrom("contact@librairie-durand.fr", "<x@y>"), { nil: undefined }),
    url: fc.option(fc.constantFrom("https://www.librairie-durand.fr", "javascript:alert(1)", "x"), { nil: undefined }),
    maxRecipients: rarely(fc.constantFrom(0, 1, 3, 1000)),
    defaults: rarely(
      fc.record(
        {
          language: fc.constantFrom("en", "fr-CA", "xx-YY-ZZ"),
          dataCollectionForm: fc.boolean(),
          validityDays: fc.constantFrom(0, 7, 90, 91, -1, 2.5),
          paymentMethodSaving: fc.constantFrom("none" as const, "ask" as const, "always" as const),
          threeDsPreference: fc.constantFrom("no_preference" as const, "challenge_requested" as const),
          manualValidation: fc.boolean(),
          captureDelayDays: fc.constantFrom(0, 3, 365, 366),
        },
        { requiredKeys: [] },
      ),
    ),
    offer: rarely(
      fc.record(
        { dataCollectionForm: fc.boolean(), paymentMethodSaving: fc.boolean(), threeDsPreference: fc.boolean() },
        { requiredKeys: [] },
      ),
    ),
  },
  { requiredKeys: ["id", "name", "language", "timezone", "currencies"] },
);

export const actor = fc.constantFrom(
  { id: "user-1", email: "marie.martin@librairie-durand.fr" },
  { id: "user-2", email: undefined },
  { id: "user-3", email: "bad address" },
);

/** Instants well inside what a `Date` holds. */
export const now = fc.date({ min: new Date("1971-01-01"), max: new Date("2200-01-01"), noInvalidDate: true });

/** Every issue is well formed: a known code, a path of keys and indexes, and a message in both languages. */
export function expectWellFormedIssues(issues: unknown, requested: Locale | undefined): void {
  expect(Array.isArray(issues)).toBe(true);
  const list = issues as Issue[];
  expect(list.length).toBeGreaterThan(0);
  for (const issue of list) {
    expect(Object.getPrototypeOf(issue)).toBe(Object.prototype);
    expect(ISSUE_CODES).toContain(issue.code);
    expect(Array.isArray(issue.path)).toBe(true);
    for (const segment of issue.path) {
      if (typeof segment === "number") expect(Number.isInteger(segment) && segment >= 0).toBe(true);
      else expect(typeof segment).toBe("string");
    }
    expectParams(issue.params);
    expect(typeof issue.message).toBe("string");
    expect(issue.message.trim().length).toBeGreaterThan(0);
    // A huge input never makes a huge message: values are cut to 80 characters.
    expect(issue.message.length).toBeLessThan(1000);
    expect(issue.message).not.toContain("[native code]");
    expect(issue.message).toBe(issueMessage(issue.code, issue.params ?? {}, requested ?? enLocale));
    for (const other of [enLocale, frLocale]) {
      const message = issueMessage(issue.code, issue.params ?? {}, other);
      expect(typeof message).toBe("string");
      expect(message.trim().length).toBeGreaterThan(0);
    }
  }
}

export function expectParams(params: IssueParams | undefined): void {
  if (params === undefined) return;
  expect(Object.getPrototypeOf(params)).toBe(Object.prototype);
  for (const [name, value] of Object.entries(params)) {
    expect(["string", "number", "boolean"], name).toContain(typeof value);
    if (typeof value === "number") expect(Number.isFinite(value), name).toBe(true);
  }
}

/** A `Result` of a validator: `{ ok: true, value }` or `{ ok: false, issues }` with well-formed issues. */
export function expectResult(result: unknown, requested: Locale | undefined): void {
  expect(typeof result).toBe("object");
  const { ok } = result as { ok: unknown };
  expect(typeof ok).toBe("boolean");
  if (ok) expect(Object.hasOwn(result as object, "value")).toBe(true);
  else expectWellFormedIssues((result as { issues: unknown }).issues, requested);
}

const PROTOTYPES: readonly object[] = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Date.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  Promise.prototype,
  Error.prototype,
  Symbol.prototype,
  BigInt.prototype,
];

type Snapshot = readonly (readonly [PropertyKey, unknown, unknown, unknown])[][];

/** The own properties of the built-in prototypes, with their values and accessors. */
export function prototypeSnapshot(): Snapshot {
  return PROTOTYPES.map((prototype) =>
    Reflect.ownKeys(prototype).map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
      return [name, descriptor?.value, descriptor?.get, descriptor?.set] as const;
    }),
  );
}

/** Fails when a built-in prototype gained, lost or changed a property since `before`, or `{}` inherits a new key. */
export function expectPrototypesUnchanged(before: Snapshot): void {
  const after = prototypeSnapshot();
  const changes: string[] = [];
  for (let i = 0; i < PROTOTYPES.length; i++) {
    const was = new Map((before[i] ?? []).map((entry) => [entry[0], entry]));
    const now = after[i] ?? [];
    if (now.length !== was.size) changes.push(`prototype #${i} has ${now.length} own properties, had ${was.size}`);
    for (const entry of now) {
      const old = was.get(entry[0]);
      if (old === undefined) changes.push(`prototype #${i} gained ${String(entry[0])}`);
      else if (!Object.is(old[1], entry[1]) || old[2] !== entry[2] || old[3] !== entry[3]) {
        changes.push(`prototype #${i}.${String(entry[0])} changed`);
      }
    }
  }
  const probe: Record<string, unknown> = {};
  for (const name in probe) changes.push(`{} inherits an enumerable ${name}`);
  if (probe.polluted !== undefined) changes.push("{}.polluted is defined");
  if (([] as unknown as Record<string, unknown>).polluted !== undefined) changes.push("[].polluted is defined");
  if (changes.length > 0) expect(changes).toEqual([]);
}
