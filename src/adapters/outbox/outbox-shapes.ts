import type { SmtpMessage } from "../smtp/smtp-shapes";

/**
 * The options the outbox gives `createTransport`: nodemailer's stream transport, which composes the message
 * without sending it, into a buffer, with CRLF line ends.
 */
export interface OutboxStreamOptions {
  /** Compose only, send nothing. */
  readonly streamTransport: true;
  /** Resolve with the whole message in a buffer rather than a stream. */
  readonly buffer: true;
  /** CRLF line ends, as RFC 5322 writes them. */
  readonly newline: "windows";
}

/**
 * The message the outbox hands to the stream transport's `sendMail`: the one the SMTP transport sends
 * ({@link SmtpMessage}), with the composing options that make the same mail give the same bytes.
 */
export interface OutboxMessage extends SmtpMessage {
  /** The `Date` header: the transport's `now()`. */
  readonly date: Date;
  /** The text and HTML parts in quoted-printable, whatever they hold. */
  readonly encoding: "quoted-printable";
  /** The encoded-words of the headers in `Q` (quoted-printable) rather than `B` (base64). */
  readonly textEncoding: "quoted-printable";
  /** The varying part of the MIME boundary: 24 hex digits of the SHA-256 of the Message-ID. */
  readonly baseBoundary: string;
  /** The start of the MIME boundary, `=_paylinks`: `=_` never occurs in quoted-printable text. */
  readonly boundaryPrefix: string;
}

/** What the stream transport's `sendMail` resolves with (nodemailer's `StreamSentMessageInfo`). */
export interface OutboxSendInfo {
  /** The composed message: a `Buffer`, since the outbox asks for `buffer: true`. */
  readonly message?: unknown;
}

/** A nodemailer stream transporter, taken by its shape: what `nodemailer.createTransport({ streamTransport: true, … })` returns fits it. */
export interface OutboxMailer {
  /** Composes one message and resolves with its bytes; sends nothing. */
  sendMail(message: OutboxMessage): Promise<OutboxSendInfo>;
}

/**
 * The nodemailer module, taken by its shape so that nodemailer stays an optional peer dependency: pass what
 * `import nodemailer from "nodemailer"` gives. The outbox calls its `createTransport` once, for a stream
 * transport.
 */
export interface OutboxNodemailer {
  /** Creates the stream transporter the outbox composes its messages with. */
  createTransport(options: OutboxStreamOptions): OutboxMailer;
}
