/**
 * Every payment status of a link, the one list the types, the stores' checks and the command line read:
 * `RUNNING` until it is paid, refused, expired or cancelled. A cancelled link can run again (reactivate); an
 * expired one too, when its expiry is moved (change the expiry).
 */
export const PAYMENT_STATUSES = ["RUNNING", "PAID", "REFUSED", "EXPIRED", "CANCELLED"] as const;

/** Where a link stands with the buyer: one of {@link PAYMENT_STATUSES}. */
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/**
 * Every delivery status of a link's e-mail: `PENDING` until it is sent or has failed for good. A resend makes it
 * `PENDING` again.
 */
export const DELIVERY_STATUSES = ["PENDING", "SENT", "FAILED"] as const;

/** Where a link's e-mail stands: one of {@link DELIVERY_STATUSES}. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Every outcome of one delivery attempt: accepted, failed for now (retried), or failed for good. */
export const ATTEMPT_OUTCOMES = ["sent", "transient", "permanent"] as const;

/** What happened to one delivery attempt: one of {@link ATTEMPT_OUTCOMES}. */
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];
