// runWorker and health on the memory adapters. The settling clock jumps when the worker sleeps, after letting the
// test run (one macrotask per sleep), so the worker's time is exact and nothing here depends on real time.
import { describe, expect, it } from "vitest";
import type { MemoryStore } from "../../src/adapters/memory";
import { PaylinksError } from "../../src/index";
import type { MailTransport, PaymentOrderStore, SentMail } from "../../src/ports";
import { createPaylinks, type WorkerBatch, type WorkerOptions } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";
import {
  allLinks,
  createSettlingClock,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  paymentUrl,
  recipients,
  rejectionOf,
  sendsPerLink,
  settle,
  storedLink,
  type World,
} from "./support";

/** Lets the worker run until `condition` holds (a bounded number of turns, so that a bug fails instead of hanging). */
async function until(condition: () => boolean | Promise<boolean>, turns = 2000): Promise<void> {
  for (let turn = 0; turn < turns; turn++) {
    if (await condition()) return;
    await settle();
  }
  throw new Error(`the condition did not hold after ${turns} turns`);
}

/** Starts the worker of a world, recording every batch; `stop` aborts it and resolves with its summary. */
function startWorker(world: World, options: Partial<WorkerOptions> = {}) {
  const controller = new AbortController();
  const batches: WorkerBatch[] = [];
  let settled = false;
  const done = world.paylinks
    .runWorker({
      signal: controller.signal,
      ...options,
      onBatch: (batch) => {
        batches.push(batch);
        options.onBatch?.(batch);
      },
    })
    .finally(() => {
      settled = true;
    });
  return {
    controller,
    batches,
    done,
    settled: () => settled,
    stop: () => {
      controller.abort();
      return done;
    },
  };
}

/** A transport whose sends wait until the test releases them. */
function heldTransport(inner: MailTransport) {
  const waiting: (() => void)[] = [];
  return {
    waiting,
    releaseAll() {
      for (const release of waiting.splice(0)) release();
    },
    async send(mail: Parameters<MailTransport["send"]>[0]): Promise<SentMail> {
      await new Promise<void>((resolve) => waiting.push(resolve));
      return inner.send(mail);
    },
  };
}

