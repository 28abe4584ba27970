/**
 * Security review, point 6 (docs/security.md#6-secrets-in-errors-and-events): the errors and events paylinks makes
 * carry what failed, not the credentials of the database or the mail server, nor a link's token, URL or e-mail.
 * The `cause` of an error is the driver's own error, passed on as it is: what it holds is the driver's business
 * (one test shows a PostgreSQL `cause` that does hold a token), which is why integrators must not log it blindly.
 */
import { Buffer } from "node:buffer";
import type { AddressInfo } from "node:net";
import { inspect } from "node:util";
import { createTransport } from "nodemailer";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { afterAll, describe, expect, it } from "vitest";
import { createCaptureTransport, createMemoryStore } from "../../src/adapters/memory";
import { createPostgresStore, type PostgresClient } from "../../src/adapters/postgres";
import { createSmtpTransport } from "../../src/adapters/smtp";
import { PaylinksError } from "../../src/index";
import type { MailTransport, PaymentOrderStore } from "../../src/ports";
import type { Paylinks, PaylinksEvent } from "../../src/service";
import { closeSharedClients, DATABASES, freshStore } from "../support/postgres";
import { closedPort } from "../support/smtp-server";
import { errorText, OWNER, PAY_PREFIX, secretsIn, serviceOver } from "./support";

const DB_USER = "paylinks_app";
const DB_PASSWORD = "Pg-s3cret-P4ss";
const SMTP_USER = "paylinks-smtp";
const SMTP_PASSWORD = "Smtp-s3cret-P4ss";

/** The password as it is written, and every encoding of it an SMTP AUTH exchange or a URL would use. */
const SMTP_SECRETS = [
  SMTP_PASSWORD,
  Buffer.from(SMTP_PASSWORD).toString("base64"),
  Buffer.from(`\0${SMTP_USER}\0${SMTP_PASSWORD}`).toString("base64"),
  encodeURIComponent(SMTP_PASSWORD),
];

const request = { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" } };

/** Runs a call that must fail and returns its error. */
async function failure(call: () => Promise<unknown>): Promise<PaylinksError> {
  const error = await call().then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "expected the call to fail").toBeInstanceOf(PaylinksError);
  return error as PaylinksError;
}

describe("a database that cannot be reached, with a password in the connection string", () => {
  const pool = new pg.Pool({
    connectionString: `postgres://${DB_USER}:${DB_PASSWORD}@127.0.0.1:1/paylinks`,
    connectionTimeoutMillis: 2000,
  });
  afterAll(() => pool.end());
  const { paylinks } = serviceOver(createPostgresStore({ client: pool as unknown as PostgresClient }), {
    send: async (mail) => ({ messageId: mail.messageId }),
  });

  it.each([
    ["createOrder", "saving the order", (p: Paylinks) => p.createOrder(request, { actor: OWNER })],
    ["getLink", "reading a link", (p: Paylinks) => p.getLink("link-1", { actor: OWNER })],
    ["listLinks", "listing links", (p: Paylinks) => p.listLinks({}, {}, { actor: OWNER })],
    ["deliver", "claiming links", (p: Paylinks) => p.deliver()],
  ])("%s fails with storage_failed naming the operation, not the URL or the password", async (_name, what, call) => {
    const error = await failure(() => call(paylinks));
    expect(error.code).toBe("storage_failed");
    expect(error.details).toEqual({ operation: what });
    expect(error.message).toBe(`Storage failed while ${what}`);
    expect(secretsIn(errorText(error), [DB_PASSWORD, DB_USER, "postgres://", "127.0.0.1:1"])).toEqual([]);
    // The cause is pg's error, kept for the integrator: here a refused connection, without the password either.
    expect((error.cause as { code?: string }).code).toBe("ECONNREFUSED");
    expect(secretsIn(inspect(error, { depth: 10 }), [DB_PASSWORD])).toEqual([]);
  });
});

describe.each(DATABASES)("a storage error on PostgreSQL (%s)", (kind) => {
  afterAll(() => closeSharedClients());

  it("names the operation in the message; the driver's cause may hold a value, such as a duplicate token", async () => {
    const { store, cleanup } = await freshStore(kind);
    try {
      // An id generator that repeats the token of the first link: the database refuses the second order.
      const sequence = ["order-a", "link-a", "TOKEN-secret-0123456789", "order-b", "link-b", "TOKEN-secret-0123456789"];
      const { paylinks } = serviceOver(store, createCaptureTransport(), {
        generateId: () => sequence.shift() ?? "spare",
        workerId: "worker-1",
      });
      await paylinks.createOrder(request, { actor: OWNER });
      const error = await failure(() => paylinks.createOrder(request, { actor: OWNER }));
      expect(error.code).toBe("storage_failed");
      expect(secretsIn(errorText(error), ["TOKEN-secret-0123456789"])).toEqual([]);
      // What the warning in docs/security.md is about: PostgreSQL's detail names the duplicate value.
      const cause = error.cause as { detail?: string; message?: string };
      expect(`${cause.message} ${cause.detail ?? ""}`).toMatch(/paylinks_links_token_key/);
      expect(inspect(error, { depth: 10 })).toContain("TOKEN-secret-0123456789");
    } finally {
      await cleanup();
    }
  });
});

