/**
 * The SIGKILL test of test/workers/multi-worker.test.ts at five points of a 600-link batch: a delivery worker process
 * (test/support/delivery-worker.ts, 8 sends at a time, leases of 1.5 s) is killed, and a second one must finish the
 * batch once the dead worker's leases end, with no link lost and at most one duplicate per link it held
 * (concurrency + prefetch).
 * Needs DATABASE_URL.
 */
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import { createPostgresStore } from "../../src/adapters/postgres";
import { createPaylinks } from "../../src/service";
import { allLinks } from "../support/all-links";
import { makeActor, makeShop } from "../support/fixtures";
import { startCountingSink, startWorkerProcess, waitUntil } from "../support/worker-process";

const databaseUrl = process.env.DATABASE_URL;
const LINKS = 600;
const CONCURRENCY = 8;
const PREFETCH = 8;
/** The most links one worker holds under its leases: sending, claimed ahead, or sent and not yet recorded. */
const HELD = CONCURRENCY + PREFETCH;
const LEASE_MS = 1500;
/** Kill the first worker once it has printed this many sends (0: as soon as it holds a lease). */
const KILL_POINTS = [0, 50, 150, 300, 450] as const;

describe.skipIf(!databaseUrl)("a delivery worker killed with SIGKILL at five points of a 600-link batch", () => {
  let pool: pg.Pool;
  const schemas: string[] = [];

  beforeAll(() => {
    pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  });

  afterAll(async () => {
    for (const schema of schemas) await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  });

  it.each(KILL_POINTS)(
    "after %i sends: another worker finishes once the leases end, no link is lost, duplicates ≤ concurrency + prefetch",
    async (point) => {
      const schema = `paylinks_kill_${process.pid}_${Date.now().toString(36)}_${point}`;
      schemas.push(schema);
      const store = createPostgresStore({ client: pool, schema });
      await store.migrate();
      const recipients = Array.from({ length: LINKS }, (_, i) => `kill${point}.buyer.${i}@example.fr`);
      await createPaylinks({
        store,
        transport: createCaptureTransport(),
        shops: [makeShop()],
        paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
      }).createOrder(
        { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients } },
        { actor: makeActor() },
      );

      const sink = await startCountingSink();
      try {
        const killedId = `killed-at-${point}`;
        const killed = startWorkerProcess(schema, sink.port, killedId, LEASE_MS, CONCURRENCY, PREFETCH);
        const leased = async (): Promise<number> =>
          (
            await pool.query(`select count(*)::int as n from "${schema}".paylinks_links where lease_owner = $1`, [
              killedId,
            ])
          ).rows[0].n as number;
        if (point === 0) await waitUntil(async () => (await leased()) > 0, 60_000);
        else await waitUntil(() => killed.sent() >= point, 60_000);
        killed.child.kill("SIGKILL");
        expect(await killed.exited).toBeNull();

        // What the dead worker left: the links it still held, each with a lease that has not ended yet.
        const left = await allLinks(store);
        const held = left.filter((l) => l.delivery.status === "PENDING" && l.delivery.leaseOwner === killedId);
        const sentBeforeKill = left.filter((l) => l.delivery.status === "SENT").length;
        expect(held.length).toBeLessThanOrEqual(HELD);
        expect(sentBeforeKill).toBeGreaterThanOrEqual(killed.sent());
        expect(left.every((l) => l.delivery.status !== "FAILED")).toBe(true);

        const rescue = startWorkerProcess(schema, sink.port, `rescue-after-${point}`, LEASE_MS, CONCURRENCY, PREFETCH);
        expect(await rescue.exited, rescue.stderr()).toBe(0);
        const done = rescue.lines.find((line) => line.startsWith("done "));
        expect(JSON.parse((done ?? "done {}").slice(5))).toMatchObject({ pending: false, failed: 0 });

        const links = await allLinks(store);
        expect(links).toHaveLength(LINKS);
        expect(links.every((l) => l.delivery.status === "SENT")).toBe(true);
        expect(sentBeforeKill + rescue.sent()).toBe(LINKS);

        let duplicates = 0;
        for (const recipient of recipients) {
          const count = sink.received.get(recipient) ?? 0;
          expect(count, recipient).toBeGreaterThanOrEqual(1);
          duplicates += count - 1;
        }
        expect(duplicates).toBeLessThanOrEqual(HELD);
        // A copy can only be sent twice if the dead worker held its link.
        for (const link of held) expect(sink.received.get(link.recipient) ?? 0).toBeLessThanOrEqual(2);

        // The rescuer waited for each lease of the dead worker to end before trying its link.
        const byId = new Map(links.map((l) => [l.id, l]));
        for (const link of held) {
          const attempts = await store.listAttempts(link.id);
          const rescued = attempts.filter((a) => a.worker.startsWith("rescue-"));
          expect(rescued.length, link.id).toBeGreaterThanOrEqual(1);
          for (const attempt of rescued) {
            expect(attempt.at.getTime(), link.id).toBeGreaterThanOrEqual(link.delivery.leaseExpiresAt?.getTime() ?? 0);
          }
          expect(byId.get(link.id)?.delivery.attempts, link.id).toBe(attempts[attempts.length - 1]?.attempt);
        }
        console.log(
          `SIGKILL after ${point} sends: ${sentBeforeKill} SENT at the kill, ${held.length} links held by the dead worker, ` +
            `${rescue.sent()} sent by the rescuer, ${duplicates} duplicate(s), ${sink.connectionErrors.length} connection(s) reset`,
        );
      } finally {
        await sink.close();
      }
    },
    90_000,
  );
});
