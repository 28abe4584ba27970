export type { Currency } from "./currency";
export { AMOUNT_MAX_DIGITS, AMOUNT_MAX_MINOR } from "./currency";
export type { FormatAmountOptions } from "./format-amount";
export { formatAmount } from "./format-amount";
export { getCurrency, listCurrencies } from "./get-currency";
export { parseAmount } from "./parse-amount";
