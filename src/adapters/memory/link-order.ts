import type { StoredLink } from "../../ports/payment-order-records";

/** Where a link is in the listing order: its creation instant, then its id. Internal. */
export interface ListingKey {
  /** The creation instant, in ms. */
  readonly createdAt: number;
  /** The link's id. */
  readonly id: string;
}

/** The listing key of a link. Internal. */
export const listingKey = (link: StoredLink): ListingKey => ({ createdAt: link.createdAt.getTime(), id: link.id });

/** Compares two keys in listing order; ids by UTF-16 code unit, as `COLLATE "C"` does for ASCII. Internal. */
export function compareKeys(a: ListingKey, b: ListingKey): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Compares two links in claiming order: due time, then listing order. Internal. */
export function compareDue(a: StoredLink, b: StoredLink): number {
  const due = (a.delivery.nextAttemptAt?.getTime() ?? 0) - (b.delivery.nextAttemptAt?.getTime() ?? 0);
  return due || compareKeys(listingKey(a), listingKey(b));
}

/** Compares two links in reminder order: next reminder, then listing order. Internal. */
export function compareReminderDue(a: StoredLink, b: StoredLink): number {
  const due = (a.reminders?.nextAt?.getTime() ?? 0) - (b.reminders?.nextAt?.getTime() ?? 0);
  return due || compareKeys(listingKey(a), listingKey(b));
}

/** The first position of a sorted list whose key is not before `key` (or after it, with `after`). Internal. */
export function positionOf(sorted: readonly StoredLink[], key: ListingKey, after: boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const order = compareKeys(listingKey(sorted[middle] as StoredLink), key);
    if (order < 0 || (after && order === 0)) low = middle + 1;
    else high = middle;
  }
  return low;
}
