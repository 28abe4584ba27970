import { describe, expect, it } from "vitest";
import { type CaptureTransport, createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import type { PaymentOrderStore, StoredLink } from "../../src/ports";
import { createPaylinks, type DeliveryReport, PaylinksError } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";

/**
 * The example of docs/service.md, "At least once": the store fails once, right after the transport accepted an
 * e-mail, on the write named by `failing`. A second worker then delivers what is left. For `recordAttempt` and
 * `updateLink`, the store is a queue without `completeDeliveries`, so the service writes the attempt, then the
 * link; for `completeDeliveries`, both go in that one write.
 */
async function storeFailsOnce(failing: "recordAttempt" | "updateLink" | "completeDeliveries"): Promise<{
  error: unknown;
  afterFailure: StoredLink;
  attemptsAfterFailure: number;
  second: DeliveryReport;
  transport: CaptureTransport;
  attempts: readonly { attempt: number; worker: string; outcome: string }[];
}> {
  const memory = createMemoryStore();
  const { completeDeliveries: _batched, ...oneByOne } = memory;
  let failed = false;
  const batched: Pick<PaymentOrderStore, "completeDeliveries"> = {
    async completeDeliveries(completions) {
      if (!failed) {
        failed = true;
        throw new Error("connection reset");
      }
      return memory.completeDeliveries(completions);
    },
  };
  const store: PaymentOrderStore = {
    ...oneByOne,
    ...(failing === "completeDeliveries" ? batched : {}),
    async recordAttempt(attempt) {
      if (failing === "recordAttempt" && !failed) {
        failed = true;
        throw new Error("connection reset");
      }
      return memory.recordAttempt(attempt);
    },
    async updateLink(link, expectedVersion) {
      // Only the write that records the delivery: the claim does not go through updateLink.
      if (failing === "updateLink" && !failed && link.delivery.status === "SENT") {
        failed = true;
        throw new Error("connection reset");
      }
      return memory.updateLink(link, expectedVersion);
    },
  };
  const transport = createCaptureTransport();
  const options = {
    store,
    transport,
    shops: [makeShop()],
    paymentUrl: (link: { token: string }) => `https://pay.example.com/t/${link.token}`,
    delivery: { leaseMs: 200, pollMs: 20 },
  };
  const workerA = createPaylinks({ ...options, workerId: "worker-a" });
  const workerB = createPaylinks({ ...options, workerId: "worker-b" });
  await workerA.createOrder(
    { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "marie@example.fr" } },
    { actor: makeActor() },
  );
  const error = await workerA.deliver().then(
    () => undefined,
    (e: unknown) => e,
  );
  const [afterFailure] = (await memory.listLinks({}, { limit: 10 })).links;
  if (!afterFailure) throw new Error("no link");
  const attemptsAfterFailure = (await memory.listAttempts(afterFailure.id)).length;
  const second = await workerB.deliver();
  const attempts = await memory.listAttempts(afterFailure.id);
  return { error, afterFailure, attemptsAfterFailure, second, transport, attempts };
}

describe("the store failing on one of the two writes that record a delivery", () => {
  it("recording the attempt fails: deliver throws storage_failed naming the operation, with the cause", async () => {
    const { error } = await storeFailsOnce("recordAttempt");
    expect(error).toBeInstanceOf(PaylinksError);
    expect(error).toMatchObject({ code: "storage_failed", details: { operation: "recording a delivery attempt" } });
    expect(String((error as PaylinksError).cause)).toBe("Error: connection reset");
  });

  // Regression test for a bug fixed since (commit 3241aa6, "save a round trip per delivered link"): deliver now writes the attempt
  // (recordAttempt) and the link (updateLink) at the same time, so when recordAttempt fails the link is SENT all the
  // same, with `attempts: 1` and no attempt row. docs/service.md ("At least once") says the link stays PENDING
  // under its lease and a second worker sends it again: its example prints `{ sent: 1, … }` and two copies with the
  // same Message-ID. Now the second worker reports `{ sent: 0, … }`, one copy went out, and the link's history
  // (listAttempts) is empty although the link is SENT. The same happens on PostgreSQL when the server drops the
  // connection between the two writes (database-outage.test.ts counts those links).
  it("recording the attempt fails: the link stays PENDING and another worker sends it again, as documented", async () => {
    const { afterFailure, second, transport } = await storeFailsOnce("recordAttempt");
    expect(afterFailure.delivery.status).toBe("PENDING");
    expect(second).toMatchObject({ sent: 1, failed: 0, pending: false });
    const ids = transport.messages.map((m) => m.headers["Message-ID"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  // Regression test (same bug, fixed): a SENT link whose sent attempt is not in its history.
  it("recording the attempt fails: no link is ever SENT without its sent attempt recorded", async () => {
    const { afterFailure, attemptsAfterFailure } = await storeFailsOnce("recordAttempt");
    if (afterFailure.delivery.status === "SENT") expect(attemptsAfterFailure).toBeGreaterThan(0);
  });

  it("the batched write fails: deliver throws storage_failed; the link stays PENDING, no attempt, sent again", async () => {
    const { error, afterFailure, attemptsAfterFailure, second, transport, attempts } =
      await storeFailsOnce("completeDeliveries");
    expect(error).toMatchObject({ code: "storage_failed", details: { operation: "recording delivery attempts" } });
    expect(String((error as PaylinksError).cause)).toBe("Error: connection reset");
    expect(afterFailure.delivery.status).toBe("PENDING");
    expect(attemptsAfterFailure).toBe(0);
    expect(second).toMatchObject({ sent: 1, failed: 0, pending: false });
    const ids = transport.messages.map((m) => m.headers["Message-ID"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    expect(attempts.map((a) => [a.attempt, a.worker, a.outcome])).toEqual([[1, "worker-b", "sent"]]);
  });

  it("writing the link fails: it stays PENDING and is sent again by the next worker, with the same Message-ID", async () => {
    const { error, afterFailure, attemptsAfterFailure, second, transport, attempts } =
      await storeFailsOnce("updateLink");
    expect(error).toMatchObject({ code: "storage_failed", details: { operation: "recording a delivery" } });
    expect(afterFailure.delivery.status).toBe("PENDING");
    expect(attemptsAfterFailure).toBe(1);
    expect(second).toMatchObject({ sent: 1, failed: 0, pending: false });
    const ids = transport.messages.map((m) => m.headers["Message-ID"]);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
    // Both sends are in the history, each numbered 1 (the link's attempt count was never written by worker A).
    expect(attempts.map((a) => [a.attempt, a.worker, a.outcome])).toEqual([
      [1, "worker-a", "sent"],
      [1, "worker-b", "sent"],
    ]);
  });
});
