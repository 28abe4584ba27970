import { describe, expect, it } from "vitest";
import { makeAttempt, makeLink } from "../make-records";
import { scribble } from "./copies";
import { type CurrentStore, fullRecords, minutes, saveOrderWithLinks } from "./support";

/** Contract: the queue keeps its own copies, apart from what callers give and receive. Internal. */
export function describeQueueCopies(current: CurrentStore): void {
  describe("copies", () => {
    it("is not changed when an attempt list or a due instant it returned changes", async () => {
      const store = current();
      const { order, link } = fullRecords();
      const links = [link, makeLink({ orderId: order.id, createdAt: order.createdAt })];
      expect(await store.saveOrder(order, links)).toBe("saved");
      await store.recordAttempt(makeAttempt({ linkId: link.id }));
      scribble(await store.listAttempts(link.id));
      scribble(await store.nextDueAt());
      expect(await store.nextDueAt()).toStrictEqual(links[1]?.delivery.nextAttemptAt);
      expect(await store.listAttempts(link.id)).toStrictEqual([makeAttempt({ linkId: link.id })]);
    });

    it("is not changed when a claimed link changes", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const [claimed] = await store.claimDueLinks({ now: minutes(1), worker: "w", leaseUntil: minutes(2), limit: 1 });
      const expected = structuredClone(claimed);
      scribble(claimed);
      expect(await store.getLink(links[0]?.id ?? "")).toStrictEqual(expected);
    });

    it("is not changed when the attempt given to recordAttempt changes afterwards", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const link = links[0] as (typeof links)[number];
      const attempt = makeAttempt({ linkId: link.id });
      const expected = structuredClone(attempt);
      await store.recordAttempt(attempt);
      scribble(attempt);
      expect(await store.listAttempts(link.id)).toStrictEqual([expected]);
    });
  });
}
