import { afterAll, describe, expect, it, vi } from "vitest";
import type { PaymentOrderRequest } from "../../src/index";
import type { PaymentOrderStore } from "../../src/ports";
import type { ShopConfig } from "../../src/shop";
import { createFakeClock } from "../support/fake-clock";
import { makeShop } from "../support/fixtures";
import { closeSharedClients, DATABASES, freshStore } from "../support/postgres";
import { linkRequest, makeWorld, OWNER, rejectionOf } from "./support";

afterAll(() => closeSharedClients());

/** 20 October 2026, 10:00 in Paris (summer time, UTC+2); winter time starts on 25 October at 03:00. */
const CREATED = new Date("2026-10-20T08:00:00Z");
/** Two days after creation at 10:00 summer time. */
const AFTER_2 = new Date("2026-10-22T08:00:00Z");
/** Three days before the expiry day (27 October) at 10:00, still summer time. */
const BEFORE_3 = new Date("2026-10-24T08:00:00Z");
/** One day before the expiry day at 10:00, winter time (UTC+1): one hour later in UTC. */
const BEFORE_1 = new Date("2026-10-26T09:00:00Z");

const REQUEST: PaymentOrderRequest = linkRequest(
  {},
  { advanced: { validityDays: 7, reminders: { beforeExpiry: [3, 1], afterCreation: [2] } } },
);

type StoreMaker = () => Promise<{ store: PaymentOrderStore; cleanup: () => Promise<void> }>;
const STORES: [string, StoreMaker | undefined][] = [
  ["memory", undefined],
  ...DATABASES.map((kind): [string, StoreMaker] => [kind, () => freshStore(kind)]),
];

