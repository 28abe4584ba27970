import type { Actor } from "../../actor/actor";
import { PaylinksError } from "../../issues/paylinks-error";
import type { LinkDelivery, StoredLink } from "../../ports/payment-order-records";
import { authorize, scopeOf } from "../authorize";
import type { LinkEventBase, PaylinksEvent } from "../events";
import type { CallOptions, ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { assertTransition, type LinkAction } from "../transitions";

/** Optional rules of {@link changeLink}. Internal. */
export interface ChangeLinkExtra {
  /** Checks the call's own arguments, after the actor's rights and before the link is read. */
  readonly check?: (() => void) | undefined;
  /** When the action is already done on the link (a retried call), nothing is written and the link returned. */
  readonly alreadyDone?: ((link: StoredLink) => boolean) | undefined;
  /** The instant the transition is judged at (a payment's own instant), instead of now. */
  readonly at?: Date | undefined;
}

/** Reads a link, or throws `not_found`. Internal. */
export async function loadLink(context: ServiceContext, linkId: string): Promise<StoredLink> {
  if (typeof linkId !== "string" || linkId === "") {
    throw new PaylinksError("not_found", "No link id given", { details: { linkId: String(linkId) } });
  }
  const link = await storeCall("reading a link", () => context.store.getLink(linkId));
  if (!link) throw new PaylinksError("not_found", `Unknown link ${linkId}`, { details: { linkId } });
  return link;
}

/**
 * Reads a link for an actor: its own rights first (so that an actor without them cannot tell which ids exist),
 * then the link's shop, mode and creator. Internal.
 */
export async function loadLinkFor(
  context: ServiceContext,
  linkId: string,
  action: string,
  actor: Actor,
): Promise<StoredLink> {
  authorize(actor, action);
  const link = await loadLink(context, linkId);
  authorize(actor, action, scopeOf(link));
  return link;
}

/**
 * Runs one action on one link: checks the actor, reads the link, checks the actor's rights on it and the
 * transition, computes the new link, and writes it if nobody changed it meanwhile (re-reading and retrying a few
 * times otherwise). Nothing is written when a check fails. The event is emitted after the write. Internal.
 */
export async function changeLink(
  context: ServiceContext,
  linkId: string,
  action: LinkAction,
  options: CallOptions,
  change: (link: StoredLink, now: Date) => StoredLink | Promise<StoredLink>,
  event: (link: StoredLink) => PaylinksEvent | undefined,
  extra: ChangeLinkExtra = {},
): Promise<StoredLink> {
  authorize(options?.actor, action);
  extra.check?.();
  for (let round = 0; round < 5; round++) {
    const link = await loadLink(context, linkId);
    authorize(options.actor, action, scopeOf(link));
    if (extra.alreadyDone?.(link)) return link;
    const now = context.clock.now();
    assertTransition(link, action, extra.at ?? now);
    const changed = await change(link, now);
    const next: StoredLink = { ...changed, version: link.version + 1, updatedAt: now };
    if (await storeCall(`recording ${action}`, () => context.store.updateLink(next, link.version))) {
      const emitted = event(next);
      if (emitted) context.events.emit(emitted);
      return next;
    }
  }
  throw new PaylinksError("concurrent_update", `Link ${linkId} kept changing; ${action} was not recorded`, {
    details: { linkId, action },
  });
}

/** The common fields of a link event. */
function eventBase(link: StoredLink, actor: Actor | undefined): LinkEventBase {
  return {
    at: link.updatedAt,
    linkId: link.id,
    orderId: link.orderId,
    shopId: link.shopId,
    mode: link.mode,
    actorId: actor?.id,
  };
}

/**
 * A link event: its common fields, then `fields`, in that order (the order of a webhook body's keys). The fields
 * are assigned onto the common ones rather than spread into a new literal: on Node 20's V8 a literal that spreads
 * an object and then adds fields costs about 1 µs a field, and delivery emits an event for every e-mail. Internal.
 */
export function linkEvent<const T extends object>(
  link: StoredLink,
  actor: Actor | undefined,
  fields: T,
): LinkEventBase & T {
  return Object.assign(eventBase(link, actor), fields);
}

/** The delivery state that queues a link's e-mail again (resend, update): a new send, due now. Internal. */
export function queuedAgain(link: StoredLink, now: Date): LinkDelivery {
  return {
    ...link.delivery,
    status: "PENDING",
    sendCount: link.delivery.sendCount + 1,
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: undefined,
    leaseExpiresAt: undefined,
    lastError: undefined,
  };
}
