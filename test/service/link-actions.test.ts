import { describe, expect, it } from "vitest";
import type { LinkChanges } from "../../src/service";
import { makeShop } from "../support/fixtures";
import {
  actorWith,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  recipients,
  rejectionOf,
  sentLink,
  snapshotOf,
  storedLink,
} from "./support";

describe("createPaylinks update", () => {
  describe("a running link", () => {
    it("keeps its id, token, URL and reference, renders the e-mail again and queues it", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      const updated = await world.paylinks.update(link.id, { amount: 1234, buyerReference: "CLI-9" }, { actor: OWNER });
      expect(updated).toMatchObject({ id: link.id, token: link.token, url: link.url, reference: link.reference });
      expect(updated).toMatchObject({
        amount: 1234,
        buyerReference: "CLI-9",
        delivery: { status: "PENDING", sendCount: 2 },
      });
      expect(updated.text).toContain("12,34");
      expect(updated.text).not.toContain("49,90");
      expect(await storedLink(world.store, link.id)).toEqual(updated);
      await world.paylinks.deliver();
      expect(world.transport.messages.map((m) => m.mail.subject)).toEqual([link.subject, updated.subject]);
      expect(world.transport.messages[1]?.text).toContain("12,34");
    });

    it("removes the buyer reference with null", async () => {
      const world = makeWorld();
      const link = await sentLink(world, OWNER, linkRequest({ buyerReference: "CLI-7" }));
      const updated = await world.paylinks.update(link.id, { buyerReference: null }, { actor: OWNER });
      expect(updated.buyerReference).toBeUndefined();
    });

    it("keeps the expiry unless a new one is given", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.advance(DAY_MS);
      const updated = await world.paylinks.update(link.id, { amount: 100 }, { actor: OWNER });
      expect(updated.expiresAt).toEqual(link.expiresAt);
    });
  });

  describe("an expired link", () => {
    it("with a new future expiry runs again and is queued", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.advance(PAST_EXPIRY_MS);
      await world.paylinks.expireDue({ actor: OWNER });
      const updated = await world.paylinks.update(link.id, { advanced: { validityDays: 2 } }, { actor: OWNER });
      expect(updated).toMatchObject({ payment: { status: "RUNNING" }, delivery: { status: "PENDING" } });
      expect(updated.expiresAt).toEqual(new Date("2026-12-11T22:59:59Z"));
    });

    it("without a new expiry is an invalid request (its expiry is in the past), and nothing is written", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.advance(PAST_EXPIRY_MS);
      await world.paylinks.expireDue({ actor: OWNER });
      const before = await snapshotOf(world.store);
      const error = await rejectionOf(world.paylinks.update(link.id, { amount: 100 }, { actor: OWNER }));
      expect(error.code).toBe("invalid_request");
      expect(error.issues).toMatchObject([{ code: "expiry_in_past", path: ["advanced", "expiresAt"] }]);
      expect(await snapshotOf(world.store)).toEqual(before);
    });
  });

  describe("refused changes", () => {
    it("a change of channel is an invalid request naming the channel, and nothing is written", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      const before = await snapshotOf(world.store);
      const changes = { channel: "sms" } as unknown as LinkChanges;
      const error = await rejectionOf(world.paylinks.update(link.id, changes, { actor: OWNER }));
      expect(error).toMatchObject({ code: "invalid_request", details: { channel: "sms" } });
      expect(await snapshotOf(world.store)).toEqual(before);
    });

    it("channel email is accepted (it is no change)", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      await expect(world.paylinks.update(link.id, { channel: "email" }, { actor: OWNER })).resolves.toMatchObject({
        delivery: { sendCount: 2 },
      });
    });

    it("invalid values give every issue, under link/advanced/message, and nothing is written", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      const before = await snapshotOf(world.store);
      const error = await rejectionOf(
        world.paylinks.update(
          link.id,
          {
            amount: -5,
            currency: "JPY",
            recipient: "not an address",
            advanced: { captureDelayDays: 999 },
            message: { subject: "Hello", body: "Pay %nope%" },
          },
          { actor: OWNER },
        ),
      );
      expect(error.code).toBe("invalid_request");
      const heads = new Set(error.issues.map((issue) => issue.path[0]));
      expect(heads).toEqual(new Set(["link", "advanced", "message"]));
      expect(error.issues.map((issue) => issue.code)).toEqual(
        expect.arrayContaining([
          "amount_not_positive",
          "currency_not_accepted",
          "recipient_invalid",
          "message_unknown_variable",
        ]),
      );
      expect(await snapshotOf(world.store)).toEqual(before);
      expect(world.events.filter((e) => e.type === "updated")).toEqual([]);
    });

    it("a recipient change with several addresses is an invalid request (a link has one recipient)", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      const before = await snapshotOf(world.store);
      const error = await rejectionOf(
        world.paylinks.update(link.id, { recipient: "bob@example.fr;carol@example.fr" }, { actor: OWNER }),
      );
      expect(error.code).toBe("invalid_request");
      expect(error.issues).toMatchObject([{ code: "recipient_invalid", path: ["link", "recipients", 0] }]);
      expect(await snapshotOf(world.store)).toEqual(before);
    });
  });
});

