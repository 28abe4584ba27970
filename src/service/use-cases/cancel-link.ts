import type { StoredLink } from "../../ports/payment-order-records";
import { withoutReminders } from "../reminder-state";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";

/** Cancels a running link: the buyer can no longer pay. Internal: the service's `cancel`. */
export function cancelLink(context: ServiceContext, linkId: string, options: CallOptions): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "cancel",
    options,
    (link) =>
      withoutReminders({
        ...link,
        payment: { ...link.payment, status: "CANCELLED" },
        delivery: { ...link.delivery, nextAttemptAt: undefined },
      }),
    (link) => linkEvent(link, options.actor, { type: "cancelled" }),
  );
}
