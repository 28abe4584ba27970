/**
 * send() for 2,000 recipients with the PostgreSQL store (server and PGlite) and SMTP, against raw pooled nodemailer at
 * the same concurrency; and a rate-limited delivery, against its limit.
 */
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import { PGlite } from "@electric-sql/pglite";
import nodemailer, { type SendMailOptions } from "nodemailer";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { createMemoryStore } from "../../src/adapters/memory";
import { createPgliteThread, createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { createSmtpTransport } from "../../src/adapters/smtp";
import type { SmtpMessage, SmtpTransporter } from "../../src/adapters/smtp/smtp-shapes";
import type { PaymentOrderStore } from "../../src/ports";
import { createPaylinks, type DeliveryOptions } from "../../src/service";
import { PREFETCH_PER_SLOT } from "../../src/service/delivery/default-prefetch";
import { makeActor, makeShop } from "../support/fixtures";
import { type BenchRow, type BenchSection, ms } from "./harness";

const RECIPIENTS = 2000;
const CONCURRENCY = 8;

async function sink(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.on("data", () => {});
      stream.on("end", () => callback());
    },
  });
  server.on("error", () => {});
  server.listen(0, "127.0.0.1");
  await once(server.server, "listening");
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const mailer = (port: number) =>
  nodemailer.createTransport({
    host: "127.0.0.1",
    port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONCURRENCY,
  });

/** The short message of the former baseline: a few lines of text and HTML, the same for every recipient. */
const shortMessage = (to: string): SendMailOptions => ({
  from: { name: "Librairie Durand", address: "paylinks@shop.example" },
  to,
  subject: "Librairie Durand : votre lien de paiement",
  text: "Bonjour,\n\nVous pouvez régler 49,90 € en ligne.\n\nhttps://pay.example.com/t/abc",
  html: "<p>Bonjour,</p><p>Vous pouvez régler 49,90 € en ligne.</p>",
});

/** The service every run uses: the one shop, sending through `transporter` with the bench's concurrency. */
const serviceOver = (store: PaymentOrderStore, transporter: SmtpTransporter, delivery: DeliveryOptions) =>
  createPaylinks({
    store,
    transport: createSmtpTransport({ transport: transporter, from: "paylinks@shop.example" }),
    shops: [makeShop()],
    paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
    delivery: { concurrency: CONCURRENCY, ...delivery },
  });

/** The order every run sends. */
const orderOf = (recipients: string[]) => ({
  link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients },
});

/**
 * The nodemailer messages paylinks hands to its transporter for the order, taken by a send() on the memory store
 * through a transporter that keeps them: raw nodemailer then sends the same e-mails (the same headers and bodies).
 */
async function sameMessages(recipients: string[]): Promise<SendMailOptions[]> {
  const kept: SendMailOptions[] = [];
  const keeping = {
    sendMail: async (message: SmtpMessage) => {
      kept.push(message as SendMailOptions);
      return { messageId: message.messageId, rejected: [] };
    },
  };
  const paylinks = serviceOver(createMemoryStore(), keeping, {});
  await paylinks.send(orderOf(recipients), { actor: makeActor() });
  return kept;
}

async function rawNodemailer(port: number, messages: readonly SendMailOptions[]): Promise<number> {
  const transport = mailer(port);
  const queue = [...messages];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      for (let message = queue.shift(); message !== undefined; message = queue.shift()) {
        await transport.sendMail(message);
      }
    }),
  );
  const elapsed = performance.now() - start;
  transport.close();
  return elapsed;
}

/** A service on a fresh schema of `client`, sending through a pooled transporter to the sink on `port`. */
async function benchService(client: PostgresClient, port: number, schema: string, delivery: DeliveryOptions) {
  const store = createPostgresStore({ client, schema });
  await store.migrate();
  const transport = mailer(port);
  return { paylinks: serviceOver(store, transport, delivery), transport };
}

async function paylinksSend(
  client: PostgresClient,
  port: number,
  recipients: string[],
  schema: string,
  delivery: DeliveryOptions = {},
): Promise<number> {
  const { paylinks, transport } = await benchService(client, port, schema, delivery);
  const start = performance.now();
  const result = await paylinks.send(orderOf(recipients), { actor: makeActor() });
  const elapsed = performance.now() - start;
  transport.close();
  if (result.results.some((r) => r.deliveryStatus !== "SENT")) throw new Error("not every link was sent");
  await client.query(`drop schema "${schema}" cascade`);
  return elapsed;
}

/** The default prefetch for the bench's slots (no rate limit). */
const DEFAULT_PREFETCH = PREFETCH_PER_SLOT * CONCURRENCY;
/** The smaller prefetch measured beside the default one: the former default, one link per slot. */
const SMALL_PREFETCH = CONCURRENCY;

