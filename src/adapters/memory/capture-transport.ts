import { PaylinksError } from "../../issues/paylinks-error";
import type { MailTransport, OutgoingMail } from "../../ports/mail-transport";
import { headersOf } from "./captured-headers";

/** A message the capture transport accepted. */
export interface CapturedMail {
  /** The recipient: the only visible address. */
  readonly to: string;
  /** Every address the message went to: the recipient, then the blind copies. */
  readonly envelope: readonly string[];
  /** The subject. */
  readonly subject: string;
  /** The plain-text part. */
  readonly text: string;
  /** The HTML part. */
  readonly html: string;
  /**
   * The headers a real transport would send, decoded: `Message-ID`, `From`, `Reply-To` (when there is a reply
   * address), `To`, `Subject` and `Content-Language`. Never a blind copy.
   */
  readonly headers: Readonly<Record<string, string>>;
  /** A copy of the mail as the service handed it over. */
  readonly mail: OutgoingMail;
}

/** How sends to an address fail, for {@link CaptureTransport.failFor}. */
export interface FailureRule {
  /**
   * `transient`: a temporary refusal (like an SMTP 4xx answer), which the service retries. `permanent`: a final
   * refusal (like a 5xx answer), which makes the link `FAILED` at once. `throttled`: a temporary refusal because
   * the sender goes too fast (like `421 4.7.0 Too many messages`), with `details.throttled` `"true"`, which the
   * service retries and which pauses its other sends.
   */
  readonly kind: "transient" | "permanent" | "throttled";
  /**
   * How many sends fail before the address accepts mail again.
   * @defaultValue 1 for `transient`, every send for `permanent`
   */
  readonly times?: number | undefined;
}

/** The options of {@link createCaptureTransport}. */
export interface CaptureTransportOptions {
  /**
   * The From address; the display name is the shop's name.
   * @defaultValue `"paylinks@localhost"`
   */
  readonly from?: string | undefined;
  /**
   * How long each send takes before it answers, in ms.
   * @defaultValue 0
   */
  readonly latencyMs?: number | undefined;
  /**
   * How to wait `latencyMs`; pass your test clock's, e.g. `(ms) => clock.sleep(ms)`, to control time.
   * @defaultValue `setTimeout`
   */
  readonly sleep?: ((ms: number) => Promise<void>) | undefined;
}

/** A {@link MailTransport} that sends nothing: it records every message it accepts, and fails when told to. */
export interface CaptureTransport extends MailTransport {
  /** The accepted messages, oldest first (failed sends are not recorded). Read it; do not change it. */
  readonly messages: readonly CapturedMail[];
  /**
   * Makes the next sends to `address` (the recipient, compared without case) fail, replacing any rule already
   * set for it. A failing send rejects with a `PaylinksError` of code `delivery_failed` whose `transient` flag
   * is `true` for the `transient` and `throttled` kinds. `times: 0` removes the rule.
   */
  failFor(address: string, rule: FailureRule): void;
  /** Forgets the recorded messages and every failure rule. */
  clear(): void;
}

const waitFor = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function failure(kind: FailureRule["kind"], to: string): PaylinksError {
  if (kind === "throttled") {
    return new PaylinksError(
      "delivery_failed",
      "421 4.7.0 Too many messages, slow down (simulated by the capture transport)",
      {
        transient: true,
        details: { to, throttled: "true" },
      },
    );
  }
  const message =
    kind === "transient"
      ? `451 4.3.0 Mailbox of ${to} temporarily unavailable (simulated by the capture transport)`
      : `550 5.1.1 Mailbox of ${to} unavailable (simulated by the capture transport)`;
  return new PaylinksError("delivery_failed", message, { transient: kind === "transient", details: { to } });
}

/**
 * Creates a mail transport for tests and demos that records the messages instead of sending them, and can be
 * told to refuse the mail of chosen recipients, temporarily or for good. It passes `describeTransportContract`.
 * Each send answers with the mail's own Message-ID.
 *
 * @param options - The From address, and a simulated latency with the function that waits.
 * @returns A new transport with no messages and no failure rules.
 * @example
 * ```ts
 * import { createCaptureTransport } from "paylinks/memory";
 *
 * const transport = createCaptureTransport();
 * transport.failFor("b@example.fr", { kind: "transient", times: 2 }); // accepted at the third attempt
 * transport.failFor("c@example.fr", { kind: "permanent" }); // never accepted
 * const paylinks = createPaylinks({ store, transport, shops: [shop], paymentUrl });
 * await paylinks.send(request, { actor });
 * console.log(transport.messages.map((m) => m.headers["Message-ID"]));
 * ```
 */
export function createCaptureTransport(options: CaptureTransportOptions = {}): CaptureTransport {
  const from = options.from ?? "paylinks@localhost";
  const latencyMs = options.latencyMs ?? 0;
  const sleep = options.sleep ?? waitFor;
  const messages: CapturedMail[] = [];
  const rules = new Map<string, { kind: FailureRule["kind"]; remaining: number }>();

  /** Uses up one failure of the recipient's rule, at the moment of the call. */
  const takeFailure = (to: string): PaylinksError | undefined => {
    const address = to.toLowerCase();
    const rule = rules.get(address);
    if (!rule) return undefined;
    rule.remaining--;
    if (rule.remaining <= 0) rules.delete(address);
    return failure(rule.kind, to);
  };

  return {
    get messages() {
      return messages;
    },

    async send(mail) {
      const refused = takeFailure(mail.to);
      const copy: OutgoingMail = { ...mail, bcc: [...mail.bcc] };
      if (latencyMs > 0) await sleep(latencyMs);
      if (refused) throw refused;
      messages.push(
        Object.freeze({
          to: copy.to,
          envelope: Object.freeze([copy.to, ...copy.bcc]),
          subject: copy.subject,
          text: copy.text,
          html: copy.html,
          headers: Object.freeze(headersOf(copy, from)),
          mail: copy,
        }),
      );
      return { messageId: copy.messageId };
    },

    failFor(address, rule) {
      const remaining = rule.times ?? (rule.kind === "permanent" ? Number.POSITIVE_INFINITY : 1);
      if (remaining > 0) rules.set(address.toLowerCase(), { kind: rule.kind, remaining });
      else rules.delete(address.toLowerCase());
    },

    clear() {
      messages.length = 0;
      rules.clear();
    },
  };
}
