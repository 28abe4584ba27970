import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import { rescheduled } from "../reminder-state";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";

/** Makes a cancelled link run again, before its expiry. Internal: the service's `reactivate`. */
export function reactivateLink(context: ServiceContext, linkId: string, options: CallOptions): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "reactivate",
    options,
    async (link, now) => {
      if (link.expiresAt.getTime() < now.getTime()) {
        throw new PaylinksError("invalid_transition", `Cannot reactivate link ${link.id}: it has expired`, {
          details: { action: "reactivate", status: "CANCELLED", reason: "expired", linkId: link.id },
        });
      }
      const waiting = link.delivery.status === "PENDING";
      const running: StoredLink = {
        ...link,
        payment: { ...link.payment, status: "RUNNING" },
        delivery: waiting ? { ...link.delivery, nextAttemptAt: now } : link.delivery,
      };
      // The reminders still in the future are due again; those whose time passed while cancelled are skipped.
      if (running.advanced.reminders === undefined) return running;
      const shop = await context.findShop(link.shopId);
      return rescheduled(running, shop.timezone, now);
    },
    (link) => linkEvent(link, options.actor, { type: "reactivated" }),
  );
}
