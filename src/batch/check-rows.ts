import type { Check, IssueSink } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import { checkBuyerReference } from "../link/check-buyer-reference";
import type { BatchShape } from "../link/check-link";
import { checkVariableValue, variableNameProblem } from "../message/custom-variables";
import { checkAnyAmount } from "../money/check-amount";
import { checkCurrency } from "../money/check-currency";
import { getCurrency } from "../money/get-currency";
import { normalizeEmailAddress } from "../recipients/email-address";
import { checkOrderReference } from "../reference/validate-order-reference";
import type { ShopConfig } from "../shop/shop-config";
import type { ValidatedRow } from "./batch-row";
import { type BatchColumn, columnName, knownColumn } from "./column-names";

/** What the rows are checked against: the shop, and step 1's values, the defaults of every row. Internal. */
export interface RowsContext {
  readonly shop?: ShopConfig | undefined;
  /** Step 1's amount as given (a text as typed, or minor units), before it is checked. */
  readonly amount: unknown;
  /** Step 1's currency as given. */
  readonly currency: unknown;
  /** Step 1's buyer reference as given. */
  readonly buyerReference: unknown;
  /** The request's custom variables, already checked. */
  readonly variables: Readonly<Record<string, string>>;
}

/** What {@link checkRows} found. Internal. */
export interface CheckedRows {
  /** One per row that is not blank, in row order; meaningful only when no issue was reported. */
  readonly rows: ValidatedRow[];
  /** What step 1's check needs to know of them. */
  readonly shape: BatchShape;
  /** The names of the variables the columns fill: the message may use them. */
  readonly variableNames: string[];
  /** The rows' own references, each with the index of the first row that has it. */
  readonly ownReferences: ReadonlyMap<string, number>;
  /** The indices of the rows that take the order's reference, suffixed, in row order. */
  readonly unreferencedRows: readonly number[];
  /** The heading the references are under. */
  readonly referenceHeading: string;
}

/** What a heading stands for. */
type Heading =
  | { readonly kind: "known"; readonly column: BatchColumn }
  | { readonly kind: "variable"; readonly name: string }
  | { readonly kind: "invalid" };

/** A cell as a value: `undefined` when empty. */
function cellOf(row: object, heading: string): string | number | undefined {
  const value = Object.hasOwn(row, heading) ? (row as Record<string, unknown>)[heading] : undefined;
  if (typeof value === "string") return value.trim() === "" ? undefined : value;
  return value as number | undefined;
}

const isBlank = (row: object): boolean => Object.keys(row).every((heading) => cellOf(row, heading) === undefined);

/**
 * Reads every row's headings once: each is a known column or a variable; two headings for one name, or a
 * heading that cannot be a variable's name, are reported once, at the first row that has them.
 */
function readHeadings(rows: readonly unknown[], sink: IssueSink): Map<string, Heading> {
  const headings = new Map<string, Heading>();
  const owner = new Map<string, string>();
  rows.forEach((row, index) => {
    if (row === null || typeof row !== "object" || Array.isArray(row)) return;
    for (const heading of Object.keys(row)) {
      if (headings.has(heading)) continue;
      const at = sink.at(index, heading);
      const column = knownColumn(heading);
      const name = column ?? columnName(heading);
      const taken = owner.get(name);
      if (taken !== undefined) {
        at.add("variable_invalid", { reason: "duplicate", name: preview(heading), other: preview(taken) });
        headings.set(heading, { kind: "invalid" });
        continue;
      }
      owner.set(name, heading);
      if (column !== undefined) {
        headings.set(heading, { kind: "known", column });
        continue;
      }
      const problem = name === "" ? "name" : variableNameProblem(name);
      if (problem !== undefined) {
        at.add("variable_invalid", { reason: problem, name: preview(heading) });
        headings.set(heading, { kind: "invalid" });
      } else headings.set(heading, { kind: "variable", name });
    }
  });
  return headings;
}

/** The heading a known column is found under, or the column's own name when no row has it. */
function headingOf(headings: Map<string, Heading>, column: BatchColumn): string {
  for (const [heading, what] of headings) if (what.kind === "known" && what.column === column) return heading;
  return column;
}

/**
 * Checks the rows of a batch, one link each: the e-mail (required), the amount and currency (the row's, or step
 * 1's), the row's own reference, the buyer reference, and the other columns as message variables. Every issue is
 * reported at `rows`, the row's index and the column's heading, such as `["rows", 12, "amount"]`. Rows whose
 * cells are all empty are skipped. Internal.
 */
