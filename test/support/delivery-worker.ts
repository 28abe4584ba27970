/**
 * A delivery worker run as a child process by the multi-worker tests:
 *   node --import tsx test/support/delivery-worker.ts <schema> <smtpPort> <workerId> <leaseMs> <concurrency> <prefetch>
 * It delivers every due link of the PostgreSQL database in DATABASE_URL into the SMTP server on 127.0.0.1, and
 * prints one line per link ("sent <linkId>", "failed <linkId>") and "done" at the end.
 */
import nodemailer from "nodemailer";
import pg from "pg";
import { createPostgresStore } from "../../src/adapters/postgres";
import { createSmtpTransport } from "../../src/adapters/smtp";
import { createPaylinks } from "../../src/service";
import { makeShop } from "./fixtures";

const [schema, port, workerId, leaseMs, concurrency, prefetch] = process.argv.slice(2);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
const mailer = nodemailer.createTransport({
  host: "127.0.0.1",
  port: Number(port),
  secure: false,
  ignoreTLS: true,
  pool: true,
  maxConnections: Number(concurrency),
});
const paylinks = createPaylinks({
  store: createPostgresStore({ client: pool, schema: String(schema) }),
  transport: createSmtpTransport({ transport: mailer, from: "paylinks@shop.example" }),
  shops: [makeShop()],
  paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
  workerId: String(workerId),
  delivery: {
    leaseMs: Number(leaseMs),
    concurrency: Number(concurrency),
    prefetch: Number(prefetch),
    baseDelayMs: 50,
    maxDelayMs: 200,
  },
});
paylinks.subscribe((event) => {
  if (event.type === "sent") process.stdout.write(`sent ${event.linkId}\n`);
  if (event.type === "delivery_failed") process.stdout.write(`failed ${event.linkId}\n`);
});
const report = await paylinks.deliver();
process.stdout.write(`done ${JSON.stringify(report)}\n`);
mailer.close();
await pool.end();