describe("SMTP credentials", () => {
  const servers: SMTPServer[] = [];
  afterAll(async () => {
    for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A real SMTP server that offers AUTH and refuses every login with 535. */
  async function refusingServer(): Promise<number> {
    const server = new SMTPServer({
      disabledCommands: ["STARTTLS"],
      allowInsecureAuth: true,
      logger: false,
      onAuth(_auth, _session, callback) {
        callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
      },
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
    return (server.server.address() as AddressInfo).port;
  }

  /** Sends one link through the transport; returns everything the integrator gets to see about the failure. */
  async function deliverThrough(transport: MailTransport) {
    const store: PaymentOrderStore = createMemoryStore();
    const { paylinks, events } = serviceOver(store, transport);
    const { results } = await paylinks.send(request, { actor: OWNER });
    const [link] = (await store.listLinks({}, { limit: 10 })).links;
    if (!link) throw new Error("no link stored");
    const attempts = await store.listAttempts(link.id);
    return { results, link, attempts, events };
  }

  it.each(["PLAIN", "LOGIN"])(
    "keeps the password out of lastError, the attempts, send's result and the events when AUTH %s is refused",
    async (authMethod) => {
      const port = await refusingServer();
      const transport = createSmtpTransport({
        transport: createTransport({
          host: "127.0.0.1",
          port,
          secure: false,
          ignoreTLS: true,
          auth: { user: SMTP_USER, pass: SMTP_PASSWORD },
          authMethod,
        }),
        from: "noreply@librairie-durand.example",
      });
      const { results, link, attempts, events } = await deliverThrough(transport);
      expect(results.map((result) => result.deliveryStatus)).toEqual(["FAILED"]);
      expect(link.delivery.lastError).toMatch(/535/);
      expect(attempts.map((attempt) => attempt.outcome)).toEqual(["permanent"]);
      const seen = JSON.stringify({ results, lastError: link.delivery.lastError, attempts, events });
      expect(secretsIn(seen, SMTP_SECRETS)).toEqual([]);
      expect(events.map((event) => event.type)).toEqual(["created", "delivery_failed"]);
    },
  );

  it("keeps the password of an smtp:// URL out of every error when the server cannot be reached", async () => {
    const port = await closedPort();
    const url = `smtp://${SMTP_USER}:${encodeURIComponent(SMTP_PASSWORD)}@127.0.0.1:${port}`;
    const transport = createSmtpTransport({ transport: createTransport(url), from: "noreply@example.fr" });
    const { results, link, attempts, events } = await deliverThrough(transport);
    expect(results.map((result) => result.deliveryStatus)).toEqual(["FAILED"]);
    expect(link.delivery.lastError).toMatch(/ECONNREFUSED/);
    const seen = JSON.stringify({ results, lastError: link.delivery.lastError, attempts, events });
    expect(secretsIn(seen, [...SMTP_SECRETS, url])).toEqual([]);
    // The transport's own error, cause included.
    const direct = await transport
      .send({ ...makeMail(), to: "alice@example.fr" })
      .catch((reason: unknown) => reason as PaylinksError);
    expect(direct).toBeInstanceOf(PaylinksError);
    expect(secretsIn(inspect(direct, { depth: 10 }), SMTP_SECRETS)).toEqual([]);
  });
});

describe("events", () => {
  it("carry no token, URL, subject, text or HTML of the links they are about", async () => {
    const store = createMemoryStore();
    const capture = createCaptureTransport();
    capture.failFor("bob@example.fr", { kind: "permanent" });
    const { paylinks, events } = serviceOver(store, capture);
    const { results } = await paylinks.send(
      { link: { ...request.link, recipients: "alice@example.fr;bob@example.fr" } },
      { actor: OWNER },
    );
    const first = results[0]?.linkId ?? "";
    await paylinks.resend(first, { actor: OWNER });
    await paylinks.cancel(first, { actor: OWNER });
    const stored = (await store.listLinks({}, { limit: 10 })).links;
    const secrets = stored.flatMap((link) => [link.token, link.url, link.html, link.text, link.subject]);
    const dump = JSON.stringify(events satisfies PaylinksEvent[]);
    expect(events.map((event) => event.type).sort()).toEqual([
      "cancelled",
      "created",
      "delivery_failed",
      "resent",
      "sent",
    ]);
    expect(secretsIn(dump, secrets)).toEqual([]);
    expect(dump).not.toContain(PAY_PREFIX);
  });
});

function makeMail() {
  return {
    linkId: "link-1",
    orderId: "order-1",
    shopId: "shop-1",
    mode: "PRODUCTION" as const,
    messageId: "<link-1.1@paylinks.invalid>",
    fromName: "Librairie Durand",
    replyTo: undefined,
    to: "alice@example.fr",
    bcc: [],
    subject: "Votre lien de paiement",
    text: "https://pay.example.com/t/abc",
    html: "<p>https://pay.example.com/t/abc</p>",
    language: "fr",
  };
}
