/**
 * Security review, point 2 (docs/security.md#2-html-injection): no message variable, no merchant text and no
 * integrator value can add an element, an attribute or a script to the HTML part of an e-mail. The HTML is parsed
 * with htmlparser2 (a real HTML tokenizer, the one mailparser uses) and its elements counted.
 */
import fc from "fast-check";
import { Parser } from "htmlparser2";
import { describe, expect, it } from "vitest";
import {
  formatAmount,
  listCurrencies,
  type MessageTemplate,
  type MessageValues,
  PaylinksError,
  planPaymentOrder,
  renderMessage,
} from "../../src/index";
import { ALLOWED_ELEMENTS, nestingProblems } from "../message/html-structure";
import { makeActor, makeShop } from "../support/fixtures";

/** What the HTML part holds once parsed. */
interface Structure {
  /** Opening tags, in order. */
  readonly elements: string[];
  /** Every attribute as `element.attribute`, with its decoded value. */
  readonly attributes: { readonly on: string; readonly name: string; readonly value: string }[];
  /** The decoded text of the body, and of the title. */
  readonly bodyText: string;
  readonly titleText: string;
  /** Closing tags the parser had to imagine (an element left open or closed out of order). */
  readonly impliedCloses: string[];
  readonly comments: number;
}

const VOID = new Set(["meta"]);

function structureOf(html: string): Structure {
  const elements: string[] = [];
  const attributes: Structure["attributes"] = [];
  const impliedCloses: string[] = [];
  const open: string[] = [];
  let bodyText = "";
  let titleText = "";
  let comments = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        elements.push(name);
        open.push(name);
        for (const [attribute, value] of Object.entries(attribs)) attributes.push({ on: name, name: attribute, value });
      },
      onclosetag(name, isImplied) {
        open.pop();
        if (isImplied && !VOID.has(name)) impliedCloses.push(name);
      },
      ontext(text) {
        if (open.includes("title")) titleText += text;
        else if (open.includes("body")) bodyText += text;
      },
      oncomment() {
        comments++;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return { elements, attributes, bodyText, titleText, impliedCloses, comments };
}

const count = (list: readonly string[]): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
};

/** The attributes a rendered message may have, by element. */
const ALLOWED_ATTRIBUTES = new Set(["html.lang", "meta.charset", "meta.name", "meta.content", "body.style", "a.href"]);

/**
 * Checks what holds for any rendering: only the library's elements and attributes, no more of each element than
 * `baseline` has (when given), no comment, no element left open, every link an http(s) URL, no raw `<script`.
 */
function expectInert(html: string, baseline?: Structure): Structure {
  const structure = structureOf(html);
  expect(html).not.toMatch(/<script/i);
  expect(structure.elements.filter((name) => !ALLOWED_ELEMENTS.has(name))).toEqual([]);
  expect(structure.attributes.map((a) => `${a.on}.${a.name}`).filter((a) => !ALLOWED_ATTRIBUTES.has(a))).toEqual([]);
  expect(structure.attributes.filter((a) => /^on/i.test(a.name))).toEqual([]);
  for (const href of structure.attributes.filter((a) => a.name === "href")) {
    expect(href.value).toMatch(/^https?:\/\/\S+$/i);
  }
  expect(structure.comments).toBe(0);
  expect(structure.impliedCloses).toEqual([]);
  expect(nestingProblems(html)).toEqual([]);
  if (baseline) {
    const before = count(baseline.elements);
    for (const [name, n] of count(structure.elements)) expect(n, name).toBeLessThanOrEqual(before.get(name) ?? 0);
  }
  return structure;
}

const OPTIONS = { language: "fr", timezone: "Europe/Paris" } as const;

/** A body that uses every variable, each on a line of its own. */
const TEMPLATE: MessageTemplate = {
  subject: "%shop_name% %reference% %buyer_reference%",
  body: [
    "%shop_name%",
    "Montant : %amount%, jusqu'au %end_date%",
    "%url%",
    "Référence : %reference%",
    "Client : %buyer_reference%",
    "Contact : %shop_contact%",
    "%shop_url%",
  ].join("\n"),
};

