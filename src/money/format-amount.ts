import { numberFormat } from "../internal/intl-formats";
import { PaylinksError } from "../issues/paylinks-error";
import type { Currency } from "./currency";
import { resolveCurrency } from "./get-currency";

/** Options of {@link formatAmount}. */
export interface FormatAmountOptions {
  /**
   * How the currency is shown: its symbol (`€`), its code (`EUR`), or not at all.
   * @defaultValue `"symbol"`
   */
  readonly display?: "symbol" | "code" | "none" | undefined;
  /**
   * Whether thousands are grouped (`1 234,56`).
   * @defaultValue `true`
   */
  readonly grouping?: boolean | undefined;
}

/**
 * Formats an amount in minor units for people, with `Intl.NumberFormat`, always with the currency's number of
 * decimals. The conversion is exact: no floating-point division is involved.
 *
 * @param minor - Amount in minor units, a safe integer (4990 for 49,90 EUR).
 * @param currency - Currency code or {@link Currency}.
 * @param locale - A BCP 47 language tag such as `"fr"` or `"en-GB"`.
 * @param options - Currency display and grouping.
 * @returns The formatted amount, e.g. `"49,90 €"` in French.
 * @throws {@link PaylinksError} `currency_unknown` when the currency is not an active ISO 4217 currency, and
 *   `amount_invalid` when `minor` is not a safe integer.
 * @example
 * ```ts
 * formatAmount(123456, "EUR", "fr"); // "1 234,56 €"
 * formatAmount(4990, "EUR", "en", { display: "code" }); // "EUR 49.90"
 * ```
 */
export function formatAmount(
  minor: number,
  currency: string | Currency,
  locale: string,
  options: FormatAmountOptions = {},
): string {
  const resolved = resolveCurrency(currency);
  if (!resolved) throw new PaylinksError("currency_unknown", `Unknown currency: ${String(currency)}`);
  if (!Number.isSafeInteger(minor)) throw new PaylinksError("amount_invalid", `Not an integer amount: ${minor}`);
  const digits = resolved.digits;
  const sign = minor < 0 ? "-" : "";
  const abs = String(Math.abs(minor)).padStart(digits + 1, "0");
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  const display = options.display ?? "symbol";
  const format = numberFormat(locale, {
    ...(display === "none"
      ? { style: "decimal" }
      : { style: "currency", currency: resolved.code, currencyDisplay: display }),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    useGrouping: options.grouping ?? true,
  });
  // A decimal string keeps every digit exact (Intl.NumberFormat v3); numbers here stay below 2^53 anyway.
  return format.format(`${sign}${decimal}` as unknown as number);
}
