import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PaylinksError } from "../../issues/paylinks-error";
import type { MailTransport, OutgoingMail } from "../../ports/mail-transport";
import { type MailSender, parseSender } from "../mail/sender";
import { envelopeFileName, outboxFileName } from "./outbox-file-name";
import type { OutboxMailer, OutboxNodemailer } from "./outbox-shapes";
import { outboxMessageOf, renderEml } from "./render-eml";
import { writeAtomically } from "./write-atomically";

/** The options of {@link createOutboxTransport}. */
export interface OutboxTransportOptions {
  /** The folder the messages are written to; it is created when missing. */
  readonly dir: string;
  /**
   * The nodemailer module (`import nodemailer from "nodemailer"`), which composes the messages: nodemailer is an
   * optional peer dependency, installed by you and taken by its shape.
   */
  readonly nodemailer: OutboxNodemailer;
  /**
   * The From: a bare address, and then the display name is the shop's name, or a display name and an address
   * (`Boutique Démo <noreply@shop.example>`, the name in double quotes when it holds a comma or a quote), and then
   * that name replaces the shop's name. Its address is also the envelope sender of the sidecar.
   * @defaultValue `"paylinks@localhost"`
   */
  readonly from?: string | undefined;
  /**
   * The time of the `Date` header.
   * @defaultValue `() => new Date()`
   */
  readonly now?: (() => Date) | undefined;
}

/** The envelope sidecar of a message (`<name>.envelope.json`): who the message was for, blind copies included. */
export interface OutboxEnvelope {
  /** The envelope sender: the address of the transport's `from`. */
  readonly from: string;
  /** The recipient, then the blind copies. */
  readonly to: readonly string[];
}

/** A {@link MailTransport} that writes each message to a folder as an `.eml` file. */
export interface OutboxTransport extends MailTransport {
  /** The folder, as an absolute path. */
  readonly dir: string;
  /** The path of a mail's `.eml` file (see {@link outboxFileName}); the sidecar ends in `.envelope.json` instead. */
  pathOf(mail: Pick<OutgoingMail, "linkId" | "messageId">): string;
  /** Waits for the files being written. */
  close(): Promise<void>;
}

function invalidOption(option: string, what: string): PaylinksError {
  return new PaylinksError("invalid_context", `createOutboxTransport: ${option} must be ${what}`, {
    details: { option },
  });
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

const NODEMAILER = 'the nodemailer module (import nodemailer from "nodemailer"), with createTransport';

/** nodemailer's stream transport, which composes a message into a buffer with CRLF line ends and sends nothing. */
function streamMailerOf(nodemailer: OutboxNodemailer | undefined): OutboxMailer {
  if (typeof nodemailer?.createTransport !== "function") throw invalidOption("nodemailer", NODEMAILER);
  const mailer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  if (typeof mailer?.sendMail !== "function") throw invalidOption("nodemailer", NODEMAILER);
  return mailer;
}

function senderOf(from: unknown): MailSender {
  const sender = parseSender(from ?? "paylinks@localhost");
  if (!sender) throw invalidOption("from", "an e-mail address, or a name and <address>");
  return sender;
}

/**
 * Creates a mail transport that sends nothing: it writes each message to `dir` as an RFC 5322 `.eml` file, which
 * any mail client opens. It is the embedded default for trying paylinks without a mail server, and passes
 * `describeTransportContract`. The messages are composed by nodemailer, which you install (it is an optional peer
 * dependency) and pass as `nodemailer`, exactly as the SMTP transport composes them, so what you open is what an
 * SMTP server would receive.
 *
 * Each message is one file named after the link and the send, `<linkId>.<sendNumber>.eml` (see
 * {@link outboxFileName}): sending the same Message-ID again (a retry) overwrites the same file, and a resend (a
 * new Message-ID) makes a new one. The message is multipart/alternative with the UTF-8 text and HTML parts in
 * quoted-printable, Message-ID, Date (from `now`), From (the shop's name, or
 * the display name `from` gives, and the address of `from`), Reply-To when there is one, To, Subject (RFC 2047
 * encoded when not plain ASCII), MIME-Version and Content-Language, with CRLF line ends. No value can start a header
 * of its own: line breaks in a subject or a name become spaces. The boundary comes from the Message-ID, so the same
 * mail at the same `now` gives the same bytes.
 *
 * The blind copies are not in the message (no Bcc header): they are in a sidecar, `<name>.envelope.json`
 * (`{ "from": …, "to": [recipient, ...blind copies] }`, an {@link OutboxEnvelope}), written before the `.eml`.
 * Both files are written atomically (a temporary file in the same folder, renamed), so a reader that sees an
 * `.eml` sees all of it, and its sidecar. The files are readable by their owner only: they hold payment links.
 *
 * A failure to write (a full disk, a folder that cannot be created) rejects with a transient `delivery_failed`;
 * a mail whose address, Message-ID or language could break a header, with a permanent one.
 *
 * @param options - The folder, the nodemailer module, the From and the clock of the Date header.
 * @returns The transport.
 * @throws PaylinksError `invalid_context` when `dir` is empty, `nodemailer` has no `createTransport`, or `from` is
 * neither an address nor a name and `<address>`.
 * @example
 * ```ts
 * import nodemailer from "nodemailer";
 * import { createOutboxTransport } from "paylinks/outbox";
 * import { createPaylinks } from "paylinks/service";
 *
 * const transport = createOutboxTransport({ dir: "./outbox", nodemailer, from: "Boutique Démo <noreply@shop.example>" });
 * const paylinks = createPaylinks({ store, transport, shops: [shop], paymentUrl });
 * await paylinks.send(request, { actor });
 * // ./outbox/V1StGXR8_Z5jdHi6B-myT.1.eml and ./outbox/V1StGXR8_Z5jdHi6B-myT.1.envelope.json
 * ```
 */
export function createOutboxTransport(options: OutboxTransportOptions): OutboxTransport {
  if (typeof options?.dir !== "string" || options.dir.trim() === "") throw invalidOption("dir", "a folder path");
  const mailer = streamMailerOf(options.nodemailer);
  const sender = senderOf(options.from);
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  const writing = new Set<Promise<unknown>>();

  const pathOf = (mail: Pick<OutgoingMail, "linkId" | "messageId">): string => join(dir, outboxFileName(mail));

  const write = async (mail: OutgoingMail): Promise<void> => {
    const date = now();
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw invalidOption("now", "a function returning a valid Date");
    const eml = await renderEml(mailer, outboxMessageOf(mail, sender, date));
    const envelope: OutboxEnvelope = { from: sender.address, to: [mail.to, ...mail.bcc] };
    const path = pathOf(mail);
    try {
      await mkdir(dir, { recursive: true });
      await writeAtomically(envelopeFileName(path), `${JSON.stringify(envelope, null, 2)}\n`);
      await writeAtomically(path, eml);
    } catch (error) {
      throw new PaylinksError("delivery_failed", `Could not write ${path}: ${messageOf(error)}`, {
        transient: true,
        cause: error,
        details: { to: mail.to, path },
      });
    }
  };

  return {
    dir,
    pathOf,

    async send(mail) {
      const task = write(mail);
      writing.add(task);
      try {
        await task;
      } finally {
        writing.delete(task);
      }
      return { messageId: mail.messageId };
    },

    async close() {
      await Promise.allSettled([...writing]);
    },
  };
}
