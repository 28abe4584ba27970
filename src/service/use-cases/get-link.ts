import type { StoredLink } from "../../ports/payment-order-records";
import type { CallOptions, ServiceContext } from "../service-context";
import { loadLinkFor } from "./change-link";

/** Reads a link the actor may see. Internal: the service's `getLink`. */
export function getLink(context: ServiceContext, linkId: string, options: CallOptions): Promise<StoredLink> {
  return loadLinkFor(context, linkId, "getLink", options?.actor);
}
