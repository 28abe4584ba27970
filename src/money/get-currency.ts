import type { Currency } from "./currency";
import { CURRENCY_TABLE } from "./currency-table";

let byCode: Map<string, Currency> | undefined;

function table(): Map<string, Currency> {
  if (!byCode) {
    byCode = new Map();
    for (const entry of CURRENCY_TABLE.split("|")) {
      const code = entry.slice(0, 3);
      byCode.set(
        code,
        Object.freeze({ code, numeric: entry.slice(3, 6), digits: Number(entry[6]), name: entry.slice(7) }),
      );
    }
  }
  return byCode;
}

/**
 * Looks up an active ISO 4217 currency by its alphabetic code.
 *
 * Funds (such as CLF), precious metals (XAU), bond-market and accounting units (XDR) and the testing code (XTS)
 * are not currencies a shop is paid in and have no entry. Surrounding spaces and lower case are accepted
 * (`" eur"` finds EUR).
 *
 * @param code - Alphabetic code, e.g. `"EUR"`.
 * @returns The currency, or `undefined` when the code is not an active currency.
 * @example
 * ```ts
 * getCurrency("EUR"); // { code: "EUR", numeric: "978", digits: 2, name: "Euro" }
 * getCurrency("XAU"); // undefined
 * ```
 */
export function getCurrency(code: string): Currency | undefined {
  if (typeof code !== "string") return undefined;
  const trimmed = code.trim();
  return /^[A-Za-z]{3}$/.test(trimmed) ? table().get(trimmed.toUpperCase()) : undefined;
}

/**
 * Lists every active ISO 4217 currency, sorted by code: the choices of a currency drop-down.
 * @returns A new array of frozen currencies.
 */
export function listCurrencies(): Currency[] {
  return [...table().values()];
}

/**
 * Resolves a currency given as a code or as a {@link Currency} object, checking that an object's `digits` is
 * a whole number from 0 to 9. Internal.
 * @param currency - A code or an object.
 * @returns The currency, or `undefined`.
 */
export function resolveCurrency(currency: unknown): Currency | undefined {
  if (typeof currency === "string") return getCurrency(currency);
  if (currency === null || typeof currency !== "object") return undefined;
  const { code, digits } = currency as { code?: unknown; digits?: unknown };
  return typeof code === "string" &&
    typeof digits === "number" &&
    Number.isInteger(digits) &&
    digits >= 0 &&
    digits <= 9
    ? (currency as Currency)
    : undefined;
}