const BENIGN: MessageValues = {
  amount: 4990,
  currency: "EUR",
  startDate: new Date("2026-12-01T10:00:00Z"),
  endDate: new Date("2026-12-08T22:59:59Z"),
  shopName: "Librairie Durand",
  url: "https://pay.example.com/t/abc",
  reference: "REF-1",
  shopContact: "contact@librairie-durand.example",
  shopUrl: "https://librairie-durand.example",
  buyerReference: "client 42",
};

/** Values that would run a script, add an element or break out of an attribute if they were not escaped. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "</p></body><script>alert(1)</script>",
  "<!-- <p>",
  '<a href="javascript:alert(1)">x</a>',
  "javascript:alert(1)",
  "<svg/onload=alert(1)>",
  "<style>*{display:none}</style>",
  "</title><script>alert(1)</script>",
  "&lt;script&gt; &amp; &#60;",
  'https://pay.example.com/t/x"><script>alert(1)</script>',
  "https://pay.example.com/t/x' onmouseover='alert(1)",
];

const VARIABLES = ["reference", "shopName", "shopContact", "shopUrl", "buyerReference", "url"] as const;

describe("the HTML part, for each variable", () => {
  const baseline = structureOf(renderMessage(TEMPLATE, BENIGN, OPTIONS).html);

  it("has the expected structure with harmless values (the baseline the other tests compare with)", () => {
    expect(count(baseline.elements)).toEqual(
      new Map([
        ["html", 1],
        ["head", 1],
        ["meta", 2],
        ["title", 1],
        ["body", 1],
        ["p", 7],
        ["strong", 1],
        ["a", 2],
      ]),
    );
  });

  it("catches an injection when there is one (the checks below can fail)", () => {
    const good = renderMessage(TEMPLATE, BENIGN, OPTIONS).html;
    for (const bad of [
      good.replace("<p>", "<p><script>alert(1)</script>"),
      good.replace("<p>", '<p><img src="x" onerror="alert(1)">'),
      good.replace('<a href="https://pay.example.com/t/abc">', '<a href="javascript:alert(1)">'),
      good.replace(
        '<a href="https://pay.example.com/t/abc">',
        '<a href="https://pay.example.com/t/abc" onclick="x()">',
      ),
      good.replace("<p>", "<p><strong>"),
      good.replace("</body>", "<p>extra</p></body>"),
      good.replace("<p>", "<p><!-- hidden -->"),
    ]) {
      expect(() => expectInert(bad, baseline), bad).toThrow();
    }
  });

  const cases = VARIABLES.flatMap((variable) => PAYLOADS.map((payload) => [variable, payload] as const));
  it.each(cases)("%s = %j adds no element and no attribute, and shows as text", (variable, payload) => {
    const html = renderMessage(TEMPLATE, { ...BENIGN, [variable]: payload }, OPTIONS).html;
    const structure = expectInert(html, baseline);
    // Escaped, not removed: the value comes back whole as text (or as the value of an href for a web URL).
    const hrefs = structure.attributes.filter((a) => a.name === "href").map((a) => a.value);
    expect(structure.bodyText.includes(payload) || hrefs.includes(payload)).toBe(true);
    if (variable === "shopName" || variable === "reference" || variable === "buyerReference") {
      expect(structure.titleText).toContain(payload);
    }
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>",
    "vbscript:x",
  ])("never makes a link of the URL or the shop URL %j", (url) => {
    const html = renderMessage(TEMPLATE, { ...BENIGN, url, shopUrl: url }, OPTIONS).html;
    const structure = expectInert(html, baseline);
    expect(structure.elements.filter((name) => name === "a")).toEqual([]);
  });

  it("formats the amount from a number: no markup can come from it, in any currency", () => {
    const currencies = listCurrencies().map((currency) => currency.code);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999_999_999 }), fc.constantFrom(...currencies), (amount, currency) => {
        for (const language of ["fr", "en", "de", "ar", "ja"]) {
          expect(formatAmount(amount, currency, language)).not.toMatch(/[<>&"']/);
        }
      }),
      { seed: 1201, numRuns: 300 },
    );
  });

  it("refuses a currency or a language that is not one, instead of writing it into the HTML", () => {
    expect(() => renderMessage(TEMPLATE, { ...BENIGN, currency: "<script>" }, OPTIONS)).toThrow(PaylinksError);
    expect(() => renderMessage(TEMPLATE, BENIGN, { ...OPTIONS, language: 'fr"><script>alert(1)</script>' })).toThrow(
      expect.objectContaining({ code: "invalid_context" }),
    );
  });
});

describe("the merchant's own text", () => {
  it.each(PAYLOADS)("escapes %j in the body and in the subject (<title>)", (payload) => {
    const template = { subject: `Paiement ${payload}`, body: `Bonjour ${payload}\n${payload}\n%url%` };
    const html = renderMessage(template, BENIGN, OPTIONS).html;
    const structure = expectInert(html);
    expect(count(structure.elements).get("p")).toBe(3);
    expect(count(structure.elements).get("a")).toBe(1);
    expect(structure.titleText).toBe(`Paiement ${payload}`);
    expect(structure.bodyText).toContain(`Bonjour ${payload}`);
  });
});

describe("the HTML part, for arbitrary values (property)", () => {
  /** Text made of the pieces HTML injection is built from. */
  const hostile = fc.string({
    unit: fc.constantFrom(
      "<",
      ">",
      '"',
      "'",
      "&",
      "=",
      "/",
      " ",
      "\n",
      ";",
      "#",
      "x",
      "p",
      "a",
      "script",
      "img",
      "onerror",
      "onload",
      "href",
      "javascript:",
      "https://",
      "<!--",
      "-->",
      "<![CDATA[",
      "%url%",
      "%shop_url%",
      "%reference%",
      "%",
      "\u2028",
    ),
    maxLength: 40,
  });

  /** Every raw tag the rendering writes itself; any other `<` or `>` in the document is a leak. */
  const LIBRARY_TAG =
    /<!DOCTYPE html>|<\/?(?:html|head|title|body|p|strong|a)>|<html lang="[^"<>]*">|<meta [^<>]*>|<body style="[^"<>]*">|<a href="[^"<>]*">/g;

  it("never produces <script, an on* attribute, a javascript: href, a stray < or >, or an unbalanced tag", () => {
    fc.assert(
      fc.property(
        fc.record({
          reference: hostile,
          shopName: hostile,
          shopContact: hostile,
          shopUrl: hostile,
          buyerReference: hostile,
          url: hostile,
          subject: hostile,
          body: hostile,
        }),
        ({ subject, body, ...fields }) => {
          const { html } = renderMessage({ subject, body }, { ...BENIGN, ...fields }, OPTIONS);
          expectInert(html);
          const leftover = html.replace(LIBRARY_TAG, "");
          expect(leftover).not.toMatch(/[<>]/);
          for (const tag of html.match(LIBRARY_TAG) ?? []) expect(tag).not.toMatch(/\son\w*\s*=/i);
        },
      ),
      { seed: 424242, numRuns: 1000 },
    );
  });
});

