import type { StoredLink } from "../../ports/payment-order-records";
import { createSortedIndex, type IndexKey, type SortedIndex } from "./sorted-index";

/**
 * The memory store's indexes of links, over all links and per order: creation order `(createdAt, id)` for
 * listing, and due order `(nextAttemptAt, createdAt, id)` of the `PENDING` links that have a next attempt, for
 * claiming. Internal.
 */
export interface LinkIndexes {
  /** Indexes new links. */
  addMany(links: readonly StoredLink[]): void;
  /** Re-indexes a link that replaced `previous`. */
  replace(link: StoredLink, previous: StoredLink): void;
  /** All links (no order id) or one order's, in creation order; `undefined` for an order without links. */
  created(orderId: string | undefined): SortedIndex | undefined;
  /** All due-able links (no order id) or one order's, in due order; `undefined` for an order without links. */
  due(orderId: string | undefined): SortedIndex | undefined;
}

/** The creation-order key of a link. Internal. */
export const creationKey = (link: StoredLink): IndexKey => ({ a: link.createdAt.getTime(), b: 0, id: link.id });

/** The due-order key of a link, or `undefined` when it is not waiting for delivery. Internal. */
export const dueKey = (link: StoredLink): IndexKey | undefined =>
  link.deliveryStatus === "PENDING" && link.nextAttemptAt !== undefined
    ? { a: link.nextAttemptAt.getTime(), b: link.createdAt.getTime(), id: link.id }
    : undefined;

interface Pair {
  readonly created: SortedIndex;
  readonly due: SortedIndex;
}

const createPair = (): Pair => ({ created: createSortedIndex(), due: createSortedIndex() });

const fill = (pair: Pair, created: readonly IndexKey[], due: readonly (IndexKey | undefined)[]): void => {
  pair.created.putMany(created);
  pair.due.putMany(due.filter((key) => key !== undefined));
};

/** Creates empty link indexes. Internal. */
export function createLinkIndexes(): LinkIndexes {
  const all = createPair();
  const perOrder = new Map<string, Pair>();
  const pairOf = (orderId: string): Pair => {
    let pair = perOrder.get(orderId);
    if (!pair) {
      pair = createPair();
      perOrder.set(orderId, pair);
    }
    return pair;
  };

  return {
    addMany(links) {
      const created = links.map(creationKey);
      const due = links.map(dueKey);
      fill(all, created, due);
      const orderIds = new Set(links.map((link) => link.orderId));
      for (const orderId of orderIds) {
        if (orderIds.size === 1) fill(pairOf(orderId), created, due);
        else {
          const mine = (_: unknown, i: number): boolean => links[i]?.orderId === orderId;
          fill(pairOf(orderId), created.filter(mine), due.filter(mine));
        }
      }
    },

    replace(link, previous) {
      const pair = pairOf(link.orderId);
      if (previous.orderId !== link.orderId) {
        const old = pairOf(previous.orderId);
        old.created.remove(link.id);
        old.due.remove(link.id);
      }
      const created = creationKey(link);
      all.created.put(created);
      pair.created.put(created);
      const due = dueKey(link);
      if (due) {
        all.due.put(due);
        pair.due.put(due);
      } else {
        all.due.remove(link.id);
        pair.due.remove(link.id);
      }
    },

    created: (orderId) => (orderId === undefined ? all.created : perOrder.get(orderId)?.created),
    due: (orderId) => (orderId === undefined ? all.due : perOrder.get(orderId)?.due),
  };
}
