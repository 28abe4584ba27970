/** The two kinds of due links: e-mails waiting for delivery, and sent links waiting for a reminder. Fixed SQL. */
export const CLAIMS = {
  email: { where: "delivery_status = 'PENDING'", column: "next_attempt_at" },
  reminder: { where: "delivery_status = 'SENT'", column: "reminder_due_at" },
} as const;

/** A kind of due link a claim takes. Internal. */
export type ClaimKind = keyof typeof CLAIMS;

/**
 * The statement that claims at most `$4` due links of one kind, atomically, in the order of their due column,
 * leasing them to `$2` until `$3`, due at `$1`; with `scoped`, only the links of the order `$5`. A partial index
 * serves each form: `paylinks_links_due` (or `paylinks_links_reminder_due`) the claim of every order, and
 * `paylinks_links_order_due` the claim of one order's e-mails, so that a claim reads about as many index entries
 * as it takes links, whatever the statistics say of a large order saved a moment ago. Internal.
 * @param links - The links table, schema-qualified and quoted.
 * @param columns - The columns it returns.
 */
export function claimSql(links: string, kind: ClaimKind, scoped: boolean, columns: string): string {
  const { where, column } = CLAIMS[kind];
  return `with due as (
         select id from ${links}
         where ${where} and ${column} <= $1::timestamptz
           and (lease_expires_at is null or lease_expires_at <= $1::timestamptz) ${scoped ? "and order_id = $5" : ""}
         order by ${column}, created_at, id collate "C"
         limit $4
         for update skip locked
       )
       update ${links} l
       set lease_owner = $2, lease_expires_at = $3::timestamptz, version = l.version + 1
       from due where l.id = due.id
       returning ${columns}`;
}
