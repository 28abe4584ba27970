/**
 * Benchmarks of the HTTP API on a real node:http server on 127.0.0.1: requests per second of create-order (3
 * recipients) and of the payment page's token lookup, on the embedded default (PGlite) and on the PostgreSQL
 * server, against a bare node:http handler over the same database doing a single insert and a single select.
 */
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { createHttpHandler, createNodeListener } from "../../src/http";
import { createPaylinks } from "../../src/service";
import { makeActor, makeShop } from "../support/fixtures";
import type { BenchRow, BenchSection } from "./harness";

const CONCURRENCY = 8;
const CREATES = 600;
const LOOKUPS = 3000;

const ORDER = JSON.stringify({
  link: {
    shopId: "shop-1",
    amount: "49,90",
    currency: "EUR",
    orderReference: "BENCH",
    recipients: "alice@example.fr;bob@example.fr;chloe@example.fr",
  },
});

async function listen(listener: RequestListener): Promise<{ server: Server; url: string }> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Sends `count` requests, `CONCURRENCY` at a time, and gives the requests per second. */
async function load(count: number, send: (index: number) => Promise<Response>): Promise<number> {
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < count) {
      const index = next++;
      const response = await send(index);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`request ${index} answered ${response.status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return count / ((performance.now() - start) / 1000);
}

/** The baseline: one insert per POST, one select per GET, JSON in and out, nothing else. */
async function baseline(client: PostgresClient, schema: string): Promise<RequestListener> {
  await client.query(`create table "${schema}".bare (id text primary key, token text unique, data jsonb)`);
  let id = 0;
  return (request, response) => {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json" });
      response.end(JSON.stringify(body));
    };
    if (request.method === "POST") {
      let text = "";
      request.on("data", (chunk) => {
        text += chunk;
      });
      request.on("end", () => {
        const key = `bare-${id++}`;
        client
          .query(`insert into "${schema}".bare (id, token, data) values ($1, $2, $3::jsonb)`, [key, `t-${key}`, text])
          .then(() => reply(201, { id: key }))
          .catch(() => reply(500, {}));
      });
      return;
    }
    const token = (request.url ?? "").split("/").pop();
    client
      .query(`select id, data from "${schema}".bare where token = $1`, [token])
      .then((result) => reply(200, (result as { rows: unknown[] }).rows[0] ?? {}))
      .catch(() => reply(500, {}));
  };
}

async function benchOn(name: string, client: PostgresClient, rows: BenchRow[], summary: string[]): Promise<void> {
  const schema = `paylinks_bench_http_${Date.now().toString(36)}`;
  const store = createPostgresStore({ client, schema });
  await store.migrate();
  const actor = makeActor();
  const paylinks = createPaylinks({
    store,
    shops: [makeShop()],
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
  });
  const api = await listen(createNodeListener(createHttpHandler({ paylinks, authenticate: () => actor })));
  const bare = await listen(await baseline(client, schema));
  const json = { "content-type": "application/json" };

  const tokens: string[] = [];
  const createRate = await load(CREATES, async (index) => {
    const response = await fetch(`${api.url}/orders`, { method: "POST", headers: json, body: ORDER });
    if (index < 50) {
      const body = (await response.clone().json()) as { links: { token: string }[] };
      tokens.push(...body.links.map((link) => link.token));
    }
    return response;
  });
  const lookupRate = await load(LOOKUPS, (index) => fetch(`${api.url}/pay/${tokens[index % tokens.length]}`));
  const bareCreate = await load(CREATES, () => fetch(`${bare.url}/`, { method: "POST", headers: json, body: ORDER }));
  const bareLookup = await load(LOOKUPS, (index) => fetch(`${bare.url}/t-bare-${index % 50}`));

  api.server.close();
  bare.server.close();
  await client.query(`drop schema "${schema}" cascade`);
  const per = (rate: number) => `${rate.toFixed(0)} req/s`;
  rows.push(
    {
      name: `POST /orders (3 recipients), ${name}`,
      medianMs: 1000 / createRate,
      notes: `${per(createRate)}; bare insert ${per(bareCreate)}; ratio ${(createRate / bareCreate).toFixed(2)}`,
    },
    {
      name: `GET /pay/{token}, ${name}`,
      medianMs: 1000 / lookupRate,
      notes: `${per(lookupRate)}; bare select ${per(bareLookup)}; ratio ${(lookupRate / bareLookup).toFixed(2)}`,
    },
  );
  summary.push(
    `${name}: create-order runs at ${((createRate / bareCreate) * 100).toFixed(0)} % of the bare insert's rate (it validates three steps, renders three e-mails and saves an order and three links in one transaction); the token lookup at ${((lookupRate / bareLookup) * 100).toFixed(0)} % of the bare select's (it compares the token in constant time and records the first opening).`,
  );
}

/** The HTTP API against a bare node:http handler, on PGlite and (with DATABASE_URL) the PostgreSQL server. */
export async function benchHttp(): Promise<BenchSection> {
  const rows: BenchRow[] = [];
  const summary: string[] = [];
  const lite = await PGlite.create();
  await benchOn("PGlite (embedded)", lite as unknown as PostgresClient, rows, summary);
  await lite.close();
  if (process.env.DATABASE_URL) {
    const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY });
    await benchOn("PostgreSQL server", pool as unknown as PostgresClient, rows, summary);
    await pool.end();
  }
  return {
    title: "HTTP API: requests per second against a bare node:http handler",
    rows,
    summary: [
      `${CONCURRENCY} requests at a time over keep-alive fetch on 127.0.0.1; ${CREATES} creates and ${LOOKUPS} lookups per run. The median column is the mean time per request at that concurrency (1 / rate). The bare handler parses nothing but the body, checks nothing and writes one row or reads one by its unique token.`,
      ...summary,
    ],
  };
}
