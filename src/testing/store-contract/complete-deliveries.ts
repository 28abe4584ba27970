import { describe, expect, it } from "vitest";
import type { DeliveryCompletion, PaymentOrderStore } from "../../ports/delivery-queue";
import type { LinkDelivery, LinkReminders, StoredLink } from "../../ports/payment-order-records";
import { makeAttempt } from "../make-records";
import { type CurrentStore, minutes, saveOrderWithLinks } from "./support";

/** A completion of one attempt on a link: the attempt, and the delivery state it leads to. */
function completion(link: StoredLink, delivery: Partial<LinkDelivery>, at: Date, error?: string): DeliveryCompletion {
  const sent = delivery.status === "SENT";
  return {
    attempt: makeAttempt({
      linkId: link.id,
      sendCount: link.delivery.sendCount,
      attempt: link.delivery.attempts + 1,
      at,
      worker: "worker-batch",
      outcome: sent ? "sent" : "transient",
      messageId: sent ? `<${link.id}.1@x>` : undefined,
      error: sent ? undefined : error,
    }),
    expectedVersion: link.version,
    delivery: { ...link.delivery, leaseOwner: undefined, leaseExpiresAt: undefined, ...delivery },
    updatedAt: at,
  };
}

/** The store's optional method, or a skip of the running test when the queue does not implement it. */
function completeOf(store: PaymentOrderStore, skip: () => void): NonNullable<PaymentOrderStore["completeDeliveries"]> {
  const method = store.completeDeliveries;
  if (method === undefined) {
    skip();
    throw new Error("unreachable: the test was skipped");
  }
  return method.bind(store);
}

/** Contract: completeDeliveries, when the queue implements it. Internal. */
export function describeCompleteDeliveries(current: CurrentStore): void {
  describe("completeDeliveries (optional)", () => {
    it("records every attempt and changes only the links still at their expected version", async (context) => {
      const store = current();
      const complete = completeOf(store, () => context.skip());
      const { links } = await saveOrderWithLinks(store, { links: 4 });
      const [sent, retried, stale, untouched] = links as [StoredLink, StoredLink, StoredLink, StoredLink];
      const moved = { ...stale, version: stale.version + 1, updatedAt: minutes(5) };
      expect(await store.updateLink(moved, stale.version)).toBe(true);
      const hostile = "451 4.7.1 'quoted' \\ back\tslash\n%_ wildcards — ünïcödé 🚀";
      const batch = [
        completion(
          sent,
          { status: "SENT", attempts: 1, messageId: `<${sent.id}.1@x>`, sentAt: minutes(10) },
          minutes(10),
        ),
        completion(retried, { attempts: 1, lastError: hostile, nextAttemptAt: minutes(12) }, minutes(10), hostile),
        completion(stale, { status: "SENT", attempts: 1, sentAt: minutes(10) }, minutes(10)),
      ];
      expect(await complete(batch)).toEqual([true, true, false]);
      for (const [link, item] of [
        [sent, batch[0]],
        [retried, batch[1]],
      ] as const) {
        expect(await store.getLink(link.id)).toStrictEqual({
          ...link,
          delivery: item?.delivery,
          updatedAt: minutes(10),
          version: link.version + 1,
        });
      }
      expect(await store.getLink(stale.id)).toStrictEqual(moved);
      expect(await store.getLink(untouched.id)).toStrictEqual(untouched);
      for (const [index, link] of [sent, retried, stale].entries()) {
        expect(await store.listAttempts(link.id)).toStrictEqual([batch[index]?.attempt]);
      }
      expect(await store.listAttempts(untouched.id)).toEqual([]);
    });

    it("sets a link's reminders with a reminder's attempt, and leaves them as they are with an e-mail's", async (context) => {
      const store = current();
      const complete = completeOf(store, () => context.skip());
      const { links } = await saveOrderWithLinks(store, { links: 2 });
      const reminding: LinkReminders = {
        sent: 0,
        attempts: 0,
        nextAt: minutes(20),
        lastError: undefined,
        lastSentAt: undefined,
      };
      const held: StoredLink[] = [];
      for (const link of links as StoredLink[]) {
        const next: StoredLink = {
          ...link,
          delivery: { ...link.delivery, status: "SENT", attempts: 1, sentAt: minutes(1), nextAttemptAt: undefined },
          reminders: reminding,
          version: link.version + 1,
        };
        expect(await store.updateLink(next, link.version)).toBe(true);
        held.push(next);
      }
      const [reminded, emailed] = held as [StoredLink, StoredLink];
      const after: LinkReminders = {
        sent: 1,
        attempts: 0,
        lastSentAt: minutes(20),
        nextAt: minutes(40),
        lastError: undefined,
      };
      const reminder: DeliveryCompletion = {
        attempt: makeAttempt({
          linkId: reminded.id,
          sendCount: reminded.delivery.sendCount,
          attempt: 1,
          at: minutes(20),
          worker: "worker-batch",
          outcome: "sent",
          messageId: `<${reminded.id}.1.r1@x>`,
          kind: "reminder",
          reminder: 1,
        }),
        expectedVersion: reminded.version,
        delivery: reminded.delivery,
        updatedAt: minutes(20),
        reminders: after,
      };
      const email = completion(emailed, { lastError: undefined }, minutes(20));
      expect(await complete([reminder, email])).toEqual([true, true]);
      expect(await store.getLink(reminded.id)).toStrictEqual({
        ...reminded,
        reminders: after,
        updatedAt: minutes(20),
        version: reminded.version + 1,
      });
      expect((await store.getLink(emailed.id))?.reminders).toStrictEqual(reminding);
      expect(await store.listAttempts(reminded.id)).toStrictEqual([reminder.attempt]);
    });

    it("does nothing for no completion", async (context) => {
      const store = current();
      const complete = completeOf(store, () => context.skip());
      const { links } = await saveOrderWithLinks(store);
      expect(await complete([])).toEqual([]);
      expect(await store.getLink(links[0]?.id ?? "")).toStrictEqual(links[0]);
    });

    it("writes nothing when one completion cannot be written", async (context) => {
      const store = current();
      const complete = completeOf(store, () => context.skip());
      const { links } = await saveOrderWithLinks(store, { links: 2 });
      const [good, bad] = links as [StoredLink, StoredLink];
      const batch = [
        completion(good, { status: "SENT", attempts: 1, sentAt: minutes(10) }, minutes(10)),
        { ...completion(bad, { status: "SENT", attempts: 1 }, minutes(10)), updatedAt: new Date(Number.NaN) },
      ];
      await expect(complete(batch)).rejects.toThrow();
      expect(await store.getLink(good.id)).toStrictEqual(good);
      expect(await store.listAttempts(good.id)).toEqual([]);
      expect(await store.listAttempts(bad.id)).toEqual([]);
    });

    it("lets a later attempt of the same link follow in the next call", async (context) => {
      const store = current();
      const complete = completeOf(store, () => context.skip());
      const { links } = await saveOrderWithLinks(store);
      const link = links[0] as StoredLink;
      const first = completion(link, { attempts: 1, lastError: "421", nextAttemptAt: minutes(11) }, minutes(10), "421");
      expect(await complete([first])).toEqual([true]);
      const after = (await store.getLink(link.id)) as StoredLink;
      const second = completion(after, { status: "SENT", attempts: 2, sentAt: minutes(11) }, minutes(11));
      expect(await complete([second])).toEqual([true]);
      expect((await store.getLink(link.id))?.delivery).toStrictEqual(second.delivery);
      expect(await store.listAttempts(link.id)).toStrictEqual([first.attempt, second.attempt]);
    });
  });
}
