/**
 * Classic ReDoS inputs (long runs of one character, a run that almost matches and fails at the end, repeated
 * separators) fed to every validator in every text position: each call must end within a generous bound.
 */
import { describe, expect, it } from "vitest";
import {
  getCurrency,
  linkFormSchema,
  normalizeEmailAddress,
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
import { makeActor, makeShop } from "../support/fixtures";

const BOUND_MS = 1500;
const shop = makeShop({ referenceRequired: true });
const actor = makeActor();
const NOW = new Date("2026-12-01T10:00:00Z");

const REDOS: readonly (readonly [string, string])[] = [
  ['"a" × 50,000 + "!"', `${"a".repeat(50_000)}!`],
  ['"@" × 100,000', "@".repeat(100_000)],
  ['"%a" × 100,000', "%a".repeat(100_000)],
  ['"%" × 100,000', "%".repeat(100_000)],
  ['"1 " × 100,000', "1 ".repeat(100_000)],
  ['",,,,@" × 20,000', ",,,,@".repeat(20_000)],
  ['"a@" × 50,000', "a@".repeat(50_000)],
  ['"a." × 50,000 + "@b.fr"', `${"a.".repeat(50_000)}@b.fr`],
  ['"a@" + "a." × 50,000', `a@${"a.".repeat(50_000)}`],
  ['"a@" + "a-" × 50,000 + "!"', `a@${"a-".repeat(50_000)}!`],
  ['"a@" + "é" × 100,000', `a@${"é".repeat(100_000)}`],
  ['"-" × 100,000', "-".repeat(100_000)],
  ['" " × 100,000 + "x"', `${" ".repeat(100_000)}x`],
  ['"\\u00a0" × 100,000', "\u00a0".repeat(100_000)],
  ['"1" + " 000" × 50,000 + ",5"', `1${" 000".repeat(50_000)},5`],
  ['"0" × 100,000 + "1"', `${"0".repeat(100_000)}1`],
  ['"2026-12-01T" + "0" × 100,000', `2026-12-01T${"0".repeat(100_000)}`],
  ['"2026-12-01T" + "+00" × 50,000 + "!"', `2026-12-01T${"+00".repeat(50_000)}!`],
  ['"fr-" × 50,000', "fr-".repeat(50_000)],
  ['"a;" × 50,000', "a;".repeat(50_000)],
  ['"a@b.fr " × 20,000 (spaces instead of ;)', "a@b.fr ".repeat(20_000)],
  ['"\\r\\n" × 100,000', "\r\n".repeat(100_000)],
  ['"%url" × 50,000', "%url".repeat(50_000)],
  ['"&<>\\"\'" × 40,000', "&<>\"'".repeat(40_000)],
  ["lone surrogates × 100,000", "\ud800".repeat(100_000)],
  ['"\\u0000" × 100,000', "\u0000".repeat(100_000)],
  ['"xn--" × 50,000', `a@${"xn--".repeat(50_000)}.fr`],
];

/** Each validator with the string in one position: [label, call]. */
function calls(s: string): (readonly [string, () => unknown])[] {
  const link = { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "R", recipients: "a@example.fr" };
  const form = { ...link, amount: "49,90" };
  let ids = 0;
  const planContext = {
    shop,
    actor,
    now: NOW,
    generateId: () => `id-${++ids}`,
    paymentUrl: (l: { token: string }) => `https://pay.example.com/t/${l.token}`,
  };
  return [
    ["splitRecipients", () => splitRecipients(s)],
    ["normalizeEmailAddress", () => normalizeEmailAddress(s)],
    ["validateOrderReference", () => validateOrderReference(s, { recipientCount: 2 })],
    ["parseAmount", () => parseAmount(s, "EUR")],
    ["getCurrency", () => getCurrency(s)],
    [
      "validateLinkParameters (every text field)",
      () =>
        validateLinkParameters(
          {
            ...link,
            shopId: s,
            currency: s,
            orderReference: s,
            recipients: s,
            buyerReference: s,
            bcc: { addresses: s },
          },
          { shop, actor },
        ),
    ],
    ["validateLinkForm (amount)", () => validateLinkForm({ ...form, amount: s }, { shop, actor })],
    ["validateLinkForm (recipients)", () => validateLinkForm({ ...form, recipients: s }, { shop, actor })],
    [
      "linkFormSchema ~standard.validate (every text field)",
      () =>
        linkFormSchema["~standard"].validate({
          ...form,
          amount: s,
          recipients: s,
          orderReference: s,
          buyerReference: s,
        }),
    ],
    ["linkFormSchema ~standard.validate", () => linkFormSchema["~standard"].validate({ ...form, recipients: s })],
    [
      "validateAdvancedParameters (every text field)",
      () =>
        validateAdvancedParameters(
          { language: s, paymentMethodSaving: s as never, threeDsPreference: s as never },
          { shop, now: NOW },
        ),
    ],
    ["validateAdvancedParameters (expiresAt)", () => validateAdvancedParameters({ expiresAt: s }, { shop, now: NOW })],
    ["validateMessageTemplate (subject)", () => validateMessageTemplate({ subject: s, body: "%url%" })],
    ["validateMessageTemplate (body)", () => validateMessageTemplate({ subject: "x", body: s })],
    [
      "planPaymentOrder (every text field)",
      () =>
        planPaymentOrder(
          {
            link: { ...link, orderReference: s, recipients: s, buyerReference: s },
            advanced: { language: s, expiresAt: s },
            message: { subject: s, body: s },
          },
          planContext,
        ),
    ],
    [
      "renderMessage (body and values)",
      () =>
        renderMessage(
          { subject: "x", body: s },
          { amount: 4990, currency: "EUR", startDate: NOW, endDate: NOW, shopName: s, url: s, reference: s },
          { language: "fr", timezone: "Europe/Paris" },
        ),
    ],
  ];
}

describe("classic ReDoS inputs, in every text position of every validator", () => {
  it.each(REDOS)("%s", (_, s) => {
    const slow: string[] = [];
    for (const [label, call] of calls(s)) {
      const start = performance.now();
      try {
        call();
      } catch (error) {
        // renderMessage may refuse a value (the validators may not): only its time is checked here.
        if (!label.startsWith("renderMessage")) throw error;
      }
      const ms = performance.now() - start;
      if (ms > BOUND_MS) slow.push(`${label}: ${ms.toFixed(0)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
