import { PaylinksError } from "../../issues/paylinks-error";
import type { OutgoingMail } from "../../ports/mail-transport";
import type { LinkDelivery, LinkReminders, StoredLink } from "../../ports/payment-order-records";
import { nextReminderAt } from "../../reminders/reminder-dates";
import { renderReminder } from "../../reminders/render-reminder";
import type { ShopConfig } from "../../shop/shop-config";
import { createCompletionWriter } from "../delivery/completion-writer";
import { defaultPrefetch } from "../delivery/default-prefetch";
import { withoutReminders } from "../reminder-state";
import type { ServiceContext } from "../service-context";
import { storeCall } from "../store-call";
import { linkEvent } from "./change-link";

/** Options of `deliver`. */
export interface DeliverOptions {
  /** Only the links of this order. */
  readonly orderId?: string | undefined;
  /** Claim at most this many links in this call. */
  readonly limit?: number | undefined;
  /** E-mails sent at the same time; defaults to the service's `delivery.concurrency` (8). */
  readonly concurrency?: number | undefined;
  /**
   * Links held beyond the ones being sent: claimed ahead, or sent and waiting for their outcome to be written;
   * defaults to the service's `delivery.prefetch` (3 per slot, fewer under a tight rate limit).
   */
  readonly prefetch?: number | undefined;
  /** Stops claiming new links when aborted; the e-mails already on their way are finished. */
  readonly signal?: AbortSignal | undefined;
  /** Called after each link's attempt, with the running totals. */
  readonly onProgress?: ((progress: DeliveryProgress) => void) | undefined;
}

