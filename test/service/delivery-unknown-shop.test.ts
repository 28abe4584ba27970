import { describe, expect, it } from "vitest";
import { makeShop } from "../support/fixtures";
import { allLinks, linkRequest, makeWorld, OWNER } from "./support";

describe("createPaylinks deliver", () => {
  describe("with a link whose shop is no longer configured", () => {
    it("fails that link for good and still delivers the others", async () => {
      let shopTwoKnown = true;
      const shops = [makeShop(), makeShop({ id: "shop-2" })];
      const world = makeWorld({
        shops: (id: string) => (id === "shop-2" && !shopTwoKnown ? undefined : shops.find((shop) => shop.id === id)),
      });
      const actor = { ...OWNER, shopIds: ["shop-1", "shop-2"] };
      await world.paylinks.createOrder(linkRequest({ recipients: "a@example.fr" }), { actor });
      await world.paylinks.createOrder(
        {
          ...linkRequest({ recipients: "b@example.fr" }),
          link: { ...linkRequest({ recipients: "b@example.fr" }).link, shopId: "shop-2" },
        },
        { actor },
      );
      shopTwoKnown = false;
      const report = await world.paylinks.deliver();
      expect(report).toMatchObject({ sent: 1, failed: 1, pending: false });
      const byRecipient = new Map((await allLinks(world.store)).map((link) => [link.recipient, link]));
      expect(byRecipient.get("a@example.fr")?.delivery.status).toBe("SENT");
      expect(byRecipient.get("b@example.fr")).toMatchObject({
        delivery: { status: "FAILED", lastError: "unknown shop shop-2" },
      });
      expect(world.transport.messages.map((m) => m.to)).toEqual(["a@example.fr"]);
    });
  });
});
