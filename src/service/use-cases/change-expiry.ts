import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import { advancedInput } from "../records";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";
import { rerenderLink } from "./rerender-link";

/** A new expiry: a number of days from now, or an instant. */
export interface ExpiryChange {
  /** Days of validity from now. */
  readonly validityDays?: number;
  /** The new expiry instant. */
  readonly expiresAt?: Date | string;
}

/**
 * Moves the expiry of a running or expired link (reopening an expired one); nothing is sent. Internal: the
 * service's `changeExpiry`.
 */
export function changeExpiry(
  context: ServiceContext,
  linkId: string,
  expiry: ExpiryChange,
  options: CallOptions,
): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "changeExpiry",
    options,
    async (link, now) => {
      const given = { validityDays: expiry?.validityDays, expiresAt: expiry?.expiresAt };
      if (given.validityDays === undefined && given.expiresAt === undefined) {
        throw new PaylinksError("invalid_request", "Give validityDays or expiresAt");
      }
      const edited = await rerenderLink(
        context,
        link,
        { advanced: { ...advancedInput(link), ...given } },
        options,
        now,
      );
      // The delivery state stays as it is: nothing is sent. A link waiting for delivery is scheduled again.
      const reopened = link.delivery.status === "PENDING" && link.delivery.nextAttemptAt === undefined;
      return {
        ...edited,
        payment: { ...edited.payment, status: "RUNNING" },
        delivery: reopened ? { ...edited.delivery, nextAttemptAt: now } : edited.delivery,
      };
    },
    (link) => linkEvent(link, options.actor, { type: "expiry_changed", expiresAt: link.expiresAt }),
  );
}
