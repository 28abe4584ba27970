/**
 * The currency list paylinks ships, computed from the currency-codes package: its ISO 4217 list one, less the
 * entries that are not currencies a shop can be paid in, plus the ISO amendments it does not have yet.
 * Used by generate-currency-table.ts (which writes src/money/currency-table.ts) and by the test that checks the
 * committed table still agrees with the package.
 */
import { createRequire } from "node:module";

interface SourceEntry {
  code: string;
  number: string;
  digits: number;
  currency: string;
}

/** One currency as paylinks ships it. */
export interface SourceCurrency {
  code: string;
  numeric: string;
  digits: number;
  name: string;
}

/** Funds, precious metals, bond-market and accounting units, the testing code and "no currency". */
export const EXCLUDED_CODES: readonly string[] = [
  // funds
  "BOV",
  "CHE",
  "CHW",
  "CLF",
  "COU",
  "MXV",
  "USN",
  "UYI",
  "UYW",
  // precious metals
  "XAG",
  "XAU",
  "XPD",
  "XPT",
  // bond-market units
  "XBA",
  "XBB",
  "XBC",
  "XBD",
  // units of account (IMF SDR, Sucre, African Development Bank)
  "XDR",
  "XSU",
  "XUA",
  // testing, and no currency
  "XTS",
  "XXX",
];

/** ISO 4217 amendments later than the currency-codes data. */
export const AMENDMENTS: { readonly add: readonly SourceCurrency[]; readonly remove: readonly string[] } = {
  // Amendment 176: the Caribbean guilder (XCG, numeric 532) replaces the Netherlands Antillean guilder (ANG, 532).
  add: [{ code: "XCG", numeric: "532", digits: 2, name: "Caribbean Guilder" }],
  remove: ["ANG"],
};

/** @returns The currencies, sorted by code. */
export function currencySource(): SourceCurrency[] {
  const require = createRequire(import.meta.url);
  const data = (require("currency-codes") as { data: SourceEntry[] }).data;
  const removed = new Set([...EXCLUDED_CODES, ...AMENDMENTS.remove]);
  const list = data
    .filter((entry) => !removed.has(entry.code))
    .map((entry) => ({ code: entry.code, numeric: entry.number, digits: entry.digits, name: entry.currency.trim() }));
  for (const added of AMENDMENTS.add) {
    if (!list.some((entry) => entry.code === added.code)) list.push({ ...added });
  }
  return list.sort((a, b) => (a.code < b.code ? -1 : 1));
}
