/** A position in a {@link SortedIndex}: two numbers, then the id (compared by UTF-16 code unit). Internal. */
export interface IndexKey {
  readonly a: number;
  readonly b: number;
  readonly id: string;
}

/**
 * Ids kept in `(a, b, id)` order, for the memory store's scans (creation order, due order). An entry is live
 * while the id still maps to it; moving or removing an id leaves its old entry dead in place. Dead entries are
 * skipped at the front at once and dropped from the rest when they outnumber the live ones, so removals cost
 * O(1) amortised. Keys are never changed, so one key object may sit in several indexes. Internal.
 */
export interface SortedIndex {
  /** Adds the id at this key, or moves it there. */
  put(key: IndexKey): void;
  /** Adds or moves many ids (the last key of an id wins) with one sort and one merge; fastest when sorted. */
  putMany(keys: readonly IndexKey[]): void;
  /** Removes the id, if present. */
  remove(id: string): void;
  /**
   * Visits the live entries in order, from the first one after `from` (at or after it when `inclusive`), until
   * `visit` returns `false`. `visit` must not change the index.
   */
  scan(from: IndexKey | undefined, inclusive: boolean, visit: (key: IndexKey) => boolean): void;
}

/** Compares two keys: `a`, then `b`, then the id by code unit. Internal. */
export function compareKeys(x: IndexKey, y: IndexKey): number {
  if (x.a !== y.a) return x.a < y.a ? -1 : 1;
  if (x.b !== y.b) return x.b < y.b ? -1 : 1;
  return x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
}

/** Creates an empty sorted index. Internal. */
export function createSortedIndex(): SortedIndex {
  let entries: IndexKey[] = [];
  let start = 0;
  const byId = new Map<string, IndexKey>();
  const live = (key: IndexKey): boolean => byId.get(key.id) === key;

  /** The first index at or after `start` whose entry is after `key` (or at it, when `inclusive`). */
  const bound = (key: IndexKey, inclusive: boolean): number => {
    let low = start;
    let high = entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const order = compareKeys(entries[middle] as IndexKey, key);
      if (order < 0 || (order === 0 && !inclusive)) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** After an entry died: skips dead entries at the front, and drops them all when they are the majority. */
  const tidy = (): void => {
    while (start < entries.length && !live(entries[start] as IndexKey)) start++;
    const dead = entries.length - start - byId.size;
    if (dead > 64 && dead > byId.size) {
      entries = entries.filter(live);
      start = 0;
    }
  };

  return {
    put(key) {
      const existing = byId.get(key.id);
      if (existing && existing.a === key.a && existing.b === key.b) return;
      byId.set(key.id, key);
      entries.splice(bound(key, false), 0, key);
      if (existing) tidy();
    },

    putMany(keys) {
      if (keys.length === 0) return;
      for (const key of keys) byId.set(key.id, key);
      const added = [...keys].sort(compareKeys);
      const last = entries[entries.length - 1];
      if (last === undefined || compareKeys(last, added[0] as IndexKey) <= 0) {
        for (const key of added) entries.push(key);
      } else {
        const merged: IndexKey[] = [];
        let i = start;
        let j = 0;
        while (i < entries.length || j < added.length) {
          const old = entries[i];
          const next = added[j];
          if (next === undefined || (old !== undefined && compareKeys(old, next) <= 0)) {
            merged.push(old as IndexKey);
            i++;
          } else {
            merged.push(next);
            j++;
          }
        }
        entries = merged;
        start = 0;
      }
      tidy();
    },

    remove(id) {
      if (byId.delete(id)) tidy();
    },

    scan(from, inclusive, visit) {
      for (let i = from === undefined ? start : bound(from, inclusive); i < entries.length; i++) {
        const key = entries[i] as IndexKey;
        if (live(key) && !visit(key)) return;
      }
    },
  };
}
