import { mkdir } from "node:fs/promises";
import type { OutboxNodemailer } from "../../adapters/outbox/outbox-shapes";
import { createOutboxTransport, type OutboxTransport } from "../../adapters/outbox/outbox-transport";
import type { SmtpTransporter } from "../../adapters/smtp/smtp-shapes";
import { createSmtpTransport } from "../../adapters/smtp/smtp-transport";
import type { MailTransport } from "../../ports/mail-transport";
import type { Clock } from "../../ports/runtime";
import { CliError } from "../cli-error";
import type { MailSettings } from "../config/settings";
import type { CliText } from "../text/cli-text";
import { reasonOf, redactUrl } from "./describe-error";
import { importOptional } from "./optional-import";

/** An open mail transport. */
export interface OpenedTransport {
  /** The transport. */
  readonly transport: MailTransport;
  /** Checks, before anything is sent, that mail can leave: the outbox folder can be created, the SMTP server answers. */
  verify(): Promise<void>;
  /** Closes the connections and waits for the files being written. */
  close(): Promise<void>;
}

interface NodemailerTransporter extends SmtpTransporter {
  verify(): Promise<unknown>;
}

/** nodemailer's `createTransport` as the command uses it: an SMTP transporter, or the outbox's stream transporter. */
type CreateTransport = ((options: Record<string, unknown>) => NodemailerTransporter) &
  OutboxNodemailer["createTransport"];

interface NodemailerModule {
  readonly createTransport?: CreateTransport;
  readonly default?: { readonly createTransport: CreateTransport };
}

/** Loads nodemailer (an optional peer dependency), as an ES module or a CommonJS one. */
async function loadNodemailer(purpose: string, text: CliText): Promise<{ readonly createTransport: CreateTransport }> {
  const nodemailer = await importOptional<NodemailerModule>("nodemailer", purpose, text);
  const createTransport = nodemailer.createTransport ?? nodemailer.default?.createTransport;
  if (!createTransport) throw new Error("The nodemailer module has no createTransport");
  return { createTransport };
}

/** How long the SMTP server has to answer the check before a command gives up. */
const SMTP_VERIFY_MS = 15_000;

async function openSmtp(settings: Extract<MailSettings, { kind: "smtp" }>, text: CliText): Promise<OpenedTransport> {
  const { createTransport } = await loadNodemailer(text.errors.purposeSmtp(settings.source), text);
  const where = redactUrl(settings.url);
  // Pooled: one connection carries many messages. Settings in the URL's query win over these.
  const transporter = createTransport({
    url: settings.url,
    pool: true,
    maxConnections: 8,
    connectionTimeout: SMTP_VERIFY_MS,
    socketTimeout: 30_000,
  });
  const transport = createSmtpTransport({ transport: transporter, from: settings.from });
  return {
    transport,
    async verify() {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(text.errors.noAnswer(SMTP_VERIFY_MS / 1000))), SMTP_VERIFY_MS);
      });
      try {
        await Promise.race([transporter.verify(), timeout]);
      } catch (error) {
        throw new CliError("smtp_unreachable", text.errors.smtpUnreachable(settings.source, where, reasonOf(error)), {
          cause: error,
          details: { source: settings.source },
        });
      } finally {
        clearTimeout(timer);
      }
    },
    close: () => transport.close(),
  };
}

/**
 * The outbox, whose messages nodemailer composes. nodemailer is loaded at the first check or send, not before: the
 * commands that send nothing (`list`, `show`, `pay`…) run without it, and the ones that send check first.
 */
function openOutbox(settings: Extract<MailSettings, { kind: "outbox" }>, clock: Clock, text: CliText): OpenedTransport {
  let opening: Promise<OutboxTransport> | undefined;
  const outbox = (): Promise<OutboxTransport> => {
    opening ??= loadNodemailer(text.errors.purposeOutbox(settings.dir), text).then((nodemailer) =>
      createOutboxTransport({ dir: settings.dir, nodemailer, from: settings.from, now: () => clock.now() }),
    );
    return opening;
  };
  return {
    transport: { send: async (mail) => (await outbox()).send(mail) },
    async verify() {
      await outbox();
      try {
        await mkdir(settings.dir, { recursive: true });
      } catch (error) {
        throw new CliError("outbox_unwritable", text.errors.outboxUnwritable(settings.dir, reasonOf(error)), {
          cause: error,
          details: { dir: settings.dir },
        });
      }
    },
    async close() {
      await opening?.then(
        (transport) => transport.close(),
        () => undefined,
      );
    },
  };
}

/**
 * Opens the mail transport the settings name: the outbox folder (`.eml` files) or an SMTP server, both through
 * nodemailer.
 *
 * @param settings - The mail settings.
 * @param clock - The clock of the outbox's Date headers.
 * @param text - The messages.
 * @returns The transport, its `verify` and its `close`.
 * @throws CliError `missing_dependency` when nodemailer is missing: at once for SMTP, at the outbox's first
 * `verify` or send.
 */
export async function openTransport(settings: MailSettings, clock: Clock, text: CliText): Promise<OpenedTransport> {
  return settings.kind === "smtp" ? openSmtp(settings, text) : openOutbox(settings, clock, text);
}
