import { PaylinksError } from "../../issues/paylinks-error";
import type { DeliveryCompletion, DeliveryQueue, PaymentOrderStore } from "../../ports/delivery-queue";
import type { DeliveryAttempt, StoredLink, StoredOrder } from "../../ports/payment-order-records";
import { keptCopy } from "./kept-copy";
import { decodeCursor, encodeCursor } from "./link-cursor";
import { matchesFilter } from "./link-filter";
import { compareDue, compareKeys, compareReminderDue, listingKey, positionOf } from "./link-order";

/** How much a {@link MemoryStore} holds. */
export interface MemoryStoreSize {
  /** Stored orders. */
  readonly orders: number;
  /** Stored links. */
  readonly links: number;
  /** Recorded delivery attempts. */
  readonly attempts: number;
}

/**
 * An order store and delivery queue that keeps everything in memory, for tests, demos and single-process tools.
 */
export interface MemoryStore extends PaymentOrderStore {
  /** Records many attempts and their links' delivery states at once (see {@link DeliveryQueue.completeDeliveries}). */
  completeDeliveries(completions: readonly DeliveryCompletion[]): Promise<boolean[]>;
  /** Counts what the store holds. */
  size(): MemoryStoreSize;
}

const conflict = (what: string, id: string): PaylinksError =>
  new PaylinksError("storage_failed", `${what} ${id} is already stored`, { details: { operation: "saveOrder", id } });

const invalidLimit = (limit: unknown): PaylinksError =>
  new PaylinksError("invalid_request", "A page holds at least one link", { details: { limit: String(limit) } });

const copyOf = <T>(record: T | undefined): T | undefined => (record === undefined ? undefined : keptCopy(record));

/** Whether a link waits for delivery: `PENDING` with a next attempt. */
const waiting = (link: StoredLink): boolean =>
  link.delivery.status === "PENDING" && link.delivery.nextAttemptAt !== undefined;

/** When a link is due for a reminder: `SENT` with a next reminder; `undefined` when it is not waiting for one. */
const reminderDue = (link: StoredLink): number | undefined =>
  link.delivery.status === "SENT" ? link.reminders?.nextAt?.getTime() : undefined;

/** When a link is due, e-mail or reminder; `undefined` when it waits for neither. */
const dueAt = (link: StoredLink): number | undefined =>
  waiting(link) ? (link.delivery.nextAttemptAt?.getTime() ?? 0) : reminderDue(link);

/**
 * Creates an empty store that keeps orders, links and delivery attempts in memory. It is both the order store
 * and its delivery queue, and passes `describeOrderStoreContract` and `describeDeliveryQueueContract`.
 *
 * - It is plain: a list of links in listing order (creation instant, then id by UTF-16 code unit, as a
 *   `COLLATE "C"` column orders ASCII ids), maps by id, and `structuredClone` for every record that goes in or
 *   out. Changing an object given to it or received from it never changes what it holds; `Date`s stay `Date`s
 *   and fields set to `undefined` stay present.
 * - Every method runs without yielding, so each one is atomic: two concurrent claims never share a link. A page
 *   starts from its cursor by binary search; a claim reads every link, which is fine for the thousands of links
 *   of tests and tools (a claim from 100,000 links takes tens of milliseconds).
 * - `claimDueLinks` leaves `updatedAt` as it was: a claim is delivery bookkeeping, not a change of the link.
 * - Saving an order whose id, or one of whose link ids, is already stored rejects with `storage_failed` and
 *   stores nothing; so does a record with an invalid `Date` (a `RangeError`). A malformed page cursor, or a page
 *   limit below 1, rejects with `invalid_request`. `updateLink` writes the link as given: the caller sets its
 *   `version` to `expectedVersion + 1`.
 *
 * Nothing is persisted: the data lives as long as the object.
 *
 * @returns A new, empty store.
 * @example
 * ```ts
 * import { createPaylinks } from "paylinks/service";
 * import { createCaptureTransport, createMemoryStore } from "paylinks/memory";
 *
 * const store = createMemoryStore();
 * const paylinks = createPaylinks({ store, transport: createCaptureTransport(), shops: [shop], paymentUrl });
 * await paylinks.send(request, { actor });
 * console.log(store.size()); // { orders: 1, links: 2, attempts: 2 }
 * ```
 */
