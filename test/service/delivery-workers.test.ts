import { describe, expect, it } from "vitest";
import type { MailTransport, SentMail } from "../../src/ports";
import {
  allLinks,
  createSettlingClock,
  linkRequest,
  makeWorld,
  OWNER,
  recipients,
  sendsPerLink,
  settle,
} from "./support";

const LEASE_MS = 60_000;

describe("createPaylinks deliver with several workers", () => {
  describe("two deliver loops over the same store and transport", () => {
    // The settling clock lets the other loop finish the sends it has in flight before a sleeping loop's time
    // jumps: with the plain fake clock, a loop that waits for the other's leases jumps 60 s in one microtask, while
    // the other is still between "sent" and "recorded" — a send that would take 60 s in real life — and re-sends.
    it("send 200 links, every one SENT and none sent twice", async () => {
      const clock = createSettlingClock();
      const one = makeWorld({ workerId: "w1", clock });
      const two = makeWorld({ workerId: "w2", clock, store: one.store, transport: one.transport });
      await one.paylinks.createOrder(linkRequest({ recipients: recipients(200) }), { actor: OWNER });
      const [a, b] = await Promise.all([one.paylinks.deliver(), two.paylinks.deliver()]);
      const links = await allLinks(one.store);
      expect(links).toHaveLength(200);
      expect(links.every((link) => link.delivery.status === "SENT")).toBe(true);
      const counts = sendsPerLink(one.transport);
      expect(counts.size).toBe(200);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect(one.transport.messages).toHaveLength(200);
      expect(a.sent + b.sent).toBe(200);
      // Both loops did part of the work.
      expect(a.sent).toBeGreaterThan(0);
      expect(b.sent).toBeGreaterThan(0);
      const workers = new Set(
        (await Promise.all(links.map((l) => one.store.listAttempts(l.id)))).flat().map((x) => x.worker),
      );
      expect(workers).toEqual(new Set(["w1", "w2"]));
    });
  });

  describe("links held by a dead worker", () => {
    it("are sent once their lease has ended, by a live deliver that waits for it on the clock", async () => {
      const world = makeWorld({ workerId: "live" });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(10) }), { actor: OWNER });
      const now = world.clock.now();
      const leaseUntil = new Date(now.getTime() + LEASE_MS);
      const held = await world.store.claimDueLinks({ now, worker: "dead", leaseUntil, limit: 4 });
      expect(held).toHaveLength(4);

      const report = await world.paylinks.deliver();
      expect(report).toMatchObject({ sent: 10, pending: false });
      // It waited for the lease on the clock, looking for due links again every pollMs (5 s by default).
      expect(world.clock.sleeps.reduce((sum, ms) => sum + ms, 0)).toBe(LEASE_MS);
      expect(Math.max(...world.clock.sleeps)).toBeLessThanOrEqual(5000);
      const counts = sendsPerLink(world.transport);
      expect(counts.size).toBe(10);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      for (const link of held) {
        const attempts = await world.store.listAttempts(link.id);
        expect(attempts).toHaveLength(1);
        expect(attempts[0]?.worker).toBe("live");
        expect(attempts[0]?.at.getTime()).toBeGreaterThanOrEqual(leaseUntil.getTime());
      }
    });

    it("a deliver that may not wait that long leaves them pending; a later one sends them", async () => {
      const world = makeWorld({ workerId: "live", delivery: { maxWaitMs: 1000 } });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(3) }), { actor: OWNER });
      const now = world.clock.now();
      await world.store.claimDueLinks({
        now,
        worker: "dead",
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        limit: 3,
      });
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 0, pending: true });
      expect(world.transport.messages).toHaveLength(0);
      world.clock.advance(LEASE_MS);
      await expect(world.paylinks.deliver()).resolves.toMatchObject({ sent: 3, pending: false });
      expect(sendsPerLink(world.transport).size).toBe(3);
    });
  });

  describe("a worker that crashes in the middle of a batch", () => {
    it("its claimed links are taken over after their lease, and every link is sent exactly once", async () => {
      const live = makeWorld({ workerId: "live" });
      let calls = 0;
      const frozen = makeWorld({
        workerId: "frozen",
        clock: live.clock,
        store: live.store,
        transport: live.transport,
        delivery: { concurrency: 3, prefetch: 3 },
        // The process dies during its third send: that send and every later one never answer.
        wrapTransport: (t): MailTransport => ({
          send: (mail): Promise<SentMail> => (++calls <= 2 ? t.send(mail) : new Promise<SentMail>(() => {})),
        }),
      });
      await frozen.paylinks.createOrder(linkRequest({ recipients: recipients(10) }), { actor: OWNER });
      void frozen.paylinks.deliver();
      await settle();
      expect(live.transport.messages).toHaveLength(2);
      // It holds concurrency + prefetch links (3 + 3 here): the 3 frozen sends and 3 claimed ahead.
      const heldByDead = (await allLinks(live.store)).filter((l) => l.delivery.leaseOwner === "frozen");
      expect(heldByDead).toHaveLength(3 + 3);

      const report = await live.paylinks.deliver();
      expect(report).toMatchObject({ sent: 8, pending: false });
      const counts = sendsPerLink(live.transport);
      expect(counts.size).toBe(10);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
      expect((await allLinks(live.store)).every((l) => l.delivery.status === "SENT")).toBe(true);
    });

    it("a transport that rejects in the middle of a batch does not stop it: that link is retried", async () => {
      let calls = 0;
      const world = makeWorld({
        wrapTransport: (t): MailTransport => ({
          send: (mail) => (++calls === 3 ? Promise.reject(new Error("connection reset")) : t.send(mail)),
        }),
      });
      await world.paylinks.createOrder(linkRequest({ recipients: recipients(10) }), { actor: OWNER });
      const report = await world.paylinks.deliver();
      expect(report).toMatchObject({ sent: 10, retried: 1, failed: 0, pending: false });
      const counts = sendsPerLink(world.transport);
      expect(counts.size).toBe(10);
      expect([...counts.values()].every((count) => count === 1)).toBe(true);
    });
  });
});
