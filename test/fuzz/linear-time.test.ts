/**
 * Safety checks against super-linear work (a backtracking regular expression, a quadratic loop) on huge inputs:
 * each validator runs on a 256 KB and a 1 MB input of the same shape; the 1 MB run must take less than 12 times
 * the 256 KB run (4 times the size) and less than 5 s. This is not a benchmark: the bounds are generous and the
 * time is the best of a few runs.
 *
 * One cost is not linear between 256 KB and 1 MB, and is linear past it: garbage that outgrows V8's young
 * generation. parseAmount builds the digits one character at a time (`integer += c`, one cons string per
 * character, ~30 MB for a 1 MB amount): it runs at ~10 ms/MB up to 512 KB and ~35–60 ms/MB from 1 MB to 8 MB,
 * so its 256 KB → 1 MB ratio is 8 to 22 under load. So a ratio over 12 is measured once more from 1 MB to 4 MB:
 * it must be under 12 there. A quadratic algorithm grows 16 times at each step and fails both; linear code with one
 * such step passes the second.
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
import { fr as frLocale } from "../../src/locales/fr";
import { makeActor, makeShop } from "../support/fixtures";

const KB = 1024;
const SMALL = 256 * KB;
const LARGE = 1024 * KB;
const MAX_RATIO = 12;
const MAX_MS = 5000;
/** Below this, the absolute time alone shows there is no blow-up, and the ratio is mostly noise. */
const RATIO_FLOOR_MS = 25;

const shop = makeShop({ referenceRequired: true });
const actor = makeActor();
const NOW = new Date("2026-12-01T10:00:00Z");
const context = { shop, actor };
const planContext = () => {
  let ids = 0;
  return {
    shop,
    actor,
    now: NOW,
    generateId: () => `id-${++ids}`,
    paymentUrl: (link: { token: string }) => `https://pay.example.com/t/${link.token}`,
  };
};

/** `unit` repeated to `size` characters. */
const fill = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** Distinct valid addresses joined by `separator`, about `size` characters in all. */
function addressList(size: number, separator = ";", make = (i: number) => `buyer.${i}@example.fr`): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const part = make(i);
    parts.push(part);
    length += part.length + separator.length;
  }
  return parts.join(separator);
}

