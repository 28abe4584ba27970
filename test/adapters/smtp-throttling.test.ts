import type { AddressInfo, Socket } from "node:net";
import { createTransport } from "nodemailer";
import { SMTPServer } from "smtp-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSmtpTransport, type SmtpErrorLike, type SmtpTransport } from "../../src/adapters/smtp";
import { refusedRecipient, smtpFailure } from "../../src/adapters/smtp/smtp-failure";
import { isThrottlingReply } from "../../src/adapters/smtp/throttling-reply";
import { PaylinksError } from "../../src/issues/paylinks-error";
import { makeOutgoingMail } from "../../src/testing";
import { failureOf } from "../support/send-failure";

const TO = "buyer@example.com";

/** An error as nodemailer's `_formatError` builds it: the reply appended to the message, its code parsed. */
function nodemailerError(message: string, code: string, response: string | undefined, command: string) {
  const responseCode = response === undefined ? undefined : Number(/^\d+/.exec(response)?.[0]);
  return Object.assign(new Error(response === undefined ? message : `${message}: ${response}`), {
    code,
    command,
    ...(response === undefined ? {} : { response, responseCode }),
  }) as Error & SmtpErrorLike;
}

/** A per-recipient refusal as nodemailer lists it in `rejectedErrors`. */
const refusal = (recipient: string, response: string) =>
  Object.assign(nodemailerError("Recipient command failed", "EENVELOPE", response, "RCPT TO"), { recipient });

describe("isThrottlingReply", () => {
  it.for([
    "550 5.7.1 Rate limit exceeded",
    "554 5.7.1 Too many messages from this account",
    "550 5.7.1 Sending quota exceeded, try again later",
    "454 Throttling failure: Maximum sending rate exceeded.",
    "454 Throttling failure: Daily message quota exceeded.",
    "550 5.4.5 Daily user sending quota exceeded.",
    "550 5.4.5 Daily SMTP relay limit exceeded for user.",
    "554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message",
    "451 4.7.0 Temporary failure: RateLimitExceeded",
    "421 4.7.0 Too many concurrent SMTP connections; please try again later.",
    "421 4.7.0 Try again later, closing connection.",
    "450 4.2.1 The user you are trying to contact is receiving mail at a rate that prevents additional messages",
    "452 4.3.1 Please slow down",
    "451 4.7.1 rate-limited, retry later",
    "550 5.7.1 Message throttled by policy",
    "550 5.7.1 RATE LIMIT EXCEEDED",
  ])("is true for %j", (reply) => {
    expect(isThrottlingReply(reply)).toBe(true);
  });

  it.for([
    "550 5.1.1 User unknown",
    "550 5.1.1 <rate@example.com>: Recipient address rejected: User unknown",
    "550 5.1.1 <buyer@quota.example>: Recipient address rejected",
    "554 5.7.1 Message rejected: separate policy for generated content",
    "554 5.7.1 Accurate, moderate, and considerate replies only",
    "552 5.2.2 The email account that you tried to reach is over quota",
    "452 4.2.2 The recipient's inbox is out of storage space",
    "554 5.2.2 mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionQuotaExceeded",
    "554 5.2.0 STOREDRV.Deliver.Exception:QuotaExceededException.MapiExceptionShutoffQuotaExceeded",
    "554 5.4.6 Too many hops",
    "451 4.3.0 Mail server temporarily rejected message",
    "535 5.7.8 Username and Password not accepted",
    "",
  ])("is false for %j", (reply) => {
    expect(isThrottlingReply(reply)).toBe(false);
  });
});

