import type { StoredLink } from "../../ports/payment-order-records";
import { LINK_COLUMNS } from "./row-mapping";

/** What one insert of a batch of links sends: its SQL text and its parameters. Internal. */
export interface LinkInsert {
  readonly text: string;
  readonly values: unknown[];
}

/** Stand for a link's URL and reference in an e-mail text that the links of one insert share. */
const URL_MARK = "\u0001url\u0001";
const REFERENCE_MARK = "\u0001reference\u0001";
/** The character that starts and ends both marks. */
const MARK_EDGE = "\u0001";

/** The e-mail text columns, which may be sent once and rebuilt for each link. */
const TEXT_COLUMNS: ReadonlySet<string> = new Set(["subject", "text_body", "html_body"]);

/** A text with every occurrence of `from` replaced by `to`, literally (as SQL `replace` does). */
const replaced = (text: string, from: string, to: string): string => text.split(from).join(to);

/** A link's text with its URL and reference marked, or undefined when the text already holds a mark. */
function shapeOf(text: string, link: StoredLink): string | undefined {
  if (link.url === "" || text.includes(URL_MARK) || text.includes(REFERENCE_MARK)) return undefined;
  const withUrl = replaced(text, link.url, URL_MARK);
  return link.reference ? replaced(withUrl, link.reference, REFERENCE_MARK) : withUrl;
}

/** What the SQL expression of a shared text gives for one link: the marks replaced, URL first. */
const rebuilt = (shape: string, link: StoredLink): string =>
  replaced(replaced(shape, URL_MARK, link.url), REFERENCE_MARK, link.reference ?? "");

/**
 * {@link rebuilt} for many links of one shape. The shape is cut at its URL marks, then each piece at its reference
 * marks, once, and a link's text is those pieces joined again: the same text when neither the shape's own text
 * nor the URL holds the marks' first character (then no mark can form where a URL meets a piece); otherwise each
 * text is rebuilt as the SQL does.
 */
function rebuilder(shape: string): (link: StoredLink) => string {
  const pieces = shape.split(URL_MARK).map((piece) => piece.split(REFERENCE_MARK));
  const plain = pieces.every((piece) => piece.every((part) => !part.includes(MARK_EDGE)));
  return (link) =>
    plain && !link.url.includes(MARK_EDGE)
      ? pieces.map((piece) => piece.join(link.reference ?? "")).join(link.url)
      : rebuilt(shape, link);
}

/**
 * The one text every link of the batch is made of, its URL and reference marked, when there is one and it gives
 * back each link's own text exactly; undefined otherwise (then each link's text is sent). The shape comes from the
 * first link; every link is then checked against what the server will rebuild from it.
 */
function sharedShape(batch: readonly StoredLink[], textOf: (link: StoredLink) => unknown): string | undefined {
  const head = batch[0];
  if (head === undefined) return undefined;
  const shape = shapeOf(String(textOf(head)), head);
  if (shape === undefined) return undefined;
  const rebuild = rebuilder(shape);
  for (const link of batch) if (rebuild(link) !== String(textOf(link))) return undefined;
  return shape;
}

/** Each link's value of a column, made once for each run of links that share the object it is made from. */
function valuesBySource(
  batch: readonly StoredLink[],
  value: (link: StoredLink) => unknown,
  source: (link: StoredLink) => unknown,
): unknown[] {
  const values: unknown[] = new Array(batch.length);
  let from: unknown;
  let made: unknown;
  batch.forEach((link, index) => {
    const own = source(link);
    if (index === 0 || own !== from) {
      from = own;
      made = value(link);
    }
    values[index] = made;
  });
  return values;
}

/**
 * A list of values as a PostgreSQL array literal, a parameter value (not SQL): every element between double
 * quotes with its quotes and backslashes escaped, or NULL.
 */
function arrayLiteral(values: readonly unknown[]): string {
  const parts = values.map((value) => {
    if (value === null || value === undefined) return "NULL";
    const text = String(value);
    return '"'.concat(/["\\]/.test(text) ? text.replace(/["\\]/g, "\\$&") : text, '"');
  });
  return "{".concat(parts.join(","), "}");
}

/**
 * Builds the insert of a batch of links in one statement. A column whose value is the same for every link (the
 * order's, the status, the dates of a fresh order, the nulls) is sent once; the others go as one array each,
 * unnested. An e-mail text that all the links share but for their URL and reference is sent once and rebuilt by
 * the server for each row, after checking here that it gives back every link's text exactly. What is stored is
 * the same as one insert per link would store. Internal.
 *
 * @param table - The links table, its schema quoted.
 * @param batch - The links, at least one.
 * @returns The statement and its parameters.
 */
export function linkInsert(table: string, batch: readonly StoredLink[]): LinkInsert {
  const values: unknown[] = [];
  const expressions = new Map<string, string>();
  const unnested: string[] = [];
  const names: string[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  for (const [column, type, value, source] of LINK_COLUMNS) {
    if (TEXT_COLUMNS.has(column)) continue;
    const columnValues = source ? valuesBySource(batch, value, source) : batch.map(value);
    const first = columnValues[0];
    // The id always varies, and its array sets the number of rows.
    if (column !== "id" && columnValues.every((v) => v === first)) {
      expressions.set(column, `${param(first)}::${type}`);
    } else {
      unnested.push(`${param(arrayLiteral(columnValues))}::${type === "jsonb" ? "text" : type}[]`);
      names.push(column);
      expressions.set(column, type === "jsonb" ? `${column}::jsonb` : column);
    }
  }
  let marks: { url: string; reference: string } | undefined;
  // The texts last, once the URL's and the reference's expressions are known.
  for (const [column, , textOf] of LINK_COLUMNS.filter(([name]) => TEXT_COLUMNS.has(name))) {
    const shape = sharedShape(batch, textOf);
    if (shape === undefined) {
      unnested.push(`${param(arrayLiteral(batch.map(textOf)))}::text[]`);
      names.push(column);
      expressions.set(column, column);
      continue;
    }
    marks ??= { url: param(URL_MARK), reference: param(REFERENCE_MARK) };
    const url = expressions.get("url");
    const reference = expressions.get("reference");
    expressions.set(
      column,
      `replace(replace(${param(shape)}::text, ${marks.url}::text, ${url}), ${marks.reference}::text, coalesce(${reference}, ''))`,
    );
  }
  const columns = LINK_COLUMNS.map(([column]) => column);
  const text = `insert into ${table} (${columns.join(", ")})
    select ${columns.map((column) => expressions.get(column)).join(", ")}
    from unnest(${unnested.join(", ")}) as t(${names.join(", ")})`;
  return { text, values };
}
