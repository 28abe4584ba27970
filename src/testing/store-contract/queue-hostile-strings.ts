import { describe, expect, it } from "vitest";
import { makeAttempt } from "../make-records";
import { HOSTILE_STRINGS } from "./hostile-strings";
import { type CurrentStore, saveOrderWithLinks } from "./support";

/** Contract: hostile strings in every text field of an attempt come back unchanged. Internal. */
export function describeQueueHostileStrings(current: CurrentStore): void {
  describe("hostile strings", () => {
    it.each(HOSTILE_STRINGS.map((text, index) => ({ text, index })))(
      "records and reads back an attempt with hostile string $index unchanged in every text field",
      async ({ text }) => {
        const store = current();
        const { links } = await saveOrderWithLinks(store);
        const link = links[0] as (typeof links)[number];
        const attempt = makeAttempt({
          linkId: link.id,
          worker: text,
          outcome: "permanent",
          error: text,
          messageId: text,
        });
        await store.recordAttempt(attempt);
        expect(await store.listAttempts(link.id)).toStrictEqual([attempt]);
      },
    );
  });
}