describe("smtpFailure with throttling answers", () => {
  it.for([
    ["550 5.7.1 Rate limit exceeded", "550"],
    ["554 5.7.1 Too many messages, slow down", "554"],
    ["550 5.7.1 Sending quota exceeded, try again later", "550"],
    ["554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException", "554"],
    ["454 Throttling failure: Maximum sending rate exceeded.", "454"],
    ["421 4.7.0 Try again later, closing connection.", "421"],
  ] as const)("makes %j at the end of DATA transient and throttled", ([response, code]) => {
    const error = smtpFailure(nodemailerError("Message failed", "EMESSAGE", response, "DATA"), TO);
    expect(error).toBeInstanceOf(PaylinksError);
    expect(error).toMatchObject({ code: "delivery_failed", transient: true });
    expect(error.details).toEqual({ to: TO, responseCode: code, code: "EMESSAGE", command: "DATA", throttled: "true" });
    expect(error.message).toContain(response);
  });

  it.for([
    ["550 5.1.1 User unknown", false],
    ["550 5.1.1 <rate@example.com>: Recipient address rejected: User unknown", false],
    ["552 5.2.2 The email account that you tried to reach is over quota", false],
    ["554 5.4.6 Too many hops", false],
    ["451 4.3.0 Mail server temporarily rejected message", true],
    ["503 5.5.1 Bad sequence of commands", true],
  ] as const)("keeps %j classed by its code (transient: %s), without throttled", ([response, transient]) => {
    const error = smtpFailure(nodemailerError("Message failed", "EMESSAGE", response, "DATA"), TO);
    expect(error.transient).toBe(transient);
    expect(error.details).not.toHaveProperty("throttled");
  });

  it("reads the error's message when nodemailer kept no response", () => {
    const thrown = Object.assign(new Error("Message failed: 550 5.7.1 Rate limit exceeded"), { responseCode: 550 });
    expect(smtpFailure(thrown, TO)).toMatchObject({ transient: true, details: { throttled: "true" } });
  });

  it("never calls a failure without a reply throttled, whatever its text", () => {
    const lost = Object.assign(new Error("Too many connections, try again later"), { code: "ECONNECTION" });
    const error = smtpFailure(lost, TO);
    expect(error.transient).toBe(true);
    expect(error.details).toEqual({ to: TO, code: "ECONNECTION" });
    const refused = Object.assign(new Error("Rate limit: no recipients defined"), { code: "EENVELOPE" });
    expect(smtpFailure(refused, TO)).toMatchObject({ transient: false, details: { to: TO, code: "EENVELOPE" } });
  });

  it("decides by the recipient's own refusal when every recipient was refused", () => {
    const all = (own: string, other: string) =>
      Object.assign(nodemailerError("Can't send mail - all recipients were rejected", "EENVELOPE", other, "RCPT TO"), {
        rejectedErrors: [refusal(TO, own), refusal("manager@example.com", other)],
      });
    const throttled = smtpFailure(all("550 5.7.1 Daily SMTP relay limit exceeded for user", "550 5.1.1 No"), TO);
    expect(throttled).toMatchObject({ transient: true, details: { responseCode: "550", throttled: "true" } });
    const unknown = smtpFailure(all("550 5.1.1 User unknown", "451 4.7.1 Try again later"), TO);
    expect(unknown.transient).toBe(false);
    expect(unknown.details).not.toHaveProperty("throttled");
  });

  it("makes a throttled login transient, and a refused one permanent", () => {
    const later = nodemailerError(
      "Invalid login",
      "EAUTH",
      "454 4.7.0 Too many login attempts, try again later",
      "AUTH PLAIN",
    );
    expect(smtpFailure(later, TO)).toMatchObject({ transient: true, details: { code: "EAUTH", throttled: "true" } });
    const refused = nodemailerError(
      "Invalid login",
      "EAUTH",
      "535 5.7.8 Username and Password not accepted",
      "AUTH PLAIN",
    );
    expect(smtpFailure(refused, TO).transient).toBe(false);
  });

  it("returns a PaylinksError unchanged", () => {
    const error = new PaylinksError("delivery_failed", "already classed", { transient: false });
    expect(smtpFailure(error, TO)).toBe(error);
  });
});

describe("refusedRecipient with throttling answers", () => {
  const info = (response: string, recipient = TO) => ({
    messageId: "<id@example.com>",
    rejected: [recipient],
    rejectedErrors: [refusal(recipient, response)],
  });

  it("makes a throttling refusal of the buyer transient and throttled", () => {
    const error = refusedRecipient(info("550 5.7.1 Rate limit exceeded"), TO);
    expect(error).toMatchObject({ code: "delivery_failed", transient: true });
    expect(error?.details).toEqual({
      to: TO,
      responseCode: "550",
      code: "EENVELOPE",
      command: "RCPT TO",
      throttled: "true",
    });
  });

  it("marks a throttling 4xx refusal throttled, and keeps it transient", () => {
    const error = refusedRecipient(info("450 4.2.1 The user is receiving mail at a rate that prevents delivery"), TO);
    expect(error).toMatchObject({ transient: true, details: { responseCode: "450", throttled: "true" } });
  });

  it("keeps a refusal that is not throttling classed by its code", () => {
    const unknown = refusedRecipient(info("550 5.1.1 User unknown"), TO);
    expect(unknown?.transient).toBe(false);
    expect(unknown?.details).not.toHaveProperty("throttled");
    const later = refusedRecipient(info("451 4.3.0 Temporary failure"), TO);
    expect(later?.transient).toBe(true);
    expect(later?.details).not.toHaveProperty("throttled");
  });

  it("does not fail a send when only a blind copy was throttled", () => {
    expect(refusedRecipient(info("550 5.7.1 Rate limit exceeded", "manager@example.com"), TO)).toBeUndefined();
  });
});