/** A store whose chosen method rejects the first `times` calls, as a database that is away would. */
function failingFirst(
  method: "claimDueLinks" | "listLinks" | "getLink",
  times: number,
): (store: MemoryStore) => PaymentOrderStore & { calls: number } {
  return (store) => {
    const wrapped = {
      ...store,
      calls: 0,
      [method]: (...args: unknown[]) => {
        wrapped.calls++;
        if (wrapped.calls <= times) return Promise.reject(new Error("connection reset by peer"));
        return (store[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    } as PaymentOrderStore & { calls: number };
    return wrapped;
  };
}

const counts = (batch: WorkerBatch) => ({
  kind: batch.kind,
  sent: batch.sent,
  failed: batch.failed,
  retried: batch.retried,
  skipped: batch.skipped,
  expired: batch.expired,
});

describe("runWorker", () => {
  describe("delivery", () => {
    it("sends the links created while it runs, once each, sleeping idleMs when nothing is due", async () => {
      const world = makeWorld({ clock: createSettlingClock() });
      const worker = startWorker(world);
      await until(() => world.clock.sleeps.length >= 3); // idle: nothing to do yet
      expect(worker.batches).toEqual([]);

      await world.paylinks.createOrder(linkRequest({ recipients: recipients(3) }), { actor: OWNER });
      await until(() => worker.batches.length > 0);
      await world.paylinks.createOrder(linkRequest({ recipients: ["late@example.fr"] }), { actor: OWNER });
      await until(() => worker.batches.length > 1);
      const summary = await worker.stop();

      expect(worker.batches.map(counts)).toEqual([
        { kind: "deliver", sent: 3, failed: 0, retried: 0, skipped: 0, expired: 0 },
        { kind: "deliver", sent: 1, failed: 0, retried: 0, skipped: 0, expired: 0 },
      ]);
      expect(worker.batches.every((batch) => batch.error === undefined && batch.at instanceof Date)).toBe(true);
      expect(summary).toEqual({ batches: 2, sent: 4, failed: 0, retried: 0, skipped: 0, reminders: 0, expired: 0 });
      const links = await allLinks(world.store);
      expect(links.map((link) => link.delivery.status)).toEqual(["SENT", "SENT", "SENT", "SENT"]);
      expect([...sendsPerLink(world.transport).values()]).toEqual([1, 1, 1, 1]);
      // It never waits inside deliver: between batches it sleeps idleMs, 1 s by default.
      expect(new Set(world.clock.sleeps)).toEqual(new Set([1000]));
    });

    it("takes idleMs, concurrency and batchSize: batches of at most batchSize links, back to back", async () => {
      const world = makeWorld({ clock: createSettlingClock() });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(7) }), { actor: OWNER });
      const worker = startWorker(world, { idleMs: 250, concurrency: 2, batchSize: 3 });
      await until(() => worker.batches.reduce((sum, batch) => sum + batch.sent, 0) === 7);
      await until(() => world.clock.sleeps.length > 0);
      const summary = await worker.stop();
      expect(worker.batches.map((batch) => batch.sent)).toEqual([3, 3, 1]);
      expect(summary).toMatchObject({ batches: 3, sent: 7 });
      expect(new Set(world.clock.sleeps)).toEqual(new Set([250]));
    });

    it("retries a transient failure in a later batch, once it is due", async () => {
      const world = makeWorld({ clock: createSettlingClock(), delivery: { baseDelayMs: 4000 } });
      world.transport.failFor("alice@example.fr", { kind: "transient", times: 1 });
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const worker = startWorker(world);
      await until(() => worker.batches.length === 2);
      await worker.stop();
      expect(worker.batches.map(counts)).toEqual([
        { kind: "deliver", sent: 0, failed: 0, retried: 1, skipped: 0, expired: 0 },
        { kind: "deliver", sent: 1, failed: 0, retried: 0, skipped: 0, expired: 0 },
      ]);
      // The retry was due 2 to 4 s after the first attempt (jitter 0.5: 3 s); the worker came back for it.
      const [retry, success] = worker.batches;
      expect((success?.at.getTime() ?? 0) - (retry?.at.getTime() ?? 0)).toBe(3000);
    });
  });

  describe("expiry", () => {
    it("expires the due links of every shop every expireEveryMs, with no actor in the events", async () => {
      const shops = [makeShop(), makeShop({ id: "shop-2", name: "Atelier Morel" })];
      const clock = createSettlingClock();
      const listedAt: number[] = [];
      const world = makeWorld({
        shops,
        clock,
        wrapStore: (store) => ({
          ...store,
          listLinks: (filter, page) => {
            if (filter.expiresBefore !== undefined) listedAt.push(clock.now().getTime());
            return store.listLinks(filter, page);
          },
        }),
      });
      // Two actors who each see only their own shop: the worker is neither of them.
      const one = makeActor({ id: "user-1", shopIds: ["shop-1"] });
      const two = makeActor({ id: "user-2", shopIds: ["shop-2"] });
      const a = first((await world.paylinks.createOrder(linkRequest(), { actor: one })).links);
      const b = first(
        (
          await world.paylinks.createOrder(linkRequest({ shopId: "shop-2" }, { advanced: { validityDays: 8 } }), {
            actor: two,
          })
        ).links,
      );
      const started = a.expiresAt.getTime() - 30_000; // a expires in the worker's first minute, b a day later
      clock.set(new Date(started));

      const worker = startWorker(world, { expireEveryMs: 60_000 });
      await until(() => listedAt.length >= 3);
      clock.set(new Date(b.expiresAt.getTime() + 1));
      await until(() => worker.batches.filter((batch) => batch.kind === "expire").length === 2);
      const summary = await worker.stop();

      const expiries = worker.batches.filter((batch) => batch.kind === "expire");
      expect(expiries.map(counts)).toEqual([
        { kind: "expire", sent: 0, failed: 0, retried: 0, skipped: 0, expired: 1 },
        { kind: "expire", sent: 0, failed: 0, retried: 0, skipped: 0, expired: 1 },
      ]);
      // It looked at start, then every minute on the worker's clock; the clock then jumped a day, to b's expiry.
      expect(listedAt.slice(0, 3)).toEqual([started, started + 60_000, started + 120_000]);
      expect(expiries[0]?.at.getTime()).toBe(started + 60_000);
      expect((await storedLink(world.store, a.id)).payment.status).toBe("EXPIRED");
      expect((await storedLink(world.store, b.id)).payment.status).toBe("EXPIRED");
      const expired = world.events.flatMap((event) =>
        event.type === "expired" ? [[event.linkId, event.shopId, event.actorId]] : [],
      );
      expect(expired).toEqual([
        [a.id, "shop-1", undefined],
        [b.id, "shop-2", undefined],
      ]);
      expect(summary).toMatchObject({ sent: 2, expired: 2 });
    });

    it("leaves expireDue as it was: an actor's call expires only what the actor sees", async () => {
      const world = makeWorld({ shops: [makeShop(), makeShop({ id: "shop-2" })] });
      const two = makeActor({ id: "user-2", shopIds: ["shop-2"] });
      const mine = first((await world.paylinks.createOrder(linkRequest(), { actor: OWNER })).links);
      const theirs = first((await world.paylinks.createOrder(linkRequest({ shopId: "shop-2" }), { actor: two })).links);
      world.clock.advance(8 * 86_400_000);
      await expect(world.paylinks.expireDue({ actor: OWNER })).resolves.toEqual({ expired: 1 });
      expect((await storedLink(world.store, mine.id)).payment.status).toBe("EXPIRED");
      expect((await storedLink(world.store, theirs.id)).payment.status).toBe("RUNNING");
      expect(world.events.filter((event) => event.type === "expired").map((event) => event.actorId)).toEqual([
        OWNER.id,
      ]);
    });
  });

  describe("stopping", () => {
    it("on abort, claims nothing more, finishes and records the e-mails in flight, then resolves", async () => {
      let transport: ReturnType<typeof heldTransport> | undefined;
      const world = makeWorld({
        clock: createSettlingClock(),
        wrapTransport: (inner) => {
          transport = heldTransport(inner);
          return transport;
        },
      });
      const held = transport as ReturnType<typeof heldTransport>;
      const { links } = await world.paylinks.createOrder(linkRequest({ recipients: recipients(3) }), {
        actor: OWNER,
      });
      const worker = startWorker(world, { concurrency: 2 });
      await until(() => held.waiting.length === 2);

      worker.controller.abort();
      for (let turn = 0; turn < 20; turn++) await settle();
      expect(worker.settled()).toBe(false); // the two sends are still under way
      expect((await world.paylinks.health()).worker.running).toBe(true);
      expect(world.transport.messages).toHaveLength(0);

      held.releaseAll();
      const summary = await worker.done;
      expect(summary).toEqual({ batches: 1, sent: 2, failed: 0, retried: 0, skipped: 0, reminders: 0, expired: 0 });
      const stored = await Promise.all(links.map((link) => storedLink(world.store, link.id)));
      expect(stored.map((link) => [link.delivery.status, link.delivery.leaseOwner])).toEqual([
        ["SENT", undefined],
        ["SENT", undefined],
        ["PENDING", undefined],
      ]);
      const attempts = await Promise.all(links.map((link) => world.store.listAttempts(link.id)));
      expect(attempts.map((list) => list.map((attempt) => attempt.outcome))).toEqual([["sent"], ["sent"], []]);
      expect(world.transport.messages).toHaveLength(2);
      expect((await world.paylinks.health()).worker.running).toBe(false);
    });

    it("resolves at once with nothing done when the signal is already aborted", async () => {
      const world = makeWorld();
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const summary = await world.paylinks.runWorker({ signal: AbortSignal.abort() });
      expect(summary).toEqual({ batches: 0, sent: 0, failed: 0, retried: 0, skipped: 0, reminders: 0, expired: 0 });
      expect(world.transport.messages).toHaveLength(0);
    });
  });

  describe("failures", () => {
    it("reports a failed batch with its error, backs off, and goes on delivering", async () => {
      const wrap = failingFirst("claimDueLinks", 3);
      let wrapped: ReturnType<typeof wrap> | undefined;
      const world = makeWorld({
        clock: createSettlingClock(),
        wrapStore: (store) => {
          wrapped = wrap(store);
          return wrapped;
        },
      });
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const healths: Awaited<ReturnType<World["paylinks"]["health"]>>[] = [];
      const worker = startWorker(world, {
        onBatch: (batch) => {
          if (batch.error !== undefined) void world.paylinks.health().then((health) => healths.push(health));
        },
      });
      await until(() => worker.batches.length === 4);
      const summary = await worker.stop();

      expect(worker.batches.map((batch) => [batch.kind, batch.sent, batch.retryInMs])).toEqual([
        ["deliver", 0, 1000],
        ["deliver", 0, 2000],
        ["deliver", 0, 4000],
        ["deliver", 1, undefined],
      ]);
      const error = worker.batches[0]?.error;
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "storage_failed", details: { operation: "claiming links" } });
      expect(((error as PaylinksError).cause as Error).message).toBe("connection reset by peer");
      expect(worker.batches[3]?.error).toBeUndefined();
      expect(world.clock.sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
      expect(healths[0]).toMatchObject({
        status: "ok", // readiness is the store answering a read; the worker's state is for information
        worker: { running: true, lastError: "storage_failed: Storage failed while claiming links", batches: 1 },
      });
      const after = await world.paylinks.health();
      expect(after.worker).toMatchObject({ running: false, batches: 4 });
      expect(after.worker.lastError).toBeUndefined();
      expect(summary).toEqual({ batches: 4, sent: 1, failed: 0, retried: 0, skipped: 0, reminders: 0, expired: 0 });
      expect((await allLinks(world.store)).map((link) => link.delivery.status)).toEqual(["SENT"]);
    });

    it("doubles the backoff up to maxBackoffMs, and backs off each kind of batch on its own", async () => {
      const world = makeWorld({
        clock: createSettlingClock(),
        wrapStore: failingFirst("listLinks", Number.POSITIVE_INFINITY),
      });
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const worker = startWorker(world, { maxBackoffMs: 5000 });
      await until(() => worker.batches.filter((batch) => batch.kind === "expire").length === 6);
      await worker.stop();
      const expiries = worker.batches.filter((batch) => batch.kind === "expire");
      expect(expiries.map((batch) => batch.retryInMs)).toEqual([1000, 2000, 4000, 5000, 5000, 5000]);
      expect(expiries.every((batch) => (batch.error as PaylinksError).code === "storage_failed")).toBe(true);
      // Delivery went on meanwhile.
      expect(worker.batches.filter((batch) => batch.kind === "deliver").map((batch) => batch.sent)).toEqual([1]);
    });

    it("stops with invalid_context on a service that cannot deliver, and one worker per service", async () => {
      const world = makeWorld({ clock: createSettlingClock() });
      const worker = startWorker(world);
      const second = await rejectionOf(world.paylinks.runWorker({ signal: new AbortController().signal }));
      expect(second.code).toBe("invalid_context");
      await worker.stop();

      const noTransport = createPaylinks({ store: world.store, shops: [makeShop()], paymentUrl });
      const error = await rejectionOf(noTransport.runWorker({ signal: new AbortController().signal }));
      expect(error.code).toBe("invalid_context");
      expect((await noTransport.health()).worker).toMatchObject({ running: false, batches: 0 });
    });
  });
});

