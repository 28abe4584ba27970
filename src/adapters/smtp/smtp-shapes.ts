/**
 * The message paylinks hands to `sendMail`: the fields of nodemailer's `SendMailOptions` that it sets, and no
 * others. There is no `bcc` field: the blind copies are only in {@link SmtpMessage.envelope}. The outbox
 * (`paylinks/outbox`) composes the same message, with a few composing options more.
 */
export interface SmtpMessage {
  /** The visible sender: the display name of the transport's `from`, else the shop's name, and its address. */
  readonly from: SmtpSender;
  /** The recipient, the only visible address. */
  readonly to: string;
  /** Where replies go; absent when the shop has no contact address. */
  readonly replyTo?: string;
  /** The subject, on one line. */
  readonly subject: string;
  /** The plain-text part. */
  readonly text: string;
  /** The HTML part. */
  readonly html: string;
  /** The Message-ID, `<link.send@domain>`. */
  readonly messageId: string;
  /** Extra headers: `Content-Language`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The Message-ID this message follows (a reminder: the link's e-mail); absent otherwise. */
  readonly inReplyTo?: string;
  /** The same Message-ID, as the thread's `References`; absent otherwise. */
  readonly references?: string;
  /** The SMTP envelope: `MAIL FROM` and every `RCPT TO`, the recipient first, then the blind copies. */
  readonly envelope: SmtpEnvelope;
}

/**
 * An error as nodemailer reports it (`NodemailerError`): every field is optional, and which ones are there depends
 * on where the failure happened (a reply of the server, the socket, the configuration).
 */
export interface SmtpErrorLike {
  /** The error's text. */
  readonly message?: string | undefined;
  /** nodemailer's code (`ECONNECTION`, `ETIMEDOUT`, `EENVELOPE`, …) or a Node.js one (`ECONNREFUSED`, …). */
  readonly code?: string | undefined;
  /** The SMTP reply code, when the server answered. */
  readonly responseCode?: number | undefined;
  /** The SMTP reply, when the server answered. */
  readonly response?: string | undefined;
  /** The SMTP command that was answered. */
  readonly command?: string | undefined;
  /** The recipient a per-recipient error is about. */
  readonly recipient?: string | undefined;
  /** When every recipient was refused: one error per recipient, with its reply code. */
  readonly rejectedErrors?: readonly SmtpErrorLike[] | undefined;
}

/** What `sendMail` resolves with (nodemailer's `SentMessageInfo`); paylinks reads the refused recipients. */
export interface SmtpSendInfo {
  /** The Message-ID that was sent. */
  readonly messageId?: string | undefined;
  /** The envelope recipients the server refused while it accepted others. */
  readonly rejected?: readonly string[] | undefined;
  /** One error per refused recipient, with its reply code. */
  readonly rejectedErrors?: readonly SmtpErrorLike[] | undefined;
  /** The server's last reply. */
  readonly response?: string | undefined;
}

/**
 * A nodemailer transporter, taken by its shape so that nodemailer stays an optional peer dependency: what
 * `nodemailer.createTransport(…)` returns fits it.
 */
export interface SmtpTransporter {
  /** Sends one message; resolves once the server accepted it, rejects with a nodemailer error otherwise. */
  sendMail(message: SmtpMessage): Promise<SmtpSendInfo>;
  /** Closes the transporter's connections (a pooled transporter keeps some open). */
  close?(): void;
}

/** The From header: a display name and an address (a type, not an interface, so that nodemailer's types accept it). */
export type SmtpSender = {
  /** The display name: the one the transport's `from` gives, else the shop's name; on one line. */
  readonly name: string;
  /** The address. */
  readonly address: string;
};

/** The SMTP envelope of a message (a type, not an interface, so that nodemailer's types accept it). */
export type SmtpEnvelope = {
  /** The `MAIL FROM` address (the return path). */
  readonly from: string;
  /** Every `RCPT TO` address: the recipient, then the blind copies. */
  readonly to: string[];
};
