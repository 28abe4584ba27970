/**
 * The database going away under `deliver`: an embedded PGlite closed mid-batch (on a data directory on disk, opened
 * again afterwards), and, with DATABASE_URL, the PostgreSQL server terminating the pool's backends
 * (pg_terminate_backend on the pool's application_name). deliver must reject with storage_failed, leave a state a
 * later deliver can finish, and lose no link; only the links in flight may be sent twice.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPostgresStore, type PostgresClient, type PostgresStore } from "../../src/adapters/postgres";
import type { DeliveryAttempt, MailTransport, OutgoingMail, StoredLink } from "../../src/ports";
import { createPaylinks, type Paylinks, PaylinksError } from "../../src/service";
import { allLinks } from "../support/all-links";
import { makeActor, makeShop } from "../support/fixtures";

const databaseUrl = process.env.DATABASE_URL;
const LINKS = 200;
const CONCURRENCY = 8;
const PREFETCH = 8;
/** The most links one worker holds under its leases: the bound of what an outage can leave unrecorded. */
const HELD = CONCURRENCY + PREFETCH;
const LEASE_MS = 1000;

/** A transport that accepts every mail at once, counts them per recipient, and runs `onSend` after the n-th. */
function countingTransport(onSend: (count: number) => void = () => {}): MailTransport & {
  readonly received: Map<string, number>;
  readonly total: () => number;
} {
  const received = new Map<string, number>();
  let total = 0;
  return {
    received,
    total: () => total,
    async send(mail: OutgoingMail) {
      received.set(mail.to, (received.get(mail.to) ?? 0) + 1);
      total++;
      onSend(total);
      return { messageId: mail.messageId };
    },
  };
}

function service(store: PostgresStore, transport: MailTransport, workerId: string): Paylinks {
  return createPaylinks({
    store,
    transport,
    shops: [makeShop()],
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
    workerId,
    delivery: {
      leaseMs: LEASE_MS,
      concurrency: CONCURRENCY,
      prefetch: PREFETCH,
      baseDelayMs: 5,
      maxDelayMs: 20,
      pollMs: 50,
      random: () => 0.5,
    },
  });
}

const recipientsOf = (tag: string): string[] => Array.from({ length: LINKS }, (_, i) => `${tag}.buyer.${i}@example.fr`);

async function createOrder(store: PostgresStore, recipients: readonly string[]): Promise<void> {
  await service(store, countingTransport(), "creator").createOrder(
    { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients: [...recipients] } },
    { actor: makeActor() },
  );
}

async function attemptsOf(store: PostgresStore, links: readonly StoredLink[]): Promise<Map<string, DeliveryAttempt[]>> {
  const attempts = new Map<string, DeliveryAttempt[]>();
  for (const link of links) attempts.set(link.id, await store.listAttempts(link.id));
  return attempts;
}

/** Runs `deliver` and returns what it rejected with; fails the test if it resolves. */
async function rejectionOf(run: Promise<unknown>): Promise<PaylinksError> {
  const outcome = await run.then(
    (value) => ({ resolved: value }),
    (error: unknown) => ({ error }),
  );
  if (!("error" in outcome)) throw new Error(`deliver resolved: ${JSON.stringify(outcome.resolved)}`);
  expect(outcome.error).toBeInstanceOf(PaylinksError);
  return outcome.error as PaylinksError;
}

function expectStorageFailed(error: PaylinksError): void {
  expect(error.code).toBe("storage_failed");
  expect(error.message).toMatch(/^Storage failed while [a-z]/);
  expect(error.details.operation).toBeTruthy();
  expect(error.message).toContain(error.details.operation);
  expect(error.cause).toBeDefined();
  expect(error.cause).not.toBeInstanceOf(PaylinksError);
}

/** What an outage left: links whose mail went out but which are still PENDING, and SENT links with no attempt row. */
interface OutageState {
  readonly sentButPending: StoredLink[];
  readonly sentWithoutAttempt: StoredLink[];
}

/**
 * The state a worker that lost its database mid-batch leaves: each link SENT or PENDING, after at most one attempt;
 * a PENDING link may have one attempt recorded whose result it could not write. A SENT link should have its
 * `sent` attempt recorded too, but since the attempt and the link are written at the same time (commit 3241aa6),
 * an outage can keep the one and lose the other: those links are returned, and
 * attempt-record-failure.test.ts shows it deterministically.
 */
