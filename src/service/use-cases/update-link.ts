import { PaylinksError } from "../../issues/paylinks-error";
import type { StoredLink } from "../../ports/payment-order-records";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent, queuedAgain } from "./change-link";
import { type LinkChanges, rerenderLink } from "./rerender-link";

/** Edits a running or expired link and queues its e-mail again. Internal: the service's `update`. */
export function updateLink(
  context: ServiceContext,
  linkId: string,
  changes: LinkChanges,
  options: CallOptions,
): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "update",
    options,
    async (link, now) => {
      const edited = await rerenderLink(context, link, changes ?? {}, options, now);
      return { ...edited, payment: { ...edited.payment, status: "RUNNING" }, delivery: queuedAgain(link, now) };
    },
    (link) => linkEvent(link, options.actor, { type: "updated" }),
    {
      check: () => {
        if (changes?.channel !== undefined && changes.channel !== "email") {
          throw new PaylinksError("invalid_request", "The channel of a link cannot change", {
            details: { channel: String(changes.channel) },
          });
        }
      },
    },
  );
}
