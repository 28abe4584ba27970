/** Benchmarks of the PostgreSQL store: saving a 10,000-link order, against inserting the rows one by one. */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { LINK_COLUMNS, orderValues } from "../../src/adapters/postgres/row-mapping";
import { makeOrderWithLinks } from "../../src/testing";
import { type BenchRow, type BenchSection, measureAsync, ms } from "./harness";

const LINKS = 10_000;

async function benchOn(name: string, client: PostgresClient, rows: BenchRow[]): Promise<number> {
  const schema = `paylinks_bench_${Date.now().toString(36)}`;
  const store = createPostgresStore({ client, schema });
  await store.migrate();
  const s = `"${schema}"`;
  let n = 0;
  const fresh = async () => {
    const prefix = `b${n++}-`;
    const { order, links } = makeOrderWithLinks({ order: { id: `${prefix}order` }, links: LINKS });
    return {
      order,
      links: links.map((link, i) => ({ ...link, id: `${prefix}${i}`, token: `${prefix}token-${i}` })),
    };
  };
  const saved = await measureAsync(({ order, links }) => store.saveOrder(order, links), fresh, 3);
  const columns = LINK_COLUMNS.map(([column]) => column).join(", ");
  const placeholders = LINK_COLUMNS.map(([, type], i) => `$${i + 1}${type === "jsonb" ? "::jsonb" : ""}`).join(", ");
  const rowByRow = await measureAsync(
    async ({ order, links }) => {
      const run = async (tx: { query: (text: string, params?: unknown[]) => Promise<unknown> }) => {
        await tx.query(
          `insert into ${s}.paylinks_orders (id, shop_id, mode, amount, currency, reference, buyer_reference, advanced, message, bcc, created_at, created_by, link_count, idempotency_key, request_fingerprint)
           values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10::jsonb, $11, $12, $13, $14, $15)`,
          orderValues(order),
        );
        for (const link of links) {
          await tx.query(
            `insert into ${s}.paylinks_links (${columns}) values (${placeholders})`,
            LINK_COLUMNS.map(([, , value]) => value(link)),
          );
        }
      };
      if ("transaction" in client) await (client as PGlite).transaction(run);
      else {
        const connection = await (client as unknown as pg.Pool).connect();
        try {
          await connection.query("BEGIN");
          await run(connection);
          await connection.query("COMMIT");
        } finally {
          connection.release();
        }
      }
    },
    fresh,
    2,
  );
  await client.query(`drop schema ${s} cascade`);
  rows.push({
    name: `saveOrder, ${LINKS.toLocaleString("en")} links, ${name}`,
    medianMs: saved,
    notes: `${ms(saved / LINKS)} per link; row-by-row inserts in one transaction: ${ms(rowByRow)} (${(rowByRow / saved).toFixed(1)}× slower)`,
  });
  return rowByRow / saved;
}

/** Runs the storage benchmarks: PGlite always, the PostgreSQL server when DATABASE_URL is set. */
export async function benchStorage(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const summary: string[] = [];
  const lite = await PGlite.create();
  const liteRatio = await benchOn("PGlite (embedded)", lite as unknown as PostgresClient, rows);
  await lite.close();
  summary.push(`PGlite: saveOrder is ${liteRatio.toFixed(1)}× faster than row-by-row inserts.`);
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    const serverRatio = await benchOn("PostgreSQL server (127.0.0.1)", pool as unknown as PostgresClient, rows);
    await pool.end();
    summary.push(`PostgreSQL server: saveOrder is ${serverRatio.toFixed(1)}× faster than row-by-row inserts.`);
  } else {
    summary.push("The PostgreSQL server was not measured: set DATABASE_URL to include it.");
  }
  return { title: "Storage: saving a 10,000-link order", rows, summary };
}
