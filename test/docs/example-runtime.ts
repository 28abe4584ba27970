/**
 * Imported by the documentation examples as they run (see doc-examples.ts): checks each `expression; // → value`
 * comment. A mismatch is written to stderr and makes the process exit with code 1, after the rest of the example
 * has run, so that one run reports every wrong comment of a block.
 */
import { inspect, isDeepStrictEqual } from "node:util";

const show = (value: unknown): string => inspect(value, { depth: 10, breakLength: 120 });

/** Compares what an example's expression evaluated to with the value its `// →` comment gives. */
export function docExpect(actual: unknown, expected: () => unknown, where: string, written: string): void {
  let value: unknown;
  try {
    value = expected();
  } catch (error) {
    process.stderr.write(`${where}: the comment "// → ${written}" is not a value: ${String(error)}\n`);
    process.exitCode = 1;
    return;
  }
  if (isDeepStrictEqual(actual, value)) return;
  process.stderr.write(`${where}: the comment says\n  ${show(value)}\nbut the expression gives\n  ${show(actual)}\n`);
  process.exitCode = 1;
}
