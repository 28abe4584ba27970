import { PaylinksError } from "../../issues/paylinks-error";
import type { DeliveryAttempt, StoredLink, StoredOrder } from "../../ports/payment-order-records";
import type { PaymentOrderStore } from "../../ports/payment-order-store";
import { copyAttempt, copyForStorage, copyLink, copyOrder } from "./copy-records";
import { decodeCursor, encodeCursor } from "./link-cursor";
import { matchesFilter } from "./link-filter";
import { createLinkIndexes, creationKey } from "./link-indexes";
import type { IndexKey } from "./sorted-index";

/** How much a {@link MemoryStore} holds. */
export interface MemoryStoreSize {
  /** Stored orders. */
  readonly orders: number;
  /** Stored links. */
  readonly links: number;
  /** Recorded delivery attempts. */
  readonly attempts: number;
}

/** A {@link PaymentOrderStore} that keeps everything in memory, for tests, demos and single-process tools. */
export interface MemoryStore extends PaymentOrderStore {
  /** Counts what the store holds. */
  size(): MemoryStoreSize;
}

const conflict = (what: string, id: string): PaylinksError =>
  new PaylinksError("storage_failed", `${what} ${id} is already stored`, { details: { operation: "saveOrder", id } });

const maybe =
  <T>(copy: (value: T) => T) =>
  (value: T | undefined): T | undefined =>
    value === undefined ? undefined : copy(value);
const copyLinkIfAny = maybe(copyLink);
const copyOrderIfAny = maybe(copyOrder);

const invalidLimit = (limit: unknown): PaylinksError =>
  new PaylinksError("invalid_request", "A page holds at least one link", { details: { limit: String(limit) } });

/**
 * Creates an empty store that keeps orders, links and delivery attempts in memory, and passes
 * `describeStoreContract`.
 *
 * - It stores copies and returns copies: changing an object given to it or received from it never changes what
 *   it holds. `Date`s stay `Date`s and fields set to `undefined` stay present.
 * - Every method runs without yielding, so each one is atomic: two concurrent claims never share a link.
 * - Links are indexed by creation and by due time, over all links and per order, so a page or a claim reads only
 *   what it returns (plus the links it skips): an order of 100,000 links saves in about half a second, and a
 *   batch is claimed from it in well under a millisecond.
 * - Ids are ordered by UTF-16 code unit (for ASCII ids, the byte order of a `COLLATE "C"` column).
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
  /** Shop id → idempotency key → order id. */
  const keys = new Map<string, Map<string, string>>();
  const links = new Map<string, StoredLink>();
  const attempts = new Map<string, DeliveryAttempt[]>();
  let attemptCount = 0;
  const indexes = createLinkIndexes();
  const stored = (id: string): StoredLink => links.get(id) as StoredLink;

  return {
    async saveOrder(order, newLinks) {
      const key = order.idempotencyKey;
      if (key !== undefined && keys.get(order.shopId)?.has(key)) return "duplicate";
      if (orders.has(order.id)) throw conflict("Order", order.id);
      const ids = new Set<string>();
      for (const link of newLinks) {
        if (links.has(link.id) || ids.has(link.id)) throw conflict("Link", link.id);
        ids.add(link.id);
      }
      const [savedOrder, savedLinks] = copyForStorage(order, newLinks);
      orders.set(order.id, savedOrder);
      if (key !== undefined) {
        const shopKeys = keys.get(order.shopId) ?? new Map<string, string>();
        shopKeys.set(key, order.id);
        keys.set(order.shopId, shopKeys);
      }
      for (const link of savedLinks) links.set(link.id, link);
      indexes.addMany(savedLinks);
      return "saved";
    },

    getOrder: async (id) => copyOrderIfAny(orders.get(id)),

    getLink: async (id) => copyLinkIfAny(links.get(id)),

    async findOrderByIdempotencyKey(shopId, key) {
      const id = keys.get(shopId)?.get(key);
      return id === undefined ? undefined : copyOrderIfAny(orders.get(id));
    },

    async listLinks(filter, page) {
      const limit = Math.floor(page.limit);
      if (!(limit >= 1)) throw invalidLimit(page.limit);
      const after = page.cursor === undefined ? undefined : decodeCursor(page.cursor);
      const index = indexes.created(filter.orderId);
      if (!index) return { links: [], nextCursor: undefined };
      const fromTime = filter.createdFrom?.getTime();
      const startsAtFrom = fromTime !== undefined && (after === undefined || after.a < fromTime);
      const from: IndexKey | undefined = startsAtFrom ? { a: fromTime, b: Number.NEGATIVE_INFINITY, id: "" } : after;
      const toTime = filter.createdTo?.getTime();
      const found: StoredLink[] = [];
      let more = false;
      index.scan(from, startsAtFrom, (entry) => {
        if (toTime !== undefined && entry.a >= toTime) return false;
        const link = stored(entry.id);
        if (!matchesFilter(link, filter)) return true;
        if (found.length === limit) {
          more = true;
          return false;
        }
        found.push(link);
        return true;
      });
      const last = found[found.length - 1];
      return {
        links: found.map(copyLink),
        nextCursor: more && last ? encodeCursor(creationKey(last)) : undefined,
      };
    },

    async updateLink(link, expectedVersion) {
      const previous = links.get(link.id);
      if (!previous || previous.version !== expectedVersion) return false;
      const next = copyLink(link);
      links.set(next.id, next);
      indexes.replace(next, previous);
      return true;
    },

    async claimDueLinks(request) {
      const now = request.now.getTime();
      const limit = Math.floor(request.limit);
      const index = indexes.due(request.orderId);
      if (!index || !(limit >= 1)) return [];
      const chosen: StoredLink[] = [];
      index.scan(undefined, false, (entry) => {
        if (entry.a > now) return false;
        const link = stored(entry.id);
        if (link.leaseExpiresAt === undefined || link.leaseExpiresAt.getTime() <= now) chosen.push(link);
        return chosen.length < limit;
      });
      // Shared by the claimed links as kept: the store never changes or hands out what it keeps.
      const leaseExpiresAt = new Date(request.leaseUntil.getTime());
      return chosen.map((link) => {
        const claimed: StoredLink = {
          ...link,
          leaseOwner: request.worker,
          leaseExpiresAt,
          version: link.version + 1,
        };
        links.set(claimed.id, claimed);
        return copyLink(claimed);
      });
    },

    async nextDueAt(orderId) {
      let best = Number.POSITIVE_INFINITY;
      indexes.due(orderId)?.scan(undefined, false, (entry) => {
        if (entry.a >= best) return false;
        const leaseEnd = stored(entry.id).leaseExpiresAt?.getTime() ?? entry.a;
        best = Math.min(best, Math.max(entry.a, leaseEnd));
        return best > entry.a;
      });
      return best === Number.POSITIVE_INFINITY ? undefined : new Date(best);
    },

    async recordAttempt(attempt) {
      const list = attempts.get(attempt.linkId) ?? [];
      const at = attempt.at.getTime();
      let position = list.length;
      while (position > 0 && (list[position - 1] as DeliveryAttempt).at.getTime() > at) position--;
      list.splice(position, 0, copyAttempt(attempt));
      attempts.set(attempt.linkId, list);
      attemptCount++;
    },

    listAttempts: async (linkId) => (attempts.get(linkId) ?? []).map(copyAttempt),

    size: () => ({ orders: orders.size, links: links.size, attempts: attemptCount }),
  };
}