const DAY_MS = 86_400_000;

describe("createPaylinks changeExpiry", () => {
  describe("an expired link that was sent", () => {
    it("is reopened to RUNNING with the new expiry and nothing is sent, now or by the next deliver", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.advance(PAST_EXPIRY_MS);
      await world.paylinks.expireDue({ actor: OWNER });
      const sent = world.transport.messages.length;
      const changed = await world.paylinks.changeExpiry(link.id, { expiresAt: "2026-12-20" }, { actor: OWNER });
      expect(changed).toMatchObject({ payment: { status: "RUNNING" }, delivery: { status: "SENT", sendCount: 1 } });
      expect(changed.expiresAt).toEqual(new Date("2026-12-20T22:59:59Z"));
      expect(world.transport.messages.length).toBe(sent);
      const report = await world.paylinks.deliver();
      expect(report.sent).toBe(0);
      expect(world.transport.messages.length).toBe(sent);
    });

    it("a lapsed link (expiry passed, not yet marked) is reopened too", async () => {
      const world = makeWorld();
      const link = await sentLink(world);
      world.clock.advance(PAST_EXPIRY_MS);
      const changed = await world.paylinks.changeExpiry(link.id, { validityDays: 1 }, { actor: OWNER });
      expect(changed.payment.status).toBe("RUNNING");
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 0 });
    });
  });

  describe("a link that expired before its e-mail left", () => {
    it("is scheduled again: changeExpiry sends nothing, the next deliver sends its first e-mail once", async () => {
      const world = makeWorld();
      const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      world.clock.advance(PAST_EXPIRY_MS);
      await world.paylinks.expireDue({ actor: OWNER });
      await world.paylinks.changeExpiry(first(links).id, { validityDays: 3 }, { actor: OWNER });
      expect(world.transport.messages).toHaveLength(0);
      await world.paylinks.deliver();
      expect(world.transport.messages.map((m) => m.headers["Message-ID"])).toEqual([
        `<${first(links).id}.1@paylinks.invalid>`,
      ]);
    });
  });

  describe("invalid expiries", () => {
    it.each([
      ["neither validityDays nor expiresAt", {}, undefined],
      ["a day in the past", { expiresAt: "2026-11-30" }, "expiry_in_past"],
      ["more than 90 days", { validityDays: 91 }, "validity_out_of_range"],
      ["both at once", { validityDays: 3, expiresAt: "2026-12-20" }, "validity_conflict"],
    ] as const)("%s is an invalid request, and nothing is written", async (_name, expiry, code) => {
      const world = makeWorld();
      const link = await sentLink(world);
      const before = await snapshotOf(world.store);
      const error = await rejectionOf(world.paylinks.changeExpiry(link.id, expiry, { actor: OWNER }));
      expect(error.code).toBe("invalid_request");
      if (code !== undefined) expect(error.issues.map((issue) => issue.code)).toContain(code);
      expect(await snapshotOf(world.store)).toEqual(before);
    });
  });
});

describe("createPaylinks cancel and reactivate", () => {
  it("a link cancelled before delivery is not sent; reactivated, it is", async () => {
    const world = makeWorld();
    const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
    const linkId = first(links).id;
    await world.paylinks.cancel(linkId, { actor: OWNER });
    await world.paylinks.deliver();
    expect(world.transport.messages).toHaveLength(0);
    await world.paylinks.reactivate(linkId, { actor: OWNER });
    await world.paylinks.deliver();
    expect(world.transport.messages.map((m) => m.mail.linkId)).toEqual([linkId]);
  });

  it("reactivating after the expiry is an invalid transition with reason expired, and nothing is written", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    await world.paylinks.cancel(link.id, { actor: OWNER });
    world.clock.advance(PAST_EXPIRY_MS);
    const before = await snapshotOf(world.store);
    const eventsBefore = world.events.length;
    const error = await rejectionOf(world.paylinks.reactivate(link.id, { actor: OWNER }));
    expect(error.code).toBe("invalid_transition");
    expect(error.details).toMatchObject({
      action: "reactivate",
      status: "CANCELLED",
      reason: "expired",
      linkId: link.id,
    });
    expect(await snapshotOf(world.store)).toEqual(before);
    expect(world.events.slice(eventsBefore)).toEqual([]);
  });

  it("reactivating at the last second before the expiry is allowed", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    await world.paylinks.cancel(link.id, { actor: OWNER });
    world.clock.set(link.expiresAt);
    await expect(world.paylinks.reactivate(link.id, { actor: OWNER })).resolves.toMatchObject({
      payment: { status: "RUNNING" },
    });
  });
});

