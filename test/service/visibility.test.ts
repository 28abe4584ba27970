import { describe, expect, it } from "vitest";
import type { Actor } from "../../src/index";
import type { StoredLink } from "../../src/ports";
import type { LinkFilter, Paylinks } from "../../src/service";
import { makeShop } from "../support/fixtures";
import {
  actorWith,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  rejectionOf,
  snapshotOf,
  storedLink,
  type World,
} from "./support";

const SHOPS = [makeShop(), makeShop({ id: "shop-2", name: "Papeterie Leroy" })];

const TEST_ONLY = actorWith({ id: "tester", permissions: { modes: ["TEST"] } });
const PRODUCTION_ONLY = actorWith({ id: "prod", permissions: { modes: ["PRODUCTION"] } });
const OWN_ONLY = actorWith({ id: "user-2", email: "paul@librairie-durand.fr", permissions: { viewAllOrders: false } });
const SHOP_2 = actorWith({ id: "user-3", email: "leroy@papeterie.fr", shopIds: ["shop-2"] });
const BOTH_SHOPS = actorWith({ id: "boss", shopIds: ["shop-1", "shop-2"] });

/**
 * shop-1: alice (PRODUCTION, by the owner), bob (TEST, by the owner), carol (PRODUCTION, by user-2);
 * shop-2: dave (PRODUCTION, by user-3).
 */
async function populated(): Promise<World & { byRecipient: Map<string, StoredLink> }> {
  const world = makeWorld({ shops: SHOPS });
  const { paylinks } = world;
  await paylinks.createOrder(linkRequest({ recipients: "alice@example.fr" }), { actor: OWNER });
  await paylinks.createOrder(linkRequest({ recipients: "bob@example.fr", mode: "TEST" }), { actor: OWNER });
  await paylinks.createOrder(linkRequest({ recipients: "carol@example.fr" }), { actor: OWN_ONLY });
  await paylinks.createOrder(linkRequest({ shopId: "shop-2", recipients: "dave@example.fr" }), { actor: SHOP_2 });
  const byRecipient = new Map<string, StoredLink>();
  for (const link of (await world.store.listLinks({}, { limit: 100 })).links) byRecipient.set(link.recipient, link);
  return { ...world, byRecipient };
}

async function visible(paylinks: Paylinks, actor: Actor, filter: LinkFilter = {}): Promise<string[]> {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await paylinks.listLinks(filter, { limit: 1, cursor }, { actor });
    seen.push(...page.links.map((link) => link.recipient));
    cursor = page.nextCursor;
  } while (cursor !== undefined);
  return seen;
}

describe("createPaylinks modes", () => {
  describe("an actor with TEST only", () => {
    it("creates TEST orders whose links and e-mails are marked TEST", async () => {
      const world = makeWorld();
      const { order, results } = await world.paylinks.send(linkRequest({ mode: "TEST" }), { actor: TEST_ONLY });
      expect(order.mode).toBe("TEST");
      expect((await storedLink(world.store, first(results).linkId)).mode).toBe("TEST");
      expect(world.transport.messages.map((m) => m.mail.mode)).toEqual(["TEST"]);
    });

    it("may not create a PRODUCTION order, and nothing is stored", async () => {
      const world = makeWorld();
      const error = await rejectionOf(
        world.paylinks.createOrder(linkRequest({ mode: "PRODUCTION" }), { actor: TEST_ONLY }),
      );
      expect(error).toMatchObject({ code: "forbidden", details: { mode: "PRODUCTION" } });
      // Without a mode the request is PRODUCTION: forbidden too.
      const implicit = await rejectionOf(world.paylinks.createOrder(linkRequest(), { actor: TEST_ONLY }));
      expect(implicit).toMatchObject({ code: "forbidden", details: { mode: "PRODUCTION" } });
      expect(world.store.size().orders).toBe(0);
    });
  });

  describe("an actor with PRODUCTION only, on a TEST link", () => {
    const calls: readonly (readonly [string, (p: Paylinks, linkId: string, actor: Actor) => Promise<unknown>])[] = [
      ["getLink", (p, id, actor) => p.getLink(id, { actor })],
      ["resend", (p, id, actor) => p.resend(id, { actor })],
      ["update", (p, id, actor) => p.update(id, { amount: 100 }, { actor })],
      ["changeExpiry", (p, id, actor) => p.changeExpiry(id, { validityDays: 3 }, { actor })],
      ["cancel", (p, id, actor) => p.cancel(id, { actor })],
      ["duplicate", (p, id, actor) => p.duplicate(id, { actor })],
      ["recordPayment", (p, id, actor) => p.recordPayment(id, { status: "PAID" }, { actor })],
    ];
    it.each(calls)("%s is forbidden with details.mode TEST, and writes nothing", async (_name, call) => {
      const world = makeWorld();
      const { links } = await world.paylinks.createOrder(linkRequest({ mode: "TEST" }), { actor: OWNER });
      const before = await snapshotOf(world.store);
      const error = await rejectionOf(call(world.paylinks, first(links).id, PRODUCTION_ONLY));
      expect(error).toMatchObject({ code: "forbidden", details: { mode: "TEST" } });
      expect(await snapshotOf(world.store)).toEqual(before);
    });
  });

  describe("duplicate", () => {
    it("keeps a TEST link's mode", async () => {
      const world = makeWorld();
      const { links } = await world.paylinks.createOrder(linkRequest({ mode: "TEST" }), { actor: OWNER });
      const copy = await world.paylinks.duplicate(first(links).id, { actor: TEST_ONLY });
      expect(copy.order.mode).toBe("TEST");
      expect(copy.links.map((link) => link.mode)).toEqual(["TEST"]);
    });
  });
});

