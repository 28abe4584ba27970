import { describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import type { StoredLink, StoredOrder } from "../../src/ports";
import { createPaylinks, type PaylinksEvent } from "../../src/service";
import { createFakeClock } from "../support/fake-clock";
import { makeShop } from "../support/fixtures";
import {
  allLinks,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  paymentUrl,
  START,
  settle,
  type World,
} from "./support";

/** What the store held at the moment an event was emitted. */
interface Observed {
  readonly event: PaylinksEvent;
  readonly link: Promise<StoredLink | undefined>;
  readonly order: Promise<StoredOrder | undefined>;
}

/** Records, for every event, the store's state read inside the listener (the memory store reads at call time). */
function observe(world: World): Observed[] {
  const observed: Observed[] = [];
  world.paylinks.subscribe((event) => {
    const linkId = event.type === "created" ? event.linkIds[0] : event.linkId;
    observed.push({
      event,
      link: world.store.getLink(linkId ?? ""),
      order: world.store.getOrder(event.orderId),
    });
  });
  return observed;
}

/** Runs every kind of change on four links: alice, bob, carol and dora (whose mailbox refuses mail). */
async function lifecycle(world: World): Promise<void> {
  const { paylinks, transport, clock } = world;
  const actor = OWNER;
  transport.failFor("dora@example.fr", { kind: "permanent" });
  const { results } = await paylinks.send(
    linkRequest({ recipients: ["alice@example.fr", "bob@example.fr", "carol@example.fr", "dora@example.fr"] }),
    { actor },
  );
  const [alice, bob, carol] = results.map((r) => r.linkId);
  if (!alice || !bob || !carol) throw new Error("expected four links");
  await paylinks.resend(alice, { actor });
  await paylinks.deliver();
  await paylinks.update(alice, { amount: 1234 }, { actor });
  await paylinks.changeExpiry(alice, { validityDays: 20 }, { actor });
  await paylinks.cancel(alice, { actor });
  await paylinks.reactivate(alice, { actor });
  await paylinks.recordPayment(alice, { status: "PAID", transactionId: "tx-1" }, { actor });
  await paylinks.recordPayment(bob, { status: "REFUSED", transactionId: "tx-2" }, { actor });
  clock.advance(PAST_EXPIRY_MS);
  // carol (sent) and dora (her e-mail failed) are still running: both expire.
  await paylinks.expireDue({ actor });
  await paylinks.duplicate(carol, { actor });
}

describe("createPaylinks events", () => {
  describe("over a whole lifecycle", () => {
    it("emits each typed event once per change, in order", async () => {
      const world = makeWorld();
      await lifecycle(world);
      expect(world.events.map((e) => e.type)).toEqual([
        "created",
        "sent",
        "sent",
        "sent",
        "delivery_failed",
        "resent",
        "sent",
        "updated",
        "expiry_changed",
        "cancelled",
        "reactivated",
        "paid",
        "refused",
        "expired",
        "expired",
        "created",
      ]);
    });

    it("emits each one after the change is stored: a listener reading the store sees the new state", async () => {
      const world = makeWorld();
      const observed = observe(world);
      await lifecycle(world);
      expect(observed).toHaveLength(16);
      for (const { event, link: linkRead, order: orderRead } of observed) {
        const link = await linkRead;
        const order = await orderRead;
        expect(order, `${event.type}: the order is stored`).toBeDefined();
        expect(link, `${event.type}: the link is stored`).toBeDefined();
        if (!link) continue;
        if (event.type === "created") {
          expect(order?.id).toBe(event.orderId);
          continue;
        }
        expect(event.at, `${event.type}: at is the stored updatedAt`).toEqual(link.updatedAt);
        const expected: Record<string, unknown> | undefined = {
          sent: { delivery: { status: "SENT" as const, messageId: "messageId" in event ? event.messageId : "" } },
          delivery_failed: { delivery: { status: "FAILED" as const } },
          resent: { delivery: { status: "PENDING" as const, sendCount: 2 } },
          updated: { amount: 1234, delivery: { sendCount: 3 } },
          expiry_changed: { expiresAt: "expiresAt" in event ? event.expiresAt : new Date(0) },
          cancelled: { payment: { status: "CANCELLED" as const } },
          reactivated: { payment: { status: "RUNNING" as const } },
          paid: { payment: { status: "PAID" as const, transactionId: "tx-1" } },
          refused: { payment: { status: "REFUSED" as const, transactionId: "tx-2" } },
          expired: { payment: { status: "EXPIRED" as const } },
          opened: { openedAt: event.at },
          reminder_sent: { reminders: { sent: "reminder" in event ? event.reminder : 0 } },
          reminder_failed: { reminders: { lastError: "error" in event ? event.error : "" } },
          reminders_changed: { payment: { status: "RUNNING" as const } },
        }[event.type];
        expect(link, event.type).toMatchObject(expected);
      }
    });

    it("carries the typed fields: who acted, the attempt, the error, the transaction", async () => {
      const world = makeWorld();
      await lifecycle(world);
      const byType = (type: PaylinksEvent["type"]) => world.events.filter((e) => e.type === type);
      const created = first(byType("created"));
      expect(created).toMatchObject({ actorId: OWNER.id, shopId: "shop-1", mode: "PRODUCTION" });
      expect(created.type === "created" ? created.linkIds : []).toHaveLength(4);
      expect(first(byType("sent"))).toMatchObject({ actorId: undefined, attempt: 1 });
      expect(first(byType("delivery_failed"))).toMatchObject({ actorId: undefined, attempts: 1 });
      expect(JSON.stringify(first(byType("delivery_failed")))).toContain("550");
      expect(first(byType("cancelled"))).toMatchObject({ actorId: OWNER.id });
      expect(first(byType("paid"))).toMatchObject({ transactionId: "tx-1", actorId: OWNER.id });
      expect(first(byType("refused"))).toMatchObject({ transactionId: "tx-2" });
    });

    it("writes a link event's common fields first, in one order, so that a webhook body keeps its shape", async () => {
      const world = makeWorld();
      await lifecycle(world);
      const common = ["at", "linkId", "orderId", "shopId", "mode", "actorId", "type"];
      const keysOf = (type: PaylinksEvent["type"]) => Object.keys(first(world.events.filter((e) => e.type === type)));
      expect(keysOf("sent")).toEqual([...common, "messageId", "attempt"]);
      expect(keysOf("delivery_failed")).toEqual([...common, "error", "attempts"]);
      const linkEvents = world.events.filter((e) => e.type !== "created");
      expect(new Set(linkEvents.map((e) => e.type)).size).toBeGreaterThan(4);
      for (const event of linkEvents) expect(Object.keys(event).slice(0, common.length), event.type).toEqual(common);
      expect(JSON.stringify(first(world.events.filter((e) => e.type === "sent")))).toMatch(
        /^\{"at":"[^"]+","linkId":"[^"]+","orderId":"[^"]+","shopId":"shop-1","mode":"PRODUCTION","type":"sent","messageId":"<[^"]+>","attempt":1\}$/,
      );
    });

    it("never carries a token or a URL", async () => {
      const world = makeWorld();
      await lifecycle(world);
      const json = JSON.stringify(world.events);
      const links = await allLinks(world.store);
      expect(links.length).toBeGreaterThan(4);
      for (const link of links) {
        expect(json).not.toContain(link.token);
        expect(json).not.toContain(link.url);
      }
      expect(json).not.toContain("pay.example.com");
    });
  });

  describe("listeners that fail", () => {
    it("a throwing listener does not break the call; onListenerError gets the error; other listeners still run", async () => {
      const world = makeWorld();
      const boom = new Error("listener exploded");
      world.paylinks.subscribe(() => {
        throw boom;
      });
      const after: string[] = [];
      world.paylinks.subscribe((event) => {
        after.push(event.type);
      });
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      await expect(world.paylinks.cancel(first(links).id, { actor: OWNER })).resolves.toMatchObject({
        payment: { status: "CANCELLED" },
      });
      expect(world.listenerErrors).toEqual([boom, boom]);
      expect(after).toEqual(["created", "cancelled"]);
    });

    it("a rejecting async listener is reported to onListenerError too", async () => {
      const world = makeWorld();
      const boom = new Error("async listener exploded");
      world.paylinks.subscribe(async () => {
        throw boom;
      });
      await world.paylinks.send(linkRequest(), { actor: OWNER });
      await settle();
      expect(world.listenerErrors).toEqual([boom, boom]);
      expect(world.transport.messages).toHaveLength(1);
    });

    it("without onListenerError, a throwing listener is ignored", async () => {
      const paylinks = createPaylinks({
        store: createMemoryStore(),
        transport: createCaptureTransport(),
        shops: [makeShop()],
        clock: createFakeClock(START),
        paymentUrl,
      });
      paylinks.subscribe(() => {
        throw new Error("ignored");
      });
      await expect(paylinks.send(linkRequest(), { actor: OWNER })).resolves.toMatchObject({ created: true });
    });
  });

  describe("unsubscribe", () => {
    it("stops the events to that listener only", async () => {
      const world = makeWorld();
      const seen: string[] = [];
      const unsubscribe = world.paylinks.subscribe((event) => {
        seen.push(event.type);
      });
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      unsubscribe();
      await world.paylinks.cancel(first(links).id, { actor: OWNER });
      expect(seen).toEqual(["created"]);
      expect(world.events.map((e) => e.type)).toEqual(["created", "cancelled"]);
    });
  });

  describe("calls that fail", () => {
    it("emit nothing", async () => {
      const world = makeWorld();
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const before = world.events.length;
      await expect(world.paylinks.reactivate(first(links).id, { actor: OWNER })).rejects.toMatchObject({
        code: "invalid_transition",
      });
      await expect(world.paylinks.createOrder(linkRequest({ amount: -1 }), { actor: OWNER })).rejects.toMatchObject({
        code: "invalid_request",
      });
      expect(world.events.length).toBe(before);
    });
  });
});