function expectConsistentAfterOutage(
  links: readonly StoredLink[],
  attempts: Map<string, DeliveryAttempt[]>,
  received: Map<string, number>,
  deadWorker: string,
): OutageState {
  expect(links).toHaveLength(LINKS);
  const sentButPending: StoredLink[] = [];
  const sentWithoutAttempt: StoredLink[] = [];
  for (const link of links) {
    const list = attempts.get(link.id) ?? [];
    expect(["SENT", "PENDING"], link.id).toContain(link.delivery.status);
    expect(list.length, link.id).toBeLessThanOrEqual(1);
    for (const attempt of list)
      expect([attempt.attempt, attempt.outcome, attempt.worker]).toEqual([1, "sent", deadWorker]);
    if (link.delivery.status === "SENT") {
      expect(link.delivery.attempts).toBe(1);
      expect(link.delivery.leaseOwner).toBeUndefined();
      expect(received.get(link.recipient), link.recipient).toBe(1);
      if (list.length === 0) sentWithoutAttempt.push(link);
    } else {
      expect(link.delivery.attempts, link.id).toBe(0);
      expect(link.delivery.nextAttemptAt, link.id).toBeInstanceOf(Date);
      if (link.delivery.leaseOwner !== undefined) expect(link.delivery.leaseOwner).toBe(deadWorker);
      if ((received.get(link.recipient) ?? 0) > 0) sentButPending.push(link);
      else expect(list, link.id).toEqual([]);
    }
  }
  // Only the links the worker held when the database went away (sending, or sent and waiting for their write) can
  // have been sent without being recorded.
  expect(sentButPending.length + sentWithoutAttempt.length).toBeLessThanOrEqual(HELD);
  expect(links.filter((l) => l.delivery.leaseOwner === deadWorker).length).toBeLessThanOrEqual(HELD);
  return { sentButPending, sentWithoutAttempt };
}

/**
 * After the later deliver: every link SENT, every recipient served, at most one copy too many per link in flight;
 * every recorded attempt a `sent` one numbered 1 (a link sent again records attempt 1 again, by the new worker).
 * Returns the number of duplicates and of SENT links without any attempt row.
 */
function expectFinished(
  links: readonly StoredLink[],
  attempts: Map<string, DeliveryAttempt[]>,
  recipients: readonly string[],
  received: (recipient: string) => number,
): { duplicates: number; withoutAttempt: number } {
  expect(links).toHaveLength(LINKS);
  expect(links.every((l) => l.delivery.status === "SENT")).toBe(true);
  let duplicates = 0;
  for (const recipient of recipients) {
    expect(received(recipient), recipient).toBeGreaterThanOrEqual(1);
    duplicates += received(recipient) - 1;
  }
  expect(duplicates).toBeLessThanOrEqual(HELD);
  let withoutAttempt = 0;
  for (const link of links) {
    const list = attempts.get(link.id) ?? [];
    expect(link.delivery.attempts, link.id).toBe(1);
    expect(list.length, link.id).toBeLessThanOrEqual(received(link.recipient));
    for (const attempt of list) expect([attempt.attempt, attempt.outcome], link.id).toEqual([1, "sent"]);
    if (list.length === 0) withoutAttempt++;
  }
  expect(withoutAttempt).toBeLessThanOrEqual(HELD);
  return { duplicates, withoutAttempt };
}

describe("the embedded PGlite database closed under deliver, then opened again from its data directory", () => {
  const dirs: string[] = [];

  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it.each([1, 50, 150])(
    "closed after %i sends: deliver rejects with storage_failed; the data is consistent and a later deliver finishes",
    async (closeAfter) => {
      const dir = await mkdtemp(join(tmpdir(), "paylinks-outage-"));
      dirs.push(dir);
      const recipients = recipientsOf(`close${closeAfter}`);
      const first = await PGlite.create(dir);
      const store = createPostgresStore({ client: first as unknown as PostgresClient });
      await store.migrate();
      await createOrder(store, recipients);

      let closing: Promise<void> | undefined;
      const firstTransport = countingTransport((count) => {
        if (count === closeAfter) closing = first.close();
      });
      const error = await rejectionOf(service(store, firstTransport, "worker-before").deliver());
      expectStorageFailed(error);
      await closing;
      expect(first.closed).toBe(true);

      const second = await PGlite.create(dir);
      try {
        const reopened = createPostgresStore({ client: second as unknown as PostgresClient });
        expect(await reopened.migrate()).toEqual([]);
        const left = await allLinks(reopened);
        const { sentButPending, sentWithoutAttempt } = expectConsistentAfterOutage(
          left,
          await attemptsOf(reopened, left),
          firstTransport.received,
          "worker-before",
        );

        const laterTransport = countingTransport();
        const report = await service(reopened, laterTransport, "worker-after").deliver();
        expect(report).toMatchObject({ failed: 0, pending: false });
        expect(report.sent).toBe(left.filter((l) => l.delivery.status === "PENDING").length);
        const links = await allLinks(reopened);
        const { duplicates, withoutAttempt } = expectFinished(
          links,
          await attemptsOf(reopened, links),
          recipients,
          (r) => (firstTransport.received.get(r) ?? 0) + (laterTransport.received.get(r) ?? 0),
        );
        expect(duplicates).toBe(sentButPending.length);
        expect(withoutAttempt).toBe(sentWithoutAttempt.length);
        console.log(
          `PGlite closed after ${closeAfter} sends: "${error.message}" (cause: ${String((error.cause as Error)?.message ?? error.cause)}); ` +
            `${LINKS - report.sent} SENT before, ${sentButPending.length} sent but still PENDING, ` +
            `${sentWithoutAttempt.length} SENT without an attempt row, ${duplicates} duplicate(s)`,
        );
      } finally {
        await second.close();
      }
    },
    120_000,
  );
});