describe("createPaylinks duplicate", () => {
  it("creates a new order with the same recipient, amount, buyer reference, copies and message, without the reference", async () => {
    const world = makeWorld();
    const message = { subject: "Votre commande", body: "Payez ici : %url%" };
    const link = await sentLink(
      world,
      OWNER,
      linkRequest({ buyerReference: "CLI-7", bcc: { shopManager: true, me: true } }, { message }),
    );
    const copy = await world.paylinks.duplicate(link.id, { actor: OWNER });
    const dup = first(copy.links);
    expect(copy.created).toBe(true);
    expect(copy.order.id).not.toBe(link.orderId);
    expect(dup.id).not.toBe(link.id);
    expect(dup.token).not.toBe(link.token);
    expect(dup.url).not.toBe(link.url);
    expect(dup).toMatchObject({
      recipient: link.recipient,
      amount: link.amount,
      currency: link.currency,
      buyerReference: "CLI-7",
      bcc: link.bcc,
      message,
      reference: undefined,
      payment: { status: "RUNNING" },
      delivery: { status: "PENDING" },
    });
    expect(copy.order.reference).toBeUndefined();
    expect(await storedLink(world.store, link.id)).toEqual(link);
  });

  it("takes a new reference when given", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const copy = await world.paylinks.duplicate(link.id, { actor: OWNER, reference: "NEW-1" });
    expect(first(copy.links).reference).toBe("NEW-1");
  });

  it("copies a link of a multi-recipient order as one link, and carries an update's amount", async () => {
    const world = makeWorld();
    const { links } = await world.paylinks.createOrder(linkRequest({ recipients: recipients(3).join(";") }), {
      actor: OWNER,
    });
    const second = links[1];
    if (!second) throw new Error("expected three links");
    await world.paylinks.update(second.id, { amount: 777 }, { actor: OWNER });
    const copy = await world.paylinks.duplicate(second.id, { actor: OWNER });
    expect(copy.links).toHaveLength(1);
    expect(first(copy.links)).toMatchObject({ recipient: second.recipient, amount: 777, reference: undefined });
  });

  it("records the duplicating actor as the creator", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const colleague = actorWith({ id: "user-2", email: "paul@librairie-durand.fr" });
    const copy = await world.paylinks.duplicate(link.id, { actor: colleague });
    expect(copy.order.createdBy).toBe("user-2");
  });

  it("is refused as an invalid request when the shop requires a reference and none is given", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    // A second service over the same store, whose shop-1 now requires a reference.
    const strictWorld = makeWorld({
      store: world.store,
      clock: world.clock,
      workerId: "strict",
      shops: [makeShop({ referenceRequired: true })],
    });
    const error = await rejectionOf(strictWorld.paylinks.duplicate(link.id, { actor: OWNER }));
    expect(error.code).toBe("invalid_request");
    expect(error.issues.map((issue) => issue.code)).toContain("reference_required");
    expect(world.store.size().orders).toBe(1);
  });
});

