import { describe, expect, it } from "vitest";
import { makeAttempt } from "../make-records";
import { type CurrentStore, minutes, saveOrderWithLinks } from "./support";

/** Contract: recordAttempt and listAttempts. Internal. */
export function describeAttempts(current: CurrentStore): void {
  describe("recordAttempt and listAttempts", () => {
    it("lists a link's attempts oldest first, as recorded", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store, { links: 2 });
      const [one, two] = links.map((link) => link.id) as [string, string];
      const attempts = [
        makeAttempt({
          linkId: one,
          attempt: 1,
          at: minutes(1),
          outcome: "transient",
          messageId: undefined,
          error: "451",
        }),
        makeAttempt({
          linkId: two,
          attempt: 1,
          at: minutes(1),
          outcome: "permanent",
          messageId: undefined,
          error: "550",
        }),
        makeAttempt({
          linkId: one,
          attempt: 2,
          at: minutes(3),
          outcome: "transient",
          messageId: undefined,
          error: "421",
        }),
        makeAttempt({
          linkId: one,
          attempt: 3,
          at: minutes(7),
          outcome: "sent",
          messageId: "<one.1@x>",
          error: undefined,
        }),
        makeAttempt({ linkId: one, sendCount: 2, attempt: 1, at: minutes(9), worker: "worker-2" }),
      ];
      for (const attempt of attempts) await store.recordAttempt(attempt);
      expect(await store.listAttempts(one)).toStrictEqual(attempts.filter((a) => a.linkId === one));
      expect(await store.listAttempts(two)).toStrictEqual([attempts[1]]);
    });

    it("orders by the instant of the attempt, not by when it was recorded", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      const linkId = links[0]?.id ?? "";
      const late = makeAttempt({ linkId, attempt: 2, at: minutes(5) });
      const early = makeAttempt({ linkId, attempt: 1, at: minutes(2), outcome: "transient", error: "451" });
      await store.recordAttempt(late);
      await store.recordAttempt(early);
      expect(await store.listAttempts(linkId)).toStrictEqual([early, late]);
    });

    it("lists nothing for a link without attempts", async () => {
      const store = current();
      const { links } = await saveOrderWithLinks(store);
      expect(await store.listAttempts(links[0]?.id ?? "")).toEqual([]);
      expect(await store.listAttempts("no-such-link")).toEqual([]);
    });
  });
}
