import type { AddressObject } from "mailparser";
import { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import {
  createSmtpTransport,
  type SmtpMessage,
  type SmtpTransport,
  type SmtpTransporter,
} from "../../src/adapters/smtp";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { OutgoingMail } from "../../src/ports";
import { describeTransportContract, makeOutgoingMail } from "../../src/testing";
import { failureOf } from "../support/send-failure";
import { closedPort, decodedHeaders, startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

const FROM = "noreply@librairie-durand.example";

/** A pooled nodemailer transporter to the test server, as the TSDoc recommends. */
const pooled = (port: number, extra: { socketTimeout?: number; maxConnections?: number } = {}) =>
  createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true, pool: true, ...extra });

describeTransportContract(
  "smtp (pooled nodemailer → smtp-server on 127.0.0.1)",
  async () => {
    const server = await startSmtpServer();
    return {
      transport: createSmtpTransport({ transport: pooled(server.port), from: FROM }),
      failNext: (recipient, kind) => server.failRecipient(recipient, kind === "transient" ? 451 : 550),
      delivered: () => server.delivered(),
      cleanup: () => server.close(),
    };
  },
  { timeout: 20_000 },
);

const firstAddress = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.value[0];

describe("createSmtpTransport against a real SMTP server", () => {
  const opened: { server?: TestSmtpServer; transport?: SmtpTransport }[] = [];

  /** A test server and an SMTP transport to it, both closed after the test. */
  async function open(
    options: {
      from?: string;
      envelopeFrom?: string;
      socketTimeout?: number;
      maxConnections?: number;
      pool?: boolean;
    } = {},
  ) {
    const server = await startSmtpServer();
    const timeouts = options.socketTimeout === undefined ? {} : { socketTimeout: options.socketTimeout };
    const transporter =
      options.pool === false
        ? createTransport({ host: "127.0.0.1", port: server.port, secure: false, ignoreTLS: true, ...timeouts })
        : pooled(server.port, {
            ...timeouts,
            ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
          });
    const transport = createSmtpTransport({
      transport: transporter,
      from: options.from ?? FROM,
      ...(options.envelopeFrom === undefined ? {} : { envelopeFrom: options.envelopeFrom }),
    });
    opened.push({ server, transport });
    return { server, transport };
  }

  afterEach(async () => {
    for (const { server, transport } of opened.splice(0)) {
      await transport?.close();
      await server?.close();
    }
  });

  describe("what arrives", () => {
    const mail = makeOutgoingMail({
      fromName: "Librairie Durand & Fils",
      subject: "Référence Recouvrement-001 – 49,90 €",
      text: "Bonjour,\n\nMerci de régler 49,90 € : https://pay.example.com/t/abc\n\nÀ bientôt.",
      html: '<p>Bonjour,</p><p>Merci de régler 49,90&nbsp;€ : <a href="https://pay.example.com/t/abc">payer</a></p>',
      language: "fr",
      replyTo: "contact@librairie-durand.example",
      to: "acheteur@example.fr",
      bcc: ["gerant@librairie-durand.example", "marie.martin@librairie-durand.example"],
    });

    it("is multipart/alternative with both parts, the UTF-8 subject, From, Reply-To, Message-ID and language", async () => {
      const { server, transport } = await open();
      expect(await transport.send(mail)).toEqual({ messageId: mail.messageId });
      const [parsed] = await server.parsed();
      if (!parsed) throw new Error("nothing arrived");
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.text?.trim()).toBe(mail.text);
      expect(parsed.html).toBe(mail.html);
      expect(firstAddress(parsed.from)).toEqual({ name: mail.fromName, address: FROM });
      expect(firstAddress(parsed.replyTo)?.address).toBe(mail.replyTo);
      expect(firstAddress(parsed.to)?.address).toBe(mail.to);
      expect(parsed.messageId).toBe(mail.messageId);
      expect(decodedHeaders(parsed)["content-language"]).toBe("fr");
      expect(decodedHeaders(parsed)["content-type"]).toBe("multipart/alternative");
      const raw = server.messages[0]?.raw.toString("latin1") ?? "";
      expect(raw).toMatch(/^Content-Type: text\/plain; charset=utf-8\r$/im);
      expect(raw).toMatch(/^Content-Type: text\/html; charset=utf-8\r$/im);
    });

    it("threads a mail that follows another: In-Reply-To and References carry its Message-ID", async () => {
      const { server, transport } = await open();
      const first = "<V1StGXR8_Z5jdHi6B-myT.1@paylinks.invalid>";
      await transport.send({ ...mail, messageId: "<V1StGXR8_Z5jdHi6B-myT.1.r1@paylinks.invalid>", inReplyTo: first });
      await transport.send(mail);
      const [reminder, plain] = await server.parsed();
      expect(reminder?.inReplyTo).toBe(first);
      expect(reminder?.references).toBe(first);
      expect(plain?.inReplyTo).toBeUndefined();
      expect(plain?.references).toBeUndefined();
    });

    it("refuses for good a mail that follows something that is not a Message-ID, and sends nothing", async () => {
      const { server, transport } = await open();
      const failure = await transport.send({ ...mail, inReplyTo: "<a@b>\r\nBcc: spy@evil.example" }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ code: "delivery_failed", transient: false, details: { field: "inReplyTo" } });
      expect(server.messages).toHaveLength(0);
    });

    it("puts the blind copies in the envelope only, never in a header", async () => {
      const { server, transport } = await open();
      await transport.send(mail);
      const [received] = server.messages;
      expect(received?.mailFrom).toBe(FROM);
      expect(received?.rcptTo).toEqual([mail.to, ...mail.bcc]);
      const raw = received?.raw.toString("latin1") ?? "";
      const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
      expect(head).not.toMatch(/^bcc:/im);
      for (const bcc of mail.bcc) expect(raw.toLowerCase()).not.toContain(bcc.toLowerCase());
      const [parsed] = await server.parsed();
      expect(parsed?.bcc).toBeUndefined();
    });

    it("sends MAIL FROM the envelope sender when there is one, and keeps From", async () => {
      const { server, transport } = await open({ envelopeFrom: "bounces@librairie-durand.example" });
      await transport.send(mail);
      expect(server.messages[0]?.mailFrom).toBe("bounces@librairie-durand.example");
      expect(firstAddress((await server.parsed())[0]?.from)?.address).toBe(FROM);
    });

    it.for([
      ["Boutique Démo <no-reply@shop.example>", "Boutique Démo", "no-reply@shop.example"],
      ['"Durand, Fils & Cie" <noreply@librairie-durand.example>', "Durand, Fils & Cie", FROM],
      ["Café Ærø 💸 <noreply@librairie-durand.example>", "Café Ærø 💸", FROM],
    ] as const)("puts the display name of from %j in place of the shop's name", async ([from, name, address]) => {
      const { server, transport } = await open({ from });
      await transport.send(mail);
      const [parsed] = await server.parsed();
      expect(firstAddress(parsed?.from)).toEqual({ name, address });
      expect(server.messages[0]?.mailFrom).toBe(address);
      const raw = server.messages[0]?.raw.toString("latin1") ?? "";
      const head = raw.slice(0, raw.indexOf("\r\n\r\n"));
      expect(head.replace(/\r\n/g, "")).toMatch(/^[\x20-\x7e]*$/);
      expect(head).not.toContain(mail.fromName);
    });

    it("keeps the shop's name when from is a bare address or an address in angle brackets", async () => {
      const { server, transport } = await open({ from: `<${FROM}>`, envelopeFrom: "bounces@librairie-durand.example" });
      await transport.send(mail);
      expect(firstAddress((await server.parsed())[0]?.from)).toEqual({ name: mail.fromName, address: FROM });
      expect(server.messages[0]?.mailFrom).toBe("bounces@librairie-durand.example");
    });

    it("carries lines that start with a dot, or are one, exactly (the client doubles the dot)", async () => {
      const { server, transport } = await open();
      const dotted = { ...mail, text: "Bonjour,\n.\n.point en tête\n..deux\nfin" };
      await transport.send(dotted);
      const [parsed] = await server.parsed();
      expect(parsed?.text?.replace(/\n$/, "")).toBe(dotted.text);
      expect(server.messages).toHaveLength(1);
    });

    it("leaves out Reply-To when the mail has no reply address", async () => {
      const { server, transport } = await open();
      await transport.send({ ...mail, replyTo: undefined });
      const [parsed] = await server.parsed();
      expect(parsed?.replyTo).toBeUndefined();
      expect(decodedHeaders(parsed as NonNullable<typeof parsed>)).not.toHaveProperty("reply-to");
    });

    it("keeps a subject and a name with line breaks on one header each", async () => {
      const { server, transport } = await open();
      await transport.send({ ...mail, subject: "Hello\r\nBcc: spy@evil.example", fromName: "Shop\nX-Injected: 1" });
      const [parsed] = await server.parsed();
      if (!parsed) throw new Error("nothing arrived");
      const headers = decodedHeaders(parsed);
      expect(headers).not.toHaveProperty("bcc");
      expect(headers).not.toHaveProperty("x-injected");
      expect(parsed.subject).toBe("Hello Bcc: spy@evil.example");
      expect(server.messages[0]?.rcptTo).not.toContain("spy@evil.example");
    });

    it("carries many messages over the pooled connections", async () => {
      const { server, transport } = await open({ maxConnections: 2 });
      const mails = Array.from({ length: 12 }, (_, i) => makeOutgoingMail({ to: `buyer-${i}@example.com`, bcc: [] }));
      await Promise.all(mails.map((m) => transport.send(m)));
      expect(server.messages).toHaveLength(12);
      expect(server.connections).toBeLessThanOrEqual(2);
      const ids = (await server.parsed()).map((parsed) => parsed.messageId).sort();
      expect(ids).toEqual(mails.map((m) => m.messageId).sort());
    });
  });

  describe("how failures are classified", () => {
    const alone = (overrides: Partial<OutgoingMail> = {}) => makeOutgoingMail({ bcc: [], ...overrides });

    it("makes a 451 to RCPT TO transient, with the reply code and nodemailer's error as cause", async () => {
      const { server, transport } = await open();
      server.failRecipient("buyer@example.com", 451);
      const error = await failureOf(transport.send(alone()));
      expect(error.transient).toBe(true);
      expect(error.details).toMatchObject({ to: "buyer@example.com", responseCode: "451", command: "RCPT TO" });
      expect(error.message).toContain("buyer@example.com");
      expect(error.message).toContain("451");
      expect(error.cause).toBeInstanceOf(Error);
      expect(server.messages).toEqual([]);
    });

    it("makes a 550 to RCPT TO permanent", async () => {
      const { server, transport } = await open();
      server.failRecipient("buyer@example.com", 550);
      const error = await failureOf(transport.send(alone()));
      expect(error.transient).toBe(false);
      expect(error.details.responseCode).toBe("550");
    });

    it.for([
      [451, true],
      [452, true],
      [503, true],
      [550, false],
      [554, false],
    ] as const)("makes %i at the end of DATA transient: %s", async ([code, transient]) => {
      const { server, transport } = await open();
      server.failMessages(code);
      const error = await failureOf(transport.send(alone()));
      expect(error).toMatchObject({ transient, details: { responseCode: String(code) } });
      const next = alone();
      expect(await transport.send(next)).toEqual({ messageId: next.messageId });
    });

    it("makes a refused connection (a closed port) transient", async () => {
      const port = await closedPort();
      const transport = createSmtpTransport({ transport: pooled(port), from: FROM });
      opened.push({ transport });
      const error = await failureOf(transport.send(alone()));
      expect(error.transient).toBe(true);
      expect(error.details.code).toMatch(/^E/);
    });

    it("makes a server that stalls longer than socketTimeout transient", async () => {
      const { server, transport } = await open({ socketTimeout: 300 });
      server.failMessages("stall");
      const started = Date.now();
      const error = await failureOf(transport.send(alone()));
      expect(error.transient).toBe(true);
      expect(error.details.code).toBe("ETIMEDOUT");
      expect(Date.now() - started).toBeLessThan(5_000);
    });

    it("makes a dropped connection transient", async () => {
      const { server, transport } = await open({ pool: false });
      server.failMessages("drop");
      const error = await failureOf(transport.send(alone()));
      expect(error.transient).toBe(true);
    });

    it.for([
      [550, false],
      [451, true],
    ] as const)(
      "fails with %i when a blind copy is accepted but the recipient refused (transient: %s)",
      async ([code, transient]) => {
        const { server, transport } = await open();
        server.failRecipient("buyer@example.com", code);
        const error = await failureOf(transport.send(makeOutgoingMail({ bcc: ["manager@example.com"] })));
        expect(error).toMatchObject({ transient, details: { to: "buyer@example.com", responseCode: String(code) } });
        expect(error.message).toContain("blind copies");
        expect(server.messages.map((m) => m.rcptTo)).toEqual([["manager@example.com"]]);
      },
    );

    it("decides by the recipient's own refusal when every recipient is refused", async () => {
      const { server, transport } = await open();
      server.failRecipient("buyer@example.com", 550);
      server.failRecipient("manager@example.com", 451);
      const error = await failureOf(transport.send(makeOutgoingMail({ bcc: ["manager@example.com"] })));
      expect(error).toMatchObject({ transient: false, details: { responseCode: "550" } });
    });

    it.for([
      { to: "buyer@example.com\r\nRCPT TO:<spy@evil.example>" },
      { to: "Buyer <spy@evil.example>" },
      { to: "buyer@example.com, spy@evil.example" },
      { replyTo: "spy@evil.example, x@y.example" },
      { bcc: ["manager@example.com", "group: spy@evil.example;"] },
      { messageId: "<id@x>\r\nBcc: spy@evil.example" },
      { messageId: "no-brackets@example.com" },
      { language: "fr\r\nX-Injected: 1" },
    ])(
      "refuses, permanently and before sending, a value nodemailer could read as another or break a header: %o",
      async (bad) => {
        const { server, transport } = await open();
        const error = await failureOf(transport.send(makeOutgoingMail(bad)));
        expect(error.transient).toBe(false);
        expect(error.cause).toBeUndefined();
        const [field] = Object.keys(bad);
        expect(error.details).toEqual({ to: makeOutgoingMail(bad).to, field });
        expect(error.message).toMatch(
          new RegExp(`^The mail's ${field} is not (?:a bare e-mail address|a Message-ID|a language tag)`),
        );
        expect(server.connections).toBe(0);
      },
    );

    it("succeeds when only a blind copy is refused", async () => {
      const { server, transport } = await open();
      server.failRecipient("manager@example.com", 550);
      const mail = makeOutgoingMail({ bcc: ["manager@example.com", "me@example.org"] });
      expect(await transport.send(mail)).toEqual({ messageId: mail.messageId });
      expect(server.messages[0]?.rcptTo).toEqual(["buyer@example.com", "me@example.org"]);
    });
  });
});

