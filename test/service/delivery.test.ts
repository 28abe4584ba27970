import { describe, expect, it } from "vitest";
import type { MailTransport, PaymentOrderStore, SentMail } from "../../src/ports";
import type { DeliveryProgress } from "../../src/service";
import {
  allLinks,
  first,
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  recipients,
  recordingTransport,
  sendsPerLink,
  sentLink,
  settle,
  storedLink,
} from "./support";

const ALICE = "alice@example.fr";
const BOB = "bob@example.fr";
const CAROL = "carol@example.fr";
const THREE = linkRequest({ recipients: [ALICE, BOB, CAROL] });

/** A transport whose sends wait until the test releases them, counting how many are in flight. */
function gatedTransport(inner: MailTransport) {
  let active = 0;
  let max = 0;
  const waiting: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    get max() {
      return max;
    },
    waiting,
    releaseAll() {
      for (const release of waiting.splice(0)) release();
    },
    async send(mail: Parameters<MailTransport["send"]>[0]): Promise<SentMail> {
      active++;
      max = Math.max(max, active);
      try {
        await new Promise<void>((resolve) => waiting.push(resolve));
        return await inner.send(mail);
      } finally {
        active--;
      }
    },
  };
}

/** Counts the links each claim of the wrapped store returns. */
function countingClaims(inner: PaymentOrderStore): PaymentOrderStore & { claimed: number[] } {
  const claimed: number[] = [];
  return {
    ...inner,
    claimed,
    async claimDueLinks(request) {
      const links = await inner.claimDueLinks(request);
      claimed.push(links.length);
      return links;
    },
  };
}

