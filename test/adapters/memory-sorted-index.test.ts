import { describe, expect, it } from "vitest";
import { compareKeys, createSortedIndex, type IndexKey } from "../../src/adapters/memory/sorted-index";

/** A tiny deterministic random source (mulberry32). */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const all = (index: ReturnType<typeof createSortedIndex>, from?: IndexKey, inclusive = false): string[] => {
  const ids: string[] = [];
  index.scan(from, inclusive, (key) => {
    ids.push(key.id);
    return true;
  });
  return ids;
};

describe("createSortedIndex (memory store internals)", () => {
  it("keeps ids in (a, b, id) order whatever the insertion order", () => {
    const index = createSortedIndex();
    index.put({ a: 2, b: 0, id: "x" });
    index.put({ a: 1, b: 5, id: "y" });
    index.putMany([
      { a: 1, b: 5, id: "a" },
      { a: 1, b: 1, id: "z" },
      { a: 3, b: 0, id: "B" },
    ]);
    expect(all(index)).toEqual(["z", "a", "y", "x", "B"]);
  });

  it("moves an id that is put again with another key, and ignores a put with the same key", () => {
    const index = createSortedIndex();
    index.putMany([
      { a: 1, b: 0, id: "one" },
      { a: 2, b: 0, id: "two" },
    ]);
    index.put({ a: 3, b: 0, id: "one" });
    index.put({ a: 2, b: 0, id: "two" });
    expect(all(index)).toEqual(["two", "one"]);
  });

  it("scans from a key, exclusive or inclusive, and stops when asked", () => {
    const index = createSortedIndex();
    index.putMany([1, 2, 3, 4].map((a) => ({ a, b: 0, id: `k${a}` })));
    expect(all(index, { a: 2, b: 0, id: "k2" })).toEqual(["k3", "k4"]);
    expect(all(index, { a: 2, b: 0, id: "k2" }, true)).toEqual(["k2", "k3", "k4"]);
    const seen: string[] = [];
    index.scan(undefined, false, (key) => {
      seen.push(key.id);
      return seen.length < 2;
    });
    expect(seen).toEqual(["k1", "k2"]);
  });

  it("stays equal to a sorted list through thousands of random puts, bulk puts and removals", () => {
    const next = random(42);
    const index = createSortedIndex();
    const model = new Map<string, IndexKey>();
    for (let step = 0; step < 5000; step++) {
      const roll = next();
      const id = `id-${Math.floor(next() * 400)}`;
      const key = { a: Math.floor(next() * 50), b: Math.floor(next() * 3), id };
      if (roll < 0.45) {
        index.put(key);
        model.set(id, key);
      } else if (roll < 0.8) {
        index.remove(id);
        model.delete(id);
      } else {
        const batch = Array.from({ length: 1 + Math.floor(next() * 30) }, () => ({
          a: Math.floor(next() * 50),
          b: 0,
          id: `id-${Math.floor(next() * 400)}`,
        }));
        index.putMany(batch);
        for (const k of batch) model.set(k.id, k);
      }
      if (step % 97 === 0) expect(all(index)).toEqual([...model.values()].sort(compareKeys).map((k) => k.id));
    }
    expect(all(index)).toEqual([...model.values()].sort(compareKeys).map((k) => k.id));
  });
});
