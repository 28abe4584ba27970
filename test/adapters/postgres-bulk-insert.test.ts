import { afterAll, describe, expect, it } from "vitest";
import { linkInsert } from "../../src/adapters/postgres/insert-links";
import { LINK_COLUMNS } from "../../src/adapters/postgres/row-mapping";
import type { StoredLink } from "../../src/ports";
import { makeOrderWithLinks } from "../../src/testing";
import { closeSharedClients, DATABASES, freshStore } from "../support/postgres";
import { serviceLikeLinks } from "../support/service-like-links";

afterAll(closeSharedClients);

/** An order of `count` links as the service builds them: the links share the order's objects. */
function serviceLikeOrder(count: number, reference: string | undefined = "CMD-7") {
  const { order, links } = makeOrderWithLinks({ order: { reference }, links: count });
  return { order, links: serviceLikeLinks(order, links) };
}

/** The same links with their three texts made by `texts` from each link. */
function withTexts(
  links: readonly StoredLink[],
  texts: (link: StoredLink, index: number) => Pick<StoredLink, "subject" | "text" | "html">,
): StoredLink[] {
  return links.map((link, index) => ({ ...link, ...texts(link, index) }));
}

/** The columns a statement sends as arrays, by the names of its unnest. */
const unnested = (text: string): string[] => (/as t\(([^)]*)\)/.exec(text)?.[1] ?? "").split(", ");

describe("linkInsert (the statement of a batch of links)", () => {
  it("sends a column that every link shares once, and the id always as an array", () => {
    const { links } = serviceLikeOrder(3);
    const insert = linkInsert('"s".paylinks_links', links);
    // id, token, url, reference, recipient and position vary; the rest is the order's.
    expect(unnested(insert.text)).toEqual(["id", "token", "url", "reference", "recipient", "position"]);
    expect(insert.values).toContain("shop-1");
    expect(insert.values.filter((value) => value === "shop-1").length).toBe(1);
    // One parameter per column, plus the two marks of the shared texts.
    expect(insert.values.length).toBe(LINK_COLUMNS.length + 2);

    const one = linkInsert('"s".paylinks_links', links.slice(0, 1));
    expect(one.text).toMatch(/from unnest\(\$\d+::text\[\]\) as t\(id\)/);
  });

  it("sends a text that the links share but for their URL and reference once, and each text otherwise", () => {
    const { links } = serviceLikeOrder(4);
    const shared = linkInsert("t", links);
    expect(shared.text.match(/replace\(replace\(/g)?.length).toBe(3);
    // Sent once, the URL and the reference marked.
    expect(shared.values).toContain("Hello,\nplease pay 49.90 EUR for order \u0001reference\u0001: \u0001url\u0001");
    expect(unnested(shared.text)).not.toContain("text_body");

    // A batch's rows: each text has its own amount, so the texts go one by one.
    const rows = withTexts(links, (link, index) => ({
      subject: link.subject,
      text: `pay ${index + 1}.00 EUR: ${link.url}`,
      html: link.html,
    }));
    const own = linkInsert("t", rows);
    expect(own.text.match(/replace\(replace\(/g)?.length).toBe(2);
    expect(unnested(own.text)).toContain("text_body");
  });

  it("escapes quotes and backslashes in the arrays it sends", () => {
    const { links } = serviceLikeOrder(2);
    const odd = links.map((link, index) => ({ ...link, recipient: `a"b\\c${index}@example.com` }));
    const insert = linkInsert("t", odd);
    expect(insert.values).toContain('{"a\\"b\\\\c0@example.com","a\\"b\\\\c1@example.com"}');
  });
});

for (const kind of DATABASES) {
  describe(`saving a batch of links on ${kind}`, () => {
    /** Saves the links and reads each back: what the store gives must be the link it was given. */
    async function roundTrip(order: ReturnType<typeof serviceLikeOrder>["order"], links: readonly StoredLink[]) {
      const { store, cleanup } = await freshStore(kind);
      try {
        expect(await store.saveOrder(order, links)).toBe("saved");
        for (const link of links) expect(await store.getLink(link.id), link.id).toEqual(link);
      } finally {
        await cleanup();
      }
    }

    it("stores texts rebuilt from a shared one exactly as each link's own", async () => {
      const { order, links } = serviceLikeOrder(5);
      await roundTrip(order, links);
    }, 60_000);

    it("stores exactly texts that only look shared, or hold what a rebuild could change", async () => {
      const { order, links } = serviceLikeOrder(4);
      const tricky = withTexts(links, (link, index) => ({
        // `$&` and `$1` are patterns to String.replace; the marks' own character; the reference twice.
        subject: `$& $1 ${link.reference} \u0001url\u0001 ${link.reference}`,
        // The URL in escaped HTML form, so that it is not found as written.
        text: `${link.url.replace("/", "&#47;")} ${index}`,
        // A reference that occurs inside another word, and quotes and backslashes.
        html: `<a href="${link.url}">"x\\y" ${link.reference}${link.reference}</a>`,
      }));
      await roundTrip(order, tricky);
    }, 60_000);

    it("stores links without a reference, and a single link", async () => {
      const none = serviceLikeOrder(3, undefined);
      await roundTrip(none.order, none.links);
      const one = serviceLikeOrder(1);
      await roundTrip(one.order, one.links);
    }, 60_000);

    it("stores a reference that is part of the URL, and values that read as array syntax", async () => {
      const { order, links } = serviceLikeOrder(3);
      const odd = links.map(
        (link, index): StoredLink => ({
          ...link,
          url: `https://pay.example.com/t/${link.reference}/${index}`,
          recipient: index === 0 ? "NULL" : `{x,y}${index}@example.com`,
          buyerReference: index === 1 ? "" : `b"${index}\\`,
        }),
      );
      const rendered = withTexts(odd, (link) => ({
        subject: `Order ${link.reference}`,
        text: `Pay at ${link.url}`,
        html: `<a href="${link.url}">${link.url}</a>`,
      }));
      await roundTrip(order, rendered);
    }, 60_000);

    it("stores texts whose URL or own words hold the marks' character, as the server rebuilds them", async () => {
      const { order, links } = serviceLikeOrder(3);
      const marked = links.map(
        (link, index): StoredLink => ({
          ...link,
          // A reference mark inside the URL: the server's second replace changes it into the reference.
          url: index === 1 ? `https://pay.example.com/t/\u0001reference\u0001/${index}` : `${link.url}\u0001x`,
        }),
      );
      await roundTrip(
        order,
        withTexts(marked, (link) => ({
          subject: `Order ${link.reference}`,
          text: `Pay at ${link.url} \u0001ref ${link.reference}`,
          html: `<a href="${link.url}">\u0001</a>`,
        })),
      );
    }, 60_000);

    it("stores links that do not share the order's objects", async () => {
      const { order, links } = makeOrderWithLinks({ links: 3 });
      await roundTrip(order, links);
    }, 60_000);
  });
}