describe.skipIf(!databaseUrl)("the PostgreSQL server terminating the pool's connections under deliver", () => {
  let admin: pg.Pool;
  const schemas: string[] = [];

  beforeAll(() => {
    admin = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  });

  afterAll(async () => {
    for (const schema of schemas) await admin.query(`drop schema if exists "${schema}" cascade`);
    await admin.end();
  });

  async function setUp(tag: string) {
    const schema = `paylinks_outage_${process.pid}_${Date.now().toString(36)}_${tag}`;
    schemas.push(schema);
    const applicationName = `paylinks-outage-${process.pid}-${Date.now().toString(36)}-${tag}`;
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 6, application_name: applicationName });
    // Idle clients whose backend is terminated emit "error" on the pool: without a listener the process dies.
    const poolErrors: Error[] = [];
    pool.on("error", (error) => poolErrors.push(error));
    const terminate = async (): Promise<number> => {
      const result = await admin.query(
        "select pg_terminate_backend(pid) as done from pg_stat_activity where application_name = $1",
        [applicationName],
      );
      return result.rows.filter((row) => row.done === true).length;
    };
    const recipients = recipientsOf(`terminate.${tag}`);
    const store = createPostgresStore({ client: pool, schema });
    await store.migrate();
    await createOrder(store, recipients);
    return { schema, pool, poolErrors, terminate, recipients };
  }

  /** The later deliver: a fresh pool on the same schema, another worker. */
  async function finishWithFreshPool(schema: string) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
    try {
      const store = createPostgresStore({ client: pool, schema });
      const transport = countingTransport();
      const report = await service(store, transport, "worker-after").deliver();
      const links = await allLinks(store);
      return { report, links, attempts: await attemptsOf(store, links), received: transport.received };
    } finally {
      await pool.end();
    }
  }

  it("terminated while a query runs (after 60 sends): storage_failed, then a fresh pool finishes every link", async () => {
    const { schema, pool, terminate, recipients } = await setUp("inflight");
    let armed = false;
    let terminated = 0;
    // The store's client is the pool itself; at the first query after the 60th send, the pool's backends are
    // terminated while that query holds one of them, so the outage hits a query in flight.
    const client: PostgresClient = {
      connect: () => pool.connect(),
      async query(text: string, params?: unknown[]) {
        if (!armed) return pool.query(text, params as unknown[]);
        armed = false;
        const connection = await pool.connect();
        connection.on("error", () => {});
        try {
          terminated = await terminate();
          return await connection.query(text, params as unknown[]);
        } finally {
          connection.release(true);
        }
      },
    };
    const transport = countingTransport((count) => {
      if (count === 60) armed = true;
    });
    try {
      const error = await rejectionOf(
        service(createPostgresStore({ client, schema }), transport, "worker-before").deliver(),
      );
      expectStorageFailed(error);
      expect(terminated).toBeGreaterThanOrEqual(1);
      expect(String((error.cause as Error).message)).toMatch(/terminat|Connection/i);
    } finally {
      await pool.end();
    }

    const later = await finishWithFreshPool(schema);
    expect(later.report).toMatchObject({ failed: 0, pending: false });
    const { duplicates, withoutAttempt } = expectFinished(
      later.links,
      later.attempts,
      recipients,
      (r) => (transport.received.get(r) ?? 0) + (later.received.get(r) ?? 0),
    );
    console.log(
      `pg_terminate_backend of ${terminated} backend(s) after 60 sends: ${duplicates} duplicate(s), ` +
        `${withoutAttempt} SENT link(s) without an attempt row`,
    );
  }, 60_000);

  it("terminated at any moment of the batch: deliver finishes or fails with storage_failed, and no link is lost", async () => {
    const { schema, pool, terminate, recipients, poolErrors } = await setUp("anytime");
    let termination: Promise<number> | undefined;
    const transport = countingTransport((count) => {
      if (count === 80) termination = terminate();
    });
    let outcome: string;
    try {
      outcome = await service(createPostgresStore({ client: pool, schema }), transport, "worker-before")
        .deliver()
        .then(
          (report) => `resolved ${JSON.stringify(report)}`,
          (error: unknown) => {
            expect(error).toBeInstanceOf(PaylinksError);
            expectStorageFailed(error as PaylinksError);
            return `rejected: ${(error as Error).message}`;
          },
        );
      await termination;
    } finally {
      await pool.end();
    }
    const later = await finishWithFreshPool(schema);
    expect(later.report).toMatchObject({ failed: 0, pending: false });
    const { duplicates, withoutAttempt } = expectFinished(
      later.links,
      later.attempts,
      recipients,
      (r) => (transport.received.get(r) ?? 0) + (later.received.get(r) ?? 0),
    );
    console.log(
      `pg_terminate_backend at any moment: deliver ${outcome}; ${poolErrors.length} idle-client error(s); ` +
        `${duplicates} duplicate(s), ${withoutAttempt} SENT link(s) without an attempt row`,
    );
  }, 60_000);
});
