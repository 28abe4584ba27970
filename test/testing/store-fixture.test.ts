import { afterAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { describeStoreContract } from "../../src/testing";
import { openStore } from "../../src/testing/store-fixture";

describe("openStore (paylinks/testing internals)", () => {
  it("accepts a store, a promise of one, or a fixture, and gives a cleanup in every case", async () => {
    const store = createMemoryStore();
    let cleaned = 0;
    for (const made of [store, Promise.resolve(store), { store }, { store, cleanup: () => void cleaned++ }]) {
      const opened = await openStore(() => made);
      expect(opened.store).toBe(store);
      await opened.cleanup();
    }
    expect(cleaned).toBe(1);
  });

  it("rejects a factory that returns something else", async () => {
    await expect(openStore(() => ({}) as never)).rejects.toThrow(TypeError);
    await expect(openStore(() => undefined as never)).rejects.toThrow(TypeError);
  });
});

// The contract again, through an async factory with a cleanup: each test must open one store and release it.
let opened = 0;
let released = 0;
describeStoreContract("memory, as an async fixture", async () => {
  opened++;
  return { store: createMemoryStore(), cleanup: async () => void released++ };
});

afterAll(() => {
  expect(opened).toBeGreaterThan(50);
  expect(released).toBe(opened);
});
