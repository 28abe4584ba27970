/**
 * Security review, point 1 (docs/security.md#1-header-injection): no line break in a subject, a name or an address
 * can add a header or a recipient to an e-mail. Checked at every layer: the template rule, rendering, the
 * address validators, the SMTP transport (against a real smtp-server, parsed with mailparser) and the .eml outbox.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { simpleParser } from "mailparser";
import nodemailer, { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { createOutboxTransport } from "../../src/adapters/outbox";
import { createSmtpTransport } from "../../src/adapters/smtp";
import {
  PaylinksError,
  renderMessage,
  validateLinkForm,
  validateLinkParameters,
  validateMessageTemplate,
} from "../../src/index";
import { makeOutgoingMail } from "../../src/testing";
import { makeActor, makeShop } from "../support/fixtures";
import { decodedHeaders, startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { headerLines, headerNames, OWNER, serviceOver } from "./support";

/** Every character some program treats as the end of a line. */
const LINE_BREAKS = ["\r\n", "\n", "\r", "\u0085", "\u2028", "\u2029", "\v", "\f"] as const;

/** The header fields paylinks writes; anything else in a received message was injected. */
const EXPECTED_HEADERS = new Set([
  "content-language",
  "content-type",
  "date",
  "from",
  "message-id",
  "mime-version",
  "reply-to",
  "subject",
  "to",
  // added by smtp-server on receipt
  "received",
  "return-path",
]);

/** A value that would add a blind copy and a header if it reached the header section as it is. */
const injection = (lineBreak: string): string => `Librairie${lineBreak}Bcc: spy@evil.example${lineBreak}X-Injected: 1`;

const FROM = "noreply@librairie-durand.example";

describe("the subject template rule", () => {
  it.each(["\r", "\n", "\r\n", "\u2028", "\u2029"])("refuses a subject template holding %j: line_break", (br) => {
    const result = validateMessageTemplate({ subject: `Your link${br}Bcc: spy@evil.example`, body: "%url%" });
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path, issue.params])).toEqual([
      ["message_subject_invalid", ["subject"], { reason: "line_break" }],
    ]);
  });

  it.each(["\u0085", "\v", "\f"])(
    "accepts %j in a subject template (not a line break for the rule) and renders it as a space",
    (br) => {
      const template = { subject: `Your link${br}X-Injected: 1`, body: "%url%" };
      expect(validateMessageTemplate(template).ok).toBe(true);
      const rendered = renderMessage(template, values({}), { language: "en", timezone: "Europe/Paris" });
      expect(rendered.subject).toBe("Your link X-Injected: 1");
    },
  );
});

/** Rendering values with every field set; `overrides` replaces some. */
function values(overrides: Partial<Parameters<typeof renderMessage>[1]>): Parameters<typeof renderMessage>[1] {
  return {
    amount: 4990,
    currency: "EUR",
    startDate: new Date("2026-12-01T10:00:00Z"),
    endDate: new Date("2026-12-08T22:59:59Z"),
    shopName: "Librairie Durand",
    url: "https://pay.example.com/t/abc",
    reference: "REF-1",
    shopContact: "contact@librairie-durand.example",
    shopUrl: "https://librairie-durand.example",
    buyerReference: "client 42",
    ...overrides,
  };
}

describe("rendering a subject", () => {
  const SUBJECT = "%shop_name% %reference% %buyer_reference% %shop_contact% %shop_url% %url% %amount% %end_date%";
  /** Text that mixes words, header syntax and every kind of line break and control character. */
  const hostileText = fc.string({
    unit: fc.constantFrom(
      "a",
      "Z",
      " ",
      ":",
      "Bcc: spy@evil.example",
      "X-Injected: 1",
      "\t",
      "\0",
      "\u001b",
      "\u007f",
      "\u009b",
      ...LINE_BREAKS,
    ),
    maxLength: 30,
  });

  it("never puts a line break or a control character in the subject, whatever the values", () => {
    fc.assert(
      fc.property(
        fc.record({
          shopName: hostileText,
          reference: hostileText,
          buyerReference: hostileText,
          shopContact: hostileText,
          shopUrl: hostileText,
          url: hostileText,
        }),
        (hostile) => {
          const rendered = renderMessage({ subject: SUBJECT, body: "%url%" }, values(hostile), {
            language: "fr",
            timezone: "Europe/Paris",
          });
          expect(rendered.subject).not.toMatch(/\p{Cc}|[\u2028\u2029]/u);
        },
      ),
      { seed: 20261201, numRuns: 500 },
    );
  });

  it.each(LINE_BREAKS)("turns %j in a value into one space", (br) => {
    const rendered = renderMessage({ subject: "%shop_name%", body: "%url%" }, values({ shopName: injection(br) }), {
      language: "en",
      timezone: "Europe/Paris",
    });
    expect(rendered.subject).toBe("Librairie Bcc: spy@evil.example X-Injected: 1");
  });
});

