/** A small benchmark harness: warm-up, then the median of several timed runs. */
import { performance } from "node:perf_hooks";

/** One measured row of a benchmark table. */
export interface BenchRow {
  readonly name: string;
  /** Median wall time of one run, in milliseconds. */
  readonly medianMs: number;
  /** Free-form figures: per-item time, memory, ratios. */
  readonly notes: string;
}

/** A titled group of rows, one table in the report. */
export interface BenchSection {
  readonly title: string;
  readonly rows: readonly BenchRow[];
  /** Sentences printed under the table. */
  readonly summary?: readonly string[];
}

/**
 * Runs `fn` `warmup` times, then `runs` times, and returns the median duration in milliseconds.
 * @param fn - The work to time.
 * @param runs - Timed runs.
 * @param warmup - Untimed runs first, so the JIT has compiled the code.
 */
export function measure(fn: () => unknown, runs = 7, warmup = 2): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

/**
 * Measures the heap growth while `fn`'s result is alive, in MiB (needs `node --expose-gc` to be meaningful).
 * @param fn - The work whose result is kept until measured.
 */
export function heapGrowthMiB(fn: () => unknown): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const before = process.memoryUsage().heapUsed;
  const kept = fn();
  const after = process.memoryUsage().heapUsed;
  void kept;
  return (after - before) / 1024 / 1024;
}

/** Formats a duration for the tables. */
export function ms(value: number): string {
  return value >= 100
    ? `${value.toFixed(0)} ms`
    : value >= 1
      ? `${value.toFixed(2)} ms`
      : `${(value * 1000).toFixed(1)} µs`;
}

/**
 * Like {@link measure}, for asynchronous work: `setup` runs before each run, untimed.
 * @param fn - The work to time; it receives what `setup` returned.
 * @param setup - Prepares one run.
 * @param runs - Timed runs.
 */
export async function measureAsync<T>(
  fn: (input: T) => Promise<unknown>,
  setup: () => Promise<T>,
  runs = 5,
): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const input = await setup();
    const start = performance.now();
    await fn(input);
    if (i > 0) times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}
