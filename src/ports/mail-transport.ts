import type { Mode } from "../actor/actor";

/** One e-mail to send: one link's message to its recipient. */
export interface OutgoingMail {
  /** The link it belongs to. */
  readonly linkId: string;
  /** The order it belongs to. */
  readonly orderId: string;
  /** The shop's id. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /**
   * A Message-ID that is the same every time this send of this link is tried (`<link.send@domain>`), so that a
   * copy sent again after a crash can be recognised. Transports must use it.
   */
  readonly messageId: string;
  /** The shop's name, for the From display name. */
  readonly fromName: string;
  /** Where replies go (the shop's contact address), when there is one. */
  readonly replyTo: string | undefined;
  /** The recipient, the only visible address. */
  readonly to: string;
  /** Blind copies: envelope recipients only, never in a header. */
  readonly bcc: readonly string[];
  /** One-line subject. */
  readonly subject: string;
  /** Plain-text part. */
  readonly text: string;
  /** HTML part. */
  readonly html: string;
  /** Content language, for the `Content-Language` header. */
  readonly language: string;
  /**
   * The Message-ID of the e-mail this one follows: a reminder's is the link's e-mail. Transports write it as
   * `In-Reply-To` and `References`, so that mail readers show the reminder in the same conversation. Absent for a
   * link's own e-mail.
   */
  readonly inReplyTo?: string | undefined;
}

/** What a transport returns once the server has accepted the message. */
export interface SentMail {
  /** The Message-ID that was used. */
  readonly messageId: string;
}

/**
 * Mail delivery. `send` resolves once the message is accepted, and rejects with a {@link PaylinksError} of code
 * `delivery_failed` whose `transient` flag says whether trying again may help (a 4xx answer, a lost connection,
 * a timeout) or not (a 5xx answer). Any other rejection is treated as transient. A refusal because the sender
 * goes too fast (a rate or a quota exceeded) should also have `details.throttled` `"true"`: the service then
 * pauses all its sends for a while (`delivery.throttlePauseMs`).
 *
 * Run `describeTransportContract` from `paylinks/testing` against an implementation to prove it.
 */
export interface MailTransport {
  /** Sends one message. */
  send(mail: OutgoingMail): Promise<SentMail>;
  /** Releases connections, if the transport holds any. */
  close?(): Promise<void>;
}
