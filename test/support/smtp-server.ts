import { Buffer } from "node:buffer";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { DeliveredMail } from "../../src/testing";

/**
 * How the test server answers a command: an SMTP reply code (`250` accepts; `451`, `550`… refuse with that code),
 * `"drop"` to cut the connection without a word, or `"stall"` to never answer (until the server closes).
 */
export type SmtpReply = number | "drop" | "stall";

/** A message the test server accepted. */
export interface ReceivedMessage {
  /** The envelope sender (`MAIL FROM`). */
  readonly mailFrom: string;
  /** The envelope recipients it accepted (`RCPT TO`), in order. */
  readonly rcptTo: readonly string[];
  /** The message as the client sent it (after DATA). */
  readonly raw: Buffer;
}

/** Chooses the answer to a `RCPT TO`; `undefined` accepts. `attempt` counts the RCPT TO of that address, from 1. */
export type RecipientHook = (address: string, context: { readonly attempt: number }) => SmtpReply | undefined;

/** Chooses the answer at the end of DATA; `undefined` accepts. `index` counts the messages received, from 0. */
export type MessageHook = (context: {
  readonly index: number;
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
}) => SmtpReply | undefined;

/** A real SMTP server on 127.0.0.1 for tests, with ways to make it refuse, drop or stall. */
export interface TestSmtpServer {
  /** Always `127.0.0.1`. */
  readonly host: string;
  /** The port it listens on (a free one). */
  readonly port: number;
  /** The messages it accepted, in order. */
  readonly messages: readonly ReceivedMessage[];
  /** How many connections it accepted so far. */
  readonly connections: number;
  /** Answers the next `times` RCPT TO of `address` (without case) with `reply`; `Infinity` for every one. */
  failRecipient(address: string, reply: SmtpReply, times?: number): void;
  /** Answers the end of DATA of the next `times` messages with `reply`. */
  failMessages(reply: SmtpReply, times?: number): void;
  /** Decides RCPT TO answers after the `failRecipient` rules. */
  onRecipient: RecipientHook | undefined;
  /** Decides end-of-DATA answers after the `failMessages` rules. */
  onMessage: MessageHook | undefined;
  /** The accepted messages, parsed, as `describeTransportContract` looks at them. */
  delivered(): Promise<DeliveredMail[]>;
  /** The accepted messages parsed by mailparser. */
  parsed(): Promise<ParsedMail[]>;
  /** Cuts every connection and stops listening. */
  close(): Promise<void>;
}

/** The options of {@link startSmtpServer}. */
export interface TestSmtpServerOptions {
  readonly onRecipient?: RecipientHook;
  readonly onMessage?: MessageHook;
}

const replyText = (code: number): string =>
  code < 500 ? `4.3.0 Try again later (test server, ${code})` : `5.1.1 Mailbox unavailable (test server, ${code})`;

/** The headers of a parsed message, by lower-case name, decoded to strings (addresses as mailparser's `text`). */
export function decodedHeaders(parsed: ParsedMail): Record<string, string> {
  const text = (value: unknown): string => {
    if (typeof value === "string") return value;
    if (value instanceof Date) return value.toUTCString();
    if (Array.isArray(value)) return value.map(text).join(", ");
    if (typeof value === "object" && value !== null) {
      const fields = value as { text?: unknown; value?: unknown };
      if (typeof fields.text === "string") return fields.text;
      if (typeof fields.value === "string") return fields.value;
    }
    return String(value);
  };
  return Object.fromEntries([...parsed.headers].map(([key, value]) => [key, text(value)]));
}

/** A port nothing listens on: one that was free a moment ago. */
export async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/**
 * Starts an SMTP server (smtp-server) on 127.0.0.1 on a free port: no authentication required, no STARTTLS. It
 * accepts every message and keeps its envelope and raw data, unless a rule or a hook says otherwise.
 *
 * @example
 * ```ts
 * const server = await startSmtpServer();
 * server.failRecipient("b@example.fr", 451); // the next RCPT TO of b is answered 451, the one after 250
 * server.failMessages("stall"); // the next message is never answered
 * await server.close();
 * ```
 */
export async function startSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const sockets = new Map<number, Socket>();
  const recipientRules = new Map<string, { reply: SmtpReply; remaining: number }>();
  const messageRules: { reply: SmtpReply; remaining: number }[] = [];
  const rcptAttempts = new Map<string, number>();
  let received = 0;
  let connections = 0;

  const answer = (reply: SmtpReply, session: SMTPServerSession, callback: (error?: Error | null) => void): void => {
    if (reply === "stall") return;
    if (reply === "drop") {
      sockets.get(session.remotePort)?.destroy();
      return;
    }
    if (reply < 400) {
      callback();
      return;
    }
    callback(Object.assign(new Error(replyText(reply)), { responseCode: reply }));
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, session, callback) {
      const key = address.address.toLowerCase();
      const attempt = (rcptAttempts.get(key) ?? 0) + 1;
      rcptAttempts.set(key, attempt);
      const rule = recipientRules.get(key);
      if (rule) {
        rule.remaining--;
        if (rule.remaining <= 0) recipientRules.delete(key);
      }
      answer(rule?.reply ?? server.onRecipient?.(address.address, { attempt }) ?? 250, session, callback);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const index = received++;
        const mailFrom = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
        const rcptTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const rule = messageRules[0];
        if (rule) {
          rule.remaining--;
          if (rule.remaining <= 0) messageRules.shift();
        }
        const reply = rule?.reply ?? server.onMessage?.({ index, mailFrom, rcptTo }) ?? 250;
        if (typeof reply === "number" && reply < 400) {
          messages.push({ mailFrom, rcptTo, raw: Buffer.concat(chunks) });
        }
        answer(reply, session, callback);
      });
    },
  });
  smtp.server.on("connection", (socket: Socket) => {
    connections++;
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
    socket.once("close", () => {
      if (socket.remotePort !== undefined && sockets.get(socket.remotePort) === socket)
        sockets.delete(socket.remotePort);
    });
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = smtp.server.address() as AddressInfo;
  // Dropped and stalled connections reset sockets on purpose: they must not surface as uncaught errors.
  smtp.on("error", () => {});

  const parsed = (): Promise<ParsedMail[]> => Promise.all(messages.map((message) => simpleParser(message.raw)));

  const server: TestSmtpServer = {
    host: "127.0.0.1",
    port,
    messages,
    get connections() {
      return connections;
    },
    onRecipient: options.onRecipient,
    onMessage: options.onMessage,
    failRecipient(address, reply, times = 1) {
      recipientRules.set(address.toLowerCase(), { reply, remaining: times });
    },
    failMessages(reply, times = 1) {
      messageRules.push({ reply, remaining: times });
    },
    parsed,
    async delivered() {
      const all = await parsed();
      return all.map((mail, i) => ({ envelope: messages[i]?.rcptTo ?? [], headers: decodedHeaders(mail) }));
    },
    async close() {
      for (const socket of sockets.values()) socket.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
  return server;
}
