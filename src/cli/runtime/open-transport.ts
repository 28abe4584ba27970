import { mkdir } from "node:fs/promises";
import { createOutboxTransport } from "../../adapters/outbox/outbox-transport";
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

interface NodemailerModule {
  readonly createTransport?: (options: Record<string, unknown>) => NodemailerTransporter;
  readonly default?: { readonly createTransport: (options: Record<string, unknown>) => NodemailerTransporter };
}

/** How long the SMTP server has to answer the check before a command gives up. */
const SMTP_VERIFY_MS = 15_000;

async function openSmtp(settings: Extract<MailSettings, { kind: "smtp" }>, text: CliText): Promise<OpenedTransport> {
  const nodemailer = await importOptional<NodemailerModule>(
    "nodemailer",
    text.errors.purposeSmtp(settings.source),
    text,
  );
  const createTransport = nodemailer.createTransport ?? nodemailer.default?.createTransport;
  if (!createTransport) throw new Error("The nodemailer module has no createTransport");
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
 * Opens the mail transport the settings name: the outbox folder (`.eml` files) or an SMTP server through
 * nodemailer.
 *
 * @param settings - The mail settings.
 * @param clock - The clock of the outbox's Date headers.
 * @param text - The messages.
 * @returns The transport, its `verify` and its `close`.
 * @throws CliError `missing_dependency` when nodemailer is needed and missing.
 */
export async function openTransport(settings: MailSettings, clock: Clock, text: CliText): Promise<OpenedTransport> {
  if (settings.kind === "smtp") return openSmtp(settings, text);
  const transport = createOutboxTransport({ dir: settings.dir, from: settings.from, now: () => clock.now() });
  return {
    transport,
    async verify() {
      try {
        await mkdir(settings.dir, { recursive: true });
      } catch (error) {
        throw new CliError("outbox_unwritable", text.errors.outboxUnwritable(settings.dir, reasonOf(error)), {
          cause: error,
          details: { dir: settings.dir },
        });
      }
    },
    close: () => transport.close(),
  };
}
