import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import { withoutReminders } from "../reminder-state";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";

/** A payment result, as the payment platform reports it. */
export interface PaymentResult {
  /** Paid, or refused. */
  readonly status: "PAID" | "REFUSED";
  /** The platform's transaction id. */
  readonly transactionId?: string | undefined;
  /** When it happened; defaults to now. A payment after the link's expiry is refused. */
  readonly at?: Date | undefined;
}

/** Records a payment result on a running link; the same result twice is harmless. Internal: `recordPayment`. */
export function recordPayment(
  context: ServiceContext,
  linkId: string,
  result: PaymentResult,
  options: CallOptions,
): Promise<StoredLink> {
  const status = result?.status;
  return changeLink(
    context,
    linkId,
    "recordPayment",
    options,
    (link, now) => {
      const at = result.at ?? now;
      if (link.expiresAt.getTime() < at.getTime()) {
        throw new PaylinksError("invalid_transition", `Cannot record a payment on link ${link.id} after its expiry`, {
          details: { action: "recordPayment", status: "EXPIRED", linkId: link.id },
        });
      }
      return withoutReminders({
        ...link,
        payment: { status, transactionId: result.transactionId, at },
        delivery: { ...link.delivery, nextAttemptAt: undefined },
      });
    },
    (link) =>
      linkEvent(link, options.actor, {
        type: status === "PAID" ? "paid" : "refused",
        transactionId: link.payment.transactionId,
      }),
    {
      check: () => {
        if (status !== "PAID" && status !== "REFUSED") {
          throw new PaylinksError("invalid_request", "A payment result is PAID or REFUSED", {
            details: { status: String(status) },
          });
        }
      },
      // A payment platform may report the same result twice (a retried notification): that is no error.
      alreadyDone: (link) => link.payment.status === status && link.payment.transactionId === result.transactionId,
      at: result?.at,
    },
  );
}
