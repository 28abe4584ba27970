import { PaylinksError } from "../issues/paylinks-error";
import type { PaymentStatus, StoredLink } from "../ports/payment-order-records";

/** The actions on a link and the payment statuses each one starts from. */
export const ALLOWED_FROM: {
  /** Resend the e-mail: running links only. */
  readonly resend: readonly ["RUNNING"];
  /** Edit and resend: running links, or expired ones given a new expiry. */
  readonly update: readonly ["RUNNING", "EXPIRED"];
  /** Move the expiry: running links, or expired ones, which run again. */
  readonly changeExpiry: readonly ["RUNNING", "EXPIRED"];
  /** Cancel: running links only. */
  readonly cancel: readonly ["RUNNING"];
  /** Run again: cancelled links, before their expiry. */
  readonly reactivate: readonly ["CANCELLED"];
  /** Record a payment result: running links, at or before their expiry. */
  readonly recordPayment: readonly ["RUNNING"];
  /** Set the reminder schedule: running links only. */
  readonly changeReminders: readonly ["RUNNING"];
  /** Mark as expired (expireDue): links stored as running whose expiry has passed. */
  readonly expire: readonly ["EXPIRED"];
} = {
  resend: ["RUNNING"],
  update: ["RUNNING", "EXPIRED"],
  changeExpiry: ["RUNNING", "EXPIRED"],
  cancel: ["RUNNING"],
  reactivate: ["CANCELLED"],
  recordPayment: ["RUNNING"],
  changeReminders: ["RUNNING"],
  expire: ["EXPIRED"],
};

/** An action on an existing link. */
export type LinkAction = keyof typeof ALLOWED_FROM;

/**
 * A link's payment status at an instant: a `RUNNING` link whose expiry has passed is `EXPIRED`, even before
 * `expireDue` has recorded it. Internal.
 */
export function effectiveStatus(link: StoredLink, at: Date): PaymentStatus {
  return link.payment.status === "RUNNING" && link.expiresAt.getTime() < at.getTime() ? "EXPIRED" : link.payment.status;
}

/** Throws `invalid_transition` unless the action may start from the link's status at `at`. Internal. */
export function assertTransition(link: StoredLink, action: LinkAction, at: Date): void {
  const status = effectiveStatus(link, at);
  // expire applies to links still stored as RUNNING: one already stored as EXPIRED is not expired again.
  const storedAlready = action === "expire" && link.payment.status !== "RUNNING";
  if (storedAlready || !(ALLOWED_FROM[action] as readonly PaymentStatus[]).includes(status)) {
    throw new PaylinksError("invalid_transition", `Cannot ${action} link ${link.id}: its payment status is ${status}`, {
      details: { action, status, linkId: link.id },
    });
  }
}
