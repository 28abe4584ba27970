import type { StoredLink } from "../../ports/payment-order-records";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent, queuedAgain } from "./change-link";

/** Queues a running link's e-mail again. Internal: the service's `resend`. */
export function resendLink(context: ServiceContext, linkId: string, options: CallOptions): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "resend",
    options,
    (link, now) => ({ ...link, delivery: queuedAgain(link, now) }),
    (link) => linkEvent(link, options.actor, { type: "resent" }),
  );
}
