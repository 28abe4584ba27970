import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import { type NotificationBody, verifySignature } from "../notification-signature";
import { withoutReminders } from "../reminder-state";
import type { ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { linkEvent, loadLink } from "./change-link";

/** A payment notification as the payment platform posts it: the raw body and its signature header. */
export interface PaymentNotification {
  /** The body exactly as received (the signature covers its bytes): JSON, see {@link NotificationPayload}. */
  readonly body: NotificationBody;
  /** The `Paylinks-Signature` header: `t=<unix seconds>,v1=<hex HMAC-SHA256>`. */
  readonly signature: string | null | undefined;
}

/** The JSON body of a payment notification. */
export interface NotificationPayload {
  /** The link paid or refused (the `linkId` the payment page got from `openLink`). */
  readonly linkId: string;
  /** The result. */
  readonly status: "PAID" | "REFUSED";
  /** The platform's transaction id: a notification is idempotent on it. */
  readonly transactionId: string;
  /** When the payment happened, ISO 8601 with its offset. */
  readonly at: string;
}

/** Why a valid notification changed nothing. */
export type IgnoredReason = "already_paid" | "already_refused" | "cancelled" | "after_expiry";

/** What a notification did. In every case the platform may stop sending it (answer it with a success). */
export type NotificationOutcome =
  | {
      /** The result was recorded: the link is now PAID or REFUSED. */
      readonly outcome: "applied";
      /** The link as stored. */
      readonly link: StoredLink;
    }
  | {
      /** The same result, with the same transaction, was recorded before: nothing changed. */
      readonly outcome: "duplicate";
      /** The link as stored. */
      readonly link: StoredLink;
    }
  | {
      /** The notification is valid but would move the link backwards or came too late: nothing changed. */
      readonly outcome: "ignored";
      /** Why. */
      readonly reason: IgnoredReason;
      /** The link as stored. */
      readonly link: StoredLink;
    };

/** The notification settings with their defaults. Internal. */
export interface ResolvedNotifications {
  readonly secrets: readonly string[];
  readonly toleranceMs: number;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether a text is an ISO 8601 instant with its offset, of a day that exists (`Date` rolls 30 February over). */
function isInstant(text: string): boolean {
  if (!INSTANT.test(text) || Number.isNaN(new Date(text).getTime())) return false;
  const [year, month, day] = text.slice(0, 10).split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day && month >= 1 && month <= 12;
}

/** Reads the JSON body, or throws `invalid_request` naming every field that is wrong. */
function payloadOf(body: NotificationBody): {
  linkId: string;
  status: "PAID" | "REFUSED";
  transactionId: string;
  at: Date;
} {
  let parsed: unknown;
  try {
    parsed = JSON.parse(typeof body === "string" ? body : new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch {
    throw new PaylinksError("invalid_request", "The notification's body is not JSON", { details: { fields: "body" } });
  }
  const value = (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? parsed : {}) as Record<
    string,
    unknown
  >;
  const wrong: string[] = [];
  const text = (key: string, max: number): string => {
    const field = value[key];
    if (typeof field !== "string" || field === "" || field.length > max) wrong.push(key);
    return typeof field === "string" ? field : "";
  };
  const linkId = text("linkId", 256);
  const transactionId = text("transactionId", 256);
  const status = value.status;
  if (status !== "PAID" && status !== "REFUSED") wrong.push("status");
  const atText = text("at", 64);
  const at = new Date(atText);
  if (!wrong.includes("at") && !isInstant(atText)) wrong.push("at");
  const known = new Set(["linkId", "status", "transactionId", "at"]);
  for (const key of Object.keys(value)) if (!known.has(key)) wrong.push(key);
  if (parsed !== value) wrong.splice(0, wrong.length, "body");
  if (wrong.length > 0) {
    throw new PaylinksError("invalid_request", `The notification's ${wrong.join(", ")} is not valid`, {
      details: { fields: wrong.join(",") },
    });
  }
  return { linkId, status: status as "PAID" | "REFUSED", transactionId, at };
}

/** What a notification does to a link: nothing (and why), or the link with the result recorded. */
function decide(
  link: StoredLink,
  result: { status: "PAID" | "REFUSED"; transactionId: string; at: Date },
): { outcome: "duplicate" } | { outcome: "ignored"; reason: IgnoredReason } | { outcome: "applied"; next: StoredLink } {
  const { payment } = link;
  if (payment.transactionId === result.transactionId && payment.status === result.status)
    return { outcome: "duplicate" };
  if (payment.status === "PAID") return { outcome: "ignored", reason: "already_paid" };
  if (payment.status === "CANCELLED") return { outcome: "ignored", reason: "cancelled" };
  if (result.at.getTime() > link.expiresAt.getTime()) return { outcome: "ignored", reason: "after_expiry" };
  if (payment.status === "REFUSED" && result.status === "REFUSED")
    return { outcome: "ignored", reason: "already_refused" };
  // RUNNING, EXPIRED (paid before its expiry, notified after it) or REFUSED then PAID (the buyer tried again).
  return {
    outcome: "applied",
    next: withoutReminders({
      ...link,
      payment: { status: result.status, transactionId: result.transactionId, at: result.at },
      delivery: { ...link.delivery, nextAttemptAt: undefined },
    }),
  };
}

/**
 * Receives a signed payment notification: checks the signature first (nothing is read before), reads the body,
 * and records the result unless it would move the link backwards. Idempotent on the transaction id; a duplicate
 * or out-of-order notification changes nothing. Internal: the service's `receiveNotification`.
 */
export async function receiveNotification(
  context: ServiceContext,
  settings: ResolvedNotifications | undefined,
  notification: PaymentNotification,
): Promise<NotificationOutcome> {
  if (!settings) {
    throw new PaylinksError("invalid_context", "receiveNotification needs the notifications option (its secrets)");
  }
  const body = notification?.body;
  if (typeof body !== "string" && !(body instanceof Uint8Array)) {
    throw new PaylinksError("invalid_request", "The notification's body must be a string or bytes", {
      details: { fields: "body" },
    });
  }
  verifySignature(notification.signature, body, settings.secrets, context.clock.now(), settings.toleranceMs);
  const result = payloadOf(body);
  for (let round = 0; round < 5; round++) {
    const link = await loadLink(context, result.linkId);
    const decision = decide(link, result);
    if (decision.outcome !== "applied") return { ...decision, link };
    const now = context.clock.now();
    const next: StoredLink = { ...decision.next, version: link.version + 1, updatedAt: now };
    if (await storeCall("recording a payment notification", () => context.store.updateLink(next, link.version))) {
      context.events.emit(
        linkEvent(next, undefined, {
          type: result.status === "PAID" ? "paid" : "refused",
          transactionId: result.transactionId,
        }),
      );
      return { outcome: "applied", link: next };
    }
  }
  throw new PaylinksError(
    "concurrent_update",
    `Link ${result.linkId} kept changing; the notification was not recorded`,
    {
      details: { linkId: result.linkId, action: "receiveNotification" },
    },
  );
}
