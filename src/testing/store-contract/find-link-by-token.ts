import { describe, expect, it } from "vitest";
import { makeOrderWithLinks } from "../make-records";
import { type CurrentOrderStore, saveOrderWithLinks } from "./support";

/** Contract: findLinkByToken, and the uniqueness of tokens. Internal. */
export function describeFindLinkByToken(current: CurrentOrderStore): void {
  describe("findLinkByToken", () => {
    it("finds each link by its token, exactly as saved", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 3 });
      for (const link of links) expect(await store.findLinkByToken(link.token)).toStrictEqual(link);
    });

    it("finds a link's latest state after an update, its opening included", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 1 });
      const link = links[0] as (typeof links)[number];
      const opened = { ...link, openedAt: new Date(link.createdAt.getTime() + 60_000), version: link.version + 1 };
      expect(await store.updateLink(opened, link.version)).toBe(true);
      expect(await store.findLinkByToken(link.token)).toStrictEqual(opened);
    });

    it("matches the whole token exactly: case, prefixes, wildcards and spaces do not match", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, {
        links: [{ token: "Tok_Exact-123" }, { token: "tok%wild_" }],
      });
      expect((await store.findLinkByToken("Tok_Exact-123"))?.id).toBe(links[0]?.id);
      expect((await store.findLinkByToken("tok%wild_"))?.id).toBe(links[1]?.id);
      for (const wrong of [
        "tok_exact-123",
        "TOK_EXACT-123",
        "Tok_Exact-12",
        "Tok_Exact-1234",
        " Tok_Exact-123",
        "Tok%",
        "tok%wild%",
        "tok_wild_",
        "%",
        "_",
        "",
      ]) {
        expect(await store.findLinkByToken(wrong), JSON.stringify(wrong)).toBeUndefined();
      }
    });

    it("returns undefined in an empty store", async () => {
      expect(await current().findLinkByToken("no-such-token")).toBeUndefined();
    });

    it("refuses to save a link whose token is already stored, and stores nothing of that order", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 1 });
      const taken = links[0]?.token ?? "";
      const second = makeOrderWithLinks({ links: [{}, { token: taken }] });
      await expect(store.saveOrder(second.order, second.links)).rejects.toThrow();
      expect(await store.getOrder(second.order.id)).toBeUndefined();
      expect(await store.getLink(second.links[0]?.id ?? "")).toBeUndefined();
      expect((await store.findLinkByToken(taken))?.id).toBe(links[0]?.id);
    });
  });
}
