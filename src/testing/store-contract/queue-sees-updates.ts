import { describe, expect, it } from "vitest";
import type { StoredLink } from "../../ports/payment-order-records";
import { type CurrentStore, idsOf, minutes, saveOrderWithLinks } from "./support";
import { changed } from "./update-link";

/** Contract: what the store's updateLink writes, the queue sees at once. Internal. */
export function describeQueueSeesUpdates(current: CurrentStore): void {
  describe("updates of the store", () => {
    it("are seen by claimDueLinks and nextDueAt at once", async () => {
      const store = current();
      const { order, links } = await saveOrderWithLinks(store, { links: 3 });
      const [sent, later, kept] = links as [StoredLink, StoredLink, StoredLink];
      await store.updateLink(changed(sent, { delivery: { status: "SENT", nextAttemptAt: undefined } }), 1);
      await store.updateLink(
        changed(later, { payment: { status: "CANCELLED" }, delivery: { nextAttemptAt: minutes(60) } }),
        1,
      );
      expect(await store.nextDueAt(order.id)).toStrictEqual(kept.delivery.nextAttemptAt);
      const claimed = await store.claimDueLinks({ now: minutes(10), worker: "w", leaseUntil: minutes(11), limit: 10 });
      expect(idsOf(claimed)).toEqual([kept.id]);
      expect(await store.nextDueAt(order.id)).toStrictEqual(minutes(11));
    });
  });
}
