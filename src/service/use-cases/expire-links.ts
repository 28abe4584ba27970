import { PaylinksError } from "../../issues/paylinks-error";
import type { LinkFilter } from "../../ports/order-store";
import type { StoredLink } from "../../ports/payment-order-records";
import { withoutReminders } from "../reminder-state";
import type { ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { assertTransition } from "../transitions";
import { linkEvent, loadLink } from "./change-link";

/** What one run of {@link expireLinks} covers, and how it writes each link. Internal. */
export interface ExpiryRun {
  /** Narrows the links looked at: an actor's visibility, or nothing for every shop. */
  readonly scope: LinkFilter;
  /** Expire at most this many links. */
  readonly limit: number;
  /** Stops between two links when aborted. */
  readonly signal?: AbortSignal | undefined;
  /**
   * Writes `EXPIRED` on one listed link, and emits its event; throws `invalid_transition` when the link can no
   * longer expire (paid, cancelled or expired in the meantime).
   */
  readonly expire: (link: StoredLink) => Promise<unknown>;
}

/** A link as it is once expired: `EXPIRED`, and no longer waiting for a delivery attempt. Internal. */
export function expiredState(current: StoredLink): StoredLink {
  return withoutReminders({
    ...current,
    payment: { ...current.payment, status: "EXPIRED" },
    delivery: { ...current.delivery, nextAttemptAt: undefined },
  });
}

/**
 * The expiry loop that `expireDue` and the worker share: lists the running links of the scope whose expiry has
 * passed, a page at a time, and expires each one, up to the limit. A link that changed meanwhile so that it can no
 * longer expire is not an error. Internal.
 *
 * @returns How many links it marked `EXPIRED`.
 */
export async function expireLinks(context: ServiceContext, run: ExpiryRun): Promise<number> {
  const now = context.clock.now();
  let expired = 0;
  let cursor: string | undefined;
  do {
    const page = await storeCall("listing expired links", () =>
      context.store.listLinks(
        { ...run.scope, paymentStatuses: ["RUNNING"], expiresBefore: now },
        { limit: 500, cursor },
      ),
    );
    for (const link of page.links) {
      if (expired >= run.limit || run.signal?.aborted) break;
      try {
        await run.expire(link);
        expired++;
      } catch (error) {
        // A link paid, cancelled or already expired in the meantime is not an error here.
        if (!(error instanceof PaylinksError && error.code === "invalid_transition")) throw error;
      }
    }
    cursor = expired >= run.limit || run.signal?.aborted ? undefined : page.nextCursor;
  } while (cursor !== undefined);
  return expired;
}

/**
 * Expires one link for the service itself (the worker), with no actor: the transition is checked, the write is
 * checked against the version (re-reading the link and trying again a few times when it changed), and the
 * `expired` event has no `actorId`. Internal.
 *
 * @throws {@link PaylinksError} `invalid_transition` when the link can no longer expire.
 */
export async function expireUnattended(context: ServiceContext, listed: StoredLink): Promise<void> {
  for (let round = 0; round < 5; round++) {
    // The listed link is usually still current: write over it, and read it again only when that fails.
    const link = round === 0 ? listed : await loadLink(context, listed.id);
    const now = context.clock.now();
    assertTransition(link, "expire", now);
    const next: StoredLink = { ...expiredState(link), version: link.version + 1, updatedAt: now };
    if (await storeCall("recording expire", () => context.store.updateLink(next, link.version))) {
      context.events.emit(linkEvent(next, undefined, { type: "expired" }));
      return;
    }
  }
  throw new PaylinksError("concurrent_update", `Link ${listed.id} kept changing; expire was not recorded`, {
    details: { linkId: listed.id, action: "expire" },
  });
}