export const checkRows: Check<RowsContext, CheckedRows> = (input, context, sink) => {
  if (!Array.isArray(input)) {
    sink.add("type_invalid", { expected: "rows" });
    return undefined;
  }
  const { shop } = context;
  const headings = readHeadings(input, sink);
  const at = {
    email: headingOf(headings, "email"),
    amount: headingOf(headings, "amount"),
    currency: headingOf(headings, "currency"),
    orderReference: headingOf(headings, "orderReference"),
    buyerReference: headingOf(headings, "buyerReference"),
  };
  const variableHeadings = [...headings].flatMap(([heading, what]) =>
    what.kind === "variable" ? [[heading, what.name] as const] : [],
  );
  const defaultCurrency = typeof context.currency === "string" ? getCurrency(context.currency) : undefined;
  const defaultBuyer = typeof context.buyerReference === "string" ? context.buyerReference.trim() : "";
  const ignored = sink.fork();
  const seenReferences = new Map<string, number>();
  const rows: ValidatedRow[] = [];
  const recipients: string[] = [];
  const unreferencedRows: number[] = [];
  let nonBlank = 0;

  input.forEach((row: unknown, index) => {
    const rowSink = sink.at(index);
    if (row !== null && typeof row === "object" && !Array.isArray(row) && isBlank(row)) return;
    nonBlank++;
    if (row === null || typeof row !== "object" || Array.isArray(row)) {
      rowSink.add("type_invalid", { expected: "object" });
      return;
    }

    const email = cellOf(row, at.email);
    let recipient: string | undefined;
    if (email === undefined) rowSink.at(at.email).add("row_value_missing", { field: "email" });
    else {
      const check = normalizeEmailAddress(String(email));
      if (check.ok) recipient = check.address;
      else rowSink.at(at.email).add("recipient_invalid", { value: preview(String(email)), reason: check.reason });
    }

    const ownCurrency = cellOf(row, at.currency);
    let currency: string | undefined;
    let digits: number | undefined;
    if (ownCurrency !== undefined) {
      const before = sink.issues.length;
      const checked = checkCurrency(ownCurrency, { shop }, rowSink.at(at.currency));
      if (sink.issues.length === before && checked) ({ code: currency, digits } = checked);
    } else {
      if (context.currency === undefined) rowSink.at(at.currency).add("row_value_missing", { field: "currency" });
      else if (defaultCurrency) ({ code: currency, digits } = defaultCurrency);
    }

    const ownAmount = cellOf(row, at.amount);
    let amount: number | undefined;
    if (ownAmount !== undefined) {
      amount = checkAnyAmount(ownAmount, { digits, currency: currency ?? "" }, rowSink.at(at.amount));
    } else {
      if (context.amount === undefined) rowSink.at(at.amount).add("row_value_missing", { field: "amount" });
      else {
        // Step 1's amount, read in this row's currency; its own issues are step 1's, reported there.
        amount = checkAnyAmount(context.amount, { digits, currency: currency ?? "" }, ignored);
      }
    }

    const ownReference = cellOf(row, at.orderReference);
    let reference: string | undefined;
    if (ownReference === undefined) unreferencedRows.push(index);
    else {
      const referenceSink = rowSink.at(at.orderReference);
      reference = checkOrderReference(String(ownReference), { required: false, recipientCount: 1 }, referenceSink);
      if (reference !== undefined) {
        const first = seenReferences.get(reference);
        if (first !== undefined) referenceSink.add("reference_duplicate", { value: preview(reference), row: first });
        else seenReferences.set(reference, index);
      }
    }

    const ownBuyer = cellOf(row, at.buyerReference);
    const buyerReference =
      ownBuyer === undefined
        ? defaultBuyer === ""
          ? undefined
          : defaultBuyer
        : checkBuyerReference(String(ownBuyer), undefined, rowSink.at(at.buyerReference));

    const entries: [string, string][] = Object.entries(context.variables);
    for (const [heading, name] of variableHeadings) {
      // An empty cell is kept as "": the lines that use it are left out of this row's e-mail.
      entries.push([name, checkVariableValue(cellOf(row, heading), name, rowSink.at(heading)) ?? ""]);
    }

    if (recipient !== undefined) recipients.push(recipient);
    if (recipient !== undefined && amount !== undefined && currency !== undefined) {
      rows.push({ recipient, amount, currency, reference, buyerReference, variables: Object.fromEntries(entries) });
    }
  });

  if (nonBlank === 0) sink.add("recipients_empty");
  const max = shop?.maxRecipients;
  if (max !== undefined && nonBlank > max) sink.add("recipients_too_many", { max, count: nonBlank });
  const first = rows[0];
  const unreferenced = unreferencedRows.length;
  return {
    rows,
    variableNames: variableHeadings.map(([, name]) => name),
    ownReferences: seenReferences,
    unreferencedRows,
    referenceHeading: at.orderReference,
    shape: {
      recipients,
      unreferenced,
      // No row takes the order's reference: it gets no suffix. Otherwise suffixed, unless the batch is one row.
      suffixCount: unreferenced > 0 && nonBlank > 1 ? Math.max(2, unreferenced) : 1,
      fallback: first && { amount: first.amount, currency: first.currency },
    },
  };
};
