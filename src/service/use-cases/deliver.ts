import { PaylinksError } from "../../issues/paylinks-error";
import type { OutgoingMail } from "../../ports/mail-transport";
import type { LinkDelivery, StoredLink } from "../../ports/payment-order-records";
import type { ShopConfig } from "../../shop/shop-config";
import type { ServiceContext } from "../service-context";
import { storeCall } from "../store-call";

/** Options of `deliver`. */
export interface DeliverOptions {
  /** Only the links of this order. */
  readonly orderId?: string | undefined;
  /** Claim at most this many links in this call. */
  readonly limit?: number | undefined;
  /** E-mails sent at the same time; defaults to the service's `delivery.concurrency` (8). */
  readonly concurrency?: number | undefined;
  /** Stops claiming new links when aborted; the e-mails already on their way are finished. */
  readonly signal?: AbortSignal | undefined;
  /** Called after each link's attempt, with the running totals. */
  readonly onProgress?: ((progress: DeliveryProgress) => void) | undefined;
}

/** Running totals of a `deliver` call. */
export interface DeliveryProgress {
  /** Links whose e-mail was accepted. */
  readonly sent: number;
  /** Links that failed for good (a permanent error, or the last attempt). */
  readonly failed: number;
  /** Transient failures scheduled for another attempt. */
  readonly retried: number;
  /** Claimed links not sent because they were no longer running (cancelled, expired, paid). */
  readonly skipped: number;
}

/** What a `deliver` call did. */
export interface DeliveryReport extends DeliveryProgress {
  /** Whether links of the scope are still pending (due later, or held by another worker). */
  readonly pending: boolean;
}

type Outcome =
  | { readonly kind: "sent"; readonly messageId: string }
  | { readonly kind: "transient" | "permanent"; readonly error: string };

function classify(error: unknown): Outcome {
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const permanent = error instanceof PaylinksError && error.code === "delivery_failed" && error.transient === false;
  return { kind: permanent ? "permanent" : "transient", error: message || "unknown error" };
}

/** The Message-ID of one send of one link: the same at every attempt of that send. */
export function messageIdOf(
  link: Pick<StoredLink, "id"> & { readonly delivery: Pick<LinkDelivery, "sendCount"> },
  domain: string,
): string {
  return `<${link.id}.${link.delivery.sendCount}@${domain}>`;
}

function mailOf(link: StoredLink, shop: ShopConfig, domain: string): OutgoingMail {
  return {
    linkId: link.id,
    orderId: link.orderId,
    shopId: link.shopId,
    mode: link.mode,
    messageId: messageIdOf(link, domain),
    fromName: shop.name,
    replyTo: shop.contactEmail,
    to: link.recipient,
    bcc: link.bcc,
    subject: link.subject,
    text: link.text,
    html: link.html,
    language: link.advanced.language,
  };
}

/**
 * Claims due links and sends them with bounded concurrency, retrying transient failures with exponential
 * backoff and jitter, until nothing in scope is due within `maxWaitMs`. Internal: the service's `deliver`.
 */
