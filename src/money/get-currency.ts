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
 * are not currencies a shop is paid in and have no entry. The code must be upper case, as ISO writes it.
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
  return typeof code === "string" ? table().get(code) : undefined;
}

/**
 * Lists every active ISO 4217 currency, sorted by code: the choices of a currency drop-down.
 * @returns A new array of frozen currencies.
 */
export function listCurrencies(): Currency[] {
  return [...table().values()];
}
