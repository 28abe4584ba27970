import { authorize, visibleTo } from "../authorize";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";
import { expiredState, expireLinks } from "./expire-links";

/** Options of `expireDue`. */
export interface ExpireDueOptions extends CallOptions {
  /** Expire at most this many links in this call. */
  readonly limit?: number | undefined;
}

/** What `expireDue` did. */
export interface ExpireDueResult {
  /** How many links it marked `EXPIRED`. */
  readonly expired: number;
}

/**
 * Marks every running link the actor may see whose expiry has passed as `EXPIRED`. Internal: the service's
 * `expireDue`.
 */
export async function expireDue(context: ServiceContext, options: ExpireDueOptions): Promise<ExpireDueResult> {
  const { actor } = options;
  authorize(actor, "expireDue");
  const expired = await expireLinks(context, {
    scope: visibleTo(actor),
    limit: options.limit ?? Number.POSITIVE_INFINITY,
    expire: (link) =>
      changeLink(context, link.id, "expire", options, expiredState, (current) =>
        linkEvent(current, actor, {
          type: "expired",
        }),
      ),
  });
  return { expired };
}
