/**
 * 2,000 links delivered by the service (memory store, real clock, 4 attempts, 5–40 ms backoff) through a pooled
 * nodemailer transporter (8 connections, socketTimeout and greetingTimeout 300 ms) into an SMTP server that, per
 * message, by a seeded draw (test/support/faulty-smtp-server.ts), accepts it or answers 421, 451 or 550 at RCPT TO or
 * at the end of DATA, cuts the connection, or never answers. A message counts as accepted only when the server
 * answered 250 at the end of its DATA, and an accepted message is always answered at once, so an accepted message
 * the client did not see would show as a duplicate.
 */
import { createTransport } from "nodemailer";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore, type MemoryStore } from "../../src/adapters/memory";
import { createSmtpTransport, type SmtpTransport } from "../../src/adapters/smtp";
import type { DeliveryAttempt, MailTransport, StoredLink } from "../../src/ports";
import { createPaylinks, type DeliveryReport } from "../../src/service";
import { allLinks } from "../support/all-links";
import {
  DEFAULT_FAULT_MIX,
  type FaultKind,
  type FaultySmtpServer,
  isTransientFault,
  mulberry32,
  startFaultySmtpServer,
} from "../support/faulty-smtp-server";
import { makeActor, makeShop } from "../support/fixtures";

const SEED = 20_261_201;
const LINKS = 2000;
const MAX_ATTEMPTS = 4;
const CONCURRENCY = 8;
const SOCKET_TIMEOUT_MS = 300;
const MESSAGE_ID_DOMAIN = "faults.paylinks.test";

/** Every link of the store, in creation order. */
const messageIdOf = (raw: Buffer): string | undefined =>
  /^message-id:\s*(<[^>\r\n]+>)/im.exec(raw.toString("utf8"))?.[1];