const link = { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Ref", recipients: "a@example.fr" };
const form = { ...link, amount: "49,90" };

/** One validator on one kind of huge input. */
interface Case {
  readonly name: string;
  readonly input: (size: number) => unknown;
  readonly run: (input: unknown) => unknown;
  /** Repetitions; the best time counts. */
  readonly repeat?: number;
}

const cases: Case[] = [
  // recipients: ~47,000 addresses in 1 MB
  { name: "splitRecipients, valid addresses", input: (n) => addressList(n), run: (s) => splitRecipients(s as string) },
  {
    name: "splitRecipients, invalid addresses (one issue each)",
    input: (n) => addressList(n, ";", (i) => `buyer.${i}@`),
    run: (s) => splitRecipients(s as string),
  },
  {
    name: "splitRecipients, addresses joined by commas",
    input: (n) => addressList(n, ", "),
    run: (s) => splitRecipients(s as string),
  },
  {
    name: "splitRecipients, line breaks",
    input: (n) => addressList(n, "\r\n"),
    run: (s) => splitRecipients(s as string, { locale: frLocale }),
  },
  {
    name: "splitRecipients, the same address again and again",
    input: (n) => addressList(n, ";", () => "same@example.fr"),
    run: (s) => splitRecipients(s as string),
  },
  {
    name: "normalizeEmailAddress, huge local part",
    input: (n) => `${fill("a", n)}@example.fr`,
    run: (s) => normalizeEmailAddress(s as string),
  },
  {
    name: "normalizeEmailAddress, huge domain",
    input: (n) => `a@${fill("a.", n)}fr`,
    run: (s) => normalizeEmailAddress(s as string),
  },
  {
    name: "normalizeEmailAddress, huge internationalised domain",
    input: (n) => `a@${fill("é", n)}.fr`,
    run: (s) => normalizeEmailAddress(s as string),
  },
  {
    name: "validateOrderReference, allowed characters",
    input: (n) => fill("Ab0_-", n),
    run: (s) => validateOrderReference(s as string, { recipientCount: 3 }),
  },
  {
    name: "validateOrderReference, characters not allowed",
    input: (n) => fill("é💶 ", n),
    run: (s) => validateOrderReference(s as string),
  },
  { name: "parseAmount, digits", input: (n) => fill("1", n), run: (s) => parseAmount(s as string, "EUR") },
  {
    name: "parseAmount, groups of three",
    input: (n) => `1${fill(" 234", n)}`,
    run: (s) => parseAmount(s as string, "EUR"),
  },
  {
    name: "parseAmount, huge fraction",
    input: (n) => `1,${fill("5", n)}`,
    run: (s) => parseAmount(s as string, "EUR"),
  },
  { name: "parseAmount, '1 ' repeated", input: (n) => fill("1 ", n), run: (s) => parseAmount(s as string, "KWD") },
  { name: "getCurrency, huge code", input: (n) => ` ${fill("EUR", n)} `, run: (s) => getCurrency(s as string) },
  // step 1 through validateLinkParameters / validateLinkForm / the schema
  {
    name: "validateLinkParameters, ~47,000 recipients",
    input: (n) => ({ ...link, recipients: addressList(n) }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkParameters, recipients as a list",
    input: (n) => ({ ...link, recipients: addressList(n).split(";") }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkParameters, 1 MB reference",
    input: (n) => ({ ...link, orderReference: fill("Ab0_-é", n) }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkParameters, 1 MB buyer reference",
    input: (n) => ({ ...link, buyerReference: fill("Client 42 é💶\u0007", n) }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkParameters, 1 MB of blind copies",
    input: (n) => ({ ...link, bcc: { shopManager: true, me: true, addresses: addressList(n) } }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkParameters, 1 MB shop id, mode, currency and channel",
    input: (n) => ({
      ...link,
      shopId: fill("s", n),
      mode: fill("T", n),
      currency: fill("E", n),
      channel: fill("e", n),
    }),
    run: (i) => validateLinkParameters(i as never, context),
  },
  {
    name: "validateLinkForm, 1 MB amount text",
    input: (n) => ({ ...form, amount: fill("9", n) }),
    run: (i) => validateLinkForm(i as never, context),
  },
  {
    name: "validateLinkForm, ~47,000 recipients",
    input: (n) => ({ ...form, recipients: addressList(n) }),
    run: (i) => validateLinkForm(i as never, context),
  },
  {
    name: "linkFormSchema ~standard.validate, ~47,000 invalid recipients",
    input: (n) => ({ ...form, recipients: addressList(n, ";", (i) => `buyer.${i}@`) }),
    run: (i) => linkFormSchema["~standard"].validate(i),
  },
  {
    name: "linkFormSchema ~standard.validate, 1 MB amount and reference",
    input: (n) => ({ ...form, amount: fill("1 ", n), orderReference: fill("R", n) }),
    run: (i) => linkFormSchema["~standard"].validate(i),
  },
  // step 2
  {
    name: "validateAdvancedParameters, 1 MB language, saving and 3-D Secure choice",
    input: (n) => ({ language: fill("fr", n), paymentMethodSaving: fill("ask", n), threeDsPreference: fill("x", n) }),
    run: (i) => validateAdvancedParameters(i as never, { shop, now: NOW }),
  },
  {
    name: "validateAdvancedParameters, 1 MB expiry date and time",
    input: (n) => ({ expiresAt: `2026-12-05T${fill("0", n)}` }),
    run: (i) => validateAdvancedParameters(i as never, { shop, now: NOW }),
  },
  {
    name: "validateAdvancedParameters, 1 MB expiry ending in an offset",
    input: (n) => ({ expiresAt: `2026-12-05T${fill("1+", n)}+01:00` }),
    run: (i) => validateAdvancedParameters(i as never, { shop, now: NOW }),
  },
  // step 3
  {
    name: "validateMessageTemplate, 1 MB body with variables",
    input: (n) => ({ subject: "Hello", body: fill("Pay %amount% at %url% for %reference%.\n", n) }),
    run: (i) => validateMessageTemplate(i as never),
  },
  {
    name: "validateMessageTemplate, 1 MB subject",
    input: (n) => ({ subject: fill("Your %shop_name% link ", n), body: "%url%" }),
    run: (i) => validateMessageTemplate(i as never),
  },
  {
    name: "validateMessageTemplate, '%a' repeated",
    input: (n) => ({ subject: fill("%a", n), body: fill("%a", n) }),
    run: (i) => validateMessageTemplate(i as never),
  },
  {
    name: "validateMessageTemplate, '%' then a name that never closes",
    input: (n) => ({ subject: "x", body: `%${fill("a", n)}` }),
    run: (i) => validateMessageTemplate(i as never),
  },
  {
    name: "validateMessageTemplate, many distinct unknown variables (one issue each)",
    input: (n) => ({ subject: "x", body: addressList(n, " ", (i) => `%v${i}%`) }),
    run: (i) => validateMessageTemplate(i as never, { locale: frLocale }),
  },
  {
    name: "renderMessage, 1 MB body of lines",
    input: (n) => ({ subject: "x", body: fill("Pay %amount% here.\n\n\n", n) }),
    run: (t) =>
      renderMessage(
        t as never,
        {
          amount: 4990,
          currency: "EUR",
          startDate: NOW,
          endDate: NOW,
          shopName: "Librairie Durand",
          url: "https://pay.example.com/t/abc",
        },
        { language: "fr", timezone: "Europe/Paris" },
      ),
  },
  // the whole plan
  {
    name: "planPaymentOrder, ~47,000 recipients rendered",
    input: (n) => ({ link: { ...link, orderReference: "Lot", recipients: addressList(n) } }),
    run: (r) => planPaymentOrder(r as never, planContext()),
    repeat: 2,
  },
  {
    name: "planPaymentOrder, 1 MB reference, buyer reference, subject and body",
    input: (n) => ({
      link: { ...link, orderReference: fill("R-", n), buyerReference: fill("b", n) },
      message: { subject: fill("s", n), body: fill("b %url%\n", n) },
      advanced: { language: fill("f", n), expiresAt: fill("2", n) },
    }),
    run: (r) => planPaymentOrder(r as never, planContext()),
  },
];

/** The best of `repeat` runs, in ms. */
function bestTime(run: () => unknown, repeat: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

describe("validators on 256 KB and 1 MB inputs take time linear in the size", () => {
  it.each(cases.map((c) => [c.name, c] as const))("%s", { timeout: 60_000, retry: 2 }, (_, c) => {
    const small = c.input(SMALL);
    const large = c.input(LARGE);
    // Warm up on both sizes, so that neither measure pays for compiling the code or growing the heap.
    c.run(small);
    c.run(large);
    const repeat = c.repeat ?? 5;
    const smallMs = bestTime(() => c.run(small), repeat);
    const largeMs = bestTime(() => c.run(large), repeat);
    const ratio = largeMs / Math.max(smallMs, 1);
    let line = `${c.name}: 256 KB ${smallMs.toFixed(1)} ms, 1 MB ${largeMs.toFixed(1)} ms, ratio ${ratio.toFixed(2)}`;
    if (largeMs > RATIO_FLOOR_MS && ratio >= MAX_RATIO) {
      // Over the bound: a quadratic algorithm keeps growing 16 times per 4 times the size, while linear code whose
      // garbage outgrew the young generation between 256 KB and 1 MB grows about 4 times from there on.
      const huge = c.input(4 * LARGE);
      c.run(huge);
      const hugeMs = bestTime(() => c.run(huge), Math.min(repeat, 3));
      line += `; 4 MB ${hugeMs.toFixed(1)} ms, ratio ${(hugeMs / largeMs).toFixed(2)} from 1 MB`;
      console.log(line);
      expect(hugeMs / largeMs, line).toBeLessThan(MAX_RATIO);
    } else console.log(line);
    expect(largeMs, line).toBeLessThan(MAX_MS);
  });

  it("keeps issue messages short whatever the size of the input", () => {
    const huge = fill("x", LARGE);
    const result = validateLinkParameters(
      {
        shopId: huge,
        mode: huge as never,
        amount: 1,
        currency: huge,
        orderReference: huge,
        recipients: `${huge}@example.fr;${huge}`,
        buyerReference: huge,
        channel: huge as never,
        bcc: { addresses: huge },
      },
      context,
    );
    expect(result.ok).toBe(false);
    for (const issue of result.ok ? [] : result.issues) {
      expect(issue.message.length, issue.code).toBeLessThan(500);
      for (const value of Object.values(issue.params ?? {})) expect(String(value).length).toBeLessThan(200);
    }
  });
});
