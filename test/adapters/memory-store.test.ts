import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { StoredLink } from "../../src/ports";
import { describeStoreContract, makeAttempt, makeOrderWithLinks, RECORDS_CREATED_AT } from "../../src/testing";

const minutes = (n: number): Date => new Date(RECORDS_CREATED_AT.getTime() + n * 60_000);

/** A tiny deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeStoreContract("memory", () => createMemoryStore());

describe("createMemoryStore", () => {
  it("counts orders, links and attempts, and counts nothing of a rejected order", async () => {
    const store = createMemoryStore();
    expect(store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
    const { order, links } = makeOrderWithLinks({ links: 3 });
    await store.saveOrder(order, links);
    await store.recordAttempt(makeAttempt({ linkId: links[0]?.id ?? "" }));
    const clash = makeOrderWithLinks({ links: [{}, { id: links[2]?.id ?? "" }] });
    await expect(store.saveOrder(clash.order, clash.links)).rejects.toMatchObject({ code: "storage_failed" });
    expect(store.size()).toEqual({ orders: 1, links: 3, attempts: 1 });
  });

  it("rejects a record with an invalid Date, and stores nothing of it", async () => {
    const store = createMemoryStore();
    const { order, links } = makeOrderWithLinks({ links: [{}, { delivery: { nextAttemptAt: new Date(Number.NaN) } }] });
    await expect(store.saveOrder(order, links)).rejects.toThrow(RangeError);
    expect(store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
    const good = makeOrderWithLinks();
    await store.saveOrder(good.order, good.links);
    const link = good.links[0] as StoredLink;
    await expect(
      store.updateLink({ ...link, version: 2, delivery: { ...link.delivery, sentAt: new Date("nope") } }, 1),
    ).rejects.toThrow(RangeError);
    expect(await store.getLink(link.id)).toStrictEqual(link);
  });

  it("rejects a malformed cursor and a page limit below 1 with invalid_request", async () => {
    const store = createMemoryStore();
    for (const cursor of ["garbage", "m1.", "m1.!!!", "m1.WzEsMl0", "m1.bnVsbA"]) {
      const error = await store.listLinks({}, { limit: 5, cursor }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "invalid_request" });
    }
    await expect(store.listLinks({}, { limit: 0 })).rejects.toMatchObject({ code: "invalid_request" });
    await expect(store.listLinks({}, { limit: Number.NaN })).rejects.toMatchObject({ code: "invalid_request" });
  });

  it("leaves updatedAt as it was when it claims a link", async () => {
    const store = createMemoryStore();
    const { order, links } = makeOrderWithLinks();
    await store.saveOrder(order, links);
    const [claimed] = await store.claimDueLinks({ now: minutes(10), worker: "w", leaseUntil: minutes(11), limit: 1 });
    expect(claimed?.updatedAt).toEqual(links[0]?.updatedAt);
  });

  it("follows a link whose creation instant or order changes", async () => {
    const store = createMemoryStore();
    const one = makeOrderWithLinks({ links: 3 });
    const two = makeOrderWithLinks({ links: 1, order: { createdAt: minutes(5) } });
    await store.saveOrder(one.order, one.links);
    await store.saveOrder(two.order, two.links);
    const moved = one.links[0] as StoredLink;
    const next = {
      ...moved,
      orderId: two.order.id,
      createdAt: minutes(9),
      delivery: { ...moved.delivery, nextAttemptAt: minutes(9) },
      version: 2,
    };
    expect(await store.updateLink(next, 1)).toBe(true);
    const ids = async (orderId?: string) =>
      (await store.listLinks(orderId === undefined ? {} : { orderId }, { limit: 10 })).links.map((l) => l.id);
    expect(await ids()).toEqual([...one.links.slice(1), ...two.links, moved].map((l) => l.id));
    expect(await ids(one.order.id)).toEqual(one.links.slice(1).map((l) => l.id));
    expect(await ids(two.order.id)).toEqual([two.links[0]?.id, moved.id]);
    expect(await store.nextDueAt(one.order.id)).toEqual(minutes(0));
    expect(await store.nextDueAt(two.order.id)).toEqual(minutes(5));
    const claimed = await store.claimDueLinks({
      now: minutes(20),
      worker: "w",
      leaseUntil: minutes(21),
      limit: 10,
      orderId: two.order.id,
    });
    expect(claimed.map((l) => l.id)).toEqual([two.links[0]?.id, moved.id]);
  });

  it("agrees with a plain scan of every link through 3,000 random updates and claims", async () => {
    const next = random(7);
    const store = createMemoryStore();
    const model = new Map<string, StoredLink>();
    for (let k = 0; k < 20; k++) {
      const { order, links } = makeOrderWithLinks({
        links: 15,
        order: { createdAt: minutes(Math.floor(next() * 10)) },
      });
      await store.saveOrder(order, links);
      for (const link of links) model.set(link.id, link);
    }
    const ids = [...model.keys()];
    const byCreation = (x: StoredLink, y: StoredLink) =>
      x.createdAt.getTime() - y.createdAt.getTime() || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
    const byDue = (x: StoredLink, y: StoredLink) =>
      (x.delivery.nextAttemptAt?.getTime() ?? 0) - (y.delivery.nextAttemptAt?.getTime() ?? 0) || byCreation(x, y);
    for (let step = 0; step < 3000; step++) {
      const now = minutes(Math.floor(next() * 60));
      if (next() < 0.8) {
        const current = model.get(ids[Math.floor(next() * ids.length)] as string) as StoredLink;
        const roll = next();
        const changed: StoredLink = {
          ...current,
          version: current.version + 1,
          delivery: {
            ...current.delivery,
            status: roll < 0.6 ? "PENDING" : roll < 0.8 ? "SENT" : "FAILED",
            nextAttemptAt: next() < 0.9 ? minutes(Math.floor(next() * 60)) : undefined,
            leaseExpiresAt: next() < 0.3 ? minutes(Math.floor(next() * 60)) : undefined,
          },
        };
        expect(await store.updateLink(changed, current.version)).toBe(true);
        model.set(changed.id, changed);
      } else {
        const limit = 1 + Math.floor(next() * 8);
        const due = [...model.values()]
          .filter(
            (l) =>
              l.delivery.status === "PENDING" &&
              l.delivery.nextAttemptAt !== undefined &&
              l.delivery.nextAttemptAt <= now,
          )
          .filter((l) => l.delivery.leaseExpiresAt === undefined || l.delivery.leaseExpiresAt <= now)
          .sort(byDue)
          .slice(0, limit);
        const claimed = await store.claimDueLinks({ now, worker: `w${step}`, leaseUntil: minutes(61), limit });
        expect(claimed.map((l) => l.id)).toEqual(due.map((l) => l.id));
        for (const link of claimed) model.set(link.id, link);
      }
      if (step % 250 === 0) {
        const pending = [...model.values()].filter((l) => l.delivery.status === "PENDING" && l.delivery.nextAttemptAt);
        const times = pending.map((l) =>
          Math.max(l.delivery.nextAttemptAt?.getTime() ?? 0, l.delivery.leaseExpiresAt?.getTime() ?? 0),
        );
        expect((await store.nextDueAt())?.getTime()).toBe(times.length ? Math.min(...times) : undefined);
        const listed = (await store.listLinks({ deliveryStatuses: ["PENDING"] }, { limit: 1000 })).links;
        expect(listed).toStrictEqual(
          [...model.values()].filter((l) => l.delivery.status === "PENDING").sort(byCreation),
        );
      }
    }
  });

  it("saves an order of 100,000 links, claims from it, and pages through it", async () => {
    const store = createMemoryStore();
    const { order, links } = makeOrderWithLinks({ links: 100_000 });
    expect(await store.saveOrder(order, links)).toBe("saved");
    expect(store.size()).toEqual({ orders: 1, links: 100_000, attempts: 0 });

    const request = { now: minutes(1), leaseUntil: minutes(2), orderId: order.id };
    const first = await store.claimDueLinks({ ...request, worker: "w1", limit: 50 });
    const sortedIds = links.map((l) => l.id).sort();
    expect(first.map((l) => l.id)).toEqual(sortedIds.slice(0, 50));
    const rest = await store.claimDueLinks({ ...request, worker: "w2", limit: 100_000 });
    expect(rest).toHaveLength(99_950);
    expect(await store.claimDueLinks({ ...request, worker: "w3", limit: 10 })).toEqual([]);
    expect(await store.nextDueAt(order.id)).toEqual(minutes(2));

    const page = await store.listLinks({ orderId: order.id }, { limit: 1000 });
    const after = await store.listLinks({ orderId: order.id }, { limit: 1000, cursor: page.nextCursor });
    expect(after.links[0]?.id).toBe(sortedIds[1000]);
  });
});
