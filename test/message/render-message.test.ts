import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  defaultMessage,
  type MessageTemplate,
  type MessageValues,
  PaylinksError,
  renderMessage,
} from "../../src/index";
import { FR, inLanguage, LANGUAGES, VALUES } from "./fixtures";
import { ALLOWED_ELEMENTS, hrefsOf, nestingProblems, paragraphsOf, tagsOf } from "./html-structure";

const URL = VALUES.url;
const occurrences = (text: string, part: string): number => text.split(part).length - 1;
const lines = (text: string): string[] => text.split("\n");

/** Characters that break a line: CR, LF, VT, FF, NEL and the Unicode line and paragraph separators. */
const LINE_BREAKS = ["\r", "\n", "\u000b", "\u000c", "\u0085", "\u2028", "\u2029"];
const hasLineBreak = (text: string): boolean => LINE_BREAKS.some((c) => text.includes(c));

describe("renderMessage", () => {
  describe("variables", () => {
    it("replaces every variable with its value in the subject and the text", () => {
      const template = {
        subject: "%shop_name% %reference% %amount%",
        body: "%reference%|%amount%|%start_date%|%end_date%|%shop_name%|%url%|%shop_contact%|%shop_url%|%buyer_reference%",
      };
      const rendered = renderMessage(template, VALUES, FR);
      expect(rendered.subject).toBe("Librairie Durand Recouvrement-001 49,90\u00a0€");
      expect(rendered.text).toBe(
        "Recouvrement-001|49,90\u00a0€|1 décembre 2026|8 décembre 2026|Librairie Durand|https://pay.example/t/abc123|" +
          "contact@librairie-durand.fr|https://www.librairie-durand.fr|CLI-42",
      );
    });

    it("renders the French default message as a buyer reads it", () => {
      const rendered = renderMessage(defaultMessage("fr"), VALUES, FR);
      expect(rendered.subject).toBe("Librairie Durand\u00a0: votre lien de paiement");
      expect(rendered.text).toBe(
        [
          "Librairie Durand",
          "",
          "Bonjour,",
          "",
          "Vous pouvez régler 49,90\u00a0€ à Librairie Durand en ligne, en toute sécurité, grâce au lien ci-dessous. " +
            "Il reste valable jusqu’au 8 décembre 2026 inclus.",
          "",
          "https://pay.example/t/abc123",
          "",
          "Référence de la commande\u00a0: Recouvrement-001",
          "Référence client\u00a0: CLI-42",
          "",
          "Pour toute question, écrivez-nous à contact@librairie-durand.fr.",
          "https://www.librairie-durand.fr",
          "",
          "Merci et à bientôt.",
        ].join("\n"),
      );
    });

    it("leaves an unknown variable as written, escaped in the HTML", () => {
      const rendered = renderMessage({ subject: "Re %amout%", body: "Réglez %amout% <ici> : %url%" }, VALUES, FR);
      expect(rendered.subject).toBe("Re %amout%");
      expect(rendered.text).toBe(`Réglez %amout% <ici> : ${URL}`);
      expect(rendered.html).toContain("Réglez %amout% &lt;ici&gt; : <a ");
    });

    it("keeps a lone % as text: 100 %, 50%", () => {
      const rendered = renderMessage(
        { subject: "Remise de 100 % sur %reference%", body: "Remise de 100 %\n50% maintenant, 50 % plus tard\n%url%" },
        VALUES,
        FR,
      );
      expect(rendered.subject).toBe("Remise de 100 % sur Recouvrement-001");
      expect(lines(rendered.text)).toEqual(["Remise de 100 %", "50% maintenant, 50 % plus tard", URL]);
      expect(paragraphsOf(rendered.html).slice(0, 2)).toEqual([
        "<strong>Remise de 100 %</strong>",
        "50% maintenant, 50 % plus tard",
      ]);
    });

    it("keeps a % glued to a variable: 50%%url% is 50% then the link", () => {
      expect(renderMessage({ subject: "S", body: "50%%url%" }, VALUES, FR).text).toBe(`50%${URL}`);
    });

    it("does not read variables inside values: a value written %url% stays as it is", () => {
      const values = { ...VALUES, buyerReference: "%url%", shopName: "%amount% %reference%" };
      const rendered = renderMessage(defaultMessage("fr"), values, FR);
      expect(rendered.text).toContain("Référence client\u00a0: %url%");
      expect(rendered.text).toContain("régler 49,90\u00a0€ à %amount% %reference% en ligne");
      expect(occurrences(rendered.text, URL)).toBe(1);
      expect(rendered.subject).toBe("%amount% %reference%\u00a0: votre lien de paiement");
    });

    it("renders a template with no variable at all, the link appended", () => {
      const rendered = renderMessage({ subject: "Paiement", body: "Merci." }, VALUES, FR);
      expect(rendered.subject).toBe("Paiement");
      expect(rendered.text).toBe(`Merci.\n\n${URL}`);
    });
  });

  describe("amounts and dates", () => {
    it.each([
      ["fr", "49,90\u00a0€", "8 décembre 2026"],
      ["en", "€49.90", "December 8, 2026"],
      ["de", "49,90\u00a0€", "8. Dezember 2026"],
      ["es", "49,90\u00a0€", "8 de diciembre de 2026"],
      ["it", "49,90\u00a0€", "8 dicembre 2026"],
      ["nl", "€\u00a049,90", "8 december 2026"],
      ["pt", "€\u00a049,90", "8 de dezembro de 2026"],
    ])("formats for %s: %s, %s", (language, amount, date) => {
      const rendered = renderMessage({ subject: "%amount% %end_date%", body: "%amount%|%end_date%" }, VALUES, {
        language,
        timezone: "Europe/Paris",
      });
      expect(rendered.subject).toBe(`${amount} ${date}`);
      expect(rendered.text).toBe(`${amount}|${date}\n\n${URL}`);
      expect(rendered.html).toContain(`${amount}|${date}`);
    });

    it.each(LANGUAGES)("puts the formatted amount and expiry date in the %s default message", (language) => {
      const rendered = renderMessage(defaultMessage(language), VALUES, inLanguage(language));
      const amount = renderMessage({ subject: "%amount%", body: "." }, VALUES, inLanguage(language)).subject;
      const date = renderMessage({ subject: "%end_date%", body: "." }, VALUES, inLanguage(language)).subject;
      expect(rendered.text).toContain(amount);
      expect(rendered.text).toContain(date);
      expect(rendered.text).toContain("Recouvrement-001");
      expect(rendered.text).toContain("Librairie Durand");
      expect(rendered.text).not.toContain("%");
    });

    it.each([
      ["JPY", 4990, "en", "¥4,990"],
      ["KWD", 4990, "en", "KWD\u00a04.990"],
      ["EUR", 123456, "fr", "1\u202f234,56\u00a0€"],
      ["EUR", 1, "fr", "0,01\u00a0€"],
      ["USD", 4990, "en", "$49.90"],
      ["EUR", 999_999_999_999, "de", "9.999.999.999,99\u00a0€"],
    ])("formats %s %d in %s by the currency's digits: %s", (currency, amount, language, expected) => {
      const values = { ...VALUES, currency, amount };
      expect(renderMessage({ subject: "%amount%", body: "x" }, values, inLanguage(language)).subject).toBe(expected);
    });

    it("shows dates in the shop's time zone", () => {
      const late = {
        ...VALUES,
        startDate: new Date("2026-11-30T23:30:00Z"),
        endDate: new Date("2026-12-08T23:30:00Z"),
      };
      const template = { subject: "%start_date% → %end_date%", body: "x" };
      expect(renderMessage(template, late, { language: "fr", timezone: "Europe/Paris" }).subject).toBe(
        "1 décembre 2026 → 9 décembre 2026",
      );
      expect(renderMessage(template, late, { language: "fr", timezone: "UTC" }).subject).toBe(
        "30 novembre 2026 → 8 décembre 2026",
      );
      expect(renderMessage(template, late, { language: "en", timezone: "America/New_York" }).subject).toBe(
        "November 30, 2026 → December 8, 2026",
      );
    });

    it("shows the last second of the expiry day as that day", () => {
      const rendered = renderMessage({ subject: "%end_date%", body: "x" }, VALUES, FR);
      expect(rendered.subject).toBe("8 décembre 2026");
    });

    it("formats a regional language as that region does: en-GB", () => {
      const rendered = renderMessage({ subject: "%amount% %end_date%", body: "x" }, VALUES, inLanguage("en-GB"));
      expect(rendered.subject).toBe("€49.90 8 December 2026");
    });
  });

  describe("a body without %url%", () => {
    const template = { subject: "Votre paiement", body: "Bonjour,\n\nMerci de régler %amount%." };

    it("gets the link appended at the end of the text, after a blank line", () => {
      const { text } = renderMessage(template, VALUES, FR);
      expect(text).toBe(`Bonjour,\n\nMerci de régler 49,90\u00a0€.\n\n${URL}`);
      expect(occurrences(text, URL)).toBe(1);
    });

    it("gets the link appended as the last paragraph of the HTML, clickable", () => {
      const paragraphs = paragraphsOf(renderMessage(template, VALUES, FR).html);
      expect(paragraphs).toHaveLength(3);
      expect(paragraphs.at(-1)).toBe(`<a href="${URL}">${URL}</a>`);
    });

    it("gets the link appended even when %url% is in the subject", () => {
      const rendered = renderMessage({ subject: "Lien : %url%", body: "Bonjour" }, VALUES, FR);
      expect(rendered.subject).toBe(`Lien : ${URL}`);
      expect(rendered.text).toBe(`Bonjour\n\n${URL}`);
    });

    it("gets the link appended when the only line with %url% is dropped for a missing value", () => {
      const rendered = renderMessage(
        { subject: "S", body: "Bonjour\n%url% (%shop_url%)" },
        { ...VALUES, shopUrl: undefined },
        FR,
      );
      expect(rendered.text).toBe(`Bonjour\n\n${URL}`);
      expect(hrefsOf(rendered.html)).toEqual([URL]);
    });

    it("does not append the link when the body already has it, anywhere", () => {
      for (const body of ["%url%", "Payer : %url%.", "Bonjour\n%url%\nMerci", "a%url%b"]) {
        const rendered = renderMessage({ subject: "S", body }, VALUES, FR);
        expect(occurrences(rendered.text, URL), body).toBe(1);
        expect(hrefsOf(rendered.html), body).toEqual([URL]);
      }
    });

    it("writes the link once per use when the body uses it twice", () => {
      const rendered = renderMessage({ subject: "S", body: "%url%\n%url%" }, VALUES, FR);
      expect(rendered.text).toBe(`${URL}\n${URL}`);
      expect(hrefsOf(rendered.html)).toEqual([URL, URL]);
    });
  });

  describe("a variable with no value", () => {
    const optional = [
      ["reference", "Recouvrement-001"],
      ["buyerReference", "CLI-42"],
      ["shopContact", "contact@librairie-durand.fr"],
      ["shopUrl", "https://www.librairie-durand.fr"],
    ] as const;

    describe.each(LANGUAGES)("in the %s default message", (language) => {
      it.each(optional)("drops the whole line of %s, label included", (key, value) => {
        const full = renderMessage(defaultMessage(language), VALUES, inLanguage(language));
        const without = renderMessage(defaultMessage(language), { ...VALUES, [key]: undefined }, inLanguage(language));
        const expectedText = lines(full.text)
          .filter((line) => !line.includes(value))
          .join("\n")
          .replace(/\n{3,}/g, "\n\n");
        expect(without.text).toBe(expectedText);
        expect(without.text).not.toContain(value);
        expect(without.text).not.toMatch(/\n{3,}/);
        expect(paragraphsOf(without.html)).toEqual(paragraphsOf(full.html).filter((p) => !p.includes(value)));
        expect(without.html).not.toContain(value);
      });

      it("drops every optional line at once and keeps the rest", () => {
        const values = { ...VALUES, reference: undefined, buyerReference: undefined };
        const none = { ...values, shopContact: undefined, shopUrl: undefined };
        const rendered = renderMessage(defaultMessage(language), none, inLanguage(language));
        expect(lines(rendered.text).length).toBe(
          lines(renderMessage(defaultMessage(language), VALUES, inLanguage(language)).text).length - 6,
        );
        expect(rendered.text).toContain(URL);
        expect(rendered.text).toContain("Librairie Durand");
        expect(rendered.text).not.toMatch(/\n{3,}/);
      });
    });

    it("leaves no French label behind", () => {
      const values = {
        ...VALUES,
        reference: undefined,
        buyerReference: undefined,
        shopContact: undefined,
        shopUrl: undefined,
      };
      const rendered = renderMessage(defaultMessage("fr"), values, FR);
      expect(rendered.text).toBe(
        "Librairie Durand\n\nBonjour,\n\nVous pouvez régler 49,90\u00a0€ à Librairie Durand en ligne, en toute sécurité, " +
          "grâce au lien ci-dessous. Il reste valable jusqu’au 8 décembre 2026 inclus.\n\nhttps://pay.example/t/abc123\n\n" +
          "Merci et à bientôt.",
      );
      expect(rendered.text).not.toMatch(/:\s*$/m);
      expect(rendered.html).not.toContain("Référence");
      expect(rendered.html).not.toContain("écrivez-nous");
    });

    it.each(["", "   ", "\t"])("treats a blank value %j as no value", (blank) => {
      const template = {
        subject: "S",
        body: "Avant\nClient : %buyer_reference%\nContact : %shop_contact%\nAprès %url%",
      };
      const rendered = renderMessage(template, { ...VALUES, buyerReference: blank, shopContact: blank }, FR);
      expect(lines(rendered.text)).toEqual(["Avant", `Après ${URL}`]);
    });

    it("treats an empty reference as no reference", () => {
      const rendered = renderMessage(
        { subject: "S", body: "Réf : %reference%\nFin %url%" },
        { ...VALUES, reference: "" },
        FR,
      );
      expect(rendered.text).toBe(`Fin ${URL}`);
    });

    it("drops a line that mixes a present and a missing value", () => {
      const template = { subject: "S", body: "Site %shop_url% ou %shop_contact%\n%url%" };
      const rendered = renderMessage(template, { ...VALUES, shopContact: undefined }, FR);
      expect(rendered.text).toBe(URL);
    });

    it("leaves the subject's missing value empty rather than dropping the subject", () => {
      const rendered = renderMessage(
        { subject: "Commande %reference% payée", body: "x" },
        { ...VALUES, reference: undefined },
        FR,
      );
      expect(rendered.subject).toBe("Commande payée");
    });

    it("makes the next line the bold first paragraph when the first line is dropped", () => {
      const rendered = renderMessage(
        { subject: "S", body: "%shop_url%\nBonjour\n%url%" },
        { ...VALUES, shopUrl: undefined },
        FR,
      );
      expect(paragraphsOf(rendered.html)[0]).toBe("<strong>Bonjour</strong>");
    });
  });

  describe("the subject", () => {
    it.each([
      ["CR LF", "Durand\r\nBcc: pirate@example.com"],
      ["LF", "Durand\nBcc: pirate@example.com"],
      ["CR", "Durand\rBcc: pirate@example.com"],
      ["a Unicode line separator", "Durand\u2028Bcc: pirate@example.com"],
      ["a next-line control", "Durand\u0085Bcc: pirate@example.com"],
      ["a vertical tab and a form feed", "Durand\u000b\u000cBcc: pirate@example.com"],
    ])("never carries a line break from a value with %s", (_, shopName) => {
      const rendered = renderMessage(defaultMessage("fr"), { ...VALUES, shopName }, FR);
      expect(rendered.subject).toBe("Durand Bcc: pirate@example.com\u00a0: votre lien de paiement");
      expect(hasLineBreak(rendered.subject)).toBe(false);
      expect(rendered.html).toMatch(/<title>Durand Bcc: pirate@example\.com\u00a0: votre lien de paiement<\/title>/);
    });

    it("never carries a line break from a reference, buyer reference or URL value", () => {
      const values = { ...VALUES, reference: "R\r\n1", buyerReference: "B\n2", url: "https://pay.example/t/x\r\ny" };
      const rendered = renderMessage({ subject: "%reference% %buyer_reference% %url%", body: "x" }, values, FR);
      expect(rendered.subject).toBe("R 1 B 2 https://pay.example/t/x y");
    });

    it("stays on one line even when an unchecked template has a line break", () => {
      const rendered = renderMessage({ subject: "Votre lien\r\n de paiement\n", body: "x" }, VALUES, FR);
      expect(rendered.subject).toBe("Votre lien de paiement");
    });

    it("collapses runs of spaces and trims the ends, but keeps no-break spaces", () => {
      const rendered = renderMessage({ subject: "  A \t B\u00a0:  %shop_name%  ", body: "x" }, VALUES, FR);
      expect(rendered.subject).toBe("A B\u00a0: Librairie Durand");
    });

    it("has no line break whatever the values (property)", () => {
      const piece = fc.constantFrom("a", " ", "\r", "\n", "\r\n", "\t", "\u2028", "\u2029", "\u0085", "\u000b", "é");
      const value = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(""));
      fc.assert(
        fc.property(value, value, value, (shopName, reference, buyerReference) => {
          const values = { ...VALUES, shopName, reference, buyerReference };
          const template = { subject: "%shop_name% %reference% %buyer_reference%", body: "%shop_name%" };
          const { subject, html } = renderMessage(template, values, FR);
          expect(hasLineBreak(subject)).toBe(false);
          expect(subject).toBe(subject.trim());
          expect(html).toMatch(/<title>[^\n]*<\/title>/);
        }),
      );
    });
  });

  describe("escaping", () => {
    const evil = `<script>alert(1)</script> "Durand" & Fils 'n'`;
    const escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;Durand&quot; &amp; Fils &#39;n&#39;";

    describe.each([
      ["the shop name", { shopName: evil }],
      ["the reference", { reference: evil }],
      ["the buyer reference", { buyerReference: evil }],
      ["the shop contact", { shopContact: evil }],
    ] as [string, Partial<MessageValues>][])("of %s", (_, override) => {
      const rendered = renderMessage(defaultMessage("fr"), { ...VALUES, ...override }, FR);

      it("escapes it in the HTML: no raw <script> anywhere", () => {
        expect(rendered.html).not.toMatch(/<script/i);
        expect(rendered.html).toContain(escaped);
        expect(rendered.html).not.toContain(`"Durand"`);
        expect(rendered.html).not.toContain("& Fils");
        expect(nestingProblems(rendered.html)).toEqual([]);
      });

      it("keeps it raw in the text part", () => {
        expect(rendered.text).toContain(evil);
        expect(rendered.text).not.toContain("&lt;");
        expect(rendered.text).not.toContain("&amp;");
      });
    });

    it("escapes the subject in the HTML title but keeps it raw in the subject", () => {
      const rendered = renderMessage(defaultMessage("fr"), { ...VALUES, shopName: evil }, FR);
      expect(rendered.subject).toBe(`${evil}\u00a0: votre lien de paiement`);
      expect(rendered.html).toContain(`<title>${escaped}\u00a0: votre lien de paiement</title>`);
    });

    it("escapes the merchant's own text in the body and the subject", () => {
      const template: MessageTemplate = {
        subject: `Promo <b>"-50 %"</b> & plus`,
        body: `<script>alert(1)</script>\nTom & Jerry "say" <hi>\n<a href="javascript:alert(1)">clic</a> %url%`,
      };
      const rendered = renderMessage(template, VALUES, FR);
      expect(rendered.html).not.toMatch(/<script/i);
      expect(rendered.html).not.toContain("<b>");
      expect(rendered.html).not.toContain("<hi>");
      expect(paragraphsOf(rendered.html)).toEqual([
        "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>",
        "Tom &amp; Jerry &quot;say&quot; &lt;hi&gt;",
        `&lt;a href=&quot;javascript:alert(1)&quot;&gt;clic&lt;/a&gt; <a href="${URL}">${URL}</a>`,
      ]);
      expect(hrefsOf(rendered.html)).toEqual([URL]);
      expect(rendered.html).toContain("<title>Promo &lt;b&gt;&quot;-50 %&quot;&lt;/b&gt; &amp; plus</title>");
      expect(rendered.text).toBe(
        `<script>alert(1)</script>\nTom & Jerry "say" <hi>\n<a href="javascript:alert(1)">clic</a> ${URL}`,
      );
      expect(rendered.subject).toBe(`Promo <b>"-50 %"</b> & plus`);
    });

    it("does not decode entities the merchant wrote: &lt; stays &lt; for the buyer", () => {
      const rendered = renderMessage({ subject: "S", body: "Écrire &lt; ou &amp;\n%url%" }, VALUES, FR);
      expect(rendered.html).toContain("Écrire &amp;lt; ou &amp;amp;");
      expect(rendered.text).toContain("Écrire &lt; ou &amp;");
    });

    it.each([
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      " javascript:alert(1)",
      "java\tscript:alert(1)",
      "javascript://pay.example/%0aalert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "https://pay.example/t/a b",
    ])("never puts %j in an href, as the link or as the shop URL", (url) => {
      const rendered = renderMessage(defaultMessage("fr"), { ...VALUES, url, shopUrl: url }, FR);
      expect(hrefsOf(rendered.html)).toEqual([]);
      expect(rendered.html).not.toMatch(/href="\s*(javascript|vbscript|data):/i);
      expect(rendered.html).not.toMatch(/<script/i);
      expect(rendered.text).toContain(url);
    });

    it("escapes quotes inside an http(s) link, so the href cannot be broken out of", () => {
      const url = `https://pay.example/t/a"onmouseover="alert(1)`;
      const rendered = renderMessage({ subject: "S", body: "%url%" }, { ...VALUES, url }, FR);
      const escapedUrl = "https://pay.example/t/a&quot;onmouseover=&quot;alert(1)";
      expect(hrefsOf(rendered.html)).toEqual([escapedUrl]);
      expect(rendered.html).toContain(`<a href="${escapedUrl}">${escapedUrl}</a>`);
      expect(rendered.html).not.toContain(`"onmouseover="`);
    });

    it("makes http and https links clickable, with & escaped in the href", () => {
      const url = "http://pay.example/t?a=1&b=2";
      const rendered = renderMessage({ subject: "S", body: "%url%" }, { ...VALUES, url }, FR);
      expect(hrefsOf(rendered.html)).toEqual(["http://pay.example/t?a=1&amp;b=2"]);
      expect(rendered.text).toBe(url);
    });

    it("escapes the lang attribute", () => {
      const rendered = renderMessage({ subject: "S", body: "x" }, VALUES, { language: "fr-CA", timezone: "UTC" });
      expect(rendered.html).toContain('<html lang="fr-CA">');
    });

    it("lets no value or merchant text add an element (property)", () => {
      const piece = fc.constantFrom(
        "<",
        ">",
        "&",
        '"',
        "'",
        "/",
        "=",
        " ",
        "a",
        "p",
        "script",
        "%",
        "%url%",
        "é",
        "\n",
      );
      const text = fc.array(piece, { minLength: 1, maxLength: 16 }).map((parts) => `x${parts.join("")}`);
      fc.assert(
        fc.property(text, text, text, text, (shopName, reference, buyerReference, line) => {
          const template = {
            subject: `${line.replace(/\n/g, " ")} %shop_name%`,
            body: `${line}\n%shop_name%\n%reference% %buyer_reference%\n%url%`,
          };
          const rendered = renderMessage(template, { ...VALUES, shopName, reference, buyerReference }, FR);
          for (const tag of tagsOf(rendered.html)) expect(ALLOWED_ELEMENTS.has(tag.name), tag.raw).toBe(true);
          expect(nestingProblems(rendered.html)).toEqual([]);
          const hrefs = hrefsOf(rendered.html);
          expect(hrefs.length).toBeGreaterThan(0);
          for (const href of hrefs) expect(href).toBe(URL);
          const outsideTags = rendered.html
            .replace("<!DOCTYPE html>", "")
            .replace(/<\/?(html|head|meta|title|body|p|strong|a)\b[^>]*>/g, "");
          expect(outsideTags).not.toMatch(/[<>"]/);
          expect(outsideTags).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
        }),
      );
    });
  });

  describe("an unusable language or time zone", () => {
    const thrown = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error("expected an error");
    };

    it.each([
      ["a word", "english"],
      ["an empty text", ""],
      ["blanks", "   "],
      ["one letter", "f"],
      ["a region of three letters", "fr-CAN"],
      ["an empty subtag", "fr--CA"],
      ["markup", '<b lang="x">'],
      ["undefined", undefined],
      ["a number", 42],
    ])("throws a PaylinksError invalid_context, not a RangeError, for a language that is %s", (_label, language) => {
      const error = thrown(() =>
        renderMessage(defaultMessage("fr"), VALUES, { language: language as string, timezone: "Europe/Paris" }),
      );
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).not.toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });

    it.each([
      ["a misspelt zone", "Europe/Pariss"],
      ["a zone that does not exist", "Mars/Base"],
      ["an offset beyond ±24 h", "GMT+25"],
      ["an empty text", ""],
      ["undefined", undefined],
      ["a number", 1],
    ])("throws a PaylinksError invalid_context, not a RangeError, for a time zone that is %s", (_label, timezone) => {
      const error = thrown(() =>
        renderMessage(defaultMessage("fr"), VALUES, { language: "fr", timezone: timezone as string }),
      );
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).not.toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });

    it("throws invalid_context whatever the template, even one with no variable", () => {
      const error = thrown(() => renderMessage({ subject: "S", body: "B" }, VALUES, { language: "fr", timezone: "" }));
      expect(error).toMatchObject({ code: "invalid_context" });
    });

    it.each([
      ["FR", "Europe/Paris"],
      ["de-419", "UTC"],
      ["pt-BR", "America/Sao_Paulo"],
    ])("renders with a language tag %s and a zone Intl knows, %s", (language, timezone) => {
      expect(renderMessage({ subject: "%shop_name%", body: "x" }, VALUES, { language, timezone }).subject).toBe(
        "Librairie Durand",
      );
    });

    it("throws currency_unknown for a currency that is not an active ISO 4217 code", () => {
      const error = thrown(() => renderMessage(defaultMessage("fr"), { ...VALUES, currency: "XYZ" }, FR));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "currency_unknown" });
    });
  });

  it("gives the same message for the same input", () => {
    const template = defaultMessage("de");
    expect(renderMessage(template, VALUES, inLanguage("de"))).toEqual(
      renderMessage(template, VALUES, inLanguage("de")),
    );
  });

  it("treats CR LF and CR line breaks in the body as LF", () => {
    const lf = renderMessage({ subject: "S", body: "a\nb\n\nc %url%" }, VALUES, FR);
    expect(renderMessage({ subject: "S", body: "a\r\nb\r\n\r\nc %url%" }, VALUES, FR)).toEqual(lf);
    expect(renderMessage({ subject: "S", body: "a\rb\r\rc %url%" }, VALUES, FR)).toEqual(lf);
    expect(lf.text).toBe(`a\nb\n\nc ${URL}`);
  });
});
