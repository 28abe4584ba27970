/**
 * Every stable issue code that a validator can return, in one `as const` list.
 *
 * A code never changes meaning and is never renamed: renaming one is a breaking change.
 * `docs/errors.md` lists each code with its English and French messages.
 */
export const ISSUE_CODES = [
  "type_invalid",
  "shop_mismatch",
  "mode_invalid",
  "channel_unsupported",
  "amount_invalid",
  "amount_not_positive",
  "amount_too_precise",
  "amount_too_large",
  "currency_unknown",
  "currency_not_accepted",
  "reference_required",
  "reference_too_long",
  "reference_invalid_character",
  "recipients_empty",
  "recipient_invalid",
  "recipient_duplicate",
  "recipient_separator",
  "recipients_too_many",
  "buyer_reference_invalid",
  "buyer_reference_too_long",
  "bcc_manager_missing",
  "bcc_me_missing",
  "bcc_invalid",
  "bcc_too_many",
  "timezone_invalid",
  "language_invalid",
  "option_not_in_offer",
  "validity_conflict",
  "validity_out_of_range",
  "expiry_invalid",
  "expiry_in_past",
  "expiry_too_far",
  "payment_method_saving_invalid",
  "three_ds_invalid",
  "three_ds_forced",
  "form_and_saving_exclusive",
  "capture_delay_out_of_range",
  "message_subject_invalid",
  "message_body_empty",
  "message_body_too_long",
  "message_unknown_variable",
  "field_unknown",
  "rows_and_recipients",
  "row_value_missing",
  "reference_duplicate",
  "variable_invalid",
] as const;

/** One of {@link ISSUE_CODES}: the stable, machine-readable identity of a validation issue. */
export type IssueCode = (typeof ISSUE_CODES)[number];
