import { describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import type { PaymentOrderRequest } from "../../src/index";
import { planPaymentOrder } from "../../src/index";
import { createPaylinks, type Paylinks } from "../../src/service";
import { makeShop } from "../support/fixtures";
import { actorWith, counterIds, linkRequest, makeWorld, OWNER, paymentUrl, rejectionOf, START } from "./support";

/** A request with problems in all three steps. */
const BAD: PaymentOrderRequest = linkRequest(
  { amount: -5, currency: "XXX", recipients: "alice@example.fr, bob@example.fr", orderReference: "REF 42" },
  {
    advanced: { validityDays: 500, captureDelayDays: -1 },
    message: { subject: "Hi", body: "Pay %amount% at %nowhere%" },
  },
);

describe("createPaylinks invalid input", () => {
  describe("createOrder and send with an invalid request", () => {
    it.each(["createOrder", "send"] as const)(
      "%s throws invalid_request with the plan's issues, and stores, emits and sends nothing",
      async (method) => {
        const world = makeWorld();
        const error = await rejectionOf(world.paylinks[method](BAD, { actor: OWNER }));
        expect(error.code).toBe("invalid_request");
        // The same issues as the pure plan reports.
        const plan = planPaymentOrder(BAD, {
          shop: makeShop(),
          actor: OWNER,
          now: START,
          generateId: counterIds(),
          paymentUrl,
        });
        if (plan.ok) throw new Error("the plan should fail");
        expect(error.issues).toEqual(plan.issues);
        expect(new Set(error.issues.map((issue) => issue.path[0]))).toEqual(new Set(["link", "advanced", "message"]));
        expect(error.issues.map((issue) => issue.code)).toEqual(
          expect.arrayContaining([
            "amount_not_positive",
            "recipient_separator",
            "reference_invalid_character",
            "validity_out_of_range",
            "capture_delay_out_of_range",
            "message_unknown_variable",
          ]),
        );
        expect(world.store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
        expect(world.events).toEqual([]);
        expect(world.transport.messages).toHaveLength(0);
      },
    );

    it("gives the messages in French when asked", async () => {
      const world = makeWorld();
      const error = await rejectionOf(
        world.paylinks.createOrder(linkRequest({ amount: -5 }), { actor: OWNER, locale: "fr" }),
      );
      expect(error.issues).toMatchObject([{ code: "amount_not_positive", path: ["link", "amount"] }]);
      expect(error.issues[0]?.message).toMatch(/montant/i);
    });

    it("without a shop id: invalid_request at link.shopId", async () => {
      const world = makeWorld();
      const request = {
        link: { amount: 100, currency: "EUR", recipients: "a@example.fr" },
      } as unknown as PaymentOrderRequest;
      const error = await rejectionOf(world.paylinks.createOrder(request, { actor: OWNER }));
      expect(error.code).toBe("invalid_request");
      expect(error.issues).toMatchObject([{ code: "type_invalid", path: ["link", "shopId"] }]);
    });

    it("with an unknown mode: invalid_request at link.mode", async () => {
      const world = makeWorld();
      const request = linkRequest({ mode: "STAGING" as unknown as "TEST" });
      const error = await rejectionOf(world.paylinks.createOrder(request, { actor: OWNER }));
      expect(error.issues).toMatchObject([{ code: "mode_invalid", path: ["link", "mode"] }]);
    });

    it.each([null, "a string", 42])("a request that is not an object (%s) is invalid_request", async (request) => {
      const world = makeWorld();
      const error = await rejectionOf(
        world.paylinks.createOrder(request as unknown as PaymentOrderRequest, { actor: OWNER }),
      );
      expect(error.code).toBe("invalid_request");
      expect(world.store.size().orders).toBe(0);
    });
  });

  describe("an unknown shop", () => {
    it("the actor may use it but no shop is configured: not_found naming it, nothing stored", async () => {
      const world = makeWorld();
      const actor = actorWith({ shopIds: ["shop-1", "shop-9"] });
      const error = await rejectionOf(world.paylinks.createOrder(linkRequest({ shopId: "shop-9" }), { actor }));
      expect(error).toMatchObject({ code: "not_found", details: { shopId: "shop-9" } });
      expect(world.store.size().orders).toBe(0);
    });

    it("shops given as an async function are looked up through it", async () => {
      const shop = makeShop();
      const asked: string[] = [];
      const paylinks = createPaylinks({
        store: createMemoryStore(),
        transport: createCaptureTransport(),
        shops: async (id) => {
          asked.push(id);
          return id === shop.id ? shop : undefined;
        },
        paymentUrl,
        generateId: counterIds(),
      });
      const actor = actorWith({ shopIds: ["shop-1", "shop-9"] });
      await expect(paylinks.createOrder(linkRequest(), { actor })).resolves.toMatchObject({ created: true });
      const error = await rejectionOf(paylinks.createOrder(linkRequest({ shopId: "shop-9" }), { actor }));
      expect(error.code).toBe("not_found");
      expect(asked).toEqual(["shop-1", "shop-9"]);
    });
  });

  describe("an unknown link or order", () => {
    const calls: readonly (readonly [string, (p: Paylinks, id: string) => Promise<unknown>])[] = [
      ["resend", (p, id) => p.resend(id, { actor: OWNER })],
      ["update", (p, id) => p.update(id, { amount: 1 }, { actor: OWNER })],
      ["changeExpiry", (p, id) => p.changeExpiry(id, { validityDays: 1 }, { actor: OWNER })],
      ["cancel", (p, id) => p.cancel(id, { actor: OWNER })],
      ["reactivate", (p, id) => p.reactivate(id, { actor: OWNER })],
      ["duplicate", (p, id) => p.duplicate(id, { actor: OWNER })],
      ["recordPayment", (p, id) => p.recordPayment(id, { status: "PAID" }, { actor: OWNER })],
      ["getLink", (p, id) => p.getLink(id, { actor: OWNER })],
    ];
    it.each(calls)("%s of an unknown link is not_found naming it", async (_name, call) => {
      const world = makeWorld();
      const error = await rejectionOf(call(world.paylinks, "no-such-link"));
      expect(error).toMatchObject({ code: "not_found", details: { linkId: "no-such-link" } });
      expect(world.store.size().orders).toBe(0);
    });

    it.each(calls)("%s with an empty link id is not_found", async (_name, call) => {
      const world = makeWorld();
      const error = await rejectionOf(call(world.paylinks, ""));
      expect(error.code).toBe("not_found");
    });

    it("getOrder of an unknown order is not_found naming it", async () => {
      const world = makeWorld();
      const error = await rejectionOf(world.paylinks.getOrder("no-such-order", { actor: OWNER }));
      expect(error).toMatchObject({ code: "not_found", details: { orderId: "no-such-order" } });
    });
  });
});
