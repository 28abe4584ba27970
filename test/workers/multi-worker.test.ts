import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import { createPostgresStore, type PostgresStore } from "../../src/adapters/postgres";
import { createPaylinks, type WorkerSummary } from "../../src/service";
import { allLinks } from "../support/all-links";
import { makeActor, makeShop } from "../support/fixtures";
import { closeSharedClients, DATABASES, freshStore } from "../support/postgres";
import { startCountingSink, startWorkerProcess, waitUntil } from "../support/worker-process";

const databaseUrl = process.env.DATABASE_URL;

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(!databaseUrl)("several delivery workers on one PostgreSQL database", () => {
  let pool: pg.Pool;
  const schemas: string[] = [];

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  });

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  });

  async function orderOf(count: number): Promise<{ store: PostgresStore; schema: string; recipients: string[] }> {
    const schema = `paylinks_workers_${process.pid}_${Date.now().toString(36)}_${schemas.length}`;
    schemas.push(schema);
    const store = createPostgresStore({ client: pool, schema });
    await store.migrate();
    const recipients = Array.from({ length: count }, (_, i) => `buyer.${i}@example.fr`);
    const paylinks = createPaylinks({
      store,
      transport: createCaptureTransport(),
      shops: [makeShop()],
      paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
    });
    await paylinks.createOrder(
      { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients } },
      { actor: makeActor() },
    );
    return { store, schema, recipients };
  }

  async function statuses(store: PostgresStore): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let cursor: string | undefined;
    do {
      const page = await store.listLinks({}, { limit: 1000, cursor });
      for (const link of page.links) counts.set(link.delivery.status, (counts.get(link.delivery.status) ?? 0) + 1);
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    return counts;
  }

  it("delivers 2,000 links with two worker processes, each recipient receiving exactly one message", async () => {
    const sink = await startCountingSink();
    try {
      const { store, schema, recipients } = await orderOf(2000);
      const a = startWorkerProcess(schema, sink.port, "worker-a", 30_000, 8, 8);
      const b = startWorkerProcess(schema, sink.port, "worker-b", 30_000, 8, 8);
      const [codeA, codeB] = await Promise.all([a.exited, b.exited]);
      expect(codeA, a.stderr()).toBe(0);
      expect(codeB, b.stderr()).toBe(0);
      expect(await statuses(store)).toEqual(new Map([["SENT", 2000]]));
      for (const recipient of recipients) expect(sink.received.get(recipient), recipient).toBe(1);
      const sentByA = a.lines.filter((line) => line.startsWith("sent ")).length;
      const sentByB = b.lines.filter((line) => line.startsWith("sent ")).length;
      expect(sentByA + sentByB).toBe(2000);
      expect(sentByA).toBeGreaterThan(0);
      expect(sentByB).toBeGreaterThan(0);
    } finally {
      await sink.close();
    }
  }, 180_000);

  it("finishes the batch of a worker killed with SIGKILL once its leases end, losing no link", async () => {
    const sink = await startCountingSink();
    try {
      const concurrency = 8;
      const prefetch = 8;
      const { store, schema, recipients } = await orderOf(600);
      const a = startWorkerProcess(schema, sink.port, "worker-killed", 2_000, concurrency, prefetch);
      await waitFor(() => a.lines.filter((line) => line.startsWith("sent ")).length >= 150, 60_000);
      a.child.kill("SIGKILL");
      await a.exited;
      const b = startWorkerProcess(schema, sink.port, "worker-rescue", 2_000, concurrency, prefetch);
      expect(await b.exited, b.stderr()).toBe(0);
      expect(await statuses(store)).toEqual(new Map([["SENT", 600]]));
      let duplicates = 0;
      for (const recipient of recipients) {
        const count = sink.received.get(recipient) ?? 0;
        expect(count, recipient).toBeGreaterThanOrEqual(1);
        duplicates += count - 1;
      }
      // Only the links the worker held at the kill can be sent twice: at most concurrency + prefetch.
      expect(duplicates).toBeLessThanOrEqual(concurrency + prefetch);
      console.log(`kill test: ${duplicates} duplicate(s) out of ${concurrency + prefetch} held links at most`);
    } finally {
      await sink.close();
    }
  }, 180_000);
});

describe.each(DATABASES)("several runWorker loops on one PostgreSQL database (%s)", (kind) => {
  afterAll(() => closeSharedClients());

  it("deliver 300 links, each sent exactly once and SENT, the work shared between the workers", async () => {
    const { store, cleanup } = await freshStore(kind);
    try {
      const transport = createCaptureTransport();
      const service = (workerId: string) =>
        createPaylinks({
          store,
          transport,
          shops: [makeShop()],
          paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
          workerId,
          delivery: { concurrency: 4 },
        });
      const workers = ["worker-1", "worker-2", "worker-3"].map(service);
      const recipients = Array.from({ length: 300 }, (_, i) => `buyer.${i}@example.fr`);
      const { links } = await service("web").createOrder(
        { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients } },
        { actor: makeActor() },
      );

      const stop = new AbortController();
      const running: Promise<WorkerSummary>[] = workers.map((paylinks) =>
        paylinks.runWorker({ signal: stop.signal, idleMs: 10, batchSize: 20 }),
      );
      const sentCount = async (): Promise<number> => {
        const page = await store.listLinks({ deliveryStatuses: ["SENT"] }, { limit: 1000 });
        return page.links.length;
      };
      await waitUntil(async () => (await sentCount()) === links.length, 90_000);
      stop.abort();
      const summaries = await Promise.all(running);

      const stored = await allLinks(store);
      expect(stored).toHaveLength(300);
      expect(stored.every((link) => link.delivery.status === "SENT" && link.delivery.leaseOwner === undefined)).toBe(
        true,
      );
      const perLink = new Map<string, number>();
      for (const message of transport.messages) {
        perLink.set(message.mail.linkId, (perLink.get(message.mail.linkId) ?? 0) + 1);
      }
      expect(perLink.size).toBe(300);
      expect([...perLink.values()].every((count) => count === 1)).toBe(true);
      expect(transport.messages).toHaveLength(300);
      expect(summaries.reduce((sum, summary) => sum + summary.sent, 0)).toBe(300);
      const attempts = (await Promise.all(stored.map((link) => store.listAttempts(link.id)))).flat();
      expect(attempts).toHaveLength(300);
      expect(new Set(attempts.map((attempt) => attempt.worker)).size).toBeGreaterThan(1);
      for (const paylinks of workers) expect((await paylinks.health()).worker.running).toBe(false);
    } finally {
      await cleanup();
    }
  }, 120_000);
});
