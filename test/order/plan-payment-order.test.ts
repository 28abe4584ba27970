import { describe, expect, it } from "vitest";
import {
  defaultAdvancedParameters,
  defaultMessage,
  ERROR_CODES,
  type LinkParametersInput,
  PaylinksError,
  type PaymentOrderPlan,
  type PaymentOrderRequest,
  type PaymentUrlInput,
  planPaymentOrder,
  type Result,
  renderMessage,
} from "../../src/index";
import { fr as frLocale } from "../../src/locales/fr";
import { hrefsOf, nestingProblems, paragraphsOf } from "../message/html-structure";
import { makeActor, makeShop } from "../support/fixtures";
import { counterIds, IN_SEVEN_DAYS, makeContext, NOW, SEED_SHOP, tokenUrl } from "./support";

const MANAGER = "gerant@librairie-durand.fr";
const ME = "marie.martin@librairie-durand.fr";

/** The seed's example: 49,90 EUR to three recipients, reference "Recouvrement", copies to the manager and me. */
const SEED_LINK: LinkParametersInput = {
  shopId: "shop-1",
  amount: 4990,
  currency: "EUR",
  orderReference: "Recouvrement",
  recipients: "chloe@example.fr; alice@example.fr;bob@example.fr",
  buyerReference: "CLI-42",
  channel: "email",
  bcc: { shopManager: true, me: true },
};

const planOf = (result: Result<PaymentOrderPlan>): PaymentOrderPlan => {
  if (!result.ok) throw new Error(`expected a plan, got ${JSON.stringify(result.issues)}`);
  return result.value;
};

const plan = (request: PaymentOrderRequest, context = makeContext()): PaymentOrderPlan =>
  planOf(planPaymentOrder(request, context));

const issuesOf = (request: PaymentOrderRequest, context = makeContext()) => {
  const result = planPaymentOrder(request, context);
  if (result.ok) throw new Error("expected issues, got a plan");
  return result.issues;
};

const recipientList = (count: number): string[] => Array.from({ length: count }, (_, i) => `user${i + 1}@example.fr`);

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
};