describe.each(STORES)("reminders through the service (%s)", (_name, make) => {
  async function world(shops?: ShopConfig[]) {
    const made = make ? await make() : undefined;
    const clock = createFakeClock(CREATED);
    const w = makeWorld({ clock, ...(made ? { wrapStore: () => made.store } : {}), ...(shops ? { shops } : {}) });
    const store: PaymentOrderStore = made ? made.store : w.store;
    return { ...w, store, cleanup: made?.cleanup ?? (async () => {}) };
  }
  type World = Awaited<ReturnType<typeof world>>;

  async function created(w: World, request: PaymentOrderRequest = REQUEST) {
    const made = await w.paylinks.createOrder(request, { actor: OWNER });
    const link = made.links[0];
    if (!link) throw new Error("no link");
    return link;
  }

  const current = async (w: World, id: string) => w.paylinks.getLink(id, { actor: OWNER });

  /** Delivers what is due at an instant (and its retries); reminders days away are not waited for. */
  async function deliverAt(w: World, at: Date) {
    w.clock.set(at);
    return w.paylinks.deliver();
  }

  it("sends each reminder at 10:00 in Paris across the change to winter time, after the e-mail, and counts them", async () => {
    const w = await world();
    try {
      const link = await created(w);
      expect(link.advanced.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [2], time: "10:00" });
      expect(link.reminders?.nextAt).toEqual(AFTER_2);
      expect((await deliverAt(w, CREATED)).sent).toBe(1);

      // Ten minutes early: deliver waits for links due within its maxWaitMs (2 minutes), not this one.
      expect((await deliverAt(w, new Date(AFTER_2.getTime() - 10 * 60_000))).reminders).toBe(0);
      const first = await deliverAt(w, AFTER_2);
      expect(first).toMatchObject({ sent: 0, reminders: 1, failed: 0 });
      const mail = w.transport.messages[1];
      expect(mail?.subject).toBe("Librairie Durand\u00a0: rappel, votre lien de paiement vous attend");
      expect(mail?.text).toContain("rappel n°\u00a01 ");
      expect(mail?.text).toContain("(jours restants\u00a0: 5)");
      expect(mail?.text).toContain(link.url);
      expect(mail?.mail.messageId.startsWith(`<${link.id}.1.r1@`)).toBe(true);
      // In the conversation of the link's e-mail.
      const firstId = w.transport.messages[0]?.mail.messageId;
      expect(firstId).toBe(`<${link.id}.1@paylinks.invalid>`);
      expect(mail?.mail.inReplyTo).toBe(firstId);
      expect(mail?.headers["In-Reply-To"]).toBe(firstId);
      expect(mail?.headers.References).toBe(firstId);
      expect(w.transport.messages[0]?.headers["In-Reply-To"]).toBeUndefined();
      let stored = await current(w, link.id);
      expect(stored.reminders).toMatchObject({ sent: 1, attempts: 0, nextAt: BEFORE_3, lastSentAt: AFTER_2 });
      expect(stored.delivery.status).toBe("SENT");

      await deliverAt(w, BEFORE_3);
      expect(w.transport.messages[2]?.text).toContain("(jours restants\u00a0: 3)");
      expect(w.transport.messages[2]?.text).toContain("rappel n°\u00a02 ");
      // 09:30 UTC on the 26th is 10:30 in winter time; 08:30 UTC is 09:30: not yet.
      expect((await deliverAt(w, new Date(BEFORE_1.getTime() - 30 * 60_000))).reminders).toBe(0);
      expect((await deliverAt(w, BEFORE_1)).reminders).toBe(1);
      expect(w.transport.messages[3]?.text).toContain("(jours restants\u00a0: 1)");
      stored = await current(w, link.id);
      expect(stored.reminders).toMatchObject({ sent: 3, nextAt: undefined, lastSentAt: BEFORE_1 });
      expect((await deliverAt(w, new Date("2026-10-27T20:00:00Z"))).reminders).toBe(0);
      expect(w.transport.messages).toHaveLength(4);

      const attempts = await w.store.listAttempts(link.id);
      expect(attempts.map((a) => [a.kind ?? "email", a.reminder, a.outcome, a.at.toISOString()])).toEqual([
        ["email", undefined, "sent", CREATED.toISOString()],
        ["reminder", 1, "sent", AFTER_2.toISOString()],
        ["reminder", 2, "sent", BEFORE_3.toISOString()],
        ["reminder", 3, "sent", BEFORE_1.toISOString()],
      ]);
      expect(w.events.filter((e) => e.type === "reminder_sent").map((e) => ("reminder" in e ? e.reminder : 0))).toEqual(
        [1, 2, 3],
      );
    } finally {
      await w.cleanup();
    }
  });

  it("sends no reminder for a link whose e-mail has not gone out, and skips one that fell before it", async () => {
    const w = await world();
    try {
      const link = await created(w);
      w.clock.set(AFTER_2);
      // The e-mail goes out late, at the first reminder's time: that reminder is skipped, the next is due.
      await w.paylinks.deliver();
      await w.paylinks.deliver();
      expect(w.transport.messages.map((m) => m.subject)).toEqual(["Librairie Durand\u00a0: votre lien de paiement"]);
      expect((await current(w, link.id)).reminders).toMatchObject({ sent: 0, nextAt: BEFORE_3 });
    } finally {
      await w.cleanup();
    }
  });

  it("cancels the remaining reminders when the link is paid, cancelled or expires", async () => {
    const w = await world();
    try {
      const paid = await created(w);
      const cancelled = await created(w, { ...REQUEST, link: { ...REQUEST.link, orderReference: "REF-43" } });
      await deliverAt(w, CREATED);
      await w.paylinks.recordPayment(paid.id, { status: "PAID", transactionId: "tx-1" }, { actor: OWNER });
      await w.paylinks.cancel(cancelled.id, { actor: OWNER });
      expect((await current(w, paid.id)).reminders?.nextAt).toBeUndefined();
      expect((await current(w, cancelled.id)).reminders?.nextAt).toBeUndefined();
      expect((await deliverAt(w, AFTER_2)).reminders).toBe(0);

      const expiring = await created(w, { ...REQUEST, link: { ...REQUEST.link, orderReference: "REF-44" } });
      await w.paylinks.deliver();
      w.clock.set(new Date("2026-10-30T12:00:00Z"));
      await w.paylinks.expireDue({ actor: OWNER });
      expect((await current(w, expiring.id)).reminders?.nextAt).toBeUndefined();
      expect(w.transport.messages).toHaveLength(3);
    } finally {
      await w.cleanup();
    }
  });

  it("restores the reminders still in the future when a cancelled link is reactivated", async () => {
    const w = await world();
    try {
      const link = await created(w);
      await deliverAt(w, CREATED);
      await w.paylinks.cancel(link.id, { actor: OWNER });
      w.clock.set(new Date("2026-10-23T12:00:00Z"));
      const reactivated = await w.paylinks.reactivate(link.id, { actor: OWNER });
      // The reminder of the 22nd passed while the link was cancelled: it is not sent late.
      expect(reactivated.reminders?.nextAt).toEqual(BEFORE_3);
      expect((await deliverAt(w, BEFORE_3)).reminders).toBe(1);
      expect(w.transport.messages[1]?.text).toContain("rappel n°\u00a01 ");
    } finally {
      await w.cleanup();
    }
  });

  it("moves the reminders relative to the expiry when the expiry changes", async () => {
    const w = await world();
    try {
      const link = await created(w);
      await deliverAt(w, AFTER_2);
      await deliverAt(w, AFTER_2);
      w.clock.set(new Date("2026-10-23T12:00:00Z"));
      // New expiry: 3 November (winter time); 3 days before is 31 October at 10:00, i.e. 09:00 UTC.
      const moved = await w.paylinks.changeExpiry(link.id, { expiresAt: "2026-11-03" }, { actor: OWNER });
      expect(moved.reminders?.nextAt).toEqual(new Date("2026-10-31T09:00:00Z"));
      expect(moved.advanced.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [2], time: "10:00" });
      expect((await deliverAt(w, BEFORE_3)).reminders).toBe(0);
      expect((await deliverAt(w, new Date("2026-10-31T09:00:00Z"))).reminders).toBe(1);
      expect(w.transport.messages.at(-1)?.text).toContain("(jours restants\u00a0: 3)");
    } finally {
      await w.cleanup();
    }
  });

  it("retries a reminder refused for now, and records each attempt as a reminder attempt", async () => {
    const w = await world();
    try {
      const link = await created(w);
      await deliverAt(w, CREATED);
      w.transport.failFor("alice@example.fr", { kind: "transient", times: 1 });
      // Each reminder attempt and the link's new reminder state go in one completeDeliveries statement.
      const recordAttempt = vi.spyOn(w.store, "recordAttempt");
      const completeDeliveries = vi.spyOn(w.store, "completeDeliveries");
      const report = await deliverAt(w, AFTER_2);
      expect(report).toMatchObject({ retried: 1, failed: 0 });
      // The retry is due after the backoff (at most a few seconds).
      const retried = await deliverAt(w, new Date(AFTER_2.getTime() + 60_000));
      expect(report.reminders + retried.reminders).toBe(1);
      const attempts = (await w.store.listAttempts(link.id)).filter((a) => a.kind === "reminder");
      expect(attempts.map((a) => [a.reminder, a.attempt, a.outcome])).toEqual([
        [1, 1, "transient"],
        [1, 2, "sent"],
      ]);
      expect((await current(w, link.id)).reminders).toMatchObject({ sent: 1, attempts: 0, nextAt: BEFORE_3 });
      expect(recordAttempt).not.toHaveBeenCalled();
      const written = completeDeliveries.mock.calls.flatMap(([completions]) => completions);
      expect(written.map((c) => [c.attempt.kind, c.attempt.outcome, c.reminders?.sent])).toEqual([
        ["reminder", "transient", 0],
        ["reminder", "sent", 1],
      ]);
    } finally {
      await w.cleanup();
    }
  });

  it("gives up a reminder refused for good and keeps the next one, without failing the link", async () => {
    const w = await world();
    try {
      const link = await created(w);
      await deliverAt(w, CREATED);
      w.transport.failFor("alice@example.fr", { kind: "permanent", times: 1 });
      const report = await deliverAt(w, AFTER_2);
      expect(report).toMatchObject({ reminders: 0, failed: 1 });
      const stored = await current(w, link.id);
      expect(stored.delivery.status).toBe("SENT");
      expect(stored.reminders).toMatchObject({ sent: 0, nextAt: BEFORE_3 });
      expect(stored.reminders?.lastError).toContain("550");
      expect(w.events.filter((e) => e.type === "reminder_failed")).toHaveLength(1);
      expect((await deliverAt(w, BEFORE_3)).reminders).toBe(1);
    } finally {
      await w.cleanup();
    }
  });

  it("sends a due reminder once when two workers deliver at the same time", async () => {
    const w = await world();
    try {
      const link = await created(w);
      await deliverAt(w, CREATED);
      const other = makeWorld({
        clock: w.clock,
        workerId: "worker-2",
        transport: w.transport,
        wrapStore: () => w.store,
      });
      w.clock.set(AFTER_2);
      const reports = await Promise.all([w.paylinks.deliver(), other.paylinks.deliver()]);
      expect(reports.map((r) => r.reminders).sort()).toEqual([0, 1]);
      expect(w.transport.messages).toHaveLength(2);
      expect((await current(w, link.id)).reminders?.sent).toBe(1);
    } finally {
      await w.cleanup();
    }
  });

  it("refuses a schedule that falls outside the link's life, and stores nothing", async () => {
    const w = await world();
    try {
      const bad = linkRequest(
        {},
        {
          advanced: {
            validityDays: 7,
            reminders: { beforeExpiry: [10, 2, 2], afterCreation: [0, 8], time: "25:00" },
          },
        },
      );
      const error = await rejectionOf(w.paylinks.createOrder(bad, { actor: OWNER }));
      expect(error.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["advanced.reminders.time", "reminder_time_invalid"],
      ]);
      const six = { beforeExpiry: [10, 2, 2], afterCreation: [0, 8, 9], time: "10:00" };
      const timed = { ...bad, advanced: { validityDays: 7, reminders: six } };
      const again = await rejectionOf(w.paylinks.createOrder(timed, { actor: OWNER }));
      expect(again.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["advanced.reminders", "reminders_too_many"],
      ]);
      const five = {
        ...bad,
        advanced: { validityDays: 7, reminders: { beforeExpiry: [10, 2, 2], afterCreation: [0], time: "10:00" } },
      };
      const third = await rejectionOf(w.paylinks.createOrder(five, { actor: OWNER }));
      expect(third.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["advanced.reminders.beforeExpiry.0", "reminder_in_past"],
        ["advanced.reminders.beforeExpiry.2", "reminder_duplicate"],
        ["advanced.reminders.afterCreation.0", "reminder_in_past"],
      ]);
      const late = { ...bad, advanced: { validityDays: 7, reminders: { afterCreation: [8] } } };
      const fourth = await rejectionOf(w.paylinks.createOrder(late, { actor: OWNER }));
      expect(fourth.issues.map((i) => [i.path.join("."), i.code, i.params])).toEqual([
        ["advanced.reminders.afterCreation.0", "reminder_after_expiry", { at: "2026-10-28T09:00:00.000Z" }],
      ]);
      expect((await w.paylinks.listLinks({}, { limit: 10 }, { actor: OWNER })).links).toEqual([]);
    } finally {
      await w.cleanup();
    }
  });

  it("applies the shop's default schedule, drops its reminders that do not fit, and lets {} turn it off", async () => {
    const shop = makeShop({ defaults: { reminders: { beforeExpiry: [10, 1], time: "09:30" } } });
    const w = await world([shop]);
    try {
      const link = await created(w, linkRequest({}, { advanced: { validityDays: 7 } }));
      // 10 days before a 7-day expiry is before the creation: dropped, no issue.
      expect(link.advanced.reminders).toEqual({ beforeExpiry: [10, 1], afterCreation: [], time: "09:30" });
      expect(link.reminders?.nextAt).toEqual(new Date("2026-10-26T08:30:00Z"));
      const none = await created(
        w,
        linkRequest({ orderReference: "REF-2" }, { advanced: { validityDays: 7, reminders: {} } }),
      );
      expect(none.advanced.reminders).toBeUndefined();
      expect(none.reminders).toBeUndefined();
      // An explicit schedule without a time takes the shop's.
      const own = await created(
        w,
        linkRequest({ orderReference: "REF-3" }, { advanced: { validityDays: 7, reminders: { afterCreation: [1] } } }),
      );
      expect(own.reminders?.nextAt).toEqual(new Date("2026-10-21T07:30:00Z"));
    } finally {
      await w.cleanup();
    }
  });

  it("sets, shows and removes the schedule of a running link with changeReminders", async () => {
    const w = await world();
    try {
      const link = await created(w, linkRequest({}, { advanced: { validityDays: 7 } }));
      expect(link.reminders).toBeUndefined();
      await deliverAt(w, CREATED);
      w.clock.set(new Date("2026-10-23T12:00:00Z"));
      const bad = await rejectionOf(
        w.paylinks.changeReminders(link.id, { afterCreation: [1], beforeExpiry: [-1] }, { actor: OWNER, locale: "fr" }),
      );
      expect(bad.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["reminders.beforeExpiry.0", "reminder_offset_invalid"],
      ]);
      expect(bad.issues[0]?.message).toContain("Saisissez le décalage");
      const past = await rejectionOf(w.paylinks.changeReminders(link.id, { afterCreation: [1] }, { actor: OWNER }));
      expect(past.issues.map((i) => [i.path.join("."), i.code])).toEqual([
        ["reminders.afterCreation.0", "reminder_in_past"],
      ]);
      expect((await current(w, link.id)).reminders).toBeUndefined();

      const set = await w.paylinks.changeReminders(link.id, { beforeExpiry: [3, 1] }, { actor: OWNER });
      expect(set.advanced.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [], time: "10:00" });
      expect(set.reminders).toMatchObject({ sent: 0, nextAt: BEFORE_3 });
      expect((await deliverAt(w, BEFORE_3)).reminders).toBe(1);

      const removed = await w.paylinks.changeReminders(link.id, {}, { actor: OWNER });
      expect(removed.advanced.reminders).toBeUndefined();
      expect(removed.reminders).toMatchObject({ sent: 1, nextAt: undefined });
      expect((await deliverAt(w, BEFORE_1)).reminders).toBe(0);
      expect(w.events.filter((e) => e.type === "reminders_changed")).toHaveLength(2);
    } finally {
      await w.cleanup();
    }
  });

  it("keeps the schedule through an update, and sends the merchant's own reminder text", async () => {
    const w = await world();
    try {
      const request = linkRequest(
        {},
        {
          advanced: { validityDays: 7, reminders: { afterCreation: [2] } },
          message: {
            subject: "Votre commande %reference%",
            body: "Payez ici : %url%",
            reminder: {
              subject: "Relance %reminder_number% : %reference%",
              body: "Plus que %days_left% jours pour payer %amount%.",
            },
          },
        },
      );
      const link = await created(w, request);
      await deliverAt(w, CREATED);
      const updated = await w.paylinks.update(link.id, { amount: 5990 }, { actor: OWNER });
      expect(updated.advanced.reminders).toEqual({ beforeExpiry: [], afterCreation: [2], time: "10:00" });
      await deliverAt(w, new Date(CREATED.getTime() + 1000));
      await deliverAt(w, AFTER_2);
      const reminder = w.transport.messages.at(-1);
      expect(reminder?.subject).toBe("Relance 1 : REF-42");
      expect(reminder?.text.startsWith("Plus que 5 jours pour payer 59,90")).toBe(true);
    } finally {
      await w.cleanup();
    }
  });
});
