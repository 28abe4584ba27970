import { describe, expect, it } from "vitest";
import {
  type Issue,
  MESSAGE_BODY_MAX_LENGTH,
  MESSAGE_SUBJECT_MAX_LENGTH,
  MESSAGE_VARIABLES,
  type MessageTemplate,
  validateMessageTemplate,
} from "../../src/index";
import type { Locale } from "../../src/issues/issue";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";

const BODY = "Bonjour,\nRéglez %amount% ici : %url%";

const issuesOf = (template: MessageTemplate, locale?: Locale): Issue[] => {
  const result = validateMessageTemplate(template, locale ? { locale } : {});
  return result.ok ? [] : result.issues;
};

describe("validateMessageTemplate", () => {
  it("accepts a template that uses every variable, and returns it unchanged", () => {
    const template = { subject: "Commande %reference%", body: MESSAGE_VARIABLES.join("\n") };
    expect(validateMessageTemplate(template)).toEqual({ ok: true, value: template });
  });

  it("accepts a body without %url% (the link is then appended when rendering)", () => {
    expect(validateMessageTemplate({ subject: "Paiement", body: "Merci de régler %amount%." }).ok).toBe(true);
  });

  it("accepts a lone % sign as text: 100 %, 50%", () => {
    expect(validateMessageTemplate({ subject: "Remise de 100 %", body: "50% maintenant, 50 % plus tard." }).ok).toBe(
      true,
    );
  });

  describe("the subject", () => {
    it(`accepts ${MESSAGE_SUBJECT_MAX_LENGTH} characters`, () => {
      const subject = "s".repeat(MESSAGE_SUBJECT_MAX_LENGTH);
      expect(validateMessageTemplate({ subject, body: BODY })).toEqual({ ok: true, value: { subject, body: BODY } });
    });

    it(`rejects ${MESSAGE_SUBJECT_MAX_LENGTH + 1} characters with reason too_long, max and length`, () => {
      const issues = issuesOf({ subject: "s".repeat(256), body: BODY });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: "message_subject_invalid",
        path: ["subject"],
        params: { reason: "too_long", max: 255, length: 256 },
      });
      expect(issues[0]?.message).toBe("Keep the subject to 255 characters (it has 256).");
    });

    it("counts the template's characters, variables included as written", () => {
      const subject = `${"s".repeat(MESSAGE_SUBJECT_MAX_LENGTH - "%reference%".length)}%reference%`;
      expect(subject).toHaveLength(255);
      expect(validateMessageTemplate({ subject, body: BODY }).ok).toBe(true);
      expect(issuesOf({ subject: `x${subject}`, body: BODY })[0]?.params).toEqual({
        reason: "too_long",
        max: 255,
        length: 256,
      });
    });

    it.each(["", " ", "\t  "])("rejects an empty subject %j with reason empty", (subject) => {
      expect(issuesOf({ subject, body: BODY })).toEqual([
        {
          code: "message_subject_invalid",
          path: ["subject"],
          message: "Enter a subject for the e-mail.",
          params: { reason: "empty" },
        },
      ]);
    });

    it.each([
      ["a line feed", "Votre lien\nde paiement"],
      ["a carriage return", "Votre lien\rde paiement"],
      ["CR LF", "Votre lien\r\nde paiement"],
      ["a trailing line feed", "Votre lien de paiement\n"],
      ["a Unicode line separator", "Votre lien\u2028de paiement"],
      ["a Unicode paragraph separator", "Votre lien\u2029de paiement"],
    ])("rejects %s with reason line_break", (_, subject) => {
      expect(issuesOf({ subject, body: BODY })).toEqual([
        {
          code: "message_subject_invalid",
          path: ["subject"],
          message: "The subject must fit on one line: remove the line break.",
          params: { reason: "line_break" },
        },
      ]);
    });
  });

  describe("the body", () => {
    it(`accepts ${MESSAGE_BODY_MAX_LENGTH} characters`, () => {
      const body = "b".repeat(MESSAGE_BODY_MAX_LENGTH);
      expect(validateMessageTemplate({ subject: "Sujet", body }).ok).toBe(true);
    });

    it(`rejects ${MESSAGE_BODY_MAX_LENGTH + 1} characters with max and length`, () => {
      expect(issuesOf({ subject: "Sujet", body: "b".repeat(2001) })).toEqual([
        {
          code: "message_body_too_long",
          path: ["body"],
          message: "Keep the text of the e-mail to 2000 characters (it has 2001).",
          params: { max: 2000, length: 2001 },
        },
      ]);
    });

    it("counts line breaks as characters", () => {
      expect(validateMessageTemplate({ subject: "Sujet", body: "ab\n".repeat(667) }).ok).toBe(false);
      expect(validateMessageTemplate({ subject: "Sujet", body: "ab\n".repeat(666) }).ok).toBe(true);
    });

    it.each(["", "   ", "\n\n", " \r\n\t"])("rejects an empty body %j", (body) => {
      expect(issuesOf({ subject: "Sujet", body })).toEqual([
        { code: "message_body_empty", path: ["body"], message: "Enter the text of the e-mail." },
      ]);
    });

    it("accepts line breaks of every kind", () => {
      expect(validateMessageTemplate({ subject: "Sujet", body: "a\r\nb\rc\nd %url%" }).ok).toBe(true);
    });
  });

  describe("unknown variables", () => {
    it("reports %amout% in the body with its name in params", () => {
      expect(issuesOf({ subject: "Sujet", body: "Réglez %amout% ici : %url%" })).toEqual([
        {
          code: "message_unknown_variable",
          path: ["body"],
          message: expect.stringContaining("%amout%"),
          params: { variable: "amout" },
        },
      ]);
    });

    it("reports an unknown variable in the subject at the subject's path", () => {
      const issues = issuesOf({ subject: "Commande %ref%", body: BODY });
      expect(issues.map((issue) => [issue.code, issue.path, issue.params])).toEqual([
        ["message_unknown_variable", ["subject"], { variable: "ref" }],
      ]);
    });

    it("reports each unknown name once per field, in order of appearance", () => {
      const issues = issuesOf({
        subject: "%amout% %amout% %reference%",
        body: "%amout% %Amount% %shop% %amout% %shop%",
      });
      expect(issues.map((issue) => [issue.path, issue.params?.variable])).toEqual([
        [["subject"], "amout"],
        [["body"], "amout"],
        [["body"], "Amount"],
        [["body"], "shop"],
      ]);
    });

    it("is case-sensitive: %URL% is not %url%", () => {
      expect(issuesOf({ subject: "Sujet", body: "%URL%" })[0]?.params).toEqual({ variable: "URL" });
    });

    it("does not read %…% spanning spaces or punctuation as a variable", () => {
      expect(validateMessageTemplate({ subject: "De 10 % à 20 %", body: "Entre 10 %-et 20 % : %url%" }).ok).toBe(true);
    });

    it("lists the known variables in its message", () => {
      const message = issuesOf({ subject: "Sujet", body: "%amout%" })[0]?.message ?? "";
      for (const variable of MESSAGE_VARIABLES) expect(message).toContain(variable);
    });
  });

  it("reports every problem of both fields at once", () => {
    const issues = issuesOf({ subject: "Ligne 1\nLigne 2 %amout%", body: `${"b".repeat(2001)}%nope%` });
    expect(issues.map((issue) => [issue.code, issue.path, issue.params])).toEqual([
      ["message_subject_invalid", ["subject"], { reason: "line_break" }],
      ["message_unknown_variable", ["subject"], { variable: "amout" }],
      ["message_body_too_long", ["body"], { max: 2000, length: 2007 }],
      ["message_unknown_variable", ["body"], { variable: "nope" }],
    ]);
  });

  it("reports a value that is not an object, and fields that are not strings, as type_invalid", () => {
    expect(issuesOf(null as unknown as MessageTemplate)).toEqual([
      { code: "type_invalid", path: [], message: expect.any(String), params: { expected: "object" } },
    ]);
    const issues = issuesOf({ subject: 42, body: undefined } as unknown as MessageTemplate);
    expect(issues.map((issue) => [issue.code, issue.path, issue.params])).toEqual([
      ["type_invalid", ["subject"], { expected: "string" }],
      ["type_invalid", ["body"], { expected: "string" }],
    ]);
  });

  describe("messages in French and English", () => {
    const cases: [string, MessageTemplate, string, string][] = [
      [
        "an empty subject",
        { subject: "", body: BODY },
        "Enter a subject for the e-mail.",
        "Saisissez l’objet de l’e-mail.",
      ],
      [
        "a subject with a line break",
        { subject: "a\nb", body: BODY },
        "The subject must fit on one line: remove the line break.",
        "L’objet doit tenir sur une ligne\u00a0: supprimez le retour à la ligne.",
      ],
      [
        "a subject too long",
        { subject: "s".repeat(300), body: BODY },
        "Keep the subject to 255 characters (it has 300).",
        "Limitez l’objet à 255 caractères (il en compte 300).",
      ],
      [
        "an empty body",
        { subject: "Sujet", body: "" },
        "Enter the text of the e-mail.",
        "Saisissez le texte de l’e-mail.",
      ],
      [
        "a body too long",
        { subject: "Sujet", body: "b".repeat(2500) },
        "Keep the text of the e-mail to 2000 characters (it has 2500).",
        "Limitez le texte de l’e-mail à 2000 caractères (il en compte 2500).",
      ],
    ];

    it.each(cases)("words %s in each locale, English by default", (_, template, en, fr) => {
      expect(issuesOf(template)[0]?.message).toBe(en);
      expect(issuesOf(template, enLocale)[0]?.message).toBe(en);
      expect(issuesOf(template, frLocale)[0]?.message).toBe(fr);
    });

    it("words an unknown variable in each locale, with the same code, path and params", () => {
      const template = { subject: "Sujet", body: "%amout%" };
      const [en] = issuesOf(template, enLocale);
      const [fr] = issuesOf(template, frLocale);
      expect(en?.message).toMatch(/^%amout% is not a variable paylinks knows\./);
      expect(fr?.message).toMatch(/^%amout% n’est pas une variable connue de paylinks\./);
      expect({ ...en, message: "" }).toEqual({ ...fr, message: "" });
    });
  });
});