/** Addresses with a line break somewhere: each must be refused wherever an address is accepted. */
const BROKEN_ADDRESSES = [
  "alice@example.fr\r\nBcc: spy@evil.example",
  "alice@example.fr\nX-Injected: 1",
  "alice\r\n@example.fr",
  "alice@exam\r\nple.fr",
  "alice@example.fr\u2028Bcc: spy@evil.example",
  "alice@exa\u0085mple.fr",
  "alice\u2029bob@example.fr",
  "alice@example.fr\rBcc:spy@evil.example",
];

describe("the address validators", () => {
  const shop = makeShop();
  const link = { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: ["bob@example.fr"] };

  // An address followed by a second address on the next line is read as two addresses joined by white space
  // (recipient_separator, for recipients and blind copies alike); any other broken address is invalid.
  it.each(BROKEN_ADDRESSES)("refuses the recipient %j: recipient_invalid or recipient_separator", (address) => {
    const result = validateLinkParameters({ ...link, recipients: [address] }, { shop });
    const expected = address.split(/\s+/).filter((part) => part.includes("@")).length > 1;
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      [expected ? "recipient_separator" : "recipient_invalid", ["recipients", 0]],
    ]);
  });

  it.each(BROKEN_ADDRESSES)("refuses the blind copy %j: bcc_invalid or recipient_separator", (address) => {
    const result = validateLinkParameters({ ...link, bcc: { addresses: [address] } }, { shop });
    const expected = address.split(/\s+/).filter((part) => part.includes("@")).length > 1;
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      [expected ? "recipient_separator" : "bcc_invalid", ["bcc", "addresses", 0]],
    ]);
  });

  it.each(BROKEN_ADDRESSES)("refuses a shop manager or an actor address %j as blind copy: bcc_invalid", (address) => {
    const result = validateLinkParameters(
      { ...link, bcc: { shopManager: true, me: true } },
      { shop: makeShop({ managerEmail: address }), actor: makeActor({ email: address }) },
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ["bcc_invalid", ["bcc", "shopManager"]],
      ["bcc_invalid", ["bcc", "me"]],
    ]);
  });

  it("splits a typed field on its line breaks, so the injected line is an address of its own, refused", () => {
    const result = validateLinkForm(
      {
        shopId: "shop-1",
        amount: "49,90",
        currency: "EUR",
        recipients: "alice@example.fr\r\nBcc: spy@evil.example",
        bcc: { addresses: "gerant@example.fr\nX-Injected: 1" },
      },
      { shop },
    );
    expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path, issue.params?.value])).toEqual([
      ["recipient_invalid", ["recipients", 1], "Bcc: spy@evil.example"],
      ["bcc_invalid", ["bcc", "addresses", 1], "X-Injected: 1"],
    ]);
  });

  it("stores nothing when the service is given such a recipient", async () => {
    const store = createMemoryStore();
    const { paylinks, events } = serviceOver(store, { send: async (mail) => ({ messageId: mail.messageId }) });
    const error = await paylinks
      .createOrder(
        { link: { ...link, recipients: "alice@example.fr;bob@example.fr\r\nBcc: spy@evil.example" } },
        { actor: OWNER },
      )
      .catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(PaylinksError);
    expect((error as PaylinksError).issues.map((issue) => issue.code)).toEqual(["recipient_invalid"]);
    expect(store.size()).toEqual({ orders: 0, links: 0, attempts: 0 });
    expect(events).toEqual([]);
  });
});

describe("through the service and a real SMTP server", () => {
  const opened: { server: TestSmtpServer; close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const { server, close } of opened.splice(0)) {
      await close();
      await server.close();
    }
  });

  async function smtpWorld(shop = makeShop()) {
    const server = await startSmtpServer();
    const transport = createSmtpTransport({
      transport: createTransport({ host: server.host, port: server.port, secure: false, ignoreTLS: true }),
      from: FROM,
    });
    opened.push({ server, close: () => transport.close() });
    const store = createMemoryStore();
    return { server, store, ...serviceOver(store, transport, { shops: [shop] }) };
  }

  it.each(["\r\n", "\n", "\r", "\u0085", "\u2028"])(
    "keeps a shop name with %j on the From line: no Bcc, no X-Injected, no extra recipient",
    async (br) => {
      const { server, paylinks } = await smtpWorld(makeShop({ name: injection(br) }));
      const { results } = await paylinks.send(
        { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" } },
        { actor: OWNER },
      );
      expect(results.map((result) => result.deliveryStatus)).toEqual(["SENT"]);
      const [received] = server.messages;
      const [parsed] = await server.parsed();
      if (!received || !parsed) throw new Error("nothing arrived");
      expect(received.rcptTo).toEqual(["alice@example.fr"]);
      const raw = received.raw.toString("latin1");
      expect(headerNames(raw).filter((name) => !EXPECTED_HEADERS.has(name))).toEqual([]);
      expect(decodedHeaders(parsed)).not.toHaveProperty("bcc");
      expect(decodedHeaders(parsed)).not.toHaveProperty("x-injected");
      expect(parsed.bcc).toBeUndefined();
      // The default subject starts with the shop's name: it arrives on one line too.
      expect(parsed.subject).not.toMatch(/[\r\n]/);
      expect(parsed.subject?.startsWith("Librairie")).toBe(true);
    },
  );

  it("fails a link for good, sending nothing, when the shop's contact address (Reply-To) holds a line break", async () => {
    const { server, store, paylinks } = await smtpWorld(
      makeShop({ contactEmail: "contact@librairie-durand.example\r\nBcc: spy@evil.example" }),
    );
    const { results } = await paylinks.send(
      { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" } },
      { actor: OWNER },
    );
    expect(results.map((result) => [result.deliveryStatus, result.error])).toEqual([
      ["FAILED", expect.stringContaining("replyTo is not a bare e-mail address")],
    ]);
    const [link] = (await store.listLinks({}, { limit: 10 })).links;
    expect(await store.listAttempts(link?.id ?? "")).toMatchObject([{ outcome: "permanent" }]);
    expect(server.messages).toEqual([]);
    expect(server.connections).toBe(0);
  });
});

