/** An active ISO 4217 currency. */
export interface Currency {
  /** Alphabetic code, e.g. `"EUR"`. */
  readonly code: string;
  /** Numeric code as a 3-digit string, e.g. `"978"`. */
  readonly numeric: string;
  /** Number of decimals of the minor unit: 0 for JPY, 2 for EUR, 3 for KWD. */
  readonly digits: number;
  /** English name from ISO 4217, e.g. `"Euro"`. */
  readonly name: string;
}

/** Largest number of digits an amount may have in minor units (999 999 999 999 at most). */
export const AMOUNT_MAX_DIGITS = 12;

/** Largest amount in minor units: 999 999 999 999. */
export const AMOUNT_MAX_MINOR = 999_999_999_999;
