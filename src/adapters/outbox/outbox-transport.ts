import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { PaylinksError } from "../../issues/paylinks-error";
import type { MailTransport, OutgoingMail } from "../../ports/mail-transport";
import { composeEml } from "./compose-eml";
import { isHeaderAddress } from "./header-values";
import { envelopeFileName, outboxFileName } from "./outbox-file-name";
import { writeAtomically } from "./write-atomically";

/** The options of {@link createOutboxTransport}. */
export interface OutboxTransportOptions {
  /** The folder the messages are written to; it is created when missing. */
  readonly dir: string;
  /**
   * The From address (and envelope sender); the display name is the shop's name.
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
  /** The envelope sender: the transport's `from`. */
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

/**
 * Creates a mail transport that sends nothing: it writes each message to `dir` as an RFC 5322 `.eml` file, which
 * any mail client opens. It is the embedded default for trying paylinks without a mail server, and passes
 * `describeTransportContract`.
 *
 * Each message is one file named after the link and the send, `<linkId>.<sendNumber>.eml` (see
 * {@link outboxFileName}): sending the same Message-ID again (a retry) overwrites the same file, and a resend (a
 * new Message-ID) makes a new one. The message is multipart/alternative with the UTF-8 text and HTML parts in
 * quoted-printable, Message-ID, Date (from `now`), From, Reply-To when there is one, To, Subject (RFC 2047 encoded
 * when not plain ASCII), MIME-Version and Content-Language, with CRLF line ends. No value can start a header of
 * its own: line breaks in a subject or a name are carried encoded.
 *
 * The blind copies are not in the message (no Bcc header): they are in a sidecar, `<name>.envelope.json`
 * (`{ "from": …, "to": [recipient, ...blind copies] }`, an {@link OutboxEnvelope}), written before the `.eml`.
 * Both files are written atomically (a temporary file in the same folder, renamed), so a reader that sees an
 * `.eml` sees all of it, and its sidecar. The files are readable by their owner only: they hold payment links.
 *
 * A failure to write (a full disk, a folder that cannot be created) rejects with a transient `delivery_failed`;
 * a mail whose address, Message-ID or language could break a header, with a permanent one.
 *
 * @param options - The folder, the From address and the clock of the Date header.
 * @returns The transport.
 * @throws PaylinksError `invalid_context` when `dir` is empty or `from` is not an address.
 * @example
 * ```ts
 * import { createOutboxTransport } from "paylinks/outbox";
 * import { createPaylinks } from "paylinks/service";
 *
 * const transport = createOutboxTransport({ dir: "./outbox", from: "noreply@shop.example" });
 * const paylinks = createPaylinks({ store, transport, shops: [shop], paymentUrl });
 * await paylinks.send(request, { actor });
 * // ./outbox/V1StGXR8_Z5jdHi6B-myT.1.eml and ./outbox/V1StGXR8_Z5jdHi6B-myT.1.envelope.json
 * ```
 */
export function createOutboxTransport(options: OutboxTransportOptions): OutboxTransport {
  if (typeof options?.dir !== "string" || options.dir.trim() === "") throw invalidOption("dir", "a folder path");
  const from = options.from ?? "paylinks@localhost";
  if (!isHeaderAddress(from)) throw invalidOption("from", "an e-mail address");
  const dir = resolve(options.dir);
  const now = options.now ?? (() => new Date());
  const writing = new Set<Promise<unknown>>();

  const pathOf = (mail: Pick<OutgoingMail, "linkId" | "messageId">): string => join(dir, outboxFileName(mail));

  const write = async (mail: OutgoingMail): Promise<void> => {
    const date = now();
    if (!(date instanceof Date) || Number.isNaN(date.getTime()))
      throw invalidOption("now", "a function returning a valid Date");
    const eml = composeEml(mail, from, date);
    const envelope: OutboxEnvelope = { from, to: [mail.to, ...mail.bcc] };
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
