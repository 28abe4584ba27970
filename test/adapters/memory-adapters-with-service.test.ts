import { describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import { createPaylinks } from "../../src/service";
import { createFakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";

describe("memory adapters under the service", () => {
  it("sends, retries a transient refusal, fails a permanent one, and records every attempt", async () => {
    const store = createMemoryStore();
    const transport = createCaptureTransport();
    const clock = createFakeClock();
    const shop = makeShop({ contactEmail: "contact@librairie-durand.fr" });
    const paylinks = createPaylinks({
      store,
      transport,
      clock,
      shops: [shop],
      paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
      delivery: { baseDelayMs: 1000, random: () => 0 },
    });
    transport.failFor("b@example.fr", { kind: "transient", times: 2 });
    transport.failFor("c@example.fr", { kind: "permanent" });

    const { results } = await paylinks.send(
      {
        link: {
          shopId: shop.id,
          amount: 4990,
          currency: "EUR",
          orderReference: "Recouvrement",
          recipients: "a@example.fr;b@example.fr;c@example.fr",
          bcc: { shopManager: true },
        },
      },
      { actor: makeActor() },
    );

    // Sorted: `send` promises recipient order, but lists the links in id order (reported to the service owners).
    const byRecipient = [...results].sort((x, y) => x.recipient.localeCompare(y.recipient));
    expect(byRecipient.map((r) => [r.recipient, r.deliveryStatus])).toEqual([
      ["a@example.fr", "SENT"],
      ["b@example.fr", "SENT"],
      ["c@example.fr", "FAILED"],
    ]);
    expect(transport.messages.map((m) => m.to).sort()).toEqual(["a@example.fr", "b@example.fr"]);
    for (const message of transport.messages) {
      expect(message.envelope).toEqual([message.to, shop.managerEmail]);
      expect(Object.values(message.headers).join("\n")).not.toContain(shop.managerEmail);
      expect(message.headers["Reply-To"]).toBe("contact@librairie-durand.fr");
    }
    const [a, b, c] = byRecipient;
    expect((await store.listAttempts(a?.linkId ?? "")).map((x) => x.outcome)).toEqual(["sent"]);
    expect((await store.listAttempts(b?.linkId ?? "")).map((x) => x.outcome)).toEqual([
      "transient",
      "transient",
      "sent",
    ]);
    expect((await store.listAttempts(c?.linkId ?? "")).map((x) => x.outcome)).toEqual(["permanent"]);
    const sentB = await store.getLink(b?.linkId ?? "");
    expect(transport.messages.find((m) => m.to === "b@example.fr")?.headers["Message-ID"]).toBe(
      sentB?.delivery.messageId,
    );
    expect(store.size()).toEqual({ orders: 1, links: 3, attempts: 5 });
  });
});
