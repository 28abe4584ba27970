import { describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import type { MailTransport } from "../../src/ports";
import { createPaylinks } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";

describe("createPaylinks deliver", () => {
  describe("with sends slower than the lease, by two workers on one store (real time)", () => {
    it("records the first success whoever holds the lease, so the link is not sent again and again", async () => {
      const store = createMemoryStore();
      const capture = createCaptureTransport();
      // Each send takes 300 ms, three times the 100 ms lease: every send outlives its lease.
      const slow: MailTransport = {
        send: async (mail) => {
          await new Promise((resolve) => setTimeout(resolve, 300));
          return capture.send(mail);
        },
      };
      const worker = (workerId: string) =>
        createPaylinks({
          store,
          transport: slow,
          shops: [makeShop()],
          paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
          workerId,
          delivery: { leaseMs: 100, pollMs: 20, maxWaitMs: 2000 },
        });
      const a = worker("a");
      const b = worker("b");
      const { links } = await a.createOrder(
        { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "slow@example.fr" } },
        { actor: makeActor() },
      );
      await Promise.all([a.deliver(), b.deliver()]);
      const link = await store.getLink(links[0]?.id as string);
      expect(link?.delivery.status).toBe("SENT");
      // Worker a sends, b takes the link when a's lease ends and sends it too; a's success then ends it.
      expect(capture.messages.length).toBeGreaterThanOrEqual(1);
      expect(capture.messages.length).toBeLessThanOrEqual(3);
    });
  });
});