const RATE = 200;
const RATED = 600;

/** deliver() of an order already stored, under `ratePerSecond`: the achieved rate, from the first send to the last. */
async function ratedDeliver(client: PostgresClient, port: number, schema: string): Promise<number> {
  const { paylinks, transport } = await benchService(client, port, schema, { ratePerSecond: RATE });
  const recipients = Array.from({ length: RATED }, (_, i) => `rated.${i}@example.fr`);
  await paylinks.createOrder(orderOf(recipients), { actor: makeActor() });
  const sentAt: number[] = [];
  paylinks.subscribe((event) => {
    if (event.type === "sent") sentAt.push(performance.now());
  });
  const started = performance.now();
  const report = await paylinks.deliver();
  transport.close();
  if (report.sent !== RATED) throw new Error("not every link was sent");
  await client.query(`drop schema "${schema}" cascade`);
  // The limit spaces the starts of the sends: n sends take (n - 1) / rate from the first start to the last.
  const last = Math.max(...sentAt);
  return ((RATED - 1) / (last - started)) * 1000;
}

/**
 * Runs of each side in one side-by-side comparison. The ratio is the median of the runs' own ratios (raw
 * nodemailer ÷ paylinks, measured one after the other), so that a slow spell of the machine weighs on both sides of
 * one ratio instead of on one side of the comparison; the times shown are each side's best.
 */
const RUNS = 5;

/** The median of some numbers. */
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** The ratio of each run (raw ÷ ours), and their median. */
const pairedRatios = (raw: readonly number[], ours: readonly number[]) => {
  const each = ours.map((time, run) => (raw[run] as number) / time);
  return { each, median: median(each) };
};

/** The runs' ratios as the notes show them. */
const listed = (ratios: readonly number[]): string => ratios.map((ratio) => ratio.toFixed(2)).join(", ");

/** What raw nodemailer sends: the same e-mails as paylinks (the ratio's base), and the former short message. */
interface Baselines {
  readonly same: readonly SendMailOptions[];
  readonly short: readonly SendMailOptions[];
}

/** The side-by-side runs on one database: raw nodemailer and send(), alternating, {@link RUNS} of each. */
async function sideBySide(
  client: PostgresClient,
  port: number,
  recipients: string[],
  baselines: Baselines,
  database: string,
  rows: BenchRow[],
  smallPrefetch = false,
): Promise<number> {
  await rawNodemailer(port, baselines.same.slice(0, 200));
  await paylinksSend(client, port, recipients.slice(0, 200), `paylinks_bench_warm_${Date.now()}`);
  const raw: number[] = [];
  const short: number[] = [];
  const ours: number[] = [];
  const small: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    raw.push(await rawNodemailer(port, baselines.same));
    short.push(await rawNodemailer(port, baselines.short));
    ours.push(await paylinksSend(client, port, recipients, `paylinks_bench_send_${Date.now()}_${run}`));
    if (smallPrefetch) {
      small.push(
        await paylinksSend(client, port, recipients, `paylinks_bench_prefetch_${Date.now()}_${run}`, {
          prefetch: SMALL_PREFETCH,
        }),
      );
    }
  }
  const bestRaw = Math.min(...raw);
  const bestShort = Math.min(...short);
  const bestOurs = Math.min(...ours);
  const ratio = pairedRatios(raw, ours);
  const count = RECIPIENTS.toLocaleString("en");
  rows.push(
    {
      name: `raw nodemailer, pooled, ${CONCURRENCY} at a time, the same ${count} e-mails (${database} run)`,
      medianMs: bestRaw,
      notes: `${((RECIPIENTS / bestRaw) * 1000).toFixed(0)} messages/s; the ratios' base`,
    },
    {
      name: `raw nodemailer, pooled, ${CONCURRENCY} at a time, ${count} short messages (${database} run)`,
      medianMs: bestShort,
      notes: `${((RECIPIENTS / bestShort) * 1000).toFixed(0)} messages/s; the former base (a few lines, no headers of paylinks)`,
    },
    {
      name: `paylinks send(), ${database} store + SMTP transport, ${count} recipients`,
      medianMs: bestOurs,
      notes: `${((RECIPIENTS / bestOurs) * 1000).toFixed(0)} messages/s, plan and storage included, the default prefetch (${CONCURRENCY} + ${DEFAULT_PREFETCH} links held); ${ms(bestOurs / RECIPIENTS)} per recipient; ratio ${ratio.median.toFixed(2)} (runs: ${listed(ratio.each)})`,
    },
  );
  if (smallPrefetch) {
    const best = Math.min(...small);
    const smallRatio = pairedRatios(raw, small);
    rows.push({
      name: `paylinks send(), ${database} store, prefetch ${SMALL_PREFETCH} (${CONCURRENCY} + ${SMALL_PREFETCH} links held, the former default)`,
      medianMs: best,
      notes: `${((RECIPIENTS / best) * 1000).toFixed(0)} messages/s; ratio ${smallRatio.median.toFixed(2)} (runs: ${listed(smallRatio.each)}); a dead worker may resend up to ${CONCURRENCY + SMALL_PREFETCH}`,
    });
  }
  return ratio.median;
}

