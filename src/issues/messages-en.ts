import type { IssueParams, Locale } from "./issue";
import type { IssueCatalog } from "./issue-catalog";
import { lookup } from "./lookup";

const TYPES: Readonly<Record<string, string>> = {
  string: "a text",
  number: "a number",
  integer: "a whole number",
  boolean: "true or false",
  object: "an object",
  list: "a text or a list of texts",
  instant: "a date and time in ISO 8601, such as 2026-12-31T23:59:00Z",
  choice: "one of the values allowed here",
  rows: "a list of rows, each an object of cells",
  days: "a list of whole numbers of days",
};

const ROW_FIELDS: Readonly<Record<string, string>> = {
  email: "an e-mail address",
  amount: "an amount",
  currency: "a currency",
};

const variableProblem = (p: IssueParams): string =>
  p.reason === "too_long"
    ? `The value of %${p.name}% is too long: keep it to ${p.max} characters (it has ${p.length}).`
    : p.reason === "duplicate"
      ? `The column “${p.name}” has the same name as the column “${p.other}”: rename one of them.`
      : p.reason === "reserved"
        ? `“${p.name}” is the name of a variable paylinks fills itself: rename this column or variable.`
        : `“${p.name}” cannot be a variable's name: use letters, digits and _ only.`;

const ADDRESS_REASONS: Readonly<Record<string, string>> = {
  at_missing: "it has no @",
  local_empty: "nothing comes before the @",
  local_too_long: "the part before the @ is longer than 64 characters",
  local_invalid: "the part before the @ has a character or a dot that is not allowed",
  domain_empty: "nothing comes after the @",
  domain_invalid: "the domain after the @ is not valid",
  tld_invalid: "the domain must end with a label of at least 2 letters, like .fr or .com",
  too_long: "it is longer than 254 characters",
};

const OPTIONS: Readonly<Record<string, string>> = {
  dataCollectionForm: "the data-collection form",
  paymentMethodSaving: "saving the payment method",
  threeDsPreference: "choosing the 3-D Secure preference",
};

const reason = (p: IssueParams): string => lookup(ADDRESS_REASONS, p.reason) ?? "it is not a valid address";