describe("createPaylinks recordPayment", () => {
  it("marks a running link PAID with the transaction and the instant, and stops its pending delivery", async () => {
    const world = makeWorld();
    const { links } = await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
    const linkId = first(links).id;
    const paid = await world.paylinks.recordPayment(
      linkId,
      { status: "PAID", transactionId: "tx-1" },
      { actor: OWNER },
    );
    expect(paid).toMatchObject({ payment: { status: "PAID", transactionId: "tx-1", at: world.clock.now() } });
    await world.paylinks.deliver();
    expect(world.transport.messages).toHaveLength(0);
  });

  it.each(["PAID", "REFUSED"] as const)(
    "recording %s twice is harmless: same link, no write, one event",
    async (status) => {
      const world = makeWorld();
      const link = await sentLink(world);
      const once = await world.paylinks.recordPayment(link.id, { status, transactionId: "tx-1" }, { actor: OWNER });
      const before = await snapshotOf(world.store);
      const twice = await world.paylinks.recordPayment(link.id, { status, transactionId: "tx-1" }, { actor: OWNER });
      expect(twice).toEqual(once);
      expect(await snapshotOf(world.store)).toEqual(before);
      expect(world.events.filter((e) => e.type === "paid" || e.type === "refused")).toHaveLength(1);
    },
  );

  // Regression test, for a bug fixed since (src/service/create-paylinks.ts, recordPayment: the "same result already recorded" check runs once,
  // before changeLink, and not again when changeLink re-reads the link after losing an optimistic write). Two
  // deliveries of the same payment notification at the same time (payment platforms retry their webhooks) both
  // see RUNNING and pass the check; the loser re-reads the link, now PAID, and assertTransition refuses it.
  // Input: Promise.allSettled of two recordPayment(linkId, { status: "PAID", transactionId: "tx-1" }).
  // Expected: both fulfilled with the PAID link ("recording the same result twice is harmless").
  it("recording the same result twice at the same time is harmless too", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const outcomes = await Promise.allSettled([
      world.paylinks.recordPayment(link.id, { status: "PAID", transactionId: "tx-1" }, { actor: OWNER }),
      world.paylinks.recordPayment(link.id, { status: "PAID", transactionId: "tx-1" }, { actor: OWNER }),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(world.events.filter((e) => e.type === "paid")).toHaveLength(1);
  });

  it("another result after the first is an invalid transition", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    await world.paylinks.recordPayment(link.id, { status: "REFUSED", transactionId: "tx-1" }, { actor: OWNER });
    const error = await rejectionOf(
      world.paylinks.recordPayment(link.id, { status: "PAID", transactionId: "tx-2" }, { actor: OWNER }),
    );
    expect(error).toMatchObject({
      code: "invalid_transition",
      details: { status: "REFUSED", action: "recordPayment" },
    });
  });

  it("a payment dated after the expiry is refused, even while the link is still running", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const late = new Date(link.expiresAt.getTime() + 1000);
    const before = await snapshotOf(world.store);
    const error = await rejectionOf(
      world.paylinks.recordPayment(link.id, { status: "PAID", at: late }, { actor: OWNER }),
    );
    expect(error).toMatchObject({
      code: "invalid_transition",
      details: { status: "EXPIRED", action: "recordPayment" },
    });
    expect(await snapshotOf(world.store)).toEqual(before);
  });

  it("a result other than PAID or REFUSED is an invalid request", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const result = { status: "MAYBE" } as unknown as { status: "PAID" };
    const error = await rejectionOf(world.paylinks.recordPayment(link.id, result, { actor: OWNER }));
    expect(error).toMatchObject({ code: "invalid_request", details: { status: "MAYBE" } });
  });
});

describe("createPaylinks expireDue", () => {
  it("expires every lapsed link, one expired event each, and at most limit per call", async () => {
    const world = makeWorld();
    await world.paylinks.createOrder(linkRequest({ recipients: recipients(5).join(";") }), { actor: OWNER });
    world.clock.advance(PAST_EXPIRY_MS);
    await expect(world.paylinks.expireDue({ actor: OWNER, limit: 2 })).resolves.toEqual({ expired: 2 });
    await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 3 });
    await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 0 });
    const expired = world.events.filter((e) => e.type === "expired");
    expect(expired).toHaveLength(5);
    expect(new Set(expired.map((e) => ("linkId" in e ? e.linkId : ""))).size).toBe(5);
  });

  it("expires links across several pages of the store (more than 500)", async () => {
    const world = makeWorld();
    await world.paylinks.createOrder(linkRequest({ recipients: recipients(520) }), { actor: OWNER });
    world.clock.advance(PAST_EXPIRY_MS);
    await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 520 });
  });

  // Regression test, for a bug fixed since (src/service/transitions.ts, ALLOWED_FROM.expire = ["EXPIRED"], used by expireDue in
  // src/service/create-paylinks.ts): the "expire" action is allowed from the *effective* status EXPIRED, which a
  // link already stored as EXPIRED also has. When two expireDue calls run at the same time (two cron workers),
  // both list the same RUNNING links; the loser of each optimistic write re-reads the link, now EXPIRED, passes
  // assertTransition, and writes and counts it again. The comment in expireDue says "already expired in the
  // meantime is not an error here", i.e. it meant it to be skipped.
  // Input: 3 lapsed links, Promise.all([expireDue, expireDue]).
  // Expected: expired counts summing to 3, one "expired" event per link.
  it("two concurrent calls expire each link once: one event and one count per link", async () => {
    const world = makeWorld();
    await world.paylinks.createOrder(linkRequest({ recipients: recipients(3).join(";") }), { actor: OWNER });
    world.clock.advance(PAST_EXPIRY_MS);
    const [a, b] = await Promise.all([
      world.paylinks.expireDue({ actor: OWNER }),
      world.paylinks.expireDue({ actor: OWNER }),
    ]);
    expect(world.events.filter((e) => e.type === "expired")).toHaveLength(3);
    expect(a.expired + b.expired).toBe(3);
  });
});
