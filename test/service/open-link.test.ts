import { describe, expect, it } from "vitest";
import type { PaymentOrderStore } from "../../src/ports";
import {
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  rejectionOf,
  sentLink,
  snapshotOf,
  storedLink,
} from "./support";

describe("createPaylinks openLink (the payment page's token lookup)", () => {
  it("answers a running link as payable, with what the page shows and never the token or the URL", async () => {
    const world = makeWorld();
    const link = await sentLink(world, OWNER, linkRequest({ buyerReference: "CLI-7" }));
    const opening = await world.paylinks.openLink(link.token);
    expect(opening).toEqual({
      payable: true,
      link: {
        linkId: link.id,
        shopId: "shop-1",
        shopName: expect.any(String),
        mode: link.mode,
        amount: 4990,
        currency: "EUR",
        reference: "REF-42",
        buyerReference: "CLI-7",
        recipient: "alice@example.fr",
        expiresAt: link.expiresAt,
        language: link.advanced.language,
      },
    });
    const text = JSON.stringify(opening);
    expect(text).not.toContain(link.token);
    expect(text).not.toContain(link.url);
    expect(text).not.toContain(link.subject);
  });

  it("records the first opening once: openedAt, one more version, one opened event without the token", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    expect(link.openedAt).toBeUndefined();
    world.clock.advance(60_000);
    const openedAt = world.clock.now();
    await world.paylinks.openLink(link.token);
    const after = await storedLink(world.store, link.id);
    expect(after).toEqual({ ...link, openedAt, updatedAt: openedAt, version: link.version + 1 });
    world.clock.advance(60_000);
    await world.paylinks.openLink(link.token);
    expect(await storedLink(world.store, link.id)).toEqual(after);
    const opened = world.events.filter((event) => event.type === "opened");
    expect(opened).toEqual([
      {
        type: "opened",
        at: openedAt,
        linkId: link.id,
        orderId: link.orderId,
        shopId: link.shopId,
        mode: link.mode,
        actorId: undefined,
      },
    ]);
    expect(JSON.stringify(world.events)).not.toContain(link.token);
  });

  it("records one opening when two requests open the link at once", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const [a, b] = await Promise.all([world.paylinks.openLink(link.token), world.paylinks.openLink(link.token)]);
    expect(a).toEqual(b);
    expect(world.events.filter((event) => event.type === "opened")).toHaveLength(1);
    expect((await storedLink(world.store, link.id)).version).toBe(link.version + 1);
  });

  it("gives an unknown, malformed or wrong token one and the same answer, and writes nothing", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    const before = await snapshotOf(world.store);
    const eventsBefore = world.events.length;
    const tokens: unknown[] = [
      "no-such-token",
      "",
      link.token.toUpperCase(),
      link.token.slice(0, -1),
      `${link.token}x`,
      ` ${link.token}`,
      "%",
      "_",
      "x".repeat(10_000),
      undefined,
      null,
      42,
      { token: link.token },
      [link.token],
    ];
    for (const token of tokens) {
      expect(await world.paylinks.openLink(token as string), JSON.stringify(token)?.slice(0, 40)).toEqual({
        payable: false,
        reason: "unknown",
      });
    }
    expect(await snapshotOf(world.store)).toEqual(before);
    expect(world.events).toHaveLength(eventsBefore);
  });

  it("does not trust a store that matches loosely: the token is compared again, in constant time", async () => {
    const loose = (store: PaymentOrderStore): PaymentOrderStore => ({
      ...store,
      findLinkByToken: async (token) =>
        (await store.findLinkByToken(token)) ?? store.findLinkByToken(token.toLowerCase()),
    });
    const world = makeWorld({ wrapStore: loose });
    const link = await sentLink(world);
    expect(link.token).toBe(link.token.toLowerCase());
    expect(await world.paylinks.openLink(link.token.toUpperCase())).toEqual({ payable: false, reason: "unknown" });
    expect(await world.paylinks.openLink(link.token)).toMatchObject({ payable: true });
  });

  it("tells why a link cannot be paid: cancelled, paid, refused, expired (stored or not yet)", async () => {
    const world = makeWorld();
    const links = [];
    for (let i = 0; i < 4; i++)
      links.push(await sentLink(world, OWNER, linkRequest({ recipients: `b${i}@example.fr` })));
    const [cancelled, paid, refused, expired] = links as [
      (typeof links)[number],
      (typeof links)[number],
      (typeof links)[number],
      (typeof links)[number],
    ];
    await world.paylinks.cancel(cancelled.id, { actor: OWNER });
    await world.paylinks.recordPayment(paid.id, { status: "PAID", transactionId: "tx-1" }, { actor: OWNER });
    await world.paylinks.recordPayment(refused.id, { status: "REFUSED", transactionId: "tx-2" }, { actor: OWNER });
    const reasonOf = async (token: string) => {
      const opening = await world.paylinks.openLink(token);
      return opening.payable ? "payable" : opening.reason;
    };
    expect(await reasonOf(cancelled.token)).toBe("cancelled");
    expect(await reasonOf(paid.token)).toBe("paid");
    expect(await reasonOf(refused.token)).toBe("refused");
    expect(await reasonOf(expired.token)).toBe("payable");
    world.clock.advance(PAST_EXPIRY_MS);
    // Past its expiry, before expireDue records it: still stored as RUNNING, already expired for the buyer.
    expect((await storedLink(world.store, expired.id)).payment.status).toBe("RUNNING");
    expect(await reasonOf(expired.token)).toBe("expired");
    await world.paylinks.expireDue({ actor: OWNER });
    expect((await storedLink(world.store, expired.id)).payment.status).toBe("EXPIRED");
    expect(await reasonOf(expired.token)).toBe("expired");
    const opening = await world.paylinks.openLink(paid.token);
    expect(opening).toMatchObject({ payable: false, reason: "paid", link: { linkId: paid.id, amount: 4990 } });
  });

  it("is payable until the last second of the expiry day", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    world.clock.set(link.expiresAt);
    expect(await world.paylinks.openLink(link.token)).toMatchObject({ payable: true });
    world.clock.set(new Date(link.expiresAt.getTime() + 1));
    expect(await world.paylinks.openLink(link.token)).toMatchObject({ payable: false, reason: "expired" });
  });

  it("names the shop by its id when the shop is no longer configured", async () => {
    let known = true;
    const world = makeWorld({
      shops: (id) =>
        known && id === "shop-1"
          ? { id, name: "Librairie Durand", language: "fr", timezone: "Europe/Paris", currencies: ["EUR"] }
          : undefined,
    });
    const link = await sentLink(world);
    expect(await world.paylinks.openLink(link.token)).toMatchObject({ link: { shopName: "Librairie Durand" } });
    known = false;
    expect(await world.paylinks.openLink(link.token)).toMatchObject({ payable: true, link: { shopName: "shop-1" } });
  });

  it("reports a storage failure as storage_failed, without the token, and records nothing", async () => {
    let failing = false;
    const world = makeWorld({
      wrapStore: (store) => ({
        ...store,
        findLinkByToken: async (token) => {
          if (failing) throw new Error(`connection reset while reading ${token}`);
          return store.findLinkByToken(token);
        },
      }),
    });
    const link = await sentLink(world);
    failing = true;
    const error = await rejectionOf(world.paylinks.openLink(link.token));
    expect(error.code).toBe("storage_failed");
    expect(`${error.message} ${JSON.stringify(error.details)}`).not.toContain(link.token);
    expect((await storedLink(world.store, link.id)).openedAt).toBeUndefined();
  });

  it("keeps the opening through an update and a duplicate starts unopened", async () => {
    const world = makeWorld();
    const link = await sentLink(world);
    await world.paylinks.openLink(link.token);
    const opened = (await storedLink(world.store, link.id)).openedAt;
    expect(opened).toBeInstanceOf(Date);
    const updated = await world.paylinks.update(link.id, { amount: 1234 }, { actor: OWNER });
    expect(updated.openedAt).toEqual(opened);
    const copy = first((await world.paylinks.duplicate(link.id, { actor: OWNER })).links);
    expect(copy.openedAt).toBeUndefined();
  });
});
