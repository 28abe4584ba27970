import type { Actor } from "../actor/actor";
import type { AdvancedParametersInput } from "../advanced/advanced-parameters";
import { PaylinksError } from "../issues/paylinks-error";
import type { MessageTemplate } from "../message/message-template";
import { planPaymentOrder } from "../order/plan-payment-order";
import type { StoredLink } from "../ports/payment-order-records";
import type { PaylinksEvent } from "./events";
import { authorize, authorizeBase } from "./permissions";
import { advancedInput } from "./records";
import type { CallOptions, ServiceContext } from "./service-context";
import { storeCall } from "./store-call";
import { assertTransition, type LinkAction } from "./transitions";

/** Optional rules of {@link changeLink}. Internal. */
export interface ChangeLinkExtra {
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
 * Runs one action on one link: reads it, checks the actor and the transition, computes the new link, and
 * writes it if nobody changed it meanwhile (re-reading and retrying a few times otherwise). Nothing is written
 * when a check fails. The event is emitted after the write. Internal.
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
  authorizeBase(options.actor, action);
  for (let round = 0; round < 5; round++) {
    const link = await loadLink(context, linkId);
    authorize(options.actor, action, { shopId: link.shopId, mode: link.mode, createdBy: link.createdBy });
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

/** The common fields of a link event. Internal. */
export function eventBase(link: StoredLink, actor: Actor | undefined) {
  return {
    at: link.updatedAt,
    linkId: link.id,
    orderId: link.orderId,
    shopId: link.shopId,
    mode: link.mode,
    actorId: actor?.id,
  };
}

/** The fields of a link that `update` may change. */
export interface LinkChanges {
  /** New amount, in minor units. */
  readonly amount?: number | undefined;
  /** New currency. */
  readonly currency?: string | undefined;
  /** New recipient address. */
  readonly recipient?: string | undefined;
  /** New buyer reference; `null` removes it. */
  readonly buyerReference?: string | null | undefined;
  /** Changed advanced parameters; the expiry stays as it is unless `validityDays` or `expiresAt` is given. */
  readonly advanced?: AdvancedParametersInput | undefined;
  /** A new message template. */
  readonly message?: MessageTemplate | undefined;
  /** The channel cannot change: anything but `"email"` is refused. */
  readonly channel?: "email" | undefined;
}

/**
 * Validates a link as edited and renders its e-mail again, keeping its id, token, URL and reference, through
 * the same plan as a new order. Internal.
 */
export async function replan(
  context: ServiceContext,
  link: StoredLink,
  changes: LinkChanges,
  options: CallOptions,
  now: Date,
): Promise<StoredLink> {
  const shop = await context.findShop(link.shopId);
  const keepsExpiry = changes.advanced?.validityDays === undefined && changes.advanced?.expiresAt === undefined;
  const advanced: AdvancedParametersInput = {
    ...advancedInput(link),
    ...changes.advanced,
    ...(keepsExpiry ? { expiresAt: link.expiresAt } : {}),
  };
  const ids = [link.orderId, link.id, link.token];
  let next = 0;
  const result = planPaymentOrder(
    {
      link: {
        shopId: link.shopId,
        mode: link.mode,
        amount: changes.amount ?? link.amount,
        currency: changes.currency ?? link.currency,
        orderReference: link.reference,
        recipients: [changes.recipient ?? link.recipient],
        buyerReference: changes.buyerReference === null ? undefined : (changes.buyerReference ?? link.buyerReference),
        channel: changes.channel ?? "email",
        bcc: { addresses: [...link.bcc] },
      },
      advanced,
      message: changes.message ?? link.message,
    },
    {
      shop,
      actor: options.actor,
      now,
      generateId: () => ids[next++] ?? context.generateId(),
      paymentUrl: () => link.url,
      locale: options.locale,
    },
  );
  if (!result.ok) {
    throw new PaylinksError("invalid_request", `The change has ${result.issues.length} issue(s)`, {
      issues: result.issues,
    });
  }
  const planned = result.value.links[0];
  const order = result.value.order;
  if (!planned) throw new PaylinksError("invalid_request", "The change leaves the link without a recipient");
  return {
    ...link,
    recipient: planned.recipient,
    amount: order.amount,
    currency: order.currency,
    buyerReference: order.buyerReference,
    advanced: order.advanced,
    message: order.message,
    subject: planned.subject,
    text: planned.text,
    html: planned.html,
    expiresAt: order.expiresAt,
  };
}

/** The fields that queue a link's e-mail again (resend, update). Internal. */
export function queuedAgain(link: StoredLink, now: Date): Partial<StoredLink> {
  return {
    deliveryStatus: "PENDING",
    sendCount: link.sendCount + 1,
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: undefined,
    leaseExpiresAt: undefined,
    lastError: undefined,
  };
}
