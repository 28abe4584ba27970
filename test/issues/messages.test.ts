import { describe, expect, it } from "vitest";
import { ISSUE_CODES, type IssueCode, type IssueParams, messagesEn } from "../../src/index";
import { messagesFr } from "../../src/locales/fr";

/** Params without spaces or punctuation of their own, so that every space and sign checked is the catalog's. */
const base: IssueParams = {
  expected: "string",
  received: "shop-2",
  value: "valeur",
  digits: 2,
  currency: "EUR",
  maxDigits: 12,
  accepted: "EUR",
  max: 64,
  maxBase: 60,
  length: 61,
  recipientCount: 3,
  character: "x",
  position: 2,
  count: 2,
  reason: "at_missing",
  first: 0,
  separator: ",",
};

/** Every variant a message has: each code with the base params, plus the params that change the wording. */
const variants: [IssueCode, IssueParams][] = [
  ...ISSUE_CODES.map((code): [IssueCode, IssueParams] => [code, base]),
  ["amount_too_precise", { ...base, digits: 0 }],
  ["amount_too_precise", { ...base, digits: 1 }],
  ["reference_too_long", { ...base, recipientCount: 1 }],
  ["recipient_separator", { ...base, separator: " " }],
  ["recipient_invalid", { ...base, reason: "unknown" }],
];

const NBSP = "\u00a0";

describe("messagesFr", () => {
  it.each(variants)("writes %s with a no-break space inside « » and before : ; ? !", (code, params) => {
    const message = messagesFr[code](params);
    for (let i = 0; i < message.length; i++) {
      const char = message[i] as string;
      if (char === "«") expect(message[i + 1], `after « in ${JSON.stringify(message)}`).toBe(NBSP);
      if (char === "»") expect(message[i - 1], `before » in ${JSON.stringify(message)}`).toBe(NBSP);
      // A colon inside a machine format ("HH:MM", "10:00") is not punctuation: no space on either side.
      const inFormat = char === ":" && /\w/.test(message[i - 1] ?? "") && /\w/.test(message[i + 1] ?? "");
      if (":;?!".includes(char) && !inFormat)
        expect(message[i - 1], `before ${char} in ${JSON.stringify(message)}`).toBe(NBSP);
    }
    expect(message).not.toMatch(/« | »| [:;?!]/);
  });

  it("writes the exact French quotes and colon around a value", () => {
    expect(messagesFr.mode_invalid({ value: "LIVE" })).toBe(
      "«\u00a0LIVE\u00a0» n’est pas un mode\u00a0: choisissez PRODUCTION ou TEST.",
    );
    expect(messagesFr.shop_mismatch({ expected: "shop-1", received: "shop-2" })).toBe(
      "Ce lien concerne la boutique «\u00a0shop-2\u00a0», mais la boutique fournie est «\u00a0shop-1\u00a0».",
    );
    expect(messagesFr.channel_unsupported({ value: "sms" })).toBe(
      "«\u00a0sms\u00a0» n’est pas un canal d’envoi géré par paylinks\u00a0: choisissez email.",
    );
    expect(messagesFr.currency_not_accepted({ currency: "JPY", accepted: "EUR, USD" })).toBe(
      "Cette boutique n’accepte pas JPY. Devises acceptées\u00a0: EUR, USD.",
    );
    expect(messagesFr.bcc_invalid({ value: "bad", reason: "at_missing" })).toBe(
      "«\u00a0bad\u00a0» n’est pas une adresse e-mail valide pour une copie cachée\u00a0: il manque le @.",
    );
    expect(messagesFr.bcc_manager_missing({})).toBe(
      "Cette boutique n’a pas d’adresse e-mail de gestionnaire\u00a0: impossible d’envoyer une copie au gestionnaire.",
    );
    expect(messagesFr.bcc_me_missing({})).toBe(
      "Votre compte n’a pas d’adresse e-mail\u00a0: impossible de vous envoyer une copie.",
    );
    expect(messagesFr.amount_too_large({ maxDigits: 12 })).toBe(
      "Ce montant est trop élevé\u00a0: 12 chiffres au plus dans la plus petite unité de la devise.",
    );
  });
});

describe("messagesEn", () => {
  it.each(variants)("writes %s with plain spaces only", (code, params) => {
    const message = messagesEn[code](params);
    expect(message).not.toMatch(/[\u00a0\u202f]/);
    expect(message).not.toMatch(/ [:;?!]/);
  });

  it("keeps the English wording", () => {
    expect(messagesEn.mode_invalid({ value: "LIVE" })).toBe("“LIVE” is not a mode: choose PRODUCTION or TEST.");
    expect(messagesEn.currency_not_accepted({ currency: "JPY", accepted: "EUR, USD" })).toBe(
      "This shop does not accept JPY. Accepted: EUR, USD.",
    );
  });
});
