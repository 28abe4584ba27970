import type { Mode } from "../actor/actor";
import type { AdvancedParameters } from "../advanced/advanced-parameters";
import type { MessageTemplate } from "../message/message-template";
import type { PlannedLink, PlannedOrder } from "../order/payment-order-plan";
import type { AttemptOutcome, DeliveryStatus, PaymentStatus } from "./statuses";

export type { DeliveryStatus, PaymentStatus } from "./statuses";

/** An order as stored: the planned order, once, with how it was asked for; its links carry the state. */
export interface StoredOrder extends PlannedOrder {
  /** The caller's idempotency key, if one was given; unique per shop. */
  readonly idempotencyKey: string | undefined;
  /** A fingerprint of the request, to tell a retry from a different request with the same key. */
  readonly requestFingerprint: string | undefined;
}

/** Where a link stands with the buyer. */
export interface LinkPayment {
  /** The payment status: `RUNNING` until it is paid, refused, expired or cancelled. */
  readonly status: PaymentStatus;
  /** The payment's transaction id, once paid or refused. */
  readonly transactionId: string | undefined;
  /** When the payment result happened. */
  readonly at: Date | undefined;
}

/** Where a link's e-mail stands, and the delivery queue's bookkeeping. */
export interface LinkDelivery {
  /** The delivery status: `PENDING` until it is sent or has failed for good. */
  readonly status: DeliveryStatus;
  /** How many times the link's e-mail was queued: 1, then one more per resend or update. */
  readonly sendCount: number;
  /** Delivery attempts for the current send. */
  readonly attempts: number;
  /** When the link may next be tried; `undefined` when it is not waiting for delivery. */
  readonly nextAttemptAt: Date | undefined;
  /** The worker holding the delivery lease. */
  readonly leaseOwner: string | undefined;
  /** When the delivery lease ends; another worker may claim the link after that. */
  readonly leaseExpiresAt: Date | undefined;
  /** Why the last attempt failed. */
  readonly lastError: string | undefined;
  /** The Message-ID of the last e-mail sent. */
  readonly messageId: string | undefined;
  /** When the e-mail was last sent. */
  readonly sentAt: Date | undefined;
}

/**
 * Where a link's reminders stand (see the advanced parameters' `reminders`). The delivery queue claims a link
 * for its next reminder once its e-mail is `SENT` and `nextAt` has come.
 */
export interface LinkReminders {
  /** How many reminders went out. */
  readonly sent: number;
  /** When the next reminder (or the next attempt at it) is due; `undefined` when none is left. */
  readonly nextAt: Date | undefined;
  /** Attempts at the current reminder so far (0 until one fails for now). */
  readonly attempts: number;
  /** Why the last reminder attempt failed. */
  readonly lastError: string | undefined;
  /** When the last reminder went out. */
  readonly lastSentAt: Date | undefined;
}

/**
 * One payment link as stored: the planned link (its identity, blind copies and rendered e-mail), what it was made
 * of, and its two states, `payment` and `delivery`.
 */
export interface StoredLink extends PlannedLink {
  /** The order's id. */
  readonly orderId: string;
  /** The shop's id. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** The id of the actor who created the order. */
  readonly createdBy: string;
  /** The link's place in its order's recipient list, from 0: the order of `send`'s results. */
  readonly position: number;
  /** Amount in minor units (an update may change it). */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The buyer reference. */
  readonly buyerReference: string | undefined;
  /** Step 2 for this link (an update or an expiry change may change it). */
  readonly advanced: AdvancedParameters;
  /** Step 3 for this link. */
  readonly message: MessageTemplate;
  /** When the link expires. */
  readonly expiresAt: Date;
  /** When the link was created. */
  readonly createdAt: Date;
  /** When the link last changed. */
  readonly updatedAt: Date;
  /** Optimistic-concurrency version: 1 when created, one more at each change. */
  readonly version: number;
  /** When the buyer first opened the link (its token was looked up); `undefined` until then. */
  readonly openedAt: Date | undefined;
  /** Where the link stands with the buyer. */
  readonly payment: LinkPayment;
  /** Where its e-mail stands. */
  readonly delivery: LinkDelivery;
  /** Where its reminders stand; absent for a link without a reminder schedule. */
  readonly reminders?: LinkReminders | undefined;
}

/** One delivery attempt, as recorded. */
export interface DeliveryAttempt {
  /** The link. */
  readonly linkId: string;
  /** Which send of the link it belongs to (see {@link LinkDelivery.sendCount}). */
  readonly sendCount: number;
  /** 1 for the first attempt of a send. */
  readonly attempt: number;
  /** When it was made. */
  readonly at: Date;
  /** The worker that made it. */
  readonly worker: string;
  /** What happened: one of `ATTEMPT_OUTCOMES`. */
  readonly outcome: AttemptOutcome;
  /** The Message-ID, when sent. */
  readonly messageId: string | undefined;
  /** The error, when it failed. */
  readonly error: string | undefined;
  /** `"reminder"` for an attempt at a reminder; absent for the link's e-mail. */
  readonly kind?: "reminder" | undefined;
  /** Which reminder, from 1, when `kind` is `"reminder"`. */
  readonly reminder?: number | undefined;
}