describe("the SMTP transport as a second line of defence", () => {
  it.each([
    ["to", ...BROKEN_ADDRESSES.slice(0, 3)],
    ["replyTo", ...BROKEN_ADDRESSES.slice(3, 6)],
    ["bcc", ...BROKEN_ADDRESSES.slice(6)],
  ])("refuses, permanently and before connecting, a %s address with a line break", async (field, ...addresses) => {
    const server = await startSmtpServer();
    const transport = createSmtpTransport({
      transport: createTransport({ host: server.host, port: server.port, secure: false, ignoreTLS: true }),
      from: FROM,
    });
    try {
      for (const address of addresses) {
        const mail = makeOutgoingMail(
          field === "bcc"
            ? { bcc: ["gerant@example.fr", address] }
            : field === "to"
              ? { to: address }
              : { replyTo: address },
        );
        const error = await transport.send(mail).catch((reason: unknown) => reason);
        expect(error, JSON.stringify(address)).toBeInstanceOf(PaylinksError);
        expect(error).toMatchObject({ code: "delivery_failed", transient: false, details: { field } });
      }
      expect(server.messages).toEqual([]);
      expect(server.connections).toBe(0);
    } finally {
      await transport.close();
      await server.close();
    }
  });

  it("refuses a From or envelope sender with a line break when it is created", () => {
    const transporter = { sendMail: async () => ({}) };
    for (const options of [
      { from: `${FROM}\r\nBcc: spy@evil.example` },
      { from: FROM, envelopeFrom: "a@b.fr\nX: 1" },
    ]) {
      let thrown: unknown;
      try {
        createSmtpTransport({ transport: transporter, ...options });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(PaylinksError);
      expect(thrown).toMatchObject({ code: "invalid_context" });
    }
  });
});

describe("through the service and the .eml outbox", () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it.each(["\r\n", "\n", "\r", "\u2028"])(
    "writes a shop name with %j as an encoded From, adding no header and no recipient",
    async (br) => {
      const dir = await mkdtemp(join(tmpdir(), "paylinks-security-"));
      dirs.push(dir);
      const store = createMemoryStore();
      const outbox = createOutboxTransport({
        dir,
        nodemailer,
        from: FROM,
        now: () => new Date("2026-12-01T10:00:00Z"),
      });
      const { paylinks } = serviceOver(store, outbox, { shops: [makeShop({ name: injection(br) })] });
      const { results } = await paylinks.send(
        { link: { shopId: "shop-1", amount: 4990, currency: "EUR", recipients: "alice@example.fr" } },
        { actor: OWNER },
      );
      expect(results.map((result) => result.deliveryStatus)).toEqual(["SENT"]);
      const names = await readdir(dir);
      const eml = names.find((name) => name.endsWith(".eml"));
      const sidecar = names.find((name) => name.endsWith(".envelope.json"));
      if (!eml || !sidecar) throw new Error(`no message written: ${names.join(", ")}`);
      const raw = await readFile(join(dir, eml), "utf8");
      for (const line of headerLines(raw)) expect(line).toMatch(/^(?:[A-Za-z-]+: |[ \t])/);
      expect(headerNames(raw).filter((name) => !EXPECTED_HEADERS.has(name))).toEqual([]);
      const parsed = await simpleParser(raw);
      expect(decodedHeaders(parsed)).not.toHaveProperty("bcc");
      expect(decodedHeaders(parsed)).not.toHaveProperty("x-injected");
      expect(JSON.parse(await readFile(join(dir, sidecar), "utf8")).to).toEqual(["alice@example.fr"]);
    },
  );

  it("refuses, permanently, a recipient or blind copy with a line break, writing no file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "paylinks-security-"));
    dirs.push(dir);
    const outbox = createOutboxTransport({ dir, nodemailer });
    for (const mail of [
      makeOutgoingMail({ to: BROKEN_ADDRESSES[0] as string }),
      makeOutgoingMail({ bcc: [BROKEN_ADDRESSES[1] as string] }),
      makeOutgoingMail({ replyTo: BROKEN_ADDRESSES[4] as string }),
    ]) {
      await expect(outbox.send(mail)).rejects.toMatchObject({ code: "delivery_failed", transient: false });
    }
    expect(await readdir(dir)).toEqual([]);
  });
});
