import { describe, expect, it } from "vitest";
import { type CurrentOrderStore, idsOf, readAllPages, saveLinks, saveOrderWithLinks } from "./support";

/**
 * Strings that break naive storage code: SQL injection, quotes, backslashes, LIKE and regular-expression
 * wildcards, control characters other than NUL, scripts, combining marks, bidi controls, astral characters and
 * emoji sequences. Every one is valid Unicode without NUL (which PostgreSQL text cannot hold).
 */
export const HOSTILE_STRINGS: readonly string[] = [
  "'; DROP TABLE payment_links; --",
  "Robert'); DELETE FROM orders WHERE ('1'='1",
  `"double" 'single' \`back\` quotes`,
  "back\\slash \\\\ \\' \\\" \\n not-a-newline",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a literal placeholder, for code that interpolates
  "100%_off [a-z]* .* ^$ $1 ${x} {{x}} ? +",
  "tab\there\nnew line\r\ncarriage return\u000bvertical tab\u001bescape",
  "Ünïcödé — “curly” « guillemets » 中文 日本語 العربية עברית",
  "emoji 💸👩‍👩‍👧‍👦🇫🇷🏳️‍🌈 and astral 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "combining e\u0301 zero\u200bwidth bidi\u202eoverride\u202c bom\ufeff",
  "<script>alert('x')</script> &amp; &lt; &#0;",
  "  leading and trailing spaces  ",
];

/** Contract: hostile strings in every text field come back unchanged and are matched literally. Internal. */
export function describeHostileStrings(current: CurrentOrderStore): void {
  describe("hostile strings", () => {
    it.each(HOSTILE_STRINGS.map((text, index) => ({ text, index })))(
      "stores and reads back hostile string $index unchanged in every text field",
      async ({ text, index }) => {
        const store = current();
        const id = (kind: string): string => `${kind}-${index}-${text}`;
        const { order, links } = await saveOrderWithLinks(store, {
          order: {
            id: id("order"),
            shopId: id("shop"),
            reference: text,
            buyerReference: text,
            bcc: [text, `${text}@example.com`],
            createdBy: id("user"),
            idempotencyKey: text,
            requestFingerprint: text,
            message: { subject: text, body: text },
          },
          links: [
            {
              id: id("link"),
              token: text,
              url: `https://pay.example.com/t/${text}`,
              recipient: `${text}@example.com`,
              subject: text,
              text,
              html: text,
              payment: { transactionId: text },
              delivery: { leaseOwner: text, lastError: text, messageId: text },
            },
          ],
        });
        const link = links[0] as (typeof links)[number];

        expect(await store.getOrder(order.id)).toStrictEqual(order);
        expect(await store.getLink(link.id)).toStrictEqual(link);
        expect(await store.findOrderByIdempotencyKey(order.shopId, text)).toStrictEqual(order);
        expect(await store.findLinkByToken(text)).toStrictEqual(link);
        const matches = async (filter: Parameters<typeof store.listLinks>[0]): Promise<string[]> =>
          idsOf((await store.listLinks(filter, { limit: 10 })).links);
        expect(await matches({ shopIds: [order.shopId] })).toEqual([link.id]);
        expect(await matches({ orderId: order.id })).toEqual([link.id]);
        expect(await matches({ createdBy: order.createdBy })).toEqual([link.id]);
        expect(await matches({ referencePrefix: text })).toEqual([link.id]);
        expect(await matches({ recipient: link.recipient })).toEqual([link.id]);
        expect(await matches({ shopIds: [`${order.shopId}x`] })).toEqual([]);
      },
    );

    it("matches a reference prefix literally: LIKE wildcards and escapes are plain characters", async () => {
      const store = current();
      const references = ["A_1", "AB1", "A%1", "A\\1", "a_1", "A[1]", "A.1", "A*1"];
      const saved = await saveLinks(
        store,
        references.map((reference) => ({ reference })),
      );
      const byPrefix = async (referencePrefix: string): Promise<string[]> => {
        const { links } = await readAllPages(store, { referencePrefix }, 100);
        return links.map((link) => link.reference ?? "").sort();
      };
      expect(saved).toHaveLength(references.length);
      expect(await byPrefix("A_")).toEqual(["A_1"]);
      expect(await byPrefix("A%")).toEqual(["A%1"]);
      expect(await byPrefix("A\\")).toEqual(["A\\1"]);
      expect(await byPrefix("A[")).toEqual(["A[1]"]);
      expect(await byPrefix("A.")).toEqual(["A.1"]);
      expect(await byPrefix("A*")).toEqual(["A*1"]);
      expect(await byPrefix("%")).toEqual([]);
      expect(await byPrefix("_")).toEqual([]);
      expect(await byPrefix("A")).toEqual(["A%1", "A*1", "A.1", "AB1", "A[1]", "A\\1", "A_1"].sort());
    });

    it("compares recipients without case but otherwise exactly", async () => {
      const store = current();
      await saveLinks(store, [
        { recipient: "Anne.O'Neil+tag@Example.com" },
        { recipient: "anne.o_neil+tag@example.com" },
        { recipient: "anne.o'neil+tag@example.co" },
      ]);
      const { links } = await readAllPages(store, { recipient: "ANNE.O'NEIL+TAG@EXAMPLE.COM" }, 100);
      expect(links.map((link) => link.recipient)).toEqual(["Anne.O'Neil+tag@Example.com"]);
      expect((await readAllPages(store, { recipient: "anne.o%neil+tag@example.com" }, 100)).links).toEqual([]);
    });
  });
}
