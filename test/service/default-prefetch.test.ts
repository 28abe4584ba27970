import { describe, expect, it } from "vitest";
import { defaultPrefetch, PREFETCH_PER_SLOT } from "../../src/service/delivery/default-prefetch";

describe("defaultPrefetch", () => {
  it("holds three links ahead of each slot without a rate limit", () => {
    expect(PREFETCH_PER_SLOT).toBe(3);
    expect(defaultPrefetch(8, 60_000, undefined)).toBe(24);
    expect(defaultPrefetch(1, 60_000, undefined)).toBe(3);
  });

  it("keeps that under a rate limit that sends everything held well within the lease", () => {
    // 200 per second send 6,000 links in half a one-minute lease.
    expect(defaultPrefetch(8, 60_000, 200)).toBe(24);
  });

  it("holds less under a tight rate limit: every link held goes out within half its lease", () => {
    // One e-mail a second, a 20-second lease: 10 in half a lease, 8 of them in the slots.
    expect(defaultPrefetch(8, 20_000, 1)).toBe(2);
    for (const [concurrency, leaseMs, rate] of [
      [8, 60_000, 0.5],
      [4, 30_000, 1],
      [16, 60_000, 0.9],
    ] as const) {
      const prefetch = defaultPrefetch(concurrency, leaseMs, rate);
      expect((concurrency + prefetch) / rate).toBeLessThanOrEqual(leaseMs / 2000);
    }
  });

  it("holds nothing ahead when the slots alone take more than half a lease, and never a negative count", () => {
    expect(defaultPrefetch(8, 60_000, 0.1)).toBe(0);
    expect(defaultPrefetch(8, 1_000, 1)).toBe(0);
  });
});
