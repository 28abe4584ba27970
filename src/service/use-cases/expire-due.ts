import { PaylinksError } from "../../issues/paylinks-error";
import { authorize, visibleTo } from "../authorize";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { changeLink, eventBase } from "./change-link";

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
  const now = context.clock.now();
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  let expired = 0;
  let cursor: string | undefined;
  do {
    const page = await storeCall("listing expired links", () =>
      context.store.listLinks(
        { ...visibleTo(actor), paymentStatuses: ["RUNNING"], expiresBefore: now },
        { limit: 500, cursor },
      ),
    );
    for (const link of page.links) {
      if (expired >= limit) break;
      try {
        await changeLink(
          context,
          link.id,
          "expire",
          options,
          (current) => ({
            ...current,
            payment: { ...current.payment, status: "EXPIRED" },
            delivery: { ...current.delivery, nextAttemptAt: undefined },
          }),
          (current) => ({ ...eventBase(current, actor), type: "expired" }),
        );
        expired++;
      } catch (error) {
        // A link paid, cancelled or already expired in the meantime is not an error here.
        if (!(error instanceof PaylinksError && error.code === "invalid_transition")) throw error;
      }
    }
    cursor = expired >= limit ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return { expired };
}
