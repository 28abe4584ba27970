import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** The login the documentation's SMTP examples use (`SMTP_USER`, `SMTP_PASSWORD`). */
export const EXAMPLE_SMTP_USER = "paylinks";
export const EXAMPLE_SMTP_PASSWORD = "secret";

/**
 * The recipients the SMTP server of the examples refuses, with the reply code, as docs/adapters.md describes its
 * "local server told to refuse some addresses".
 */
const REFUSED: Readonly<Record<string, { code: number; text: string }>> = {
  "full@example.fr": { code: 452, text: "4.2.2 Mailbox full" },
  "gone@example.fr": { code: 550, text: "5.1.1 No such mailbox" },
  "seq@example.fr": { code: 503, text: "5.5.1 Bad sequence of commands" },
};

/** A received message: its envelope. */
export interface ExampleSmtpMessage {
  readonly mailFrom: string;
  readonly rcptTo: readonly string[];
}

/** The SMTP server the documentation examples send to. */
export interface ExampleSmtpServer {
  readonly port: number;
  readonly messages: readonly ExampleSmtpMessage[];
  close(): Promise<void>;
}

/**
 * Starts the SMTP server of the examples on 127.0.0.1 (a free port, no TLS): it accepts the login
 * `paylinks`/`secret` (and sessions without a login), refuses the recipients listed above, and accepts the rest.
 */
export async function startExampleSmtpServer(): Promise<ExampleSmtpServer> {
  const messages: ExampleSmtpMessage[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      if (auth.username === EXAMPLE_SMTP_USER && auth.password === EXAMPLE_SMTP_PASSWORD) {
        callback(null, { user: auth.username });
        return;
      }
      callback(Object.assign(new Error("5.7.8 Authentication credentials invalid"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = REFUSED[address.address.toLowerCase()];
      if (refusal === undefined) callback();
      else callback(Object.assign(new Error(refusal.text), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        messages.push({
          mailFrom: session.envelope.mailFrom === false ? "" : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once("error", reject);
    smtp.listen(0, "127.0.0.1", () => resolve());
  });
  smtp.on("error", () => {}); // a client that goes away must not surface as an uncaught error
  const { port } = smtp.server.address() as AddressInfo;
  return {
    port,
    messages,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
