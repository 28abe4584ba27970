/**
 * The columns a batch knows, each with the headings it is found under once normalised (see {@link columnName}):
 * English, French and the field names of step 1. Any other heading is a message variable.
 */
export const BATCH_COLUMNS = {
  /** The buyer's address: required in every row. */
  email: ["email", "e_mail", "mail", "courriel", "adresse_e_mail", "recipient", "destinataire"],
  /** The amount, as typed or in minor units. */
  amount: ["amount", "montant"],
  /** The ISO 4217 code. */
  currency: ["currency", "devise"],
  /** The row's own order reference, kept without a suffix. */
  orderReference: ["order_reference", "orderreference", "reference", "reference_commande"],
  /** The buyer reference. */
  buyerReference: ["buyer_reference", "buyerreference", "reference_acheteur"],
} as const;

/** One of the keys of {@link BATCH_COLUMNS}. */
export type BatchColumn = keyof typeof BATCH_COLUMNS;

const KNOWN = new Map<string, BatchColumn>(
  (Object.keys(BATCH_COLUMNS) as BatchColumn[]).flatMap((column) =>
    BATCH_COLUMNS[column].map((heading): [string, BatchColumn] => [heading, column]),
  ),
);

/**
 * A column heading as a name: without accents, in lower case, every run of other characters than ASCII letters
 * and digits made one `_`, none at either end. It is the name of the message variable the column fills.
 *
 * @param heading - The heading as written in the sheet.
 * @returns The name; `""` when nothing usable is left.
 * @example
 * ```ts
 * columnName(" Prénom du client "); // "prenom_du_client"
 * columnName("E-mail"); // "e_mail"
 * ```
 */
export function columnName(heading: string): string {
  return heading
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * The known column a heading stands for, if any.
 * @param heading - The heading as written in the sheet.
 * @returns The column, or `undefined` when the heading is a message variable.
 */
export function knownColumn(heading: string): BatchColumn | undefined {
  return KNOWN.get(columnName(heading));
}
