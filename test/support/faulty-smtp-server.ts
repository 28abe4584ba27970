import { Buffer } from "node:buffer";
import type { AddressInfo, Socket } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import type { ReceivedMessage, SmtpReply } from "./smtp-server";

/**
 * What the faulty server does with one message: accept it, or refuse it with a reply code, cut the connection or
 * never answer, at the `RCPT TO` of its recipient or at the end of its DATA.
 */
export type FaultKind =
  | "accept"
  | "rcpt-421"
  | "rcpt-451"
  | "rcpt-550"
  | "rcpt-drop"
  | "rcpt-stall"
  | "data-421"
  | "data-451"
  | "data-550"
  | "data-drop"
  | "data-stall";

/** The weight of each fault kind: how often, relative to the others, a message meets it. */
export type FaultMix = Readonly<Record<FaultKind, number>>;

/** The mix of the fault tests: a little over half of the messages are accepted. */
export const DEFAULT_FAULT_MIX: FaultMix = {
  accept: 56,
  "rcpt-421": 4,
  "rcpt-451": 6,
  "rcpt-550": 4,
  "rcpt-drop": 5,
  "rcpt-stall": 2,
  "data-421": 4,
  "data-451": 6,
  "data-550": 3,
  "data-drop": 7,
  "data-stall": 3,
};

/** Whether trying a message again may help after this fault (4xx, a cut connection, a timeout). */
export const isTransientFault = (kind: FaultKind): boolean => kind !== "accept" && !kind.endsWith("-550");

/** One message as the faulty server saw it. */
export interface FaultEvent {
  /** The recipient, lower-cased. */
  readonly recipient: string;
  /** Which time this recipient reached the server, from 1. */
  readonly arrival: number;
  /** What the server did. */
  readonly kind: FaultKind;
}

/** An SMTP server on 127.0.0.1 that refuses, drops or stalls messages by a seeded, deterministic draw. */
export interface FaultySmtpServer {
  /** The port it listens on. */
  readonly port: number;
  /** The messages it accepted (answered 250 at the end of DATA), in order. */
  readonly messages: readonly ReceivedMessage[];
  /** How many connections it accepted so far. */
  readonly connections: number;
  /** Errors of client connections (a client that gives up on a stalled reply may reset its connection). */
  readonly connectionErrors: readonly Error[];
  /** Every message that reached `RCPT TO`, in arrival order, with the fault drawn for it. */
  readonly events: readonly FaultEvent[];
  /** The fault drawn for the `arrival`-th message to `recipient`: the same for the same seed, whatever the timing. */
  faultOf(recipient: string, arrival: number): FaultKind;
  /** How many messages met each fault kind. */
  counts(): Record<FaultKind, number>;
  /** How many messages the server accepted for each recipient (lower-cased). */
  acceptedBy(): Map<string, number>;
  /** Cuts every connection and stops listening. */
  close(): Promise<void>;
}

/** FNV-1a, 32 bits. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG returning numbers in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const replyOf = (kind: FaultKind): SmtpReply => {
  const what = kind.slice(kind.indexOf("-") + 1);
  return what === "drop" || what === "stall" ? what : Number(what);
};

/**
 * Starts an SMTP server on 127.0.0.1 (smtp-server, like test/support/smtp-server.ts, whose reply kinds it uses)
 * that, for each message, draws one {@link FaultKind} from `mix` with a PRNG
 * seeded by `seed`, the recipient and how many times that recipient has reached the server. The draw does not
 * depend on the order in which concurrent connections arrive, so a run is reproducible. A message counts as
 * accepted only when the server answers 250 at the end of its DATA.
 */
export async function startFaultySmtpServer(options: {
  readonly seed: number;
  readonly mix?: FaultMix;
}): Promise<FaultySmtpServer> {
  const mix = options.mix ?? DEFAULT_FAULT_MIX;
  const kinds = Object.keys(mix) as FaultKind[];
  const total = kinds.reduce((sum, kind) => sum + mix[kind], 0);
  const events: FaultEvent[] = [];
  /** The fault of the message each recipient is sending now (a link is sent by one worker at a time). */
  const current = new Map<string, FaultKind>();

  const faultOf = (recipient: string, arrival: number): FaultKind => {
    let draw = mulberry32(hash(`${options.seed}:${recipient.toLowerCase()}:${arrival}`))() * total;
    for (const kind of kinds) {
      draw -= mix[kind];
      if (draw < 0) return kind;
    }
    return "accept";
  };

  const messages: ReceivedMessage[] = [];
  const connectionErrors: Error[] = [];
  const sockets = new Map<number, Socket>();
  const arrivals = new Map<string, number>();
  let connections = 0;

  /** Answers a command as `kind` says, when `kind` is a fault of this stage; accepts otherwise. */
  const answer = (
    kind: FaultKind,
    stage: "rcpt" | "data",
    session: SMTPServerSession,
    callback: (error?: Error | null) => void,
  ): void => {
    const reply = kind.startsWith(`${stage}-`) ? replyOf(kind) : 250;
    if (reply === "stall") return;
    if (reply === "drop") {
      sockets.get(session.remotePort)?.destroy();
      return;
    }
    if (reply < 400) {
      callback();
      return;
    }
    const text =
      reply < 500
        ? `4.3.0 Try again later (test server, ${reply})`
        : `5.1.1 Mailbox unavailable (test server, ${reply})`;
    callback(Object.assign(new Error(text), { responseCode: reply }));
  };

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    closeTimeout: 100,
    onRcptTo(address, session, callback) {
      const recipient = address.address.toLowerCase();
      const arrival = (arrivals.get(recipient) ?? 0) + 1;
      arrivals.set(recipient, arrival);
      const kind = faultOf(recipient, arrival);
      events.push({ recipient, arrival, kind });
      current.set(recipient, kind);
      answer(kind, "rcpt", session, callback);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const rcptTo = session.envelope.rcptTo.map((rcpt) => rcpt.address);
        const kind = current.get((rcptTo[0] ?? "").toLowerCase()) ?? "accept";
        if (!kind.startsWith("data-")) {
          const mailFrom = session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address;
          messages.push({ mailFrom, rcptTo, raw: Buffer.concat(chunks) });
        }
        answer(kind, "data", session, callback);
      });
    },
  });
  // smtp-server re-emits the errors of its connections on the server; a client that gives up may reset its socket.
  smtp.on("error", (error: Error) => connectionErrors.push(error));
  smtp.server.on("connection", (socket: Socket) => {
    connections++;
    if (socket.remotePort !== undefined) sockets.set(socket.remotePort, socket);
    socket.once("close", () => {
      if (socket.remotePort !== undefined && sockets.get(socket.remotePort) === socket)
        sockets.delete(socket.remotePort);
    });
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const { port } = smtp.server.address() as AddressInfo;

  return {
    port,
    messages,
    get connections() {
      return connections;
    },
    connectionErrors,
    events,
    faultOf,
    counts() {
      const counts = Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<FaultKind, number>;
      for (const event of events) counts[event.kind]++;
      return counts;
    },
    acceptedBy() {
      const accepted = new Map<string, number>();
      for (const message of messages) {
        for (const rcpt of message.rcptTo) {
          const key = rcpt.toLowerCase();
          accepted.set(key, (accepted.get(key) ?? 0) + 1);
        }
      }
      return accepted;
    },
    async close() {
      for (const socket of sockets.values()) socket.destroy();
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
