/** Throws a `RangeError` for an invalid `Date` anywhere in a record, which would break the store's order. */
function checkDates(value: unknown): void {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError("Invalid Date in a record");
    return;
  }
  if (value !== null && typeof value === "object") for (const item of Object.values(value)) checkDates(item);
}

/**
 * A deep copy of a record, for the store to keep or to hand out: changing the copy never changes the original and
 * the other way round. `Date`s stay `Date`s, and fields set to `undefined` stay present. Internal.
 * @throws RangeError for a record with an invalid `Date`.
 */
export function keptCopy<T>(record: T): T {
  checkDates(record);
  return structuredClone(record);
}
