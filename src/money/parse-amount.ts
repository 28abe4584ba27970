import { createIssue } from "../issues/create-issue";
import type { Issue, LocaleOptions } from "../issues/issue";
import { preview, textOf } from "../issues/preview";
import { fail, ok, type Result } from "../issues/result";
import { AMOUNT_MAX_DIGITS, type Currency } from "./currency";
import { resolveCurrency } from "./get-currency";

const GROUP_SEPARATORS = new Set([" ", "\u00a0", "\u202f"]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

interface Parts {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

/** Reads `[-]digits[groups][(,|.)digits]` in one pass, without regular expressions. */
function split(text: string): Parts | undefined {
  let i = 0;
  const negative = text[0] === "-";
  if (negative) i = 1;
  let integer = "";
  let groupLength = -1; // -1: no group separator seen yet
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (isDigit(c)) {
      integer += c;
      if (groupLength >= 0) groupLength++;
    } else if (GROUP_SEPARATORS.has(c)) {
      // a separator needs 1–3 digits before it (first group) or exactly 3 (later groups)
      if (groupLength === -1 ? integer.length < 1 || integer.length > 3 : groupLength !== 3) return undefined;
      groupLength = 0;
    } else break;
  }
  if (integer.length === 0 || (groupLength >= 0 && groupLength !== 3)) return undefined;
  if (i === text.length) return { negative, integer, fraction: "" };
  if (text[i] !== "," && text[i] !== ".") return undefined;
  const fraction = text.slice(i + 1);
  if (fraction.length === 0) return undefined;
  for (const c of fraction) if (!isDigit(c)) return undefined;
  return { negative, integer, fraction };
}

/**
 * Reads an amount as a person types it and returns it in integer minor units (4990 for 49,90 EUR).
 *
 * Accepted: digits, with `,` or `.` as the decimal separator, and a space, a no-break space or a narrow
 * no-break space between groups of three digits (`1 234,56`). Not accepted: a sign, a currency symbol, `,` or
 * `.` as a group separator, more decimals than the currency has (the amount is never rounded). The amount must
 * be greater than zero and have at most 12 digits in minor units.
 *
 * @param text - What the person typed; surrounding spaces are ignored.
 * @param currency - Currency code or {@link Currency}; it gives the number of decimals.
 * @param options - `locale` of the issue messages.
 * @returns The amount in minor units, or the issues (`amount_invalid`, `amount_not_positive`,
 *   `amount_too_precise`, `amount_too_large`, `currency_unknown`).
 * @example
 * ```ts
 * parseAmount("1 234,56", "EUR"); // { ok: true, value: 123456 }
 * parseAmount("49,999", "EUR");   // { ok: false, issues: [{ code: "amount_too_precise", … }] }
 * ```
 */
export function parseAmount(text: string, currency: string | Currency, options: LocaleOptions = {}): Result<number> {
  const locale = options.locale;
  const resolved = resolveCurrency(currency);
  if (resolved === undefined) {
    const shown = typeof currency === "object" && currency !== null ? (currency as { code?: unknown }).code : currency;
    return fail([createIssue("currency_unknown", [], { value: preview(textOf(shown)) }, locale)]);
  }
  return parseAmountDigits(text, resolved.digits, resolved.code, locale);
}

/**
 * The body of {@link parseAmount} once the decimals are known. Internal: the link validators call it with the
 * currency they resolved, or with `undefined` digits when the currency is unknown (then precision is not checked).
 */
export function parseAmountDigits(
  text: string,
  digits: number | undefined,
  currencyCode: string,
  locale: LocaleOptions["locale"],
  path: readonly (string | number)[] = [],
): Result<number> {
  if (typeof text !== "string") return fail([createIssue("type_invalid", path, { expected: "string" }, locale)]);
  const parts = split(text.trim());
  if (parts === undefined) return fail([createIssue("amount_invalid", path, {}, locale)]);
  const issues: Issue[] = [];
  if (digits !== undefined && parts.fraction.length > digits) {
    issues.push(createIssue("amount_too_precise", path, { digits, currency: currencyCode }, locale));
  }
  const scale = digits ?? parts.fraction.length;
  const minorDigits = (parts.integer + parts.fraction.padEnd(scale, "0").slice(0, scale)).replace(/^0+/, "");
  if (minorDigits.length > AMOUNT_MAX_DIGITS) {
    issues.push(createIssue("amount_too_large", path, { maxDigits: AMOUNT_MAX_DIGITS }, locale));
  } else if (parts.negative || minorDigits.length === 0) {
    issues.push(createIssue("amount_not_positive", path, {}, locale));
  }
  return issues.length > 0 ? fail(issues) : ok(Number(minorDigits));
}
