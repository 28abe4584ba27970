import { describe, expect, it } from "vitest";
import {
  DEFAULT_MESSAGES,
  defaultMessage,
  isMessageVariableName,
  MESSAGE_VARIABLES,
  validateMessageTemplate,
} from "../../src/index";
import { LANGUAGES } from "./fixtures";

/** The variables a text uses, without their `%` signs. */
const variablesIn = (text: string): string[] => [...text.matchAll(/%([a-z_]+)%/g)].map((match) => match[1] as string);

describe("MESSAGE_VARIABLES", () => {
  it("lists the nine variables of step 3, in order", () => {
    expect(MESSAGE_VARIABLES).toEqual([
      "%reference%",
      "%amount%",
      "%start_date%",
      "%end_date%",
      "%shop_name%",
      "%url%",
      "%shop_contact%",
      "%shop_url%",
      "%buyer_reference%",
    ]);
  });

  it("isMessageVariableName accepts each name without its % signs", () => {
    for (const variable of MESSAGE_VARIABLES) expect(isMessageVariableName(variable.slice(1, -1))).toBe(true);
  });

  it.each(["amout", "%amount%", "AMOUNT", "", "url "])("isMessageVariableName rejects %j", (name) => {
    expect(isMessageVariableName(name)).toBe(false);
  });
});

describe("defaultMessage", () => {
  it("has a text for the seven languages, and only those", () => {
    expect(Object.keys(DEFAULT_MESSAGES).sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(LANGUAGES)("returns the %s template for %s", (language) => {
    expect(defaultMessage(language)).toBe(DEFAULT_MESSAGES[language]);
  });

  it("gives each language its own subject and body", () => {
    expect(new Set(LANGUAGES.map((language) => defaultMessage(language).subject)).size).toBe(LANGUAGES.length);
    expect(new Set(LANGUAGES.map((language) => defaultMessage(language).body)).size).toBe(LANGUAGES.length);
  });

  it.each([
    ["fr-CA", "fr"],
    ["fr_BE", "fr"],
    ["FR", "fr"],
    ["en-GB", "en"],
    ["de-AT", "de"],
    ["de-CH", "de"],
    ["es-419", "es"],
    ["it-CH", "it"],
    ["nl-BE", "nl"],
    ["pt-BR", "pt"],
    ["PT-pt", "pt"],
    ["nld", "nl"],
    ["deu", "de"],
    ["spa", "es"],
    ["por", "pt"],
  ] as const)("uses the language of a regional tag: %s → %s", (tag, language) => {
    expect(defaultMessage(tag)).toBe(DEFAULT_MESSAGES[language]);
  });

  it.each(["xx", "ja", "zh-CN", "", "frr", "enm", "esu", "english", "not a tag"])(
    "falls back to English for %j",
    (tag) => {
      expect(defaultMessage(tag)).toBe(DEFAULT_MESSAGES.en);
    },
  );

  it("writes the French subject with a no-break space before the colon", () => {
    expect(defaultMessage("fr").subject).toBe("%shop_name%\u00a0: votre lien de paiement");
  });

  describe.each(LANGUAGES)("the %s template", (language) => {
    const template = defaultMessage(language);

    it("passes validateMessageTemplate", () => {
      expect(validateMessageTemplate(template)).toEqual({ ok: true, value: template });
    });

    it("uses only known variables", () => {
      for (const name of [...variablesIn(template.subject), ...variablesIn(template.body)]) {
        expect(isMessageVariableName(name), name).toBe(true);
      }
    });

    it("names the shop in its subject", () => {
      expect(variablesIn(template.subject)).toContain("shop_name");
    });

    it("uses the shop name, the amount, the reference, the expiry date and the link in its body", () => {
      expect(variablesIn(template.body)).toEqual(
        expect.arrayContaining(["shop_name", "amount", "reference", "end_date", "url"]),
      );
    });

    it("also offers the buyer reference, the shop's contact and the shop's URL", () => {
      expect(variablesIn(template.body)).toEqual(
        expect.arrayContaining(["buyer_reference", "shop_contact", "shop_url"]),
      );
    });

    it("puts each optional variable on a line with no required variable, so dropping it loses nothing", () => {
      const optional = new Set(["reference", "buyer_reference", "shop_contact", "shop_url"]);
      for (const line of template.body.split("\n")) {
        const names = variablesIn(line);
        if (names.some((name) => optional.has(name))) {
          expect(
            names.filter((name) => !optional.has(name)),
            line,
          ).toEqual([]);
        }
      }
    });

    it("puts the link on a line of its own", () => {
      expect(template.body.split("\n")).toContain("%url%");
    });

    it("has a one-line subject within the limits and a body within 2,000 characters", () => {
      expect(template.subject).not.toMatch(/[\r\n]/);
      expect(template.subject.length).toBeLessThanOrEqual(255);
      expect(template.body.length).toBeLessThanOrEqual(2000);
    });
  });
});