export function createMemoryStore(): MemoryStore {
  const orders = new Map<string, StoredOrder>();
  /** Shop id and idempotency key → order id. */
  const keys = new Map<string, string>();
  const links = new Map<string, StoredLink>();
  /** Token → link id. */
  const tokens = new Map<string, string>();
  /** Every link, in listing order. */
  let listed: StoredLink[] = [];
  const attempts = new Map<string, DeliveryAttempt[]>();
  let attemptCount = 0;
  const keyOf = (shopId: string, key: string): string => JSON.stringify([shopId, key]);

  /** Replaces a kept link by its new version, keeping the list in listing order. */
  const replace = (previous: StoredLink, next: StoredLink): void => {
    links.set(next.id, next);
    if (previous.token !== next.token) {
      tokens.delete(previous.token);
      tokens.set(next.token, next.id);
    }
    const at = positionOf(listed, listingKey(previous), false);
    if (compareKeys(listingKey(previous), listingKey(next)) === 0) listed[at] = next;
    else {
      listed.splice(at, 1);
      listed.splice(positionOf(listed, listingKey(next), false), 0, next);
    }
  };

  /** Keeps an attempt (already copied) in its link's list, oldest first. */
  const keepAttempt = (kept: DeliveryAttempt): void => {
    const list = attempts.get(kept.linkId) ?? [];
    // An attempt recorded late (a slow worker) goes before the later ones.
    let position = list.length;
    while (position > 0 && (list[position - 1] as DeliveryAttempt).at.getTime() > kept.at.getTime()) position--;
    list.splice(position, 0, kept);
    attempts.set(kept.linkId, list);
    attemptCount++;
  };

  return {
    async saveOrder(order, newLinks) {
      const key = order.idempotencyKey === undefined ? undefined : keyOf(order.shopId, order.idempotencyKey);
      if (key !== undefined && keys.has(key)) return "duplicate";
      if (orders.has(order.id)) throw conflict("Order", order.id);
      const ids = new Set<string>();
      const newTokens = new Set<string>();
      for (const link of newLinks) {
        if (links.has(link.id) || ids.has(link.id)) throw conflict("Link", link.id);
        if (tokens.has(link.token) || newTokens.has(link.token)) throw conflict("The token of link", link.id);
        ids.add(link.id);
        newTokens.add(link.token);
      }
      // Everything is copied (and checked) before anything is kept: a bad record stores nothing.
      const [savedOrder, savedLinks] = keptCopy([order, [...newLinks]] as const);
      orders.set(savedOrder.id, savedOrder);
      if (key !== undefined) keys.set(key, savedOrder.id);
      for (const link of savedLinks) {
        links.set(link.id, link);
        tokens.set(link.token, link.id);
      }
      listed = [...listed, ...savedLinks].sort((a, b) => compareKeys(listingKey(a), listingKey(b)));
      return "saved";
    },

    getOrder: async (id) => copyOf(orders.get(id)),

    getLink: async (id) => copyOf(links.get(id)),

    async findLinkByToken(token) {
      const id = tokens.get(token);
      return id === undefined ? undefined : copyOf(links.get(id));
    },

    async findOrderByIdempotencyKey(shopId, key) {
      const id = keys.get(keyOf(shopId, key));
      return id === undefined ? undefined : copyOf(orders.get(id));
    },

    async listLinks(filter, page) {
      const limit = Math.floor(page.limit);
      if (!(limit >= 1)) throw invalidLimit(page.limit);
      const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      let start = after === undefined ? 0 : positionOf(listed, after, true);
      if (filter.createdFrom !== undefined) {
        start = Math.max(start, positionOf(listed, { createdAt: filter.createdFrom.getTime(), id: "" }, false));
      }
      const found: StoredLink[] = [];
      let more = false;
      for (let i = start; i < listed.length; i++) {
        const link = listed[i] as StoredLink;
        if (filter.createdTo !== undefined && link.createdAt.getTime() >= filter.createdTo.getTime()) break;
        if (!matchesFilter(link, filter)) continue;
        if (found.length === limit) {
          more = true;
          break;
        }
        found.push(link);
      }
      const last = found[found.length - 1];
      return {
        links: keptCopy(found),
        nextCursor: more && last ? encodeCursor(listingKey(last)) : undefined,
      };
    },

    async updateLink(link, expectedVersion) {
      const previous = links.get(link.id);
      if (!previous || previous.version !== expectedVersion) return false;
      replace(previous, keptCopy(link));
      return true;
    },

    async claimDueLinks(request) {
      const now = request.now.getTime();
      const limit = Math.floor(request.limit);
      if (!(limit >= 1)) return [];
      const free = (link: StoredLink): boolean =>
        (request.orderId === undefined || link.orderId === request.orderId) &&
        (link.delivery.leaseExpiresAt === undefined || link.delivery.leaseExpiresAt.getTime() <= now);
      const due = listed.filter(
        (link) => waiting(link) && free(link) && (link.delivery.nextAttemptAt?.getTime() ?? 0) <= now,
      );
      const chosen = due.sort(compareDue).slice(0, limit);
      if (chosen.length < limit) {
        // Then the reminders that are due, once the e-mails are served.
        const reminders = listed.filter((link) => (reminderDue(link) ?? Number.POSITIVE_INFINITY) <= now && free(link));
        chosen.push(...reminders.sort(compareReminderDue).slice(0, limit - chosen.length));
      }
      const leaseExpiresAt = new Date(request.leaseUntil.getTime());
      const claimed = chosen.map((link) => {
        const next: StoredLink = {
          ...link,
          version: link.version + 1,
          delivery: { ...link.delivery, leaseOwner: request.worker, leaseExpiresAt },
        };
        replace(link, next);
        return next;
      });
      return keptCopy(claimed);
    },

    async nextDueAt(orderId) {
      let best = Number.POSITIVE_INFINITY;
      for (const link of listed) {
        const due = dueAt(link);
        if (due === undefined || (orderId !== undefined && link.orderId !== orderId)) continue;
        best = Math.min(best, Math.max(due, link.delivery.leaseExpiresAt?.getTime() ?? due));
      }
      return best === Number.POSITIVE_INFINITY ? undefined : new Date(best);
    },

    async recordAttempt(attempt) {
      keepAttempt(keptCopy(attempt));
    },

    listAttempts: async (linkId) => keptCopy(attempts.get(linkId) ?? []),

    async completeDeliveries(completions) {
      // Everything is copied (and checked) before anything is kept: a bad record writes nothing.
      const kept = keptCopy([...completions]);
      const applied: boolean[] = [];
      for (const completion of kept) {
        keepAttempt(completion.attempt);
        const previous = links.get(completion.attempt.linkId);
        const current = previous !== undefined && previous.version === completion.expectedVersion;
        applied.push(current);
        if (!current) continue;
        replace(previous, {
          ...previous,
          delivery: completion.delivery,
          ...(completion.reminders === undefined ? {} : { reminders: completion.reminders }),
          updatedAt: completion.updatedAt,
          version: completion.expectedVersion + 1,
        });
      }
      return applied;
    },

    size: () => ({ orders: orders.size, links: links.size, attempts: attemptCount }),
  };
}
