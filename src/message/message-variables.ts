/**
 * The variables a message may use, each written between `%` signs. Rendering replaces each one with its value
 * for the link; a line whose variable has no value (a shop with no URL) is left out.
 *
 * - `%reference%`: the link's order reference, suffix included.
 * - `%amount%`: the amount with its currency, formatted for the message's language.
 * - `%start_date%`: the day the order was created.
 * - `%end_date%`: the link's last valid day.
 * - `%shop_name%`: the shop's name.
 * - `%url%`: the payment link; appended at the end when the body does not use it.
 * - `%shop_contact%`: the shop's contact address.
 * - `%shop_url%`: the shop's web site.
 * - `%buyer_reference%`: the buyer reference.
 */
export const MESSAGE_VARIABLES = [
  "%reference%",
  "%amount%",
  "%start_date%",
  "%end_date%",
  "%shop_name%",
  "%url%",
  "%shop_contact%",
  "%shop_url%",
  "%buyer_reference%",
] as const;

/** One of {@link MESSAGE_VARIABLES}. */
export type MessageVariable = (typeof MESSAGE_VARIABLES)[number];

/** A variable's name without its `%` signs, e.g. `"shop_name"`. */
export type MessageVariableName = MessageVariable extends `%${infer Name}%` ? Name : never;

/** Whether a name (without `%`) is one of {@link MESSAGE_VARIABLES}. */
export function isMessageVariableName(name: string): name is MessageVariableName {
  return (MESSAGE_VARIABLES as readonly string[]).includes(`%${name}%`);
}

/**
 * The variables a reminder message may use besides {@link MESSAGE_VARIABLES}:
 *
 * - `%reminder_number%`: 1 for the link's first reminder, 2 for the next…
 * - `%days_left%`: whole days from the reminder's day to the expiry day in the shop's time zone (0 on the
 *   expiry day).
 */
export const REMINDER_VARIABLES = ["%reminder_number%", "%days_left%"] as const;

/** The names of {@link REMINDER_VARIABLES}, without `%`. Internal. */
export const REMINDER_VARIABLE_NAMES: ReadonlySet<string> = new Set(["reminder_number", "days_left"]);