describe("planPaymentOrder", () => {
  describe("the seed's example: three recipients, reference Recouvrement", () => {
    const urlInputs: PaymentUrlInput[] = [];
    const result = plan(
      { link: SEED_LINK },
      makeContext({
        paymentUrl: (input) => {
          urlInputs.push(input);
          return tokenUrl(input);
        },
      }),
    );
    const { order, links } = result;

    it("creates one link per recipient, in list order", () => {
      expect(links.map((link) => link.recipient)).toEqual(["chloe@example.fr", "alice@example.fr", "bob@example.fr"]);
    });

    it("suffixes the references -001 to -003 in list order", () => {
      expect(links.map((link) => link.reference)).toEqual(["Recouvrement-001", "Recouvrement-002", "Recouvrement-003"]);
    });

    it("puts the shop manager and the acting user in blind copy of every link", () => {
      for (const link of links) expect(link.bcc).toEqual([MANAGER, ME]);
    });

    it("takes the order id, then an id and a token per link, from generateId in that order", () => {
      expect(order.id).toBe("id-1");
      expect(links.map((link) => [link.id, link.token])).toEqual([
        ["id-2", "id-3"],
        ["id-4", "id-5"],
        ["id-6", "id-7"],
      ]);
    });

    it("builds each URL with paymentUrl from the link's id, token, reference, order, shop and mode", () => {
      expect(links.map((link) => link.url)).toEqual([
        "https://pay.example/t/id-3",
        "https://pay.example/t/id-5",
        "https://pay.example/t/id-7",
      ]);
      expect(urlInputs).toEqual([
        {
          id: "id-2",
          token: "id-3",
          reference: "Recouvrement-001",
          orderId: "id-1",
          shopId: "shop-1",
          mode: "PRODUCTION",
        },
        {
          id: "id-4",
          token: "id-5",
          reference: "Recouvrement-002",
          orderId: "id-1",
          shopId: "shop-1",
          mode: "PRODUCTION",
        },
        {
          id: "id-6",
          token: "id-7",
          reference: "Recouvrement-003",
          orderId: "id-1",
          shopId: "shop-1",
          mode: "PRODUCTION",
        },
      ]);
    });

    it("describes the order: shop, amount, base reference, buyer reference, defaults, message, dates and creator", () => {
      expect(order).toEqual({
        id: "id-1",
        mode: "PRODUCTION",
        shopId: "shop-1",
        amount: 4990,
        currency: "EUR",
        reference: "Recouvrement",
        buyerReference: "CLI-42",
        advanced: defaultAdvancedParameters(SEED_SHOP, { now: NOW }),
        message: defaultMessage("fr"),
        bcc: ["gerant@librairie-durand.fr", "marie.martin@librairie-durand.fr"],
        linkCount: 3,
        createdAt: NOW,
        createdBy: "user-1",
      });
      expect(order.advanced.expiresAt).toEqual(IN_SEVEN_DAYS);
    });

    it("expires at the end of the seventh day after now, in Paris", () => {
      expect(order.advanced.expiresAt.toISOString()).toBe("2026-12-08T22:59:59.000Z");
      // The expiry is held once, in step 2: the order has no second copy of it.
      expect(Object.keys(order)).not.toContain("expiresAt");
      expect(order.advanced.validityDays).toBe(7);
    });

    it("renders the French default message with each link's own reference and URL", () => {
      links.forEach((link, i) => {
        const suffixed = `Recouvrement-00${i + 1}`;
        expect(link.subject).toBe("Librairie Durand\u00a0: votre lien de paiement");
        expect(link.text).toContain(`Référence de la commande\u00a0: ${suffixed}`);
        expect(link.text).toContain(link.url);
        expect(link.text).toContain("49,90\u00a0€");
        expect(link.text).toContain("Il reste valable jusqu’au 8 décembre 2026 inclus.");
        expect(link.text).toContain("Référence client\u00a0: CLI-42");
        expect(link.html).toContain(`<p>Référence de la commande\u00a0: ${suffixed}</p>`);
        expect(hrefsOf(link.html)).toEqual([link.url, "https://www.librairie-durand.fr"]);
        expect(nestingProblems(link.html)).toEqual([]);
        for (const other of links) if (other !== link) expect(link.text).not.toContain(other.url);
      });
    });

    it("renders each link exactly as renderMessage does for that link", () => {
      for (const link of links) {
        const rendered = renderMessage(
          defaultMessage("fr"),
          {
            reference: link.reference,
            amount: 4990,
            currency: "EUR",
            startDate: NOW,
            endDate: IN_SEVEN_DAYS,
            shopName: "Librairie Durand",
            url: link.url,
            shopContact: "contact@librairie-durand.fr",
            shopUrl: "https://www.librairie-durand.fr",
            buyerReference: "CLI-42",
          },
          { language: "fr", timezone: "Europe/Paris" },
        );
        expect({ subject: link.subject, text: link.text, html: link.html }).toEqual(rendered);
      }
    });
  });

  describe("references", () => {
    it("keeps the reference unsuffixed for one recipient", () => {
      const { order, links } = plan({ link: { ...SEED_LINK, recipients: "alice@example.fr" } });
      expect(links).toHaveLength(1);
      expect(links[0]?.reference).toBe("Recouvrement");
      expect(order.reference).toBe("Recouvrement");
      expect(links[0]?.text).toContain("Référence de la commande\u00a0: Recouvrement\n");
    });

    it("suffixes two recipients -001 and -002", () => {
      const { links } = plan({ link: { ...SEED_LINK, recipients: ["a@example.fr", "b@example.fr"] } });
      expect(links.map((link) => link.reference)).toEqual(["Recouvrement-001", "Recouvrement-002"]);
    });

    it("plans 999 links, the last one -999", () => {
      const { links } = plan({ link: { ...SEED_LINK, orderReference: "X", recipients: recipientList(999) } });
      expect(links).toHaveLength(999);
      expect(links[0]?.reference).toBe("X-001");
      expect(links[998]?.reference).toBe("X-999");
    });

    it("plans 1,000 links, the last one -1000, each with its own recipient", () => {
      const recipients = recipientList(1000);
      const { links } = plan({ link: { ...SEED_LINK, orderReference: "X", recipients: recipients.join(";") } });
      expect(links).toHaveLength(1000);
      expect(links.map((link) => link.recipient)).toEqual(recipients);
      expect(links[998]?.reference).toBe("X-999");
      expect(links[999]?.reference).toBe("X-1000");
      expect(links[999]?.text).toContain("Référence de la commande\u00a0: X-1000");
      expect(new Set(links.map((link) => link.reference)).size).toBe(1000);
      expect(new Set(links.map((link) => link.token)).size).toBe(1000);
    });

    it("leaves the references undefined and drops the reference line when none is given", () => {
      const context = makeContext({ shop: makeShop({ contactEmail: "contact@librairie-durand.fr" }) });
      const { order, links } = plan({ link: { ...SEED_LINK, orderReference: undefined } }, context);
      expect(order.reference).toBeUndefined();
      expect(links).toHaveLength(3);
      for (const link of links) {
        expect(link.reference).toBeUndefined();
        expect(link.text).not.toContain("Référence de la commande");
        expect(link.html).not.toContain("Référence de la commande");
        expect(link.text).toContain("Référence client\u00a0: CLI-42");
        expect(link.text).toContain(link.url);
      }
    });

    it("treats a blank reference as none, and trims one with spaces", () => {
      const context = makeContext({ shop: makeShop() });
      expect(plan({ link: { ...SEED_LINK, orderReference: "   " } }, context).links[0]?.reference).toBeUndefined();
      expect(plan({ link: { ...SEED_LINK, orderReference: " R1 " } }, makeContext()).links[0]?.reference).toBe(
        "R1-001",
      );
    });
  });

  describe("blind copies and buyer reference", () => {
    it("gives every link an empty blind-copy list when none is asked", () => {
      const { links } = plan({ link: { ...SEED_LINK, bcc: undefined } });
      for (const link of links) expect(link.bcc).toEqual([]);
    });

    it("adds other addresses after the manager and the actor, without repeats", () => {
      const bcc = { shopManager: true, me: true, addresses: `compta@librairie-durand.fr;${MANAGER.toUpperCase()}` };
      const { links } = plan({ link: { ...SEED_LINK, bcc } });
      expect(links[0]?.bcc).toEqual([MANAGER, ME, "compta@librairie-durand.fr"]);
    });

    it("keeps the blind copies out of the rendered message", () => {
      for (const link of plan({ link: SEED_LINK }).links) {
        expect(link.text).not.toContain(MANAGER);
        expect(link.html).not.toContain(ME);
      }
    });

    it("drops the buyer-reference line when there is none", () => {
      const { order, links } = plan({ link: { ...SEED_LINK, buyerReference: undefined } });
      expect(order.buyerReference).toBeUndefined();
      for (const link of links) expect(link.text).not.toContain("Référence client");
    });

    it("escapes a buyer reference and a shop name full of markup in the HTML, and keeps them raw in the text", () => {
      const evil = `<script>alert(1)</script>"&`;
      const context = makeContext({ shop: { ...SEED_SHOP, name: `Durand ${evil}` } });
      const { links } = plan({ link: { ...SEED_LINK, buyerReference: evil } }, context);
      for (const link of links) {
        expect(link.html).not.toMatch(/<script/i);
        expect(link.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;");
        expect(link.text).toContain(`Référence client\u00a0: ${evil}`);
        expect(link.subject).toBe(`Durand ${evil}\u00a0: votre lien de paiement`);
        expect(nestingProblems(link.html)).toEqual([]);
      }
    });

    it("drops the contact and shop URL lines for a shop that has neither", () => {
      const { links } = plan({ link: SEED_LINK }, makeContext({ shop: makeShop({ referenceRequired: true }) }));
      const text = links[0]?.text ?? "";
      expect(text).not.toContain("écrivez-nous");
      expect(text).not.toContain("www.librairie-durand.fr");
      expect(text).not.toMatch(/\n{3,}/);
      expect(hrefsOf(links[0]?.html ?? "")).toEqual([links[0]?.url]);
    });
  });

  describe("mode", () => {
    it("marks a TEST order and passes TEST to paymentUrl", () => {
      const modes: string[] = [];
      const { order } = plan(
        { link: { ...SEED_LINK, mode: "TEST" } },
        makeContext({
          paymentUrl: (input) => {
            modes.push(input.mode);
            return tokenUrl(input);
          },
        }),
      );
      expect(order.mode).toBe("TEST");
      expect(modes).toEqual(["TEST", "TEST", "TEST"]);
    });

    it("defaults to PRODUCTION", () => {
      expect(plan({ link: { ...SEED_LINK, mode: undefined } }).order.mode).toBe("PRODUCTION");
    });
  });

  describe("advanced parameters", () => {
    it("picks the German default message when the language is de", () => {
      const { order, links } = plan({ link: SEED_LINK, advanced: { language: "de" } });
      expect(order.advanced.language).toBe("de");
      expect(order.message).toEqual(defaultMessage("de"));
      expect(links[0]?.subject).toBe("Librairie Durand: Ihr Zahlungslink");
      expect(links[0]?.text).toContain("Bestellreferenz: Recouvrement-001\nIhre Kundenreferenz: CLI-42\n");
      expect(links[0]?.text).toContain("49,90\u00a0€");
      expect(links[0]?.text).toContain("Der Link ist bis einschließlich 8. Dezember 2026 gültig.");
      expect(links[0]?.html).toContain('<html lang="de">');
    });

    it("picks the French message for fr-CA, formatted for Canada", () => {
      const { order, links } = plan({ link: SEED_LINK, advanced: { language: "fr_ca" } });
      expect(order.advanced.language).toBe("fr-CA");
      expect(order.message).toEqual(defaultMessage("fr"));
      expect(links[0]?.html).toContain('<html lang="fr-CA">');
    });

    it("falls back to English for a language with no default message", () => {
      const { order, links } = plan({ link: SEED_LINK, advanced: { language: "ja" } });
      expect(order.message).toEqual(defaultMessage("en"));
      expect(links[0]?.subject).toBe("Librairie Durand: your payment link");
    });

    it("uses the shop's language by default", () => {
      const context = makeContext({ shop: { ...SEED_SHOP, language: "es" } });
      expect(plan({ link: SEED_LINK }, context).links[0]?.subject).toBe("Librairie Durand: su enlace de pago");
    });

    it("uses the expiry of step 2 in the order and in the message", () => {
      const { order, links } = plan({ link: SEED_LINK, advanced: { validityDays: 0 } });
      expect(order.advanced.expiresAt.toISOString()).toBe("2026-12-01T22:59:59.000Z");
      expect(links[0]?.text).toContain("Il reste valable jusqu’au 1 décembre 2026 inclus.");
      const byDate = plan({ link: SEED_LINK, advanced: { expiresAt: "2026-12-24" } });
      expect(byDate.order.advanced.expiresAt.toISOString()).toBe("2026-12-24T22:59:59.000Z");
      expect(byDate.links[0]?.text).toContain("Il reste valable jusqu’au 24 décembre 2026 inclus.");
    });

    it("keeps the other advanced parameters in the order", () => {
      const { order } = plan({ link: SEED_LINK, advanced: { paymentMethodSaving: "ask", captureDelayDays: 3 } });
      expect(order.advanced).toMatchObject({
        paymentMethodSaving: "ask",
        threeDsPreference: "challenge_mandated",
        captureDelayDays: 3,
      });
    });
  });

  describe("a message given by the merchant", () => {
    it("is used for every link and kept in the order", () => {
      const message = { subject: "Facture %reference%", body: "Bonjour,\nMerci de régler %amount% : %url%" };
      const { order, links } = plan({ link: SEED_LINK, message });
      expect(order.message).toEqual(message);
      expect(links.map((link) => link.subject)).toEqual([
        "Facture Recouvrement-001",
        "Facture Recouvrement-002",
        "Facture Recouvrement-003",
      ]);
      expect(links[1]?.text).toBe("Bonjour,\nMerci de régler 49,90\u00a0€ : https://pay.example/t/id-5");
    });

    it("gets the link appended when it does not use %url%", () => {
      const { links } = plan({ link: SEED_LINK, message: { subject: "Paiement", body: "Merci de régler %amount%." } });
      for (const link of links) {
        expect(link.text).toBe(`Merci de régler 49,90\u00a0€.\n\n${link.url}`);
        expect(paragraphsOf(link.html).at(-1)).toBe(`<a href="${link.url}">${link.url}</a>`);
      }
    });

    it("is validated: its issues come back under message, in the context's locale", () => {
      const message = { subject: "Ligne 1\nLigne 2", body: "Réglez %amout%" };
      const issues = issuesOf({ link: SEED_LINK, message }, makeContext({ locale: frLocale }));
      expect(issues).toEqual([
        {
          code: "message_subject_invalid",
          path: ["message", "subject"],
          message: "L’objet doit tenir sur une ligne\u00a0: supprimez le retour à la ligne.",
          params: { reason: "line_break" },
        },
        {
          code: "message_unknown_variable",
          path: ["message", "body"],
          message: expect.stringContaining("%amout% n’est pas une variable connue"),
          params: { variable: "amout" },
        },
      ]);
    });

    it("is checked for its limits", () => {
      const message = { subject: "s".repeat(256), body: "b".repeat(2001) };
      expect(issuesOf({ link: SEED_LINK, message }).map((issue) => [issue.code, issue.path])).toEqual([
        ["message_subject_invalid", ["message", "subject"]],
        ["message_body_too_long", ["message", "body"]],
      ]);
    });

    it("is replaced by the default message when null", () => {
      const request = { link: SEED_LINK, message: null } as unknown as PaymentOrderRequest;
      expect(plan(request).order.message).toEqual(defaultMessage("fr"));
    });
  });

  describe("issues", () => {
    it("reports the issues of the three steps at once, with paths starting with link, advanced and message", () => {
      const request = {
        link: { shopId: "shop-2", amount: -1, currency: "EUR", recipients: "a@example.fr;bad@" },
        advanced: { language: "not a language", validityDays: 200 },
        message: { subject: "", body: "%amout%" },
      } as unknown as PaymentOrderRequest;
      const issues = issuesOf(request);
      expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
        ["shop_mismatch", ["link", "shopId"]],
        ["amount_not_positive", ["link", "amount"]],
        ["reference_required", ["link", "orderReference"]],
        ["recipient_invalid", ["link", "recipients", 1]],
        ["language_invalid", ["advanced", "language"]],
        ["validity_out_of_range", ["advanced", "validityDays"]],
        ["message_subject_invalid", ["message", "subject"]],
        ["message_unknown_variable", ["message", "body"]],
      ]);
      for (const issue of issues) expect(["link", "advanced", "message"]).toContain(issue.path[0]);
    });

    it("writes the messages in the context's locale, English by default", () => {
      const request = { link: { ...SEED_LINK, amount: 0 }, message: { subject: "", body: "x" } };
      const en = issuesOf(request);
      const fr = issuesOf(request, makeContext({ locale: frLocale }));
      expect(en.map((issue) => issue.code)).toEqual(fr.map((issue) => issue.code));
      expect(en.find((issue) => issue.code === "message_subject_invalid")?.message).toBe(
        "Enter a subject for the e-mail.",
      );
      expect(fr.find((issue) => issue.code === "message_subject_invalid")?.message).toBe(
        "Saisissez l’objet de l’e-mail.",
      );
    });

    it("reports a shop time zone Intl does not know under advanced.expiresAt, with no id made", () => {
      let calls = 0;
      const context = makeContext({
        shop: { ...SEED_SHOP, timezone: "Europe/Pariss" },
        generateId: () => `id-${++calls}`,
      });
      expect(issuesOf({ link: SEED_LINK }, context).map((issue) => [issue.code, issue.path, issue.params])).toEqual([
        ["timezone_invalid", ["advanced", "expiresAt"], { value: "Europe/Pariss" }],
      ]);
      expect(calls).toBe(0);
    });

    it("still reports the step-2 checks that need no time zone when the shop's zone is unknown", () => {
      const context = makeContext({ shop: { ...SEED_SHOP, timezone: "Nowhere/Zone" } });
      const withDays = { link: SEED_LINK, advanced: { validityDays: 91, captureDelayDays: 400 } };
      expect(issuesOf(withDays, context).map((issue) => [issue.code, issue.path])).toEqual([
        ["timezone_invalid", ["advanced", "expiresAt"]],
        ["validity_out_of_range", ["advanced", "validityDays"]],
        ["capture_delay_out_of_range", ["advanced", "captureDelayDays"]],
      ]);
      const withBoth = { link: SEED_LINK, advanced: { validityDays: 3, expiresAt: "2026-12-24" } };
      expect(issuesOf(withBoth, context).map((issue) => [issue.code, issue.path])).toEqual([
        ["timezone_invalid", ["advanced", "expiresAt"]],
        ["validity_conflict", ["advanced", "expiresAt"]],
      ]);
      const withPastExpiry = { link: SEED_LINK, advanced: { expiresAt: "2020-01-01" } };
      expect(issuesOf(withPastExpiry, context).map((issue) => issue.code)).toEqual(["timezone_invalid"]);
    });

    it("reports a missing manager address for the blind copy under link.bcc", () => {
      const context = makeContext({ shop: { ...SEED_SHOP, managerEmail: undefined } });
      expect(issuesOf({ link: SEED_LINK }, context).map((issue) => [issue.code, issue.path])).toEqual([
        ["bcc_manager_missing", ["link", "bcc", "shopManager"]],
      ]);
    });

    it("reports a duplicate recipient, so that each transaction belongs to one recipient", () => {
      const link = { ...SEED_LINK, recipients: "a@example.fr;b@example.fr;A@example.fr" };
      expect(issuesOf({ link }).map((issue) => [issue.code, issue.path])).toEqual([
        ["recipient_duplicate", ["link", "recipients", 2]],
      ]);
    });

    it("reports a link that is not an object at the path link", () => {
      const request = { link: "nope" } as unknown as PaymentOrderRequest;
      expect(issuesOf(request).map((issue) => [issue.code, issue.path])).toEqual([["type_invalid", ["link"]]]);
    });

    it("reports a request that is not an object", () => {
      const issues = issuesOf(null as unknown as PaymentOrderRequest);
      expect(issues.map((issue) => [issue.code, issue.path])).toEqual([["type_invalid", []]]);
    });

    it("makes no id and no URL when there are issues", () => {
      let calls = 0;
      const context = makeContext({
        generateId: () => `id-${++calls}`,
        paymentUrl: (input) => `${++calls}${input.token}`,
      });
      issuesOf({ link: { ...SEED_LINK, amount: 0 } }, context);
      expect(calls).toBe(0);
    });
  });

  describe("determinism", () => {
    it("gives deep-equal plans for the same request, now and ids", () => {
      const request = { link: SEED_LINK, advanced: { language: "it" } };
      const first = planPaymentOrder(request, makeContext({ generateId: counterIds() }));
      const second = planPaymentOrder(request, makeContext({ generateId: counterIds() }));
      expect(first.ok).toBe(true);
      expect(second).toEqual(first);
    });

    it("gives different plans for different ids or a different now", () => {
      const request = { link: SEED_LINK };
      const base = plan(request, makeContext({ generateId: counterIds("a") }));
      expect(plan(request, makeContext({ generateId: counterIds("b") }))).not.toEqual(base);
      const later = plan(request, makeContext({ generateId: counterIds("a"), now: new Date("2026-12-02T10:00:00Z") }));
      expect(later.order.advanced.expiresAt.toISOString()).toBe("2026-12-09T22:59:59.000Z");
    });

    it("does not change the request or the context", () => {
      const link = { ...SEED_LINK, bcc: { ...SEED_LINK.bcc } };
      const request = { link, advanced: { validityDays: 3 }, message: { subject: "S", body: "B" } };
      const snapshot = structuredClone(request);
      const shop = structuredClone(SEED_SHOP);
      plan(request, makeContext({ shop }));
      expect(request).toEqual(snapshot);
      expect(shop).toEqual(SEED_SHOP);
    });
  });

  describe("invalid_context", () => {
    it("is one of the ERROR_CODES, with invalid_request", () => {
      expect(ERROR_CODES).toContain("invalid_context");
      expect(ERROR_CODES).toContain("invalid_request");
    });

    const cases: [string, () => unknown][] = [
      ["undefined", () => undefined],
      ["an empty string", () => ""],
      ["a number", () => 42],
      ["null", () => null],
    ];

    it.each(cases)("is thrown when generateId returns %s", (_, generateId) => {
      const error = thrown(() =>
        planPaymentOrder({ link: SEED_LINK }, makeContext({ generateId: generateId as () => string })),
      );
      expect(error).toBeInstanceOf(PaylinksError);
      expect((error as PaylinksError).code).toBe("invalid_context");
      expect((error as PaylinksError).issues).toEqual([]);
    });

    it("is thrown when generateId fails later, for a token", () => {
      let count = 0;
      const generateId = () => (++count === 3 ? "" : `id-${count}`);
      const error = thrown(() => planPaymentOrder({ link: SEED_LINK }, makeContext({ generateId })));
      expect((error as PaylinksError).code).toBe("invalid_context");
    });

    it.each(cases)("is thrown when paymentUrl returns %s", (_, paymentUrl) => {
      const error = thrown(() =>
        planPaymentOrder({ link: SEED_LINK }, makeContext({ paymentUrl: paymentUrl as () => string })),
      );
      expect(error).toBeInstanceOf(PaylinksError);
      expect((error as PaylinksError).code).toBe("invalid_context");
    });

    it.each([
      ["an invalid Date", new Date(Number.NaN)],
      ["an ISO text", "2026-12-01T10:00:00Z"],
      ["undefined", undefined],
    ])("is thrown when now is %s, before any id is made", (_, now) => {
      let calls = 0;
      const context = makeContext({ now: now as Date, generateId: () => `id-${++calls}` });
      const error = thrown(() => planPaymentOrder({ link: SEED_LINK }, context));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "invalid_context", issues: [] });
      expect(calls).toBe(0);
    });

    it("is not thrown for ids and URLs that are non-empty strings", () => {
      const context = makeContext({ generateId: counterIds("x"), paymentUrl: () => "u" });
      expect(planPaymentOrder({ link: SEED_LINK }, context).ok).toBe(true);
    });
  });

  it("records the acting user's id as creator and uses its address for 'copy to me'", () => {
    const actor = makeActor({ id: "user-42", email: "paul@example.fr" });
    const { order, links } = plan({ link: { ...SEED_LINK, bcc: { me: true } } }, makeContext({ actor }));
    expect(order.createdBy).toBe("user-42");
    expect(links[0]?.bcc).toEqual(["paul@example.fr"]);
  });
});
