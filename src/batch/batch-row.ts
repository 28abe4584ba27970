import type { LinkFormBcc, LinkParametersInput } from "../link/link-parameters";

/**
 * One row of a batch, as a spreadsheet gives it: each cell under its column's heading. A string cell is read as
 * typed (an amount such as `"49,90"` in the currency's decimals); a number amount is in minor units. Empty cells
 * and `undefined` are left out.
 *
 * The known columns are found by their heading, whatever its case, accents, spaces or dashes (see
 * {@link BATCH_COLUMNS}); every other column is a message variable named after its heading, such as
 * `%first_name%` for a column `First name`.
 */
export type BatchRow = Readonly<Record<string, string | number | undefined>>;

/** A row once checked: one link, with the order's defaults applied. */
export interface ValidatedRow {
  /** The buyer's address, in normal form. */
  readonly recipient: string;
  /** The amount in minor units: the row's, or the order's. */
  readonly amount: number;
  /** The ISO 4217 code: the row's, or the order's. */
  readonly currency: string;
  /** The row's own reference, kept as it is; `undefined` when the row takes the order's, suffixed. */
  readonly reference: string | undefined;
  /** The buyer reference: the row's, or the order's. */
  readonly buyerReference: string | undefined;
  /** The message variables: the order's, then the row's columns (`""` for an empty cell). */
  readonly variables: Readonly<Record<string, string>>;
}

/**
 * Step 1 of a batch: the shop, the mode, the channel and the blind copies of every link, and the defaults of the
 * rows (the amount, as minor units or as typed, the currency, the order reference that rows without their own are
 * suffixed from, the buyer reference). The recipients are the rows': leave `recipients` out.
 */
export interface BatchLinkInput extends Omit<LinkParametersInput, "amount" | "currency" | "recipients" | "bcc"> {
  /** The amount of the rows that have none; may be left out when every row has one. */
  readonly amount?: number | string | undefined;
  /** The currency of the rows that have none; may be left out when every row has one. */
  readonly currency?: string | undefined;
  /** Left out: a batch's recipients are its rows. */
  readonly recipients?: undefined;
  /** The blind copies of every link. */
  readonly bcc?: LinkParametersInput["bcc"] | LinkFormBcc | undefined;
}