describe("createPaylinks listLinks", () => {
  describe("what each actor sees", () => {
    it.each([
      [
        "the owner (shop-1, every mode, every order)",
        OWNER,
        ["alice@example.fr", "bob@example.fr", "carol@example.fr"],
      ],
      ["a TEST-only actor", TEST_ONLY, ["bob@example.fr"]],
      ["a PRODUCTION-only actor", PRODUCTION_ONLY, ["alice@example.fr", "carol@example.fr"]],
      ["an actor who sees only its own orders", OWN_ONLY, ["carol@example.fr"]],
      ["an actor of shop-2", SHOP_2, ["dave@example.fr"]],
      [
        "an actor of both shops",
        BOTH_SHOPS,
        ["alice@example.fr", "bob@example.fr", "carol@example.fr", "dave@example.fr"],
      ],
    ] as const)("%s", async (_name, actor, expected) => {
      const world = await populated();
      expect(await visible(world.paylinks, actor)).toEqual(expected);
    });

    it("narrows by shop and mode when asked for ones the actor has", async () => {
      const world = await populated();
      expect(await visible(world.paylinks, BOTH_SHOPS, { shopIds: ["shop-2"] })).toEqual(["dave@example.fr"]);
      expect(await visible(world.paylinks, OWNER, { modes: ["TEST"] })).toEqual(["bob@example.fr"]);
      expect(await visible(world.paylinks, OWNER, { createdBy: "user-2" })).toEqual(["carol@example.fr"]);
      expect(await visible(world.paylinks, OWN_ONLY, { createdBy: "user-2" })).toEqual(["carol@example.fr"]);
    });

    it("pages through only what the actor may see", async () => {
      const world = await populated();
      await world.paylinks.createOrder(linkRequest({ recipients: "erin@example.fr;fred@example.fr" }), {
        actor: OWN_ONLY,
      });
      const page1 = await world.paylinks.listLinks({}, { limit: 2 }, { actor: OWN_ONLY });
      expect(page1.links.map((l) => l.recipient)).toEqual(["carol@example.fr", "erin@example.fr"]);
      expect(page1.nextCursor).toBeDefined();
      const page2 = await world.paylinks.listLinks({}, { limit: 2, cursor: page1.nextCursor }, { actor: OWN_ONLY });
      expect(page2.links.map((l) => l.recipient)).toEqual(["fred@example.fr"]);
      expect(page2.nextCursor).toBeUndefined();
    });
  });

  describe("asking for what the actor lacks", () => {
    it("a shop it may not use is forbidden, naming the shop", async () => {
      const world = await populated();
      const error = await rejectionOf(world.paylinks.listLinks({ shopIds: ["shop-2"] }, {}, { actor: OWNER }));
      expect(error).toMatchObject({ code: "forbidden", details: { action: "listLinks", shopId: "shop-2" } });
    });

    it("a mode it may not use is forbidden, naming the mode, with or without a shop", async () => {
      const world = await populated();
      for (const filter of [
        { modes: ["PRODUCTION" as const] },
        { shopIds: ["shop-1"], modes: ["PRODUCTION" as const] },
      ]) {
        const error = await rejectionOf(world.paylinks.listLinks(filter, {}, { actor: TEST_ONLY }));
        expect(error).toMatchObject({ code: "forbidden", details: { action: "listLinks", mode: "PRODUCTION" } });
      }
    });

    it("someone else's orders without viewAllOrders is forbidden", async () => {
      const world = await populated();
      const error = await rejectionOf(world.paylinks.listLinks({ createdBy: OWNER.id }, {}, { actor: OWN_ONLY }));
      expect(error).toMatchObject({ code: "forbidden", details: { permission: "viewAllOrders" } });
    });

    it("another order's id gives an empty list, not the order's links", async () => {
      const world = await populated();
      const dave = world.byRecipient.get("dave@example.fr");
      const page = await world.paylinks.listLinks({ orderId: dave?.orderId }, {}, { actor: OWNER });
      expect(page.links).toEqual([]);
    });
  });
});

describe("createPaylinks expireDue scope", () => {
  it.each([
    ["a TEST-only actor expires only the TEST links", TEST_ONLY, ["bob@example.fr"]],
    ["an actor who sees only its own orders expires only those", OWN_ONLY, ["carol@example.fr"]],
    ["an actor of shop-2 expires only shop-2's links", SHOP_2, ["dave@example.fr"]],
  ] as const)("%s", async (_name, actor, expected) => {
    const world = await populated();
    world.clock.advance(PAST_EXPIRY_MS);
    const { expired } = await world.paylinks.expireDue({ actor });
    expect(expired).toBe(expected.length);
    const links = (await world.store.listLinks({ paymentStatuses: ["EXPIRED"] }, { limit: 100 })).links;
    expect(links.map((link) => link.recipient)).toEqual(expected);
  });
});