describe("health", () => {
  it("reports the store and the worker before, while and after it runs", async () => {
    const world = makeWorld({ clock: createSettlingClock() });
    expect(await world.paylinks.health()).toEqual({
      status: "ok",
      store: "ok",
      worker: { running: false, batches: 0 },
    });

    const started = world.clock.now();
    const worker = startWorker(world);
    await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
    await until(() => worker.batches.length === 1);
    const running = await world.paylinks.health();
    expect(running).toEqual({
      status: "ok",
      store: "ok",
      worker: { running: true, startedAt: started, lastBatchAt: worker.batches[0]?.at, batches: 1 },
    });
    await worker.stop();

    const after = await world.paylinks.health();
    expect(after).toEqual({
      status: "ok",
      store: "ok",
      worker: { running: false, startedAt: started, lastBatchAt: worker.batches[0]?.at, batches: 1 },
    });
    // Plain JSON: the dates become ISO strings.
    expect(JSON.parse(JSON.stringify(after))).toEqual({
      status: "ok",
      store: "ok",
      worker: { running: false, startedAt: started.toISOString(), lastBatchAt: expect.any(String), batches: 1 },
    });
  });

  it("is unavailable when the store rejects, or does not answer within timeoutMs", async () => {
    const rejecting = makeWorld({ wrapStore: failingFirst("getLink", Number.POSITIVE_INFINITY) });
    expect(await rejecting.paylinks.health()).toEqual({
      status: "unavailable",
      store: "unavailable",
      worker: { running: false, batches: 0 },
    });

    const hanging = makeWorld({
      wrapStore: (store) => ({ ...store, getLink: () => new Promise<undefined>(() => {}) }),
    });
    expect(await hanging.paylinks.health({ timeoutMs: 5 })).toMatchObject({
      status: "unavailable",
      store: "unavailable",
    });
  });
});
