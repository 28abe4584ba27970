import { describe, expect, it } from "vitest";
import type { MemoryStore } from "../../src/adapters/memory";
import type { PaymentOrderStore } from "../../src/ports";
import { allLinks, linkRequest, makeWorld, OWNER, recipients } from "./support";

/** The store, counting its `listLinks` calls (the read of an order's links). */
function countingLists(counter: { lists: number }) {
  return (store: MemoryStore): PaymentOrderStore => ({
    ...store,
    listLinks: (filter, page) => {
      counter.lists++;
      return store.listLinks(filter, page);
    },
  });
}

describe("send: the results per recipient", () => {
  it("answers from the links as the delivery wrote them, without reading the order again", async () => {
    const counter = { lists: 0 };
    const world = makeWorld({ wrapStore: countingLists(counter) });
    const [sent, refused, third] = recipients(3) as [string, string, string];
    world.transport.failFor(refused, { kind: "permanent" });
    const { results } = await world.paylinks.send(linkRequest({ recipients: [sent, refused, third] }), {
      actor: OWNER,
    });
    expect(counter.lists).toBe(0);
    const stored = await allLinks(world.store);
    // The same answer as the stored links give, in recipient order.
    expect(results).toEqual(
      stored
        .sort((a, b) => a.position - b.position)
        .map((link) => ({
          linkId: link.id,
          recipient: link.recipient,
          reference: link.reference,
          deliveryStatus: link.delivery.status,
          error: link.delivery.status === "FAILED" ? link.delivery.lastError : undefined,
        })),
    );
    expect(results.map((result) => result.deliveryStatus)).toEqual(["SENT", "FAILED", "SENT"]);
    expect(results[1]?.error).toBeTruthy();
  });

  it("reads the order's links when the delivery did not write them all (a replay with the same key)", async () => {
    const counter = { lists: 0 };
    const world = makeWorld({ wrapStore: countingLists(counter) });
    const request = linkRequest({ recipients: recipients(2) });
    const first = await world.paylinks.send(request, { actor: OWNER, idempotencyKey: "key-1" });
    expect(counter.lists).toBe(0);
    const again = await world.paylinks.send(request, { actor: OWNER, idempotencyKey: "key-1" });
    expect(again.created).toBe(false);
    expect(counter.lists).toBeGreaterThan(0);
    expect(again.results).toEqual(first.results);
    expect(world.transport.messages).toHaveLength(2);
  });
});