/** Runs the delivery benchmarks: on PGlite, and on the PostgreSQL server when DATABASE_URL is set. */
export async function benchDelivery(): Promise<BenchSection> {
  const server = await sink();
  const recipients = Array.from({ length: RECIPIENTS }, (_, i) => `buyer.${i}@example.fr`);
  const pool = process.env.DATABASE_URL
    ? new pg.Pool({ connectionString: process.env.DATABASE_URL, max: CONCURRENCY + 2 })
    : undefined;
  const lite = await PGlite.create();
  const thread = await createPgliteThread();
  const rows: BenchRow[] = [];
  const summary: string[] = [];
  const baselines: Baselines = { same: await sameMessages(recipients), short: recipients.map(shortMessage) };
  try {
    const databases: [string, PostgresClient][] = [
      ["PGlite", lite as unknown as PostgresClient],
      ["PGlite in a worker thread", thread],
    ];
    if (pool) databases.unshift(["PostgreSQL server", pool as unknown as PostgresClient]);
    else summary.push("The PostgreSQL server was not measured: set DATABASE_URL to include it.");
    for (const [database, client] of databases) {
      const ratio = await sideBySide(client, server.port, recipients, baselines, database, rows, client === pool);
      summary.push(
        `${database}: throughput ratio (paylinks ÷ raw nodemailer, the median of ${RUNS} side-by-side runs) ${ratio.toFixed(2)} (goal: at least 0.8).`,
      );
    }
    const [ratedName, ratedClient] = databases[0] as [string, PostgresClient];
    const achieved = await ratedDeliver(ratedClient, server.port, `paylinks_bench_rate_${Date.now()}`);
    rows.push({
      name: `paylinks deliver(), ratePerSecond ${RATE}, ${RATED} links, ${ratedName} store`,
      medianMs: (RATED / achieved) * 1000,
      notes: `${achieved.toFixed(1)} messages/s achieved; ${((achieved / RATE - 1) * 100).toFixed(1)} % from the limit`,
    });
    summary.push(
      `Rate limit: ${RATE} messages/s asked, ${achieved.toFixed(1)} achieved from the first send to the last (${((achieved / RATE - 1) * 100).toFixed(1)} %; goal: within 5 %).`,
      `The default prefetch, ${DEFAULT_PREFETCH} for ${CONCURRENCY} slots, holds more links ahead than the former ${SMALL_PREFETCH}: larger claims and larger group writes, fewer statements per e-mail, and a larger bound on what a dead worker resends (${CONCURRENCY + DEFAULT_PREFETCH} instead of ${CONCURRENCY + SMALL_PREFETCH}).`,
      "PGlite runs the database in the thread that calls it, here the thread that also runs nodemailer and the mail server: every statement holds up the sends. createPgliteThread runs the same PGlite in a worker thread, on the other core.",
      "On this 2-vCPU machine the PostgreSQL server shares the cores with the benchmark: every e-mail costs it a share of a claim, a link update and an attempt insert, CPU that raw nodemailer does not spend.",
      "Both send the same e-mails (the messages paylinks hands to nodemailer, taken from a send() on the memory store) to the same smtp-server on 127.0.0.1 through a pooled nodemailer transport with the same concurrency. paylinks also validates and plans the order, stores every link before sending, claims the links in batches, and writes each attempt and each link's new state; the writes of the sends that end in the same turn of the event loop go in one statement (completeDeliveries), while the slots go on sending. The delivery statements are named on a pg Pool, so each connection plans them once.",
      `The times are each side's best of ${RUNS} runs; each ratio is the median of the ${RUNS} runs' own ratios (raw nodemailer ÷ paylinks, timed one after the other), listed in the notes.`,
      "The short-message row is the base of earlier runs: a message of a few lines costs nodemailer and the mail server less than paylinks' e-mail, so it measured the size of the e-mail as well as the work of paylinks.",
    );
    return { title: "Delivery: send() against raw nodemailer", rows, summary };
  } finally {
    await pool?.end();
    await lite.close();
    await thread.close();
    await server.close();
  }
}
