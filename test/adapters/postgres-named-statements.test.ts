import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { fixedStatements, isPgPool, type SqlResult } from "../../src/adapters/postgres/sql-client";
import type { DeliveryCompletion } from "../../src/ports";
import { makeOrderWithLinks } from "../../src/testing";

const databaseUrl = process.env.DATABASE_URL;

/** A client that keeps every call of `query`, as it was made, and answers with no rows. */
function keeping(): { client: PostgresClient; calls: unknown[][] } {
  const calls: unknown[][] = [];
  const answer = async (...args: unknown[]): Promise<SqlResult> => {
    calls.push(args);
    return { rows: [] };
  };
  const client = { query: answer, connect: async () => ({ query: answer, release: () => {} }), totalCount: 0 };
  return { client: client as unknown as PostgresClient, calls };
}

describe("fixedStatements", () => {
  it("names each text after a digest of it: the same name for the same text, another for another", async () => {
    const { client, calls } = keeping();
    const run = fixedStatements(client, true);
    await run("select $1::int", [1]);
    await run("select $1::int", [2]);
    await run("select $1::text", ["a"]);
    const configs = calls.map(([config]) => config as { name: string; text: string; values: unknown[] });
    expect(calls.every((call) => call.length === 1)).toBe(true);
    expect(configs.map((config) => config.text)).toEqual(["select $1::int", "select $1::int", "select $1::text"]);
    expect(configs.map((config) => config.values)).toEqual([[1], [2], ["a"]]);
    expect(configs[0]?.name).toMatch(/^paylinks_[0-9a-f]{16}$/);
    expect(configs[1]?.name).toBe(configs[0]?.name);
    expect(configs[2]?.name).not.toBe(configs[0]?.name);
    // Another store's runner gives the same text the same name: a pool's connections never see two texts under one.
    await fixedStatements(client, true)("select $1::int", [3]);
    expect((calls[3]?.[0] as { name: string } | undefined)?.name).toBe(configs[0]?.name);
  });

  it("passes text and parameters as they are when not preparing", async () => {
    const { client, calls } = keeping();
    await fixedStatements(client, false)("select $1::int", [1]);
    expect(calls).toEqual([["select $1::int", [1]]]);
  });

  it("tells a pg Pool from PGlite and from an object that only forwards query(text, params)", async () => {
    const pool = new pg.Pool({ connectionString: "postgres://127.0.0.1:1/none" });
    const lite = await PGlite.create();
    try {
      expect(isPgPool(pool as unknown as PostgresClient)).toBe(true);
      expect(isPgPool(lite as unknown as PostgresClient)).toBe(false);
      const forwarding = { query: pool.query.bind(pool), connect: () => pool.connect() };
      expect(isPgPool(forwarding as unknown as PostgresClient)).toBe(false);
    } finally {
      await pool.end();
      await lite.close();
    }
  });
});

describe.skipIf(databaseUrl === undefined)("named delivery statements on the PostgreSQL server", () => {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const schema = `paylinks_named_${process.pid}_${Date.now().toString(36)}`;
  afterAll(async () => {
    await pool.query(`drop schema if exists "${schema}" cascade`);
    await pool.end();
  });

  it("prepares the claim, the outcome write and the link update once on a connection, and they still run after a column is added", async () => {
    const store = createPostgresStore({ client: pool as unknown as PostgresClient, schema });
    await store.migrate();
    const { order, links } = makeOrderWithLinks({ links: 4 });
    await store.saveOrder(order, links);
    const now = new Date("2030-01-01T00:00:00Z");
    const claim = (limit: number) =>
      store.claimDueLinks({ now, worker: "w", leaseUntil: new Date(now.getTime() + 60_000), limit });
    const [first] = await claim(1);
    expect(first).toBeDefined();
    const prepared = async (): Promise<string[]> =>
      (await pool.query("select name, statement from pg_prepared_statements order by name")).rows
        .filter((row) => String(row.name).startsWith("paylinks_"))
        .map((row) => String(row.statement));
    // One connection: the claim is prepared on it once, whatever the number of claims.
    expect((await prepared()).filter((text) => text.includes("for update skip locked"))).toHaveLength(1);

    // A migration that adds a column does not break the prepared claim: it names its columns.
    await pool.query(`alter table "${schema}".paylinks_links add column later_column text`);
    const next = await claim(2);
    expect(next.map((link) => link.id)).toEqual(links.slice(1, 3).map((link) => link.id));

    const link = first as NonNullable<typeof first>;
    const completion: DeliveryCompletion = {
      attempt: {
        linkId: link.id,
        sendCount: link.delivery.sendCount,
        attempt: 1,
        at: now,
        worker: "w",
        outcome: "sent",
        messageId: "<m@x>",
        error: undefined,
      },
      expectedVersion: link.version,
      delivery: {
        ...link.delivery,
        status: "SENT",
        attempts: 1,
        messageId: "<m@x>",
        sentAt: now,
        leaseOwner: undefined,
      },
      updatedAt: now,
    };
    expect(await store.completeDeliveries([completion])).toEqual([true]);
    expect(await store.completeDeliveries([completion])).toEqual([false]);
    const sent = await store.getLink(link.id);
    expect(sent?.delivery).toMatchObject({ status: "SENT", messageId: "<m@x>" });
    expect(
      await store.updateLink({ ...(sent as typeof link), version: (sent?.version ?? 0) + 1 }, sent?.version ?? 0),
    ).toBe(true);
    const texts = await prepared();
    expect(texts.some((text) => text.includes("with input as"))).toBe(true);
    expect(texts.some((text) => text.startsWith(`update "${schema}".paylinks_links set`))).toBe(true);
  });

  it("sends plain text with preparedStatements: false", async () => {
    const other = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const store = createPostgresStore({
        client: other as unknown as PostgresClient,
        schema,
        preparedStatements: false,
      });
      await store.claimDueLinks({ now: new Date(), worker: "w", leaseUntil: new Date(), limit: 1 });
      const { rows } = await other.query("select count(*)::int as n from pg_prepared_statements");
      expect(rows[0]?.n).toBe(0);
    } finally {
      await other.end();
    }
  });
});
