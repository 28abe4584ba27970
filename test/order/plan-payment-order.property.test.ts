import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { planPaymentOrder, suffixReferences } from "../../src/index";
import { makeShop } from "../support/fixtures";
import { counterIds, makeContext } from "./support";

/** Lists of 1 to 50 distinct valid addresses, in a random order. */
const recipientLists = fc
  .uniqueArray(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 50 })
  .map((numbers) => numbers.map((n) => `user${n}@example.fr`));

/** An optional order reference of allowed characters, short enough for any suffix. */
const references = fc.option(fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/), { nil: undefined });

const shop = makeShop({ contactEmail: "contact@librairie-durand.fr" });

describe("planPaymentOrder (properties)", () => {
  it("plans exactly one link per recipient, in order, with unique ids, tokens and references", () => {
    fc.assert(
      fc.property(recipientLists, references, (recipients, reference) => {
        const generated: string[] = [];
        const next = counterIds("g");
        const context = makeContext({
          shop,
          generateId: () => {
            const id = next();
            generated.push(id);
            return id;
          },
        });
        const result = planPaymentOrder(
          {
            link: {
              shopId: "shop-1",
              amount: 4990,
              currency: "EUR",
              orderReference: reference,
              recipients: recipients.join(";"),
              bcc: { shopManager: true },
            },
          },
          context,
        );
        if (!result.ok) throw new Error(JSON.stringify(result.issues));
        const { order, links } = result.value;

        expect(links.map((link) => link.recipient)).toEqual(recipients);

        const ids = links.map((link) => link.id);
        const tokens = links.map((link) => link.token);
        expect(new Set(ids).size).toBe(recipients.length);
        expect(new Set(tokens).size).toBe(recipients.length);
        // Every generated value is used exactly once: the order id, then an id and a token per link.
        expect([order.id, ...ids, ...tokens].sort()).toEqual([...generated].sort());
        expect(generated).toHaveLength(1 + 2 * recipients.length);

        const refs = links.map((link) => link.reference);
        if (reference === undefined) {
          expect(refs.every((ref) => ref === undefined)).toBe(true);
        } else {
          expect(new Set(refs).size).toBe(recipients.length);
          expect(refs).toEqual(suffixReferences(reference, recipients.length));
          if (recipients.length === 1) expect(refs).toEqual([reference]);
        }

        for (const link of links) {
          expect(link.url).toBe(`https://pay.example/t/${link.token}`);
          expect(link.text).toContain(link.url);
          expect(link.bcc).toEqual(["gerant@librairie-durand.fr"]);
          if (link.reference !== undefined) expect(link.text).toContain(link.reference);
          else expect(link.text).not.toContain("Référence de la commande");
        }
      }),
      { numRuns: 100 },
    );
  });

  it("gives the same plan for the same input, now and ids", () => {
    fc.assert(
      fc.property(recipientLists, references, fc.integer({ min: 0, max: 90 }), (recipients, reference, days) => {
        const request = {
          link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: reference, recipients },
          advanced: { validityDays: days },
        };
        const first = planPaymentOrder(request, makeContext({ shop, generateId: counterIds() }));
        const second = planPaymentOrder(request, makeContext({ shop, generateId: counterIds() }));
        expect(first.ok).toBe(true);
        expect(second).toEqual(first);
      }),
      { numRuns: 50 },
    );
  });
});
