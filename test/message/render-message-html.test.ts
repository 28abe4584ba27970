import { describe, expect, it } from "vitest";
import { defaultMessage, renderMessage } from "../../src/index";
import { FR, inLanguage, LANGUAGES, VALUES } from "./fixtures";
import { countTags, hrefsOf, nestingProblems, paragraphsOf, tagsOf } from "./html-structure";

const URL = VALUES.url;
const ELEMENTS = ["html", "head", "title", "body", "p", "strong", "a"] as const;

describe("the HTML part", () => {
  describe.each(LANGUAGES)("of the %s default message", (language) => {
    const rendered = renderMessage(defaultMessage(language), VALUES, inLanguage(language));
    const { html } = rendered;

    it("is a complete document: doctype, html with lang, head with charset and title, body", () => {
      expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
      expect(html).toContain(`<html lang="${language}">`);
      expect(html.endsWith("</html>\n")).toBe(true);
      const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
      expect(head).toContain('<meta charset="utf-8">');
      expect(head).toContain(`<title>${rendered.subject}</title>`);
      expect(html.indexOf("</head>")).toBeLessThan(html.indexOf("<body"));
    });

    it.each(ELEMENTS)("opens and closes <%s> as many times", (name) => {
      const { open, close } = countTags(html, name);
      expect(open).toBeGreaterThan(0);
      expect(close).toBe(open);
    });

    it("has exactly one html, head, title and body element", () => {
      for (const name of ["html", "head", "title", "body"])
        expect(countTags(html, name)).toEqual({ open: 1, close: 1 });
    });

    it("nests its tags properly", () => {
      expect(nestingProblems(html)).toEqual([]);
    });

    it("has one paragraph per non-empty line of the text part, in order", () => {
      const textLines = rendered.text.split("\n").filter((line) => line.trim() !== "");
      const paragraphs = paragraphsOf(html).map((p) => p.replace(/<[^>]+>/g, ""));
      expect(paragraphs).toEqual(textLines);
      expect(countTags(html, "p").open).toBe(textLines.length);
    });

    it("puts the first paragraph, the shop's name, in bold, and nothing else", () => {
      const paragraphs = paragraphsOf(html);
      expect(paragraphs[0]).toBe("<strong>Librairie Durand</strong>");
      expect(countTags(html, "strong")).toEqual({ open: 1, close: 1 });
    });

    it("makes the payment link and the shop's URL clickable", () => {
      expect(html).toContain(`<p><a href="${URL}">${URL}</a></p>`);
      expect(hrefsOf(html)).toEqual([URL, "https://www.librairie-durand.fr"]);
    });

    it("has no empty paragraph", () => {
      expect(paragraphsOf(html).every((p) => p.trim() !== "")).toBe(true);
    });
  });

  it("has one <p> per non-empty body line, blank and whitespace-only lines skipped", () => {
    const html = renderMessage({ subject: "S", body: "Premier\n\nDeuxième %url%\n   \n\nTroisième" }, VALUES, FR).html;
    expect(paragraphsOf(html)).toEqual([
      "<strong>Premier</strong>",
      `Deuxième <a href="${URL}">${URL}</a>`,
      "Troisième",
    ]);
    expect(countTags(html, "p")).toEqual({ open: 3, close: 3 });
  });

  it("puts each <p> on a line of its own inside the body", () => {
    const html = renderMessage({ subject: "S", body: "Un\nDeux\n%url%" }, VALUES, FR).html;
    const body = html.slice(html.indexOf("<body"), html.indexOf("</body>"));
    expect(body.split("\n").filter((line) => line.startsWith("<p>"))).toHaveLength(3);
  });

  it("uses the message's language, region included, as its lang", () => {
    expect(renderMessage({ subject: "S", body: "x" }, VALUES, inLanguage("de-AT")).html).toContain(
      '<html lang="de-AT">',
    );
    expect(renderMessage({ subject: "S", body: "x" }, VALUES, inLanguage("pt-BR")).html).toContain(
      '<html lang="pt-BR">',
    );
  });

  it("uses only the elements of a simple document", () => {
    const names = new Set(tagsOf(renderMessage(defaultMessage("fr"), VALUES, FR).html).map((tag) => tag.name));
    expect([...names].sort()).toEqual(["a", "body", "head", "html", "meta", "p", "strong", "title"]);
  });

  it("links to nothing else than the payment link and the shop's URL", () => {
    const html = renderMessage(defaultMessage("fr"), { ...VALUES, shopUrl: undefined }, FR).html;
    expect(hrefsOf(html)).toEqual([URL]);
  });

  it("stays well formed when lines are dropped and the link is appended", () => {
    const html = renderMessage(
      { subject: "S", body: "%shop_url%\nBonjour\n\nRéf : %reference%" },
      { ...VALUES, shopUrl: undefined, reference: undefined },
      FR,
    ).html;
    expect(nestingProblems(html)).toEqual([]);
    expect(paragraphsOf(html)).toEqual(["<strong>Bonjour</strong>", `<a href="${URL}">${URL}</a>`]);
  });

  it("writes the subject, escaped, as its title", () => {
    const html = renderMessage({ subject: "Facture <n°1> & co", body: "x" }, VALUES, FR).html;
    expect(html).toContain("<title>Facture &lt;n°1&gt; &amp; co</title>");
  });
});