/** English messages for every issue code. */
export const messagesEn: IssueCatalog = {
  type_invalid: (p) => `This field must be ${lookup(TYPES, p.expected) ?? String(p.expected)}.`,
  shop_mismatch: (p) => `This link is for shop “${p.received}”, but the shop given is “${p.expected}”.`,
  mode_invalid: (p) => `“${p.value}” is not a mode: choose PRODUCTION or TEST.`,
  channel_unsupported: (p) => `“${p.value}” is not a channel paylinks can send through: choose email.`,
  amount_invalid: () => "Enter the amount with digits only, for example 49,90 or 1 234.56.",
  amount_not_positive: () => "Enter an amount greater than zero.",
  amount_too_precise: (p) =>
    p.digits === 0
      ? `${p.currency} has no decimals: enter a whole amount.`
      : `${p.currency} has ${p.digits} decimal${p.digits === 1 ? "" : "s"}: enter at most ${p.digits} digit${p.digits === 1 ? "" : "s"} after the separator.`,
  amount_too_large: (p) =>
    `This amount is too large: at most ${p.maxDigits} digits in the smallest unit of the currency.`,
  currency_unknown: (p) => `“${p.value}” is not an active ISO 4217 currency code.`,
  currency_not_accepted: (p) => `This shop does not accept ${p.currency}. Accepted: ${p.accepted}.`,
  reference_required: () => "Enter an order reference: this shop requires one.",
  reference_too_long: (p) =>
    Number(p.recipientCount) > 1
      ? `With ${p.recipientCount} recipients, the reference gets a suffix such as -001: keep it to ${p.maxBase} characters (it has ${p.length}).`
      : `Keep the order reference to ${p.max} characters (it has ${p.length}).`,
  reference_invalid_character: (p) =>
    `The order reference may only hold letters A–Z, digits, - and _: “${p.character}” at position ${p.position} is not allowed.`,
  recipients_empty: () => "Enter at least one buyer e-mail address.",
  recipient_invalid: (p) => `“${p.value}” is not a valid e-mail address: ${reason(p)}.`,
  recipient_duplicate: (p) => `“${p.value}” is already in the list: each recipient gets one link, enter it once.`,
  recipients_too_many: (p) =>
    `This shop sends at most ${p.max} links per order: split the ${p.count} addresses into several orders.`,
  recipient_separator: (p) =>
    `Separate addresses with “;”, not ${p.separator === "," ? "“,”" : "spaces"}: “${p.value}”.`,
  buyer_reference_invalid: (p) =>
    `The buyer reference holds an invisible control character at position ${p.position}: remove it.`,
  buyer_reference_too_long: (p) => `Keep the buyer reference to ${p.max} characters (it has ${p.length}).`,
  bcc_manager_missing: () => "This shop has no manager e-mail address: a copy cannot be sent to the manager.",
  bcc_me_missing: () => "Your account has no e-mail address: a copy cannot be sent to you.",
  bcc_too_many: (p) => `Send blind copies to at most ${p.max} addresses (there are ${p.count}).`,
  bcc_invalid: (p) => `“${p.value}” is not a valid e-mail address for a blind copy: ${reason(p)}.`,
  timezone_invalid: (p) => `“${p.value}” is not a time zone: use an IANA name such as Europe/Paris.`,
  language_invalid: (p) =>
    `“${p.value}” is not a language code: use two letters such as fr or en, optionally with a region (fr-CA).`,
  option_not_in_offer: (p) => `This shop's offer does not include ${lookup(OPTIONS, p.option) ?? p.option}.`,
  validity_conflict: () => "Give either a validity in days or an expiry date, not both.",
  validity_out_of_range: (p) => `Enter a whole number of days from ${p.min} to ${p.max}.`,
  expiry_invalid: () => "Enter the expiry date as a date, for example 2026-12-31.",
  expiry_in_past: () => "The expiry date is in the past: choose today or a later day.",
  expiry_too_far: (p) => `The expiry date is too far away: at most ${p.max} days from today.`,
  payment_method_saving_invalid: (p) =>
    `“${p.value}” is not a choice for saving the payment method: choose none, ask or always.`,
  three_ds_invalid: (p) =>
    `“${p.value}” is not a 3-D Secure preference: choose no_preference, challenge_requested, challenge_mandated or no_challenge_requested.`,
  three_ds_forced: () =>
    "When the payment method is saved, 3-D Secure authentication is mandatory: choose challenge_mandated or no preference.",
  form_and_saving_exclusive: () =>
    "The data-collection form and saving the payment method cannot be used together: turn one off.",
  capture_delay_out_of_range: (p) => `Enter a capture delay as a whole number of days from ${p.min} to ${p.max}.`,
  message_subject_invalid: (p) =>
    p.reason === "empty"
      ? "Enter a subject for the e-mail."
      : p.reason === "line_break"
        ? "The subject must fit on one line: remove the line break."
        : `Keep the subject to ${p.max} characters (it has ${p.length}).`,
  message_body_empty: () => "Enter the text of the e-mail.",
  message_body_too_long: (p) => `Keep the text of the e-mail to ${p.max} characters (it has ${p.length}).`,
  message_unknown_variable: (p) =>
    `%${p.variable}% is not a variable paylinks knows. Use one of %reference%, %amount%, %start_date%, %end_date%, %shop_name%, %url%, %shop_contact%, %shop_url%, %buyer_reference%.`,
  field_unknown: (p) => `“${p.field}” is not a field paylinks knows here: remove it or check its spelling.`,
  rows_and_recipients: () =>
    "A batch gives its recipients in its rows: leave the recipient list empty, or send without rows.",
  row_value_missing: (p) =>
    `This row has no ${lookup(ROW_FIELDS, p.field) ?? String(p.field)}, and the order has none to give it: fill it in.`,
  reference_duplicate: (p) =>
    `The reference “${p.value}” is already the one of row ${Number(p.row) + 1}: give each row its own reference.`,
  variable_invalid: variableProblem,
  reminders_too_many: (p) => `A link may have at most ${p.max} reminders (there are ${p.count}).`,
  reminder_offset_invalid: (p) => `Enter the reminder's offset as a whole number of days from ${p.min} to ${p.max}.`,
  reminder_time_invalid: (p) => `“${p.value}” is not a time of day: use HH:MM on 24 hours, for example 10:00.`,
  reminder_in_past: () => "This reminder would fall before the link is created: choose a later day.",
  reminder_after_expiry: () => "This reminder would fall after the link expires: choose an earlier day.",
  reminder_duplicate: () => "Another reminder already falls at the same time: remove one of them.",
};

/** English: the default language of issue messages. */
export const en: Locale = { code: "en", messages: messagesEn };
