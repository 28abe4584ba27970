import { PaylinksError } from "../../issues/paylinks-error";
import type { LinkFilter, LinkPage } from "../../ports/order-store";
import { authorize, visibleTo } from "../authorize";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";

/** A page to list. */
export interface ListPage {
  /**
   * Links per page, 1 to 1000.
   * @defaultValue 50
   */
  readonly limit?: number | undefined;
  /** The `nextCursor` of the previous page. */
  readonly cursor?: string | undefined;
}

/**
 * Lists the links of a filter the actor may see, a page at a time. Shops, modes and a creator asked for must be
 * within the actor's rights (else `forbidden`); left out, they are the actor's. Internal: the service's
 * `listLinks`.
 */
export async function listLinks(
  context: ServiceContext,
  filter: LinkFilter,
  page: ListPage | undefined,
  options: CallOptions,
): Promise<LinkPage> {
  const { actor } = options;
  const wanted = filter ?? {};
  authorize(actor, "listLinks", { shopIds: wanted.shopIds, modes: wanted.modes, createdBy: wanted.createdBy });
  const asked = page?.limit ?? 50;
  if (typeof asked !== "number" || Number.isNaN(asked)) {
    throw new PaylinksError("invalid_request", "The page limit must be a number", {
      details: { limit: String(asked) },
    });
  }
  const limit = Math.min(1000, Math.max(1, Math.floor(asked)));
  const rights = visibleTo(actor);
  const storeFilter: LinkFilter = {
    shopIds: wanted.shopIds ?? rights.shopIds,
    modes: wanted.modes ?? rights.modes,
    orderId: wanted.orderId,
    paymentStatuses: wanted.paymentStatuses,
    deliveryStatuses: wanted.deliveryStatuses,
    referencePrefix: wanted.referencePrefix,
    recipient: wanted.recipient,
    createdFrom: wanted.createdFrom,
    createdTo: wanted.createdTo,
    createdBy: rights.createdBy ?? wanted.createdBy,
    expiresBefore: wanted.expiresBefore,
  };
  return storeCall("listing links", () => context.store.listLinks(storeFilter, { limit, cursor: page?.cursor }));
}
