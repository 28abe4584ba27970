import type { Mode } from "../actor/actor";
import type { AdvancedParameters } from "../advanced/advanced-parameters";
import type { MessageTemplate } from "../message/message-template";
import type { AttemptOutcome, DeliveryStatus, PaymentStatus } from "./statuses";

export type { DeliveryStatus, PaymentStatus } from "./statuses";

/** An order as stored: what the merchant sent, once; its links carry the state. */
export interface StoredOrder {
  /** The order's id. */
  readonly id: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** The shop's id. */
  readonly shopId: string;
  /** Amount in minor units, as created. */
  readonly amount: number;
  /** ISO 4217 code. */
  readonly currency: string;
  /** The base reference, before suffixes. */
  readonly reference: string | undefined;
  /** The buyer reference. */
  readonly buyerReference: string | undefined;
  /** Step 2 as created. */
  readonly advanced: AdvancedParameters;
  /** Step 3 as created. */
  readonly message: MessageTemplate;
  /** The blind copies of every link. */
  readonly bcc: readonly string[];
  /** When it was created. */
  readonly createdAt: Date;
  /** The id of the actor who created it. */
  readonly createdBy: string;
  /** The number of links. */
  readonly linkCount: number;
  /** The caller's idempotency key, if one was given; unique per shop. */
  readonly idempotencyKey: string | undefined;
  /** A fingerprint of the request, to tell a retry from a different request with the same key. */
  readonly requestFingerprint: string | undefined;
}

/** One payment link as stored, with its two statuses and its delivery bookkeeping. */
export interface StoredLink {
  /** The link's id. */
  readonly id: string;
  /** The order's id. */
  readonly orderId: string;
  /** The shop's id. */
  readonly shopId: string;
  /** PRODUCTION or TEST. */
  readonly mode: Mode;
  /** The id of the actor who created the order. */
  readonly createdBy: string;
  /** Secret token of the link's URL. */
  readonly token: string;
  /** The payment page URL. */
  readonly url: string;
  /** The final reference. */
  readonly reference: string | undefined;
  /** The buyer's address. */
  readonly recipient: string;
  /** The link's place in its order's recipient list, from 0: the order of `send`'s results. */
  readonly position: number;
  /** Blind-copy addresses. */
  readonly bcc: readonly string[];
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
  /** The rendered e-mail subject. */
  readonly subject: string;
  /** The rendered plain-text part. */
  readonly text: string;
  /** The rendered HTML part. */
  readonly html: string;
  /** Payment status. */
  readonly paymentStatus: PaymentStatus;
  /** Delivery status. */
  readonly deliveryStatus: DeliveryStatus;
  /** When the link expires. */
  readonly expiresAt: Date;
  /** When the link was created. */
  readonly createdAt: Date;
  /** When the link last changed. */
  readonly updatedAt: Date;
  /** Optimistic-concurrency version: 1 when created, one more at each change. */
  readonly version: number;
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
  /** The payment's transaction id, once paid or refused. */
  readonly transactionId: string | undefined;
  /** When the payment result happened. */
  readonly paymentAt: Date | undefined;
}

/** One delivery attempt, as recorded. */
export interface DeliveryAttempt {
  /** The link. */
  readonly linkId: string;
  /** Which send of the link it belongs to (see {@link StoredLink.sendCount}). */
  readonly sendCount: number;
  /** 1 for the first attempt of a send. */
  readonly attempt: number;
  /** When it was made. */
  readonly at: Date;
  /** The worker that made it. */
  readonly worker: string;
  /** What happened. */
  readonly outcome: AttemptOutcome;
  /** The Message-ID, when sent. */
  readonly messageId: string | undefined;
  /** The error, when it failed. */
  readonly error: string | undefined;
}