/** An SMTP reply the scripted server gives: a code and its text, as the client receives them. */
interface Reply {
  readonly code: number;
  readonly text: string;
}

/** A real SMTP server on 127.0.0.1 that answers RCPT TO and the end of DATA as scripts say; accepts otherwise. */
async function startScriptedServer(script: {
  readonly rcpt?: (address: string) => Reply | undefined;
  readonly data?: (index: number) => Reply | undefined;
}) {
  const accepted: string[][] = [];
  const sockets = new Set<Socket>();
  let messages = 0;
  const answer = (reply: Reply | undefined, callback: (error?: Error | null) => void) =>
    reply ? callback(Object.assign(new Error(reply.text), { responseCode: reply.code })) : callback();
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      answer(script.rcpt?.(address.address.toLowerCase()), callback);
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        const reply = script.data?.(messages++);
        if (!reply) accepted.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        answer(reply, callback);
      });
    },
  });
  smtp.on("error", () => {});
  smtp.server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;
  return {
    port,
    accepted,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}

describe("createSmtpTransport against a real server that throttles", () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const item of opened.splice(0).reverse()) await item.close();
  });

  async function open(script: Parameters<typeof startScriptedServer>[0]): Promise<SmtpTransport> {
    const server = await startScriptedServer(script);
    opened.push(server);
    const transport = createSmtpTransport({
      transport: createTransport({ host: "127.0.0.1", port: server.port, secure: false, ignoreTLS: true, pool: true }),
      from: "noreply@librairie-durand.example",
    });
    opened.push(transport);
    return transport;
  }

  const alone = (to: string) => makeOutgoingMail({ to, bcc: [] });

  it("makes 421 and a 550 rate limit at the end of DATA transient and throttled, and 550 user unknown permanent", async () => {
    const replies: (Reply | undefined)[] = [
      { code: 421, text: "4.7.0 Too many messages, slow down" },
      { code: 421, text: "4.7.0 Too many messages, slow down" },
      { code: 550, text: "5.7.1 Rate limit exceeded" },
      { code: 550, text: "5.1.1 User unknown" },
    ];
    const transport = await open({ data: (index) => replies[index] });

    for (const i of [1, 2]) {
      const error = await failureOf(transport.send(alone(`buyer-${i}@example.com`)));
      expect(error).toMatchObject({
        transient: true,
        details: { to: `buyer-${i}@example.com`, responseCode: "421", throttled: "true" },
      });
    }
    const limited = await failureOf(transport.send(alone("buyer-3@example.com")));
    expect(limited).toMatchObject({ transient: true, details: { responseCode: "550", throttled: "true" } });
    expect(limited.message).toContain("Rate limit exceeded");

    const unknown = await failureOf(transport.send(alone("buyer-4@example.com")));
    expect(unknown.transient).toBe(false);
    expect(unknown.details).toMatchObject({ responseCode: "550", command: "DATA" });
    expect(unknown.details).not.toHaveProperty("throttled");

    const mail = alone("buyer-5@example.com");
    expect(await transport.send(mail)).toEqual({ messageId: mail.messageId });
  });

  it("makes a throttling refusal at RCPT TO transient and throttled, and an unknown user permanent", async () => {
    const transport = await open({
      rcpt: (address) => {
        if (address === "quota@example.com") return { code: 550, text: "5.4.5 Daily user sending quota exceeded." };
        if (address === "rate@example.com") return { code: 550, text: "5.1.1 <rate@example.com>: User unknown" };
        return undefined;
      },
    });
    const quota = await failureOf(transport.send(alone("quota@example.com")));
    expect(quota).toMatchObject({
      transient: true,
      details: { to: "quota@example.com", responseCode: "550", command: "RCPT TO", throttled: "true" },
    });
    const unknown = await failureOf(transport.send(alone("rate@example.com")));
    expect(unknown.transient).toBe(false);
    expect(unknown.details).not.toHaveProperty("throttled");
  });

  it("makes a throttled buyer transient when a blind copy was accepted", async () => {
    const transport = await open({
      rcpt: (address) => (address === TO ? { code: 550, text: "5.7.1 Rate limit exceeded" } : undefined),
    });
    const error = await failureOf(transport.send(makeOutgoingMail({ to: TO, bcc: ["manager@example.com"] })));
    expect(error.message).toContain("blind copies");
    expect(error).toMatchObject({ transient: true, details: { to: TO, responseCode: "550", throttled: "true" } });
  });
});