describe("planPaymentOrder with hostile shop settings and payment URL", () => {
  it("renders every link's HTML inert, whatever the shop's name, contact, site and the URL builder return", () => {
    const shop = makeShop({
      name: '</title><script>alert("name")</script>',
      contactEmail: '"><img src=x onerror=alert(1)>@example.fr',
      url: "javascript:alert(document.cookie)",
    });
    const result = planPaymentOrder(
      {
        link: {
          shopId: "shop-1",
          amount: 4990,
          currency: "EUR",
          orderReference: "REF-1",
          recipients: "alice@example.fr;bob@example.fr",
          buyerReference: "<b onmouseover=alert(1)>client</b>",
        },
      },
      {
        shop,
        actor: makeActor(),
        now: new Date("2026-12-01T10:00:00Z"),
        generateId: (() => {
          let n = 0;
          return () => `id-${++n}`;
        })(),
        paymentUrl: (link) => `https://pay.example.com/t/${link.token}"><script>alert(1)</script>`,
      },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    for (const link of result.value.links) {
      const structure = expectInert(link.html);
      expect(structure.attributes.filter((a) => a.name === "href").map((a) => a.value)).toEqual([link.url]);
      expect(structure.bodyText).toContain("<b onmouseover=alert(1)>client</b>");
      expect(structure.titleText).toContain('</title><script>alert("name")</script>');
    }
  });
});