describe("delivering 2,000 links through an SMTP server that refuses, drops and stalls by a seeded draw", () => {
  let smtp: FaultySmtpServer;
  let transport: SmtpTransport;
  let store: MemoryStore;
  let report: DeliveryReport;
  let links: StoredLink[];
  const attempts = new Map<string, DeliveryAttempt[]>();
  let elapsedMs = 0;
  /** How long each call of the transport's send took, in ms. */
  const sendMs: number[] = [];

  beforeAll(async () => {
    smtp = await startFaultySmtpServer({ seed: SEED });
    transport = createSmtpTransport({
      transport: createTransport({
        host: "127.0.0.1",
        port: smtp.port,
        secure: false,
        ignoreTLS: true,
        pool: true,
        maxConnections: CONCURRENCY,
        socketTimeout: SOCKET_TIMEOUT_MS,
        greetingTimeout: SOCKET_TIMEOUT_MS,
        connectionTimeout: 1000,
      }),
      from: "noreply@librairie-durand.fr",
    });
    store = createMemoryStore();
    const timed: MailTransport = {
      async send(mail) {
        const start = Date.now();
        try {
          return await transport.send(mail);
        } finally {
          sendMs.push(Date.now() - start);
        }
      },
    };
    const paylinks = createPaylinks({
      store,
      transport: timed,
      shops: [makeShop()],
      paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
      messageIdDomain: MESSAGE_ID_DOMAIN,
      workerId: "fault-worker",
      delivery: {
        maxAttempts: MAX_ATTEMPTS,
        baseDelayMs: 5,
        maxDelayMs: 40,
        // The fault mix's "try again later" replies are throttling answers: pause on the backoff's scale.
        throttlePauseMs: 5,
        throttlePauseMaxMs: 40,
        leaseMs: 30_000,
        concurrency: CONCURRENCY,
        maxWaitMs: 10_000,
        pollMs: 20,
        random: mulberry32(SEED),
      },
    });
    const recipients = Array.from({ length: LINKS }, (_, i) => `buyer.${i}@example.fr`);
    await paylinks.createOrder(
      { link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "Lot", recipients } },
      { actor: makeActor() },
    );
    const started = Date.now();
    report = await paylinks.deliver();
    elapsedMs = Date.now() - started;
    links = await allLinks(store);
    for (const link of links) attempts.set(link.id, await store.listAttempts(link.id));
    const counts = smtp.counts();
    const sent = links.filter((l) => l.delivery.status === "SENT").length;
    console.log(
      `SMTP faults: ${LINKS} links in ${elapsedMs} ms, ${smtp.events.length} messages reached the server, ` +
        `${smtp.connections} connections (${smtp.connectionErrors.length} reset); ${sent} SENT, ${LINKS - sent} FAILED; fault mix seen: ${JSON.stringify(counts)}`,
    );
  }, 120_000);

  afterAll(async () => {
    await transport?.close();
    await smtp?.close();
  });

  it("finishes, with every link SENT or FAILED, none left pending, and totals that add up", () => {
    expect(report.pending).toBe(false);
    expect(links).toHaveLength(LINKS);
    expect(report.sent + report.failed).toBe(LINKS);
    const statuses = new Set(links.map((l) => l.delivery.status));
    expect([...statuses].every((s) => s === "SENT" || s === "FAILED")).toBe(true);
    expect(links.filter((l) => l.delivery.status === "SENT")).toHaveLength(report.sent);
    for (const link of links) {
      expect(link.delivery.leaseOwner, link.id).toBeUndefined();
      if (link.delivery.status === "FAILED") {
        expect(typeof link.delivery.lastError, link.id).toBe("string");
        expect((link.delivery.lastError ?? "").trim().length, link.id).toBeGreaterThan(0);
      } else {
        expect(link.delivery.messageId).toBe(`<${link.id}.1@${MESSAGE_ID_DOMAIN}>`);
        expect(link.delivery.sentAt).toBeInstanceOf(Date);
        expect(link.delivery.lastError).toBeUndefined();
      }
    }
    expect(elapsedMs).toBeLessThan(60_000);
  });

  it("met every kind of fault, in about the proportions of the mix", () => {
    const counts = smtp.counts();
    const total = smtp.events.length;
    const weights = Object.values(DEFAULT_FAULT_MIX).reduce((a, b) => a + b, 0);
    for (const [kind, weight] of Object.entries(DEFAULT_FAULT_MIX) as [FaultKind, number][]) {
      expect(counts[kind], kind).toBeGreaterThan(0);
      const expected = (weight / weights) * total;
      expect(Math.abs(counts[kind] - expected), kind).toBeLessThan(Math.max(25, expected * 0.35));
    }
  });

  it("records at most maxAttempts attempts per link, one per attempt, as the link counts them", () => {
    for (const link of links) {
      const list = attempts.get(link.id) ?? [];
      expect(link.delivery.attempts, link.id).toBeGreaterThanOrEqual(1);
      expect(link.delivery.attempts, link.id).toBeLessThanOrEqual(MAX_ATTEMPTS);
      expect(
        list.map((a) => a.attempt),
        link.id,
      ).toEqual(Array.from({ length: link.delivery.attempts }, (_, i) => i + 1));
      const outcomes = list.map((a) => a.outcome);
      // Every attempt but the last was a transient failure; the last decides the status.
      expect(
        outcomes.slice(0, -1).every((o) => o === "transient"),
        link.id,
      ).toBe(true);
      const last = list[list.length - 1];
      if (link.delivery.status === "SENT") expect(last?.outcome, link.id).toBe("sent");
      else if (last?.outcome === "transient") {
        expect(link.delivery.attempts, link.id).toBe(MAX_ATTEMPTS);
        expect(link.delivery.lastError, link.id).toContain(`(after ${MAX_ATTEMPTS} attempts)`);
      } else expect(last?.outcome, link.id).toBe("permanent");
    }
  });

  it("sends no link twice: the server accepted each SENT link's message exactly once and no FAILED link's", async () => {
    const accepted = smtp.acceptedBy();
    for (const link of links) {
      expect(accepted.get(link.recipient) ?? 0, link.recipient).toBe(link.delivery.status === "SENT" ? 1 : 0);
    }
    const ids = smtp.messages.map((m) => messageIdOf(m.raw));
    const expected = links.filter((l) => l.delivery.status === "SENT").map((l) => l.delivery.messageId);
    expect(ids.slice().sort()).toEqual(expected.slice().sort());
  });

  it("classes each attempt as the server's answer says: 550 permanent, 4xx, a cut and a stall transient", () => {
    const arrivals = new Map<string, FaultKind[]>();
    for (const event of smtp.events)
      arrivals.set(event.recipient, [...(arrivals.get(event.recipient) ?? []), event.kind]);
    const samples = new Set<string>();
    let moreArrivals = 0;
    let fewerArrivals = 0;
    for (const link of links) {
      const seen = arrivals.get(link.recipient) ?? [];
      const list = attempts.get(link.id) ?? [];
      // A pooled nodemailer transporter sends a message again by itself when its connection closes mid-send
      // (maxRequeues, 5 by default), so one attempt of the service may reach the server more than once; and an
      // attempt may fail before it reaches RCPT TO. So arrivals and attempts are compared by their last one.
      if (seen.length > list.length) moreArrivals++;
      if (seen.length < list.length) fewerArrivals++;
      const lastKind = seen[seen.length - 1];
      const lastOutcome = list[list.length - 1]?.outcome;
      if (lastOutcome === "sent") expect(lastKind, link.recipient).toBe("accept");
      if (lastOutcome === "permanent") expect(lastKind, link.recipient).toMatch(/-550$/);
      if (lastOutcome === "transient" && lastKind !== undefined) {
        expect(isTransientFault(lastKind), `${link.recipient}: ${lastKind}`).toBe(true);
      }
      for (const attempt of list) {
        const error = (attempt.error ?? "").split(link.recipient).join("<recipient>");
        samples.add(error.replace(/\d+ ms/g, "N ms"));
        if (attempt.outcome === "permanent") expect(error, link.recipient).toMatch(/\b550\b/);
        if (attempt.outcome === "transient") expect(error, link.recipient).not.toMatch(/\b5[0-9][0-9]\b/);
      }
    }
    console.log(
      `SMTP faults: ${moreArrivals} links reached the server more often than the service tried (nodemailer requeues), ` +
        `${fewerArrivals} less often (failures before RCPT TO); errors:\n${[...samples].join("\n")}`,
    );
  });

  it("keeps each send well inside the lease, although nodemailer may send a message again by itself", () => {
    const sorted = sendMs.slice().sort((a, b) => a - b);
    const longest = sorted[sorted.length - 1] ?? 0;
    const p99 = sorted[Math.floor(sorted.length * 0.99)] ?? 0;
    console.log(
      `SMTP faults: ${sendMs.length} sends, 99th percentile ${p99} ms, longest ${longest} ms (socketTimeout ${SOCKET_TIMEOUT_MS} ms)`,
    );
    expect(sendMs.length).toBe([...attempts.values()].reduce((sum, list) => sum + list.length, 0));
    expect(longest).toBeLessThan(30_000);
  });

  it("names the cause of each failure: the reply code for a refusal", () => {
    for (const link of links) {
      for (const attempt of attempts.get(link.id) ?? []) {
        if (attempt.outcome === "sent") continue;
        expect(attempt.error ?? "", link.id).toContain(link.recipient);
      }
      if (link.delivery.status === "FAILED" && !(link.delivery.lastError ?? "").includes("attempts")) {
        expect(link.delivery.lastError, link.id).toMatch(/550/);
      }
    }
  });
});