describe("createPaylinks deliver", () => {
  describe("transient failures, then success", () => {
    it("ends SENT after retries, every attempt recorded, the backoff sleeps doubling", async () => {
      const world = makeWorld();
      world.transport.failFor(ALICE, { kind: "transient", times: 3 });
      const { results } = await world.paylinks.send(linkRequest(), { actor: OWNER });
      const result = first(results);
      expect(result).toMatchObject({ deliveryStatus: "SENT", error: undefined });
      const link = await storedLink(world.store, result.linkId);
      expect(link).toMatchObject({ delivery: { status: "SENT", attempts: 4, lastError: undefined } });
      const attempts = await world.store.listAttempts(link.id);
      expect(attempts.map((a) => [a.attempt, a.outcome])).toEqual([
        [1, "transient"],
        [2, "transient"],
        [3, "transient"],
        [4, "sent"],
      ]);
      expect(attempts[0]?.error).toContain("451");
      // baseDelayMs 1000 doubling, jitter random() = 0.5: 3/4 of 1000, 2000, 4000.
      expect(world.clock.sleeps).toEqual([750, 1500, 3000]);
      expect(world.transport.messages).toHaveLength(1);
    });

    it("caps the delay at maxDelayMs", async () => {
      const world = makeWorld({ delivery: { maxDelayMs: 2000, maxAttempts: 6 } });
      world.transport.failFor(ALICE, { kind: "transient", times: 5 });
      await world.paylinks.send(linkRequest(), { actor: OWNER });
      expect(world.clock.sleeps).toEqual([750, 1500, 1500, 1500, 1500]);
    });

    it("draws the jitter from the injected random source (half to all of the delay)", async () => {
      const world = makeWorld({ delivery: { random: () => 0 } });
      world.transport.failFor(ALICE, { kind: "transient", times: 2 });
      await world.paylinks.send(linkRequest(), { actor: OWNER });
      expect(world.clock.sleeps).toEqual([500, 1000]);
    });

    it("a retry due later than maxWaitMs is left PENDING for a later deliver", async () => {
      const world = makeWorld({ delivery: { maxWaitMs: 500 } });
      world.transport.failFor(ALICE, { kind: "transient", times: 1 });
      const { results } = await world.paylinks.send(linkRequest(), { actor: OWNER });
      expect(first(results)).toMatchObject({ deliveryStatus: "PENDING", error: undefined });
      expect(world.clock.sleeps).toEqual([]);
      const early = await world.paylinks.deliver();
      expect(early).toMatchObject({ sent: 0, pending: true });
      world.clock.advance(750);
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 1, pending: false });
    });
  });

  describe("maxAttempts 3 and a transport failing transiently 5 times", () => {
    it("ends FAILED with the reason after 3 attempts", async () => {
      const world = makeWorld({ delivery: { maxAttempts: 3 } });
      world.transport.failFor(ALICE, { kind: "transient", times: 5 });
      const { results } = await world.paylinks.send(linkRequest(), { actor: OWNER });
      const result = first(results);
      expect(result.deliveryStatus).toBe("FAILED");
      expect(result.error).toContain("451");
      expect(result.error).toContain("after 3 attempts");
      const link = await storedLink(world.store, result.linkId);
      expect(link).toMatchObject({ delivery: { status: "FAILED", attempts: 3, lastError: result.error } });
      expect(await world.store.listAttempts(link.id)).toHaveLength(3);
      expect(world.transport.messages).toHaveLength(0);
      expect(world.events.filter((e) => e.type === "delivery_failed")).toMatchObject([
        { linkId: link.id, attempts: 3, error: result.error },
      ]);
      // Nothing is left to do.
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 0, failed: 0, pending: false });
    });
  });

  describe("a permanent failure for one recipient", () => {
    it("makes that link FAILED at once; the others are SENT; send resolves with one result per recipient", async () => {
      const world = makeWorld();
      world.transport.failFor(BOB, { kind: "permanent" });
      const { results } = await world.paylinks.send(THREE, { actor: OWNER });
      expect(results.map((r) => [r.recipient, r.reference, r.deliveryStatus])).toEqual([
        [ALICE, "REF-42-001", "SENT"],
        [BOB, "REF-42-002", "FAILED"],
        [CAROL, "REF-42-003", "SENT"],
      ]);
      expect(results[1]?.error).toContain("550");
      const bob = await storedLink(world.store, results[1]?.linkId ?? "");
      expect(bob.delivery.attempts).toBe(1);
      expect(world.transport.messages.map((m) => m.to)).toEqual([ALICE, CAROL]);
    });

    it("a transport rejecting with something else than a PaylinksError is treated as transient", async () => {
      const world = makeWorld({
        delivery: { maxAttempts: 2 },
        wrapTransport: () => ({
          send: async () => {
            throw new Error("socket hang up");
          },
        }),
      });
      const { results } = await world.paylinks.send(linkRequest(), { actor: OWNER });
      expect(first(results)).toMatchObject({ deliveryStatus: "FAILED" });
      expect(first(results).error).toContain("socket hang up (after 2 attempts)");
    });
  });

  describe("Message-ID", () => {
    it("is the same at every attempt of one send, and new after a resend", async () => {
      let recorder: ReturnType<typeof recordingTransport> | undefined;
      const world = makeWorld({
        wrapTransport: (t) => {
          recorder = recordingTransport(t);
          return recorder;
        },
      });
      world.transport.failFor(ALICE, { kind: "transient", times: 2 });
      const link = await sentLink(world);
      expect(recorder?.handed.map((m) => m.messageId)).toEqual([
        `<${link.id}.1@paylinks.invalid>`,
        `<${link.id}.1@paylinks.invalid>`,
        `<${link.id}.1@paylinks.invalid>`,
      ]);
      expect(link.delivery.messageId).toBe(`<${link.id}.1@paylinks.invalid>`);
      await world.paylinks.resend(link.id, { actor: OWNER });
      await world.paylinks.deliver();
      expect(world.transport.messages.map((m) => m.headers["Message-ID"])).toEqual([
        `<${link.id}.1@paylinks.invalid>`,
        `<${link.id}.2@paylinks.invalid>`,
      ]);
      const attempts = await world.store.listAttempts(link.id);
      expect(attempts.map((a) => [a.sendCount, a.attempt, a.outcome])).toEqual([
        [1, 1, "transient"],
        [1, 2, "transient"],
        [1, 3, "sent"],
        [2, 1, "sent"],
      ]);
    });

    it("differs between the links of an order", async () => {
      const world = makeWorld();
      await world.paylinks.send(THREE, { actor: OWNER });
      const ids = world.transport.messages.map((m) => m.headers["Message-ID"]);
      expect(new Set(ids).size).toBe(3);
    });
  });

  describe("blind copies", () => {
    it("are in the captured envelope of every recipient's e-mail and in none of its headers", async () => {
      const world = makeWorld();
      await world.paylinks.send(
        linkRequest({
          recipients: [ALICE, BOB],
          bcc: { shopManager: true, me: true, addresses: "compta@librairie-durand.fr" },
        }),
        { actor: OWNER },
      );
      const copies = ["gerant@librairie-durand.fr", "marie.martin@librairie-durand.fr", "compta@librairie-durand.fr"];
      expect(world.transport.messages).toHaveLength(2);
      for (const message of world.transport.messages) {
        expect([...message.envelope].sort()).toEqual([message.to, ...copies].sort());
        expect(message.headers.To).toBe(message.to);
        const headers = JSON.stringify(message.headers);
        for (const copy of copies) expect(headers).not.toContain(copy);
      }
    });
  });

  describe("deliver({ limit })", () => {
    it("claims at most limit links, and leaves the others pending", async () => {
      let counting: ReturnType<typeof countingClaims> | undefined;
      const world = makeWorld({
        wrapStore: (store) => {
          counting = countingClaims(store);
          return counting;
        },
      });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(5) }), { actor: OWNER });
      const report = await world.paylinks.deliver({ limit: 2 });
      expect(counting?.claimed.reduce((sum, n) => sum + n, 0)).toBe(2);
      expect(report).toMatchObject({ sent: 2, pending: true });
      const pending = await world.store.listLinks({ deliveryStatuses: ["PENDING"] }, { limit: 10 });
      expect(pending.links).toHaveLength(3);
      await expect(world.paylinks.deliver({ limit: 0 })).resolves.toMatchObject({ sent: 0, pending: true });
      expect(world.transport.messages).toHaveLength(2);
    });
  });

  describe("concurrency", () => {
    it.each([
      ["the deliver option", { concurrency: 3 }, {}, 3],
      ["the service's delivery.concurrency", {}, { concurrency: 2 }, 2],
      ["a concurrency below 1 (treated as 1)", { concurrency: 0 }, {}, 1],
    ] as const)("%s bounds the sends in flight", async (_name, deliverOptions, delivery, bound) => {
      let gate: ReturnType<typeof gatedTransport> | undefined;
      const world = makeWorld({
        delivery,
        wrapTransport: (t) => {
          gate = gatedTransport(t);
          return gate;
        },
      });
      if (!gate) throw new Error("no gate");
      const g = gate;
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(10) }), { actor: OWNER });
      let done = false;
      const run = world.paylinks.deliver(deliverOptions).finally(() => {
        done = true;
      });
      await settle();
      expect(g.waiting).toHaveLength(bound);
      while (!done) {
        expect(g.active).toBeLessThanOrEqual(bound);
        g.releaseAll();
        await settle();
      }
      await expect(run).resolves.toMatchObject({ sent: 10 });
      expect(g.max).toBe(bound);
      expect(world.transport.messages).toHaveLength(10);
    });
  });

  describe("onProgress", () => {
    it("reports running totals after each link's attempt, and the report ends with them", async () => {
      const world = makeWorld();
      world.transport.failFor(BOB, { kind: "permanent" });
      world.transport.failFor(CAROL, { kind: "transient", times: 1 });
      await world.paylinks.createOrder(THREE, { actor: OWNER });
      const progress: DeliveryProgress[] = [];
      const report = await world.paylinks.deliver({ onProgress: (p) => progress.push(p) });
      expect(progress).toHaveLength(4);
      const total = (p: DeliveryProgress) => p.sent + p.failed + p.retried + p.skipped;
      expect(progress.map(total)).toEqual([1, 2, 3, 4]);
      expect(progress.at(-1)).toEqual({ sent: 2, failed: 1, retried: 1, skipped: 0, reminders: 0 });
      expect(report).toEqual({ sent: 2, failed: 1, retried: 1, skipped: 0, reminders: 0, pending: false });
    });

    it("counts a claimed link whose expiry passed as skipped, and sends nothing", async () => {
      const world = makeWorld();
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      world.clock.advance(PAST_EXPIRY_MS);
      const report = await world.paylinks.deliver();
      expect(report).toEqual({ sent: 0, failed: 0, retried: 0, skipped: 1, reminders: 0, pending: false });
      expect(world.transport.messages).toHaveLength(0);
    });
  });

  describe("signal", () => {
    it("abort stops claiming: the links not yet claimed stay pending for the next call", async () => {
      const world = makeWorld();
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(4) }), { actor: OWNER });
      const controller = new AbortController();
      // Without prefetch, the next link is claimed only once the first one's outcome is written.
      const report = await world.paylinks.deliver({
        concurrency: 1,
        prefetch: 0,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      expect(report).toMatchObject({ sent: 1, pending: true });
      expect(world.transport.messages).toHaveLength(1);
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 3, pending: false });
    });

    it("abort with prefetch: the links claimed ahead and not sent go back, free for the next call at once", async () => {
      const world = makeWorld();
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(6) }), { actor: OWNER });
      const controller = new AbortController();
      const report = await world.paylinks.deliver({
        concurrency: 1,
        prefetch: 2,
        signal: controller.signal,
        onProgress: () => controller.abort(),
      });
      // At most concurrency + prefetch links were held; the one sending when the abort came is finished.
      expect(report.sent).toBeGreaterThanOrEqual(1);
      expect(report.sent).toBeLessThanOrEqual(3);
      expect(report.pending).toBe(true);
      const left = (await allLinks(world.store)).filter((l) => l.delivery.status === "PENDING");
      expect(left).toHaveLength(6 - report.sent);
      expect(left.every((l) => l.delivery.leaseOwner === undefined && l.delivery.nextAttemptAt !== undefined)).toBe(
        true,
      );
      // No lease to wait for: the next call sends the rest at once, each link once.
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 6 - report.sent, pending: false });
      expect([...sendsPerLink(world.transport).values()].every((count) => count === 1)).toBe(true);
    });

    it("an already aborted signal claims nothing", async () => {
      const world = makeWorld();
      await world.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const report = await world.paylinks.deliver({ signal: AbortSignal.abort() });
      expect(report).toMatchObject({ sent: 0, pending: true });
      expect(world.transport.messages).toHaveLength(0);
    });
  });

  describe("deliver({ orderId })", () => {
    it("sends only that order's links", async () => {
      const world = makeWorld();
      const one = await world.paylinks.createOrder(linkRequest({ recipients: ALICE }), { actor: OWNER });
      await world.paylinks.createOrder(linkRequest({ recipients: BOB }), { actor: OWNER });
      const report = await world.paylinks.deliver({ orderId: one.order.id });
      expect(report).toMatchObject({ sent: 1, pending: false });
      expect(world.transport.messages.map((m) => m.to)).toEqual([ALICE]);
    });
  });
});

describe("createPaylinks send", () => {
  it("returns one result per recipient in recipient order, with ids that sort in creation order", async () => {
    const world = makeWorld();
    const { results, created } = await world.paylinks.send(THREE, { actor: OWNER });
    expect(created).toBe(true);
    expect(results.map((r) => r.recipient)).toEqual([ALICE, BOB, CAROL]);
  });

  // Regression: the links are read back with store.listLinks({ orderId }), "in creation order then id order";
  // all links of an order share one createdAt, so without sorting by position they came back in id order
  // (random with the default nanoid ids). Found while writing these tests; fixed with StoredLink.position.
  it("returns results in recipient order whatever the ids look like (decreasing ids here)", async () => {
    let n = 1000;
    const world = makeWorld({ generateId: () => `id-${n--}` });
    const { results } = await world.paylinks.send(THREE, { actor: OWNER, idempotencyKey: "k" });
    expect(results.map((r) => r.recipient)).toEqual([ALICE, BOB, CAROL]);
    const replay = await world.paylinks.createOrder(THREE, { actor: OWNER, idempotencyKey: "k" });
    expect(replay.links.map((l) => l.recipient)).toEqual([ALICE, BOB, CAROL]);
  });
});