describe("createSmtpTransport with a transporter taken by shape", () => {
  /** A transporter that records the messages and answers as told. */
  function fake(answer: (message: SmtpMessage) => Promise<unknown> = async () => ({})) {
    const sent: SmtpMessage[] = [];
    let closed = 0;
    const transporter: SmtpTransporter = {
      sendMail: async (message) => {
        sent.push(message);
        return (await answer(message)) as never;
      },
      close: () => {
        closed++;
      },
    };
    return { transporter, sent, closed: () => closed };
  }

  it("hands sendMail the message fields, with the blind copies in the envelope and no bcc field", async () => {
    const { transporter, sent } = fake();
    const transport = createSmtpTransport({ transport: transporter, from: FROM });
    const mail = makeOutgoingMail({ bcc: ["manager@example.com", "me@example.org"] });
    await transport.send(mail);
    expect(sent).toEqual([
      {
        from: { name: mail.fromName, address: FROM },
        to: mail.to,
        replyTo: mail.replyTo,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: { "Content-Language": mail.language },
        envelope: { from: FROM, to: [mail.to, "manager@example.com", "me@example.org"] },
      },
    ]);
    expect(sent[0]).not.toHaveProperty("bcc");
    await transport.send(makeOutgoingMail({ replyTo: undefined }));
    expect(sent[1]).not.toHaveProperty("replyTo");
  });

  it("puts the display name of from, on one line, in From, and its address in From and MAIL FROM", async () => {
    const { transporter, sent } = fake();
    const transport = createSmtpTransport({ transport: transporter, from: `Boutique Démo <${FROM}>` });
    const mail = makeOutgoingMail({ fromName: "Shop\r\nX-Injected: 1", subject: "Hello\r\nBcc: spy@evil.example" });
    await transport.send(mail);
    expect(sent[0]).toMatchObject({
      from: { name: "Boutique Démo", address: FROM },
      subject: "Hello Bcc: spy@evil.example",
      envelope: { from: FROM },
    });
    await createSmtpTransport({ transport: transporter, from: FROM }).send(mail);
    expect(sent[1]?.from).toEqual({ name: "Shop X-Injected: 1", address: FROM });
  });

  it.for([
    {
      label: "a connection reset",
      thrown: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }),
      transient: true,
    },
    {
      label: "a lost connection",
      thrown: Object.assign(new Error("closed"), { code: "ECONNECTION" }),
      transient: true,
    },
    { label: "a DNS failure", thrown: Object.assign(new Error("getaddrinfo"), { code: "EDNS" }), transient: true },
    { label: "a timeout", thrown: Object.assign(new Error("Timeout"), { code: "ETIMEDOUT" }), transient: true },
    {
      label: "a 421 greeting",
      thrown: Object.assign(new Error("busy"), { code: "EPROTOCOL", responseCode: 421 }),
      transient: true,
    },
    {
      label: "a 454 login",
      thrown: Object.assign(new Error("later"), { code: "EAUTH", responseCode: 454 }),
      transient: true,
    },
    {
      label: "a 535 login",
      thrown: Object.assign(new Error("bad"), { code: "EAUTH", responseCode: 535 }),
      transient: false,
    },
    {
      label: "a reply only in `response`",
      thrown: Object.assign(new Error("x"), { response: "552 5.3.4 big" }),
      transient: false,
    },
    {
      label: "an invalid envelope",
      thrown: Object.assign(new Error("No recipients"), { code: "EENVELOPE" }),
      transient: false,
    },
    {
      label: "a configuration error",
      thrown: Object.assign(new Error("bad option"), { code: "ECONFIG" }),
      transient: false,
    },
    { label: "an unknown error", thrown: new Error("something odd"), transient: true },
    { label: "a thrown string", thrown: "boom", transient: true },
  ])("classifies $label (transient: $transient)", async ({ thrown, transient }) => {
    const transport = createSmtpTransport({
      transport: fake(() => Promise.reject(thrown)).transporter,
      from: FROM,
    });
    const error = await failureOf(transport.send(makeOutgoingMail()));
    expect(error.transient).toBe(transient);
    expect(error.cause).toBe(thrown);
  });

  it("passes a PaylinksError from the transporter through", async () => {
    const own = new PaylinksError("delivery_failed", "already classified", { transient: false });
    const transport = createSmtpTransport({ transport: fake(() => Promise.reject(own)).transporter, from: FROM });
    expect(await failureOf(transport.send(makeOutgoingMail()))).toBe(own);
  });

  it("fails when the recipient is in info.rejected, without case, and is transient without a reply code", async () => {
    const transport = createSmtpTransport({
      transport: fake(async () => ({ rejected: ["BUYER@example.com"], accepted: ["manager@example.com"] })).transporter,
      from: FROM,
    });
    const error = await failureOf(transport.send(makeOutgoingMail()));
    expect(error.transient).toBe(true);
  });

  it("closes the transporter, and closes fine without one", async () => {
    const { transporter, closed } = fake();
    await createSmtpTransport({ transport: transporter, from: FROM }).close();
    expect(closed()).toBe(1);
    await createSmtpTransport({ transport: { sendMail: async () => ({}) }, from: FROM }).close();
  });

  it("refuses a transporter without sendMail and addresses that are not ones", () => {
    const bad = (options: unknown) => () => createSmtpTransport(options as Parameters<typeof createSmtpTransport>[0]);
    expect(bad({ transport: {}, from: FROM })).toThrow(PaylinksError);
    expect(bad({ transport: { sendMail: async () => ({}) }, from: "not an address" })).toThrow(/from/);
    for (const from of [
      "Shop\r\nBcc: x@y.example <a@b.example>",
      "Shop <a@b.example, c@d.example>",
      'Sh"op <a@b.example>',
    ]) {
      expect(bad({ transport: { sendMail: async () => ({}) }, from }), from).toThrow(/from/);
    }
    expect(
      bad({ transport: { sendMail: async () => ({}) }, from: FROM, envelopeFrom: "a@b\r\nRCPT TO:<x@y>" }),
    ).toThrow(/envelopeFrom/);
    expect(bad({ transport: { sendMail: async () => ({}) }, from: FROM, envelopeFrom: `Bounces <${FROM}>` })).toThrow(
      /envelopeFrom/,
    );
  });
});
