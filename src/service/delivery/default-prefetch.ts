/** Links a `deliver` call holds ahead of each of its slots when no `prefetch` is given. Internal. */
export const PREFETCH_PER_SLOT = 3;

/**
 * The `prefetch` of a `deliver` call that was given none: {@link PREFETCH_PER_SLOT} links per slot, and under a
 * rate limit no more than lets every link held go out within half its lease, so that the links claimed ahead do
 * not wait until their lease ends (`(concurrency + prefetch) / ratePerSecond ≤ leaseMs / 2`). Internal.
 * @param concurrency - The call's slots.
 * @param leaseMs - The lease of each claimed link.
 * @param ratePerSecond - The service's rate limit, if any.
 */
export function defaultPrefetch(concurrency: number, leaseMs: number, ratePerSecond: number | undefined): number {
  const ahead = PREFETCH_PER_SLOT * concurrency;
  if (ratePerSecond === undefined) return ahead;
  const sentInHalfALease = Math.floor((ratePerSecond * leaseMs) / 2000);
  return Math.max(0, Math.min(ahead, sentInHalfALease - concurrency));
}