/** Running totals of a `deliver` call. */
export interface DeliveryProgress {
  /** Links whose e-mail was accepted. */
  readonly sent: number;
  /** E-mails that failed for good (a permanent error, or the last attempt): first e-mails or reminders. */
  readonly failed: number;
  /** Transient failures scheduled for another attempt (first e-mails or reminders). */
  readonly retried: number;
  /** Claimed links not sent because they were no longer running (cancelled, expired, paid). */
  readonly skipped: number;
  /** Reminders accepted by the mail server. A reminder that fails for good counts in `failed`. */
  readonly reminders: number;
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

/** Whether a failed send was a throttling answer: the transport marks it `details.throttled: "true"`. */
const isThrottling = (error: unknown): boolean =>
  error instanceof PaylinksError && error.code === "delivery_failed" && error.details.throttled === "true";

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

/** Whether a claimed link is not to be sent: no longer running, or expired. */
const notRunning = (link: StoredLink, now: Date): boolean =>
  link.payment.status !== "RUNNING" || link.expiresAt.getTime() < now.getTime();

/**
 * Claims due links and sends them with bounded concurrency, retrying transient failures with exponential
 * backoff and jitter, until nothing in scope is due within `maxWaitMs`. Internal: the service's `deliver`.
 *
 * How it keeps the mail server busy: it holds at most `concurrency + prefetch` links, claimed in batches
 * ahead of the free slots; a slot takes its next link as soon as its e-mail is accepted, while the outcome is
 * written; the outcomes of the sends that end together are written in one statement (`completeDeliveries`).
 * Every link it holds has a lease, so a worker that dies sends at most `concurrency + prefetch` links twice.
 * `written` is called with each link as written after its e-mail's attempt (sent, failed or to be retried), so
 * that `send` can answer without reading the order's links again.
 */
export async function deliver(
  context: ServiceContext,
  options: DeliverOptions = {},
  written?: (link: StoredLink) => void,
): Promise<DeliveryReport> {
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
  const prefetch = Math.max(
    0,
    Math.floor(
      options.prefetch ?? delivery.prefetch ?? defaultPrefetch(concurrency, delivery.leaseMs, delivery.ratePerSecond),
    ),
  );
  const capacity = concurrency + prefetch;
  /** Claim again once this many links can be taken (or at once when a slot has nothing to send). */
  const claimBatch = Math.max(1, Math.ceil(prefetch / 2));
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const signal = options.signal;
  const totals = { sent: 0, failed: 0, retried: 0, skipped: 0, reminders: 0 };
  const shops = new Map<string, Promise<ShopConfig>>();
  /** Claimed links waiting for a free slot, in claim order. */
  const ready: StoredLink[] = [];
  const tasks = new Set<Promise<void>>();
  let held = 0;
  let sending = 0;
  const writer = createCompletionWriter(queue, store, () => sending > 0);
  let claiming = false;
  /** The last claim found nothing; cleared when a link is done, since that may make another due. */
  let exhausted = false;
  let fatal: unknown;
  let claimedTotal = 0;
  let idleSpins = 0;
  /** Set when something changed since the loop last looked; `woken` resolves at the next change. */
  let changed = false;
  let wakeUp: () => void = () => {};
  let woken = new Promise<void>((resolve) => {
    wakeUp = resolve;
  });
  const wake = (): void => {
    changed = true;
    const resolve = wakeUp;
    woken = new Promise<void>((next) => {
      wakeUp = next;
    });
    resolve();
  };

  const shopOf = (shopId: string): Promise<ShopConfig> => {
    let shop = shops.get(shopId);
    if (!shop) {
      shop = context.findShop(shopId);
      shops.set(shopId, shop);
    }
    return shop;
  };

  /**
   * Applies a change to the link as stored now, unless another worker or a new send took it over. From round 0
   * it writes over the link as claimed; from round 1 (`reread`) it reads it again first.
   */
  const finish = async (
    claimed: StoredLink,
    change: (current: StoredLink) => StoredLink,
    sent = false,
    reread = false,
  ): Promise<StoredLink | undefined> => {
    const reminder = claimed.delivery.status !== "PENDING";
    for (let round = reread ? 1 : 0; round < 6; round++) {
      // The link as claimed is usually still current: write over it, and read it again only when that fails.
      const current = round === 0 ? claimed : await storeCall("reading a link", () => store.getLink(claimed.id));
      if (!current || current.delivery.sendCount !== claimed.delivery.sendCount) return undefined;
      // A lease that ran out during the send lets another worker take the link. A failure is then its to
      // record; a success is recorded all the same while the link still waits, so that a send slower than the
      // lease cannot make workers send the same link again and again.
      const lost = current.delivery.leaseOwner !== workerId;
      const waits = reminder
        ? current.reminders?.sent === claimed.reminders?.sent && current.reminders?.nextAt !== undefined
        : current.delivery.status === "PENDING";
      if (lost && !(sent && waits)) return undefined;
      if (reminder && current.reminders?.sent !== claimed.reminders?.sent) return undefined;
      const next = { ...change(current), version: current.version + 1, updatedAt: clock.now() };
      if (await storeCall("recording a delivery", () => store.updateLink(next, current.version))) return next;
    }
    throw new PaylinksError("concurrent_update", `Link ${claimed.id} kept changing while its delivery was recorded`, {
      details: { linkId: claimed.id, action: "deliver" },
    });
  };

  /**
   * Writes one attempt of a link and the change it makes together, batched with the other sends' (a link is
   * never SENT without its attempt; a reminder's attempt carries its number and the link's new reminders). When
   * the link moved meanwhile, the change is applied to the link as stored now.
   */
  const complete = async (
    link: StoredLink,
    change: (current: StoredLink) => StoredLink,
    done: { readonly outcome: Outcome; readonly attempt: number; readonly at: Date; readonly reminder?: number },
  ): Promise<StoredLink | undefined> => {
    const { outcome, attempt, at, reminder } = done;
    const first = { ...change(link), version: link.version + 1, updatedAt: at };
    const applied = await writer.write(link, {
      attempt: {
        linkId: link.id,
        sendCount: link.delivery.sendCount,
        attempt,
        at,
        worker: workerId,
        outcome: outcome.kind,
        messageId: outcome.kind === "sent" ? outcome.messageId : undefined,
        error: outcome.kind === "sent" ? undefined : outcome.error,
        ...(reminder === undefined ? {} : { kind: "reminder" as const, reminder }),
      },
      expectedVersion: link.version,
      delivery: first.delivery,
      updatedAt: at,
      ...(reminder === undefined ? {} : { reminders: first.reminders }),
    });
    return applied ? first : finish(link, change, outcome.kind === "sent", true);
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

  /** Gives a claimed link back unsent: its lease ends now, it stays due as it was. */
  const giveBack = (link: StoredLink): Promise<StoredLink | undefined> =>
    finish(link, (current) => ({
      ...current,
      delivery: { ...current.delivery, leaseOwner: undefined, leaseExpiresAt: undefined },
    }));

  /** The shop of a link, or `undefined` when it is no longer configured (which fails the e-mail, not the run). */
  const knownShop = (shopId: string): Promise<ShopConfig | undefined> =>
    shopOf(shopId).catch((error: unknown) => {
      if (error instanceof PaylinksError && error.code === "not_found") return undefined;
      throw error;
    });

  /** The backoff before the next attempt of an e-mail, after `attempt` failed attempts. */
  const backoff = (attempt: number): number => {
    const exponential = Math.min(delivery.maxDelayMs, delivery.baseDelayMs * 2 ** (attempt - 1));
    return exponential / 2 + delivery.random() * (exponential / 2);
  };

  /** A claimed link not sent: its slot freed, `change` written, and counted as skipped. */
  const skip = async (link: StoredLink, release: () => void, change: (current: StoredLink) => StoredLink) => {
    release();
    await finish(link, change);
    totals.skipped++;
    options.onProgress?.({ ...totals });
  };

  /** Whether a claimed link's lease ended while it waited for a slot: another worker may be sending it. */
  const leaseEnded = (link: StoredLink, at: Date): boolean =>
    link.delivery.leaseExpiresAt !== undefined && link.delivery.leaseExpiresAt.getTime() <= at.getTime();

  /** Sends one e-mail and says how it went; a throttling answer pauses every slot of the service. */
  const sendMail = async (mail: OutgoingMail): Promise<Outcome> => {
    try {
      const sent = await transport.send(mail);
      context.throttlePause?.accepted();
      return { kind: "sent", messageId: sent?.messageId || mail.messageId };
    } catch (error) {
      if (isThrottling(error)) context.throttlePause?.throttled();
      return classify(error);
    }
  };

  /**
   * Waits for the send's turn: the end of a throttling pause, then the rate limit. `"stopped"`: `signal` aborted
   * while it waited; `"lease_ended"`: the link's lease ended during a pause, and another worker may be sending it.
   */
  const turnOf = async (link: StoredLink): Promise<"go" | "stopped" | "lease_ended"> => {
    if (context.throttlePause !== undefined) {
      if (!(await context.throttlePause.wait(signal))) return "stopped";
      if (leaseEnded(link, clock.now())) return "lease_ended";
    }
    return context.sendRate === undefined || (await context.sendRate.take(signal)) ? "go" : "stopped";
  };

  /** A link whose turn did not come: given back when stopped, left alone when its lease ended. */
  const notSent = async (link: StoredLink, release: () => void, turn: "stopped" | "lease_ended") => {
    release();
    if (turn === "stopped") await giveBack(link);
  };

  /** Sends a link's due reminder and writes what came of it, with the same leases and retries as e-mails. */
  const remindOf = async (link: StoredLink, release: () => void): Promise<void> => {
    const started = clock.now();
    const state = link.reminders;
    const schedule = link.advanced.reminders;
    if (notRunning(link, started) || state === undefined || state.nextAt === undefined || schedule === undefined) {
      // Paid, cancelled or expired since the claim: its remaining reminders are dropped.
      return skip(link, release, (current) => withoutReminders(released(current, {})));
    }
    if (leaseEnded(link, started)) {
      release();
      return;
    }
    const shop = await knownShop(link.shopId);
    const after = (at: Date): Date | undefined =>
      shop === undefined
        ? undefined
        : nextReminderAt(
            schedule,
            { createdAt: link.createdAt, expiresAt: link.expiresAt, timezone: shop.timezone },
            at,
          );
    if (
      shop !== undefined &&
      link.delivery.sentAt !== undefined &&
      state.nextAt.getTime() <= link.delivery.sentAt.getTime()
    ) {
      // Due when or before the e-mail went out (sent late, or sent again): skipped, the next one is scheduled.
      return skip(link, release, (current) => ({
        ...released(current, {}),
        reminders: { ...state, attempts: 0, nextAt: after(started) },
      }));
    }
    const number = state.sent + 1;
    const attempt = state.attempts + 1;
    const messageId = `<${link.id}.${link.delivery.sendCount}.r${number}@${context.messageIdDomain}>`;
    let outcome: Outcome;
    if (!shop) outcome = { kind: "permanent", error: `unknown shop ${link.shopId}` };
    else {
      const turn = await turnOf(link);
      if (turn !== "go") return notSent(link, release, turn);
      const rendered = renderReminder(link, shop, { number, at: started });
      // In the conversation of the link's e-mail: the Message-ID it went out with.
      const inReplyTo = link.delivery.messageId ?? messageIdOf(link, context.messageIdDomain);
      const mail: OutgoingMail = { ...mailOf(link, shop, context.messageIdDomain), ...rendered, messageId, inReplyTo };
      outcome = await sendMail(mail);
    }
    release();
    const at = clock.now();
    const last = attempt >= delivery.maxAttempts;
    const retry = outcome.kind === "transient" && !last;
    const error =
      outcome.kind === "sent"
        ? undefined
        : last && retry === false && outcome.kind === "transient"
          ? `${outcome.error} (after ${attempt} attempts)`
          : outcome.error;
    const reminders: LinkReminders =
      outcome.kind === "sent"
        ? { sent: number, attempts: 0, lastError: undefined, lastSentAt: at, nextAt: after(at) }
        : retry
          ? { ...state, attempts: attempt, lastError: error, nextAt: new Date(at.getTime() + backoff(attempt)) }
          : { ...state, attempts: 0, lastError: error, nextAt: after(at) };
    const change = (current: StoredLink): StoredLink => ({ ...released(current, {}), reminders });
    const updated = await complete(link, change, { outcome, attempt, at, reminder: number });
    if (!updated) return;
    if (outcome.kind === "sent") {
      totals.reminders++;
      context.events.emit(
        linkEvent(updated, undefined, { type: "reminder_sent", reminder: number, messageId: outcome.messageId }),
      );
    } else if (retry) totals.retried++;
    else {
      totals.failed++;
      context.events.emit(
        linkEvent(updated, undefined, { type: "reminder_failed", reminder: number, error: error ?? "" }),
      );
    }
    options.onProgress?.({ ...totals });
  };

  /** Sends one link and writes what came of it. `release` frees its slot once the e-mail is out. */
  const attemptOf = async (link: StoredLink, release: () => void): Promise<void> => {
    if (link.delivery.status !== "PENDING") return remindOf(link, release);
    const started = clock.now();
    if (notRunning(link, started)) return skip(link, release, (current) => released(current, {}));
    if (leaseEnded(link, started)) {
      // Its lease ended while it waited for a slot: another worker may be sending it. Leave it.
      release();
      return;
    }
    // A shop that is no longer configured fails its links, not the whole delivery.
    const shop = await knownShop(link.shopId);
    const attempt = link.delivery.attempts + 1;
    let outcome: Outcome;
    if (!shop) outcome = { kind: "permanent", error: `unknown shop ${link.shopId}` };
    else {
      // Its turn did not come (stopped while waiting, or its lease ended in a throttling pause): not sent.
      const turn = await turnOf(link);
      if (turn !== "go") return notSent(link, release, turn);
      const mail = mailOf(link, shop, context.messageIdDomain);
      outcome = await sendMail(mail);
    }
    release();
    const at = clock.now();
    const last = attempt >= delivery.maxAttempts;
    const change = (current: StoredLink): StoredLink => {
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
        return released(current, {
          attempts: attempt,
          lastError: outcome.error,
          nextAttemptAt: new Date(at.getTime() + backoff(attempt)),
        });
      }
      const reason = outcome.kind === "transient" ? `${outcome.error} (after ${attempt} attempts)` : outcome.error;
      return released(current, { status: "FAILED", attempts: attempt, lastError: reason });
    };
    const updated = await complete(link, change, { outcome, attempt, at });
    if (!updated) return;
    written?.(updated);
    if (updated.delivery.status === "SENT") {
      totals.sent++;
      context.events.emit(
        linkEvent(updated, undefined, { type: "sent", messageId: updated.delivery.messageId as string, attempt }),
      );
    } else if (updated.delivery.status === "FAILED") {
      totals.failed++;
      context.events.emit(
        linkEvent(updated, undefined, {
          type: "delivery_failed",
          error: updated.delivery.lastError ?? "",
          attempts: attempt,
        }),
      );
    } else totals.retried++;
    options.onProgress?.({ ...totals });
  };

  /** Runs a background task; a failure stops the delivery. Every task wakes the loop when it ends. */
  const track = (work: Promise<void>): void => {
    const task: Promise<void> = work
      .catch((error: unknown) => {
        fatal ??= error;
      })
      .finally(() => {
        tasks.delete(task);
        wake();
      });
    tasks.add(task);
  };

  const start = (link: StoredLink): void => {
    sending++;
    let freed = false;
    const release = (): void => {
      if (freed) return;
      freed = true;
      sending--;
      wake();
    };
    track(
      attemptOf(link, release).finally(() => {
        release();
        held--;
        exhausted = false;
      }),
    );
  };

  const claim = (room: number): void => {
    claiming = true;
    const now = clock.now();
    track(
      storeCall("claiming links", () =>
        queue.claimDueLinks({
          now,
          worker: workerId,
          leaseUntil: new Date(now.getTime() + delivery.leaseMs),
          limit: room,
          orderId: options.orderId,
        }),
      )
        .then((claimed) => {
          claimedTotal += claimed.length;
          held += claimed.length;
          ready.push(...claimed);
          exhausted = claimed.length === 0;
          if (claimed.length > 0) idleSpins = 0;
        })
        .finally(() => {
          claiming = false;
        }),
    );
  };

  while (fatal === undefined && !signal?.aborted) {
    changed = false;
    while (sending < concurrency && ready.length > 0) start(ready.shift() as StoredLink);
    const room = Math.min(capacity - held, limit - claimedTotal);
    const slotIdle = sending < concurrency;
    if (!claiming && !exhausted && room > 0 && (room >= claimBatch || slotIdle)) {
      claim(room);
      continue;
    }
    if (tasks.size > 0) {
      if (!changed) await woken;
      continue;
    }
    if (claimedTotal >= limit) break;
    const next = await storeCall("looking for pending links", () => queue.nextDueAt(options.orderId));
    if (next === undefined) break;
    const wait = next.getTime() - clock.now().getTime();
    if (wait > delivery.maxWaitMs) break;
    idleSpins = wait <= 0 ? idleSpins + 1 : 0;
    await clock.sleep(idleSpins > 1 ? 10 : Math.min(Math.max(0, wait), delivery.pollMs), signal);
    exhausted = false;
  }
  // Stopped: the links claimed ahead go back unsent; the e-mails on their way are finished and written.
  const unsent = ready.splice(0);
  held -= unsent.length;
  if (fatal === undefined) for (const link of unsent) track(giveBack(link).then(() => undefined));
  while (tasks.size > 0) await Promise.all([...tasks]);
  if (fatal !== undefined) throw fatal;
  const pending = (await storeCall("looking for pending links", () => queue.nextDueAt(options.orderId))) !== undefined;
  return { ...totals, pending };
}
