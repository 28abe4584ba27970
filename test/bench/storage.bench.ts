/** Benchmarks of the PostgreSQL store: saving a 10,000-link order, against inserting the rows one by one. */
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { LINK_COLUMNS, orderValues } from "../../src/adapters/postgres/row-mapping";
import { makeOrderWithLinks } from "../../src/testing";
import { serviceLikeLinks } from "../support/service-like-links";
import { type BenchRow, type BenchSection, measureAsync, ms } from "./harness";

const LINKS = 10_000;

/** What one database gave: saveOrder's ratio to row-by-row, and the ratio of row-by-row to the server's own copy. */
interface StorageRatios {
  readonly ratio: number;
  readonly ceiling: number;
}

async function benchOn(name: string, client: PostgresClient, rows: BenchRow[]): Promise<StorageRatios> {
  const schema = `paylinks_bench_${Date.now().toString(36)}`;
  const store = createPostgresStore({ client, schema });
  await store.migrate();
  const s = `"${schema}"`;
  let n = 0;
  const fresh = async () => {
    const prefix = `b${n++}-`;
    const { order, links } = makeOrderWithLinks({ order: { id: `${prefix}order` }, links: LINKS });
    // The links share the order's objects, as the service's records do.
    const renamed = links.map((link, i) => ({ ...link, id: `${prefix}${i}`, token: `${prefix}token-${i}` }));
    return { order, links: serviceLikeLinks(order, renamed) };
  };
  const saved = await measureAsync(({ order, links }) => store.saveOrder(order, links), fresh, 5);
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
  // The database's own work for the same rows, with nothing sent: a copy of a saved order's rows by one statement
  // (each run copies another of the orders saved above, once). On the server, where the client and the database
  // are apart, row-by-row ÷ this bounds what any way of sending the rows can reach.
  let copies = 0;
  const copyColumns = LINK_COLUMNS.map(([column]) =>
    column === "id" || column === "token" ? `${column} || $2` : column,
  );
  const floor = await measureAsync(
    async (orderId) => {
      await client.query(
        `insert into ${s}.paylinks_links (${columns}) select ${copyColumns.join(", ")} from ${s}.paylinks_links where order_id = $1`,
        [orderId, "-copy"],
      );
    },
    async () => `b${copies++}-order`,
    5,
  );
  await client.query(`drop schema ${s} cascade`);
  rows.push({
    name: `saveOrder, ${LINKS.toLocaleString("en")} links, ${name}`,
    medianMs: saved,
    notes: `${ms(saved / LINKS)} per link; row-by-row inserts in one transaction: ${ms(rowByRow)} (${(rowByRow / saved).toFixed(1)}× slower)`,
  });
  rows.push({
    name: `the same rows copied by the database, ${name}`,
    medianMs: floor,
    notes: `insert … select of a saved order's rows, nothing sent; row-by-row ÷ this: ${(rowByRow / floor).toFixed(1)}×`,
  });
  return { ratio: rowByRow / saved, ceiling: rowByRow / floor };
}

/** The summary line of one database. */
const said = (name: string, { ratio, ceiling }: StorageRatios): string =>
  `${name}: saveOrder is ${ratio.toFixed(1)}× faster than row-by-row inserts; the database copying the same rows itself, with nothing sent, is ${ceiling.toFixed(1)}× faster.`;

/** Runs the storage benchmarks: PGlite always, the PostgreSQL server when DATABASE_URL is set. */
export async function benchStorage(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const summary: string[] = [];
  const liteClient = await PGlite.create();
  const lite = await benchOn("PGlite (embedded)", liteClient as unknown as PostgresClient, rows);
  await liteClient.close();
  summary.push(said("PGlite", lite));
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
    const server = await benchOn("PostgreSQL server (127.0.0.1)", pool as unknown as PostgresClient, rows);
    await pool.end();
    summary.push(said("PostgreSQL server", server));
  } else {
    summary.push("The PostgreSQL server was not measured: set DATABASE_URL to include it.");
  }
  summary.push(
    "saveOrder sends a column that varies between the links as one array, a column they all share once, and an e-mail text they share but for their URL and reference once, rebuilt by the server (docs/adapters.md, Large orders). The copy row is what the database alone spends on the same rows, with no statement, parameter or text sent: when row-by-row ÷ copy is below 10, no way of sending the rows can be 10× faster than row-by-row on that database, with this schema and its indexes.",
  );
  return { title: "Storage: saving a 10,000-link order", rows, summary };
}
