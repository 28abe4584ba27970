import type { IssueSink } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import { suffixReferences } from "../reference/suffix-references";
import type { CheckedRows } from "./check-rows";

/**
 * Reports a row whose own reference is the one another row takes from the order, suffixed: with the order's
 * reference `CMD`, a row that gives `CMD-002` while the second row without a reference also becomes `CMD-002`.
 * The issue is `reference_duplicate` at the row that gives the reference, naming the row that takes it. Internal.
 *
 * @param batch - The checked rows.
 * @param base - Step 1's order reference, checked; nothing is reported without one.
 * @param sink - The sink at `rows`.
 */
export function checkSuffixedReferences(batch: CheckedRows, base: string | undefined, sink: IssueSink): void {
  const { ownReferences, unreferencedRows, shape } = batch;
  if (base === undefined || base === "" || ownReferences.size === 0 || unreferencedRows.length === 0) return;
  const suffixed = suffixReferences(base, shape.suffixCount);
  const clashes: [owner: number, reference: string, row: number][] = [];
  unreferencedRows.forEach((row, n) => {
    const reference = suffixed[n] as string;
    const owner = ownReferences.get(reference);
    if (owner !== undefined) clashes.push([owner, reference, row]);
  });
  // In the order of the rows that give the references, like every other issue of the rows.
  clashes.sort((a, b) => a[0] - b[0]);
  for (const [owner, reference, row] of clashes) {
    sink.at(owner, batch.referenceHeading).add("reference_duplicate", { value: preview(reference), row });
  }
}