export async function deliver(context: ServiceContext, options: DeliverOptions = {}): Promise<DeliveryReport> {
  const { store, queue, clock, delivery, workerId } = context;
  const transport = context.transport;
  if (!transport) {
    throw new PaylinksError(
      "invalid_context",
      "This service has no mail transport: pass one to createPaylinks to deliver",
    );
  }
  if (!queue) {
    throw new PaylinksError(
      "invalid_context",
      "This service has no delivery queue: its store is not one, so pass a queue to createPaylinks to deliver",
    );
  }
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? delivery.concurrency));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const totals = { sent: 0, failed: 0, retried: 0, skipped: 0 };
  const shops = new Map<string, Promise<ShopConfig>>();
  const inFlight = new Set<Promise<void>>();
  let fatal: unknown;
  let claimedTotal = 0;
  let idleSpins = 0;

  const shopOf = (shopId: string): Promise<ShopConfig> => {
    let shop = shops.get(shopId);
    if (!shop) {
      shop = context.findShop(shopId);
      shops.set(shopId, shop);
    }
    return shop;
  };

  /** Applies a change to the link as stored now, unless another worker or a new send took it over. */
  const finish = async (
    claimed: StoredLink,
    change: (current: StoredLink) => StoredLink,
    sent = false,
  ): Promise<StoredLink | undefined> => {
    for (let round = 0; round < 5; round++) {
      // The link as claimed is usually still current: write over it, and read it again only when that fails.
      const current = round === 0 ? claimed : await storeCall("reading a link", () => store.getLink(claimed.id));
      if (!current || current.delivery.sendCount !== claimed.delivery.sendCount) return undefined;
      // A lease that ran out during the send lets another worker take the link. A failure is then its to
      // record; a success is recorded all the same while the link still waits, so that a send slower than the
      // lease cannot make workers send the same link again and again.
      const lost = current.delivery.leaseOwner !== workerId;
      if (lost && !(sent && current.delivery.status === "PENDING")) return undefined;
      const next = { ...change(current), version: current.version + 1, updatedAt: clock.now() };
      if (await storeCall("recording a delivery", () => store.updateLink(next, current.version))) return next;
    }
    throw new PaylinksError("concurrent_update", `Link ${claimed.id} kept changing while its delivery was recorded`, {
      details: { linkId: claimed.id, action: "deliver" },
    });
  };

  /** The delivery state once a worker is done with a link for now: no lease, not waiting unless told. */
  const released = (current: StoredLink, fields: Partial<LinkDelivery>): StoredLink => ({
    ...current,
    delivery: {
      ...current.delivery,
      nextAttemptAt: undefined,
      leaseOwner: undefined,
      leaseExpiresAt: undefined,
      ...fields,
    },
  });

  const process = async (link: StoredLink): Promise<void> => {
    const started = clock.now();
    if (link.payment.status !== "RUNNING" || link.expiresAt.getTime() < started.getTime()) {
      await finish(link, (current) => released(current, {}));
      totals.skipped++;
      options.onProgress?.({ ...totals });
      return;
    }
    const shop = await shopOf(link.shopId).catch((error: unknown) => {
      // A shop that is no longer configured fails its links, not the whole delivery.
      if (error instanceof PaylinksError && error.code === "not_found") return undefined;
      throw error;
    });
    const attempt = link.delivery.attempts + 1;
    let outcome: Outcome;
    if (!shop) outcome = { kind: "permanent", error: `unknown shop ${link.shopId}` };
    else {
      const mail = mailOf(link, shop, context.messageIdDomain);
      try {
        const sent = await transport.send(mail);
        outcome = { kind: "sent", messageId: sent?.messageId || mail.messageId };
      } catch (error) {
        outcome = classify(error);
      }
    }
    const at = clock.now();
    await storeCall("recording a delivery attempt", () =>
      queue.recordAttempt({
        linkId: link.id,
        sendCount: link.delivery.sendCount,
        attempt,
        at,
        worker: workerId,
        outcome: outcome.kind,
        messageId: outcome.kind === "sent" ? outcome.messageId : undefined,
        error: outcome.kind === "sent" ? undefined : outcome.error,
      }),
    );
    const last = attempt >= delivery.maxAttempts;
    // The attempt is recorded first: a link is never SENT without its attempt.
    const updated = await finish(
      link,
      (current) => {
        if (outcome.kind === "sent") {
          return released(current, {
            status: "SENT",
            attempts: attempt,
            messageId: outcome.messageId,
            sentAt: at,
            lastError: undefined,
          });
        }
        if (outcome.kind === "transient" && !last) {
          const exponential = Math.min(delivery.maxDelayMs, delivery.baseDelayMs * 2 ** (attempt - 1));
          const delay = exponential / 2 + delivery.random() * (exponential / 2);
          return released(current, {
            attempts: attempt,
            lastError: outcome.error,
            nextAttemptAt: new Date(at.getTime() + delay),
          });
        }
        const reason = outcome.kind === "transient" ? `${outcome.error} (after ${attempt} attempts)` : outcome.error;
        return released(current, { status: "FAILED", attempts: attempt, lastError: reason });
      },
      outcome.kind === "sent",
    );
    if (!updated) return;
    const base = {
      at: updated.updatedAt,
      linkId: updated.id,
      orderId: updated.orderId,
      shopId: updated.shopId,
      mode: updated.mode,
      actorId: undefined,
    };
    if (updated.delivery.status === "SENT") {
      totals.sent++;
      context.events.emit({ ...base, type: "sent", messageId: updated.delivery.messageId as string, attempt });
    } else if (updated.delivery.status === "FAILED") {
      totals.failed++;
      context.events.emit({
        ...base,
        type: "delivery_failed",
        error: updated.delivery.lastError ?? "",
        attempts: attempt,
      });
    } else totals.retried++;
    options.onProgress?.({ ...totals });
  };

  while (fatal === undefined && !options.signal?.aborted) {
    const room = Math.min(concurrency - inFlight.size, limit - claimedTotal);
    if (room > 0) {
      const now = clock.now();
      const claimed = await storeCall("claiming links", () =>
        queue.claimDueLinks({
          now,
          worker: workerId,
          leaseUntil: new Date(now.getTime() + delivery.leaseMs),
          limit: room,
          orderId: options.orderId,
        }),
      ).catch((error: unknown) => {
        fatal = error;
        return [] as StoredLink[];
      });
      claimedTotal += claimed.length;
      for (const link of claimed) {
        const task: Promise<void> = process(link)
          .catch((error: unknown) => {
            fatal ??= error;
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      }
      if (claimed.length > 0) {
        idleSpins = 0;
        continue;
      }
    }
    if (inFlight.size > 0) {
      await Promise.race(inFlight);
      continue;
    }
    if (fatal !== undefined || claimedTotal >= limit) break;
    const next = await storeCall("looking for pending links", () => queue.nextDueAt(options.orderId));
    if (next === undefined) break;
    const wait = next.getTime() - clock.now().getTime();
    if (wait > delivery.maxWaitMs) break;
    idleSpins = wait <= 0 ? idleSpins + 1 : 0;
    await clock.sleep(idleSpins > 1 ? 10 : Math.min(Math.max(0, wait), delivery.pollMs), options.signal);
  }
  await Promise.all(inFlight);
  if (fatal !== undefined) throw fatal;
  const pending = (await storeCall("looking for pending links", () => queue.nextDueAt(options.orderId))) !== undefined;
  return { ...totals, pending };
}
