import { collect } from "../internal/issue-sink";
import { shown } from "../internal/preview";
import type { LocaleOptions } from "../issues/issue";
import type { Result } from "../issues/result";
import { checkAmountText } from "./check-amount";
import type { Currency } from "./currency";
import { resolveCurrency } from "./get-currency";

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
  return collect(options.locale, (sink) => {
    const resolved = resolveCurrency(currency);
    if (resolved !== undefined)
      return checkAmountText(text, { digits: resolved.digits, currency: resolved.code }, sink);
    const given = typeof currency === "object" && currency !== null ? (currency as { code?: unknown }).code : currency;
    sink.add("currency_unknown", { value: shown(given) });
    return undefined;
  });
}
