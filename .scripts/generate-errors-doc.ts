/**
 * Writes docs/errors.md: every issue code and error code, what triggers it, the params it carries, and its
 * English and French messages rendered from the library's own catalogs. Run with
 * `npx tsx .scripts/generate-errors-doc.ts`. The output depends only on the source, so two runs give the same
 * bytes; a test compares docs/errors.md with {@link renderErrorsDoc}.
 */
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AddressProblem, ErrorCode, IssueCode, IssueParams } from "../src/index";
import { BCC_MAX_ADDRESSES, ERROR_CODES, ISSUE_CODES, messagesEn, normalizeEmailAddress } from "../src/index";
import { messagesFr } from "../src/locales/fr";

/** What the documentation says about one issue code. */
interface IssueCodeDoc {
  /** The field it is about, for the summary table. */
  readonly field: string;
  /** Where the issue points: the paths it can have. */
  readonly where: string;
  /** What makes a validator report it. */
  readonly trigger: string;
  /** Each param the issue carries, with its meaning. Empty when the issue has no params. */
  readonly params: Readonly<Record<string, string>>;
  /** Representative params, one rendered example each. */
  readonly examples: readonly IssueParams[];
}

/** What the documentation says about one error code. */
interface ErrorCodeDoc {
  /** The functions that throw it, and when. */
  readonly thrownBy: string;
  /** What the error holds besides its code. */
  readonly carries: string;
}

/** The triggers and params of every issue code. Keyed by code, so a new code cannot be left undocumented. */
export const ISSUE_CODE_DOCS: Readonly<Record<IssueCode, IssueCodeDoc>> = {
  type_invalid: {
    field: "any field, or the whole input",
    where:
      'The field with the wrong type, such as `["amount"]`, `["recipients"]`, `["bcc", "me"]`, `["validityDays"]` or `["body"]`; `[]` when the whole input is not an object. From `planPaymentOrder`, with `link`, `advanced` or `message` in front (`["link"]` when step 1 is not an object), and `[]` when the request is not an object.',
    trigger:
      "A value does not have the JavaScript type the field needs: a text field that is not a string, an amount in minor units that is not an integer (not a number, `NaN`, or a number with a fraction such as `49.9`), a blind-copy switch that is not a boolean, `bcc` or the whole input that is not a plain object, or a recipient list that is neither a string nor an array of strings. In step 2: a switch (`dataCollectionForm`, `manualValidation`) that is not a boolean, a `validityDays` or `captureDelayDays` that is not a number, or an input that is not an object (`undefined` and `null` keep every default). In step 3: a template that is not an object, or a subject or body that is not a string. `parseAmount`, `splitRecipients` and `validateOrderReference` report it at `[]` when they are given something other than a string (or `undefined`, for the reference). The form schemas report it like every other issue, as a zod `custom` issue whose `params.code` is `type_invalid`, and the rules of the other fields still apply, so it comes back with all the other issues.",
    params: {
      expected:
        '`"string"`, `"integer"`, `"boolean"`, `"object"` `"list"` (a string or an array of strings) or `"rows"` (a batch\'s `rows` that is not an array): the type the field needs. The HTTP API also reports `"number"`, `"instant"` (an ISO 8601 date and time with its offset) and `"choice"` (a value outside the list the OpenAPI document gives).',
    },
    examples: [
      { expected: "string" },
      { expected: "integer" },
      { expected: "boolean" },
      { expected: "object" },
      { expected: "list" },
      { expected: "rows" },
      { expected: "instant" },
      { expected: "choice" },
    ],
  },
  shop_mismatch: {
    field: "`shopId`",
    where: '`["shopId"]`',
    trigger:
      "The input's `shopId` is not the `id` of the shop given in the context. It is only checked when there is a shop (always for the link validators; for the form schema, only when it is built with one).",
    params: {
      expected: "The id of the shop given in the context, cut to 80 characters.",
      received: "The `shopId` found in the input, cut to 80 characters.",
    },
    examples: [{ expected: "shop-1", received: "shop-2" }],
  },
  mode_invalid: {
    field: "`mode`",
    where: '`["mode"]`',
    trigger:
      'The mode is given and is not exactly `"PRODUCTION"` or `"TEST"` (the comparison is case-sensitive). A missing mode means `"PRODUCTION"`.',
    params: { value: "The mode as given, turned into a string and cut to 80 characters." },
    examples: [{ value: "LIVE" }],
  },
  channel_unsupported: {
    field: "`channel`",
    where: '`["channel"]`',
    trigger: 'The channel is given and is not exactly `"email"`, the only channel. A missing channel means `"email"`.',
    params: { value: "The channel as given, turned into a string and cut to 80 characters." },
    examples: [{ value: "sms" }],
  },
  amount_invalid: {
    field: "`amount`",
    where: '`["amount"]`; `[]` from `parseAmount`.',
    trigger:
      "Typed amounts (`parseAmount`, `validateLinkForm`, the form schemas): the text is not digits with an optional `,` or `.` decimal separator and optional space group separators, for example it is empty, has a `+` sign, a currency symbol, an exponent, a separator with no digit after it, or uses `,` or `.` between groups of thousands. An amount in minor units (`validateLinkParameters`) that is not an integer, such as `49.9`, is `type_invalid` instead. `formatAmount` throws a `PaylinksError` with this code when its amount is not a safe integer, and so does `renderMessage`, which formats the amount with it.",
    params: {},
    examples: [{}],
  },
  amount_not_positive: {
    field: "`amount`",
    where: '`["amount"]`; `[]` from `parseAmount`.',
    trigger: "The amount is zero (`0`, `0,00`) or negative (a typed amount that starts with `-`).",
    params: {},
    examples: [{}],
  },
  amount_too_precise: {
    field: "`amount`",
    where: '`["amount"]`; `[]` from `parseAmount`.',
    trigger:
      "A typed amount has more decimals than the currency has (JPY 0, EUR 2, KWD 3). The amount is never rounded. Not reported when the currency is unknown, since its number of decimals is then unknown too.",
    params: {
      digits: "The currency's number of decimals.",
      currency: "The currency code.",
    },
    examples: [
      { digits: 0, currency: "JPY" },
      { digits: 2, currency: "EUR" },
      { digits: 3, currency: "KWD" },
    ],
  },
  amount_too_large: {
    field: "`amount`",
    where: '`["amount"]`; `[]` from `parseAmount`.',
    trigger:
      "The amount in minor units has more than 12 digits, that is, it is above 999 999 999 999 (9 999 999 999.99 EUR).",
    params: { maxDigits: "The largest number of digits, 12." },
    examples: [{ maxDigits: 12 }],
  },
  currency_unknown: {
    field: "`currency`",
    where: '`["currency"]`; `[]` from `parseAmount`.',
    trigger:
      "The code is not an active ISO 4217 currency in the library's table: an unknown or withdrawn code (ANG, HRK), a fund (CLF), a precious metal (XAU), a unit of account (XDR) or a testing code (XTS). The code is trimmed and looked up in any case, by the link validators as by `getCurrency`, `parseAmount` and `formatAmount`, so `eur` finds EUR; only three ASCII letters can match. `parseAmount` also reports it when it is given a `Currency` object whose `code` is not a string or whose `digits` is not an integer from 0 to 9. `formatAmount` throws a `PaylinksError` with this code in the same cases, and so does `renderMessage`.",
    params: {
      value:
        "The code as given, before trimming, cut to 80 characters; for a `Currency` object given to `parseAmount`, its `code` turned into a string.",
    },
    examples: [{ value: "XAU" }],
  },
  currency_not_accepted: {
    field: "`currency`",
    where: '`["currency"]`',
    trigger: "The currency is valid, but it is not one of the shop's `currencies`.",
    params: {
      currency: "The currency code, upper case.",
      accepted: "The shop's currencies, separated by `, `.",
    },
    examples: [{ currency: "USD", accepted: "EUR, CHF" }],
  },
  reference_required: {
    field: "`orderReference`",
    where: '`["orderReference"]`; `[]` from `validateOrderReference`.',
    trigger:
      "The order reference is missing, empty or only spaces, and the shop makes it mandatory (`referenceRequired: true`, or the `required` option of `validateOrderReference`).",
    params: {},
    examples: [{}],
  },
  reference_too_long: {
    field: "`orderReference`",
    where: '`["orderReference"]`; `[]` from `validateOrderReference`.',
    trigger:
      "The trimmed reference is longer than the base it may have: 64 characters for one recipient, 60 for 2 to 999 recipients (room for `-001`), 59 from 1000 (room for `-1000`), and so on. The suffixed references then all fit in 64 characters. In the link validators every non-empty recipient entry counts, valid or not, except a repeat of an address already in the list; an entry that joins addresses with `,` or spaces counts once per address it holds, so this issue can come together with `recipient_separator`.",
    params: {
      max: "The limit of a final reference, 64.",
      maxBase: "The limit of the reference as typed, for this number of recipients.",
      length: "The length of the trimmed reference.",
      recipientCount: "The number of recipients the limit was computed for (1 when there are none).",
    },
    examples: [
      { max: 64, maxBase: 64, length: 70, recipientCount: 1 },
      { max: 64, maxBase: 60, length: 62, recipientCount: 3 },
    ],
  },
  reference_invalid_character: {
    field: "`orderReference`",
    where: '`["orderReference"]`; `[]` from `validateOrderReference`.',
    trigger:
      "The reference holds a character other than `A–Z`, `a–z`, `0–9`, `-` and `_`: a space, an accented letter, a `/`, an emoji… One issue reports the first such character.",
    params: {
      character: "The first character that is not allowed.",
      position: "Its position in the trimmed reference, counting characters from 1 (an emoji counts as one).",
      count: "How many characters of the reference are not allowed.",
    },
    examples: [{ character: "/", position: 8, count: 1 }],
  },
  recipients_empty: {
    field: "`recipients`",
    where: '`["recipients"]`; `[]` from `splitRecipients`.',
    trigger:
      "The buyer e-mail field has no address: it is empty, or only separators and spaces, or an empty array. Not reported when another recipient issue already explains the problem.",
    params: {},
    examples: [{}],
  },
  recipient_invalid: {
    field: "`recipients`",
    where:
      '`["recipients", index]`, such as `["recipients", 1]`. For a text, the index counts its non-empty entries from 0; for an array (`validateLinkParameters`), it is the index in the array, blank entries included. `[index]` from `splitRecipients`.',
    trigger:
      "One entry is not a valid e-mail address by the syntax rules of `normalizeEmailAddress`. The `reason` param says which rule it breaks; the table below lists them.",
    params: {
      value: "The entry as typed, cut to 80 characters.",
      reason: "Which rule the entry breaks: one of the reasons below.",
    },
    examples: [
      { value: "bob@", reason: "domain_empty" },
      { value: "marie.durand@example", reason: "domain_invalid" },
    ],
  },
  recipient_duplicate: {
    field: "`recipients`",
    where:
      '`["recipients", index]` of the repeat, the index counted as for `recipient_invalid`; `[index]` from `splitRecipients`.',
    trigger:
      "The same address appears twice in the list, ignoring case. Each recipient gets exactly one link, so the repeat is reported instead of being dropped.",
    params: {
      value: "The repeated entry as typed, cut to 80 characters.",
      first: "The index of the first occurrence, counted the same way.",
    },
    examples: [{ value: "Marie@example.fr", first: 0 }],
  },
  recipients_too_many: {
    field: "`recipients`",
    where: '`["recipients"]`',
    trigger:
      "The shop sets `maxRecipients` and the list holds more addresses than that (counted as for the length limit of the order reference). Without `maxRecipients` there is no limit. It is reported before any link is planned, so an oversized request is refused before it costs memory.",
    params: {
      max: "The shop's `maxRecipients`.",
      count: "How many addresses the list holds.",
    },
    examples: [{ max: 500, count: 1200 }],
  },
  recipient_separator: {
    field: "`recipients`, `bcc.addresses`",
    where:
      '`["recipients", index]`, or `["bcc", "addresses", index]` for the blind-copy field, the index counted as for `recipient_invalid`; `[index]` from `splitRecipients`.',
    trigger:
      "One entry holds two or more addresses joined by `,` or by spaces instead of `;`. The message names the separator that was used. The entry is not checked further, but each address it holds counts as a recipient for the length limit of the order reference (`reference_too_long`).",
    params: {
      value: "The entry as typed, cut to 80 characters.",
      separator: '`","` when the entry holds a comma, otherwise `" "`: what joined the addresses.',
      count: "How many addresses the entry holds: its parts between commas and spaces that contain an `@`.",
    },
    examples: [
      { value: "marie@example.fr, paul@example.fr", separator: ",", count: 2 },
      { value: "marie@example.fr paul@example.fr jeanne@example.fr", separator: " ", count: 3 },
    ],
  },
  buyer_reference_invalid: {
    field: "`buyerReference`",
    where: '`["buyerReference"]`',
    trigger:
      "The trimmed buyer reference holds a character that is not printable: a control character (Unicode category Cc: below U+0020, such as a tab or a line break, and U+007F to U+009F), a format character (Cf: the zero-width space U+200B, the soft hyphen U+00AD, the bidirectional controls such as U+202E, the byte-order mark U+FEFF…) other than the zero-width non-joiner and joiner U+200C and U+200D, a lone surrogate (Cs), a private-use character (Co), a noncharacter (U+FDD0 to U+FDEF, and the last two code points of every plane, such as U+FFFE and U+FFFF), or the line and paragraph separators U+2028 and U+2029. Other unassigned code points are accepted.",
    params: {
      position:
        "The position of the first such character in the trimmed reference, counting characters from 1 (an emoji counts as one).",
    },
    examples: [{ position: 5 }],
  },
  buyer_reference_too_long: {
    field: "`buyerReference`",
    where: '`["buyerReference"]`',
    trigger: "The trimmed buyer reference has more than 64 characters.",
    params: {
      max: "The limit, 64.",
      length: "The length of the trimmed buyer reference.",
    },
    examples: [{ max: 64, length: 72 }],
  },
  bcc_manager_missing: {
    field: "`bcc.shopManager`",
    where: '`["bcc", "shopManager"]`',
    trigger:
      "The shop-manager switch is on and the shop has no `managerEmail` (or only spaces). Only checked when there is a shop.",
    params: {},
    examples: [{}],
  },
  bcc_me_missing: {
    field: "`bcc.me`",
    where: '`["bcc", "me"]`',
    trigger:
      "The “copy to me” switch is on and there is no acting user, or the acting user has no `email`. Only checked when there is a shop.",
    params: {},
    examples: [{}],
  },
  bcc_too_many: {
    field: "`bcc`",
    where: '`["bcc"]`',
    trigger: `The blind copies resolve to more than ${BCC_MAX_ADDRESSES} distinct addresses (the shop manager, the acting user and the other addresses together). Every e-mail of the order goes to all of them, so the list is kept short.`,
    params: {
      max: `The limit, \`BCC_MAX_ADDRESSES\` (${BCC_MAX_ADDRESSES}).`,
      count: "How many distinct addresses the blind copies hold.",
    },
    examples: [{ max: BCC_MAX_ADDRESSES, count: 35 }],
  },
  bcc_invalid: {
    field: "`bcc`",
    where:
      '`["bcc", "addresses", index]` for the free address field (for a text, the index counts its non-empty entries from 0; for an array, it is the index in the array); `["bcc", "shopManager"]` or `["bcc", "me"]` when the configured address itself is not valid.',
    trigger:
      "A blind-copy address is not a valid e-mail address, by the same rules as the recipients. The `reason` param says which rule it breaks.",
    params: {
      value: "The address as typed or configured, cut to 80 characters.",
      reason: "Which rule the address breaks: one of the reasons listed under `recipient_invalid`.",
    },
    examples: [{ value: "compta@", reason: "domain_empty" }],
  },
  timezone_invalid: {
    field: "`ShopConfig.timezone`",
    where: '`["expiresAt"]`; `["advanced", "expiresAt"]` from `planPaymentOrder`.',
    trigger:
      "The shop's `timezone` is not a string naming an IANA time zone that `Intl` knows, such as `Europe/Paris`. It is a setting of the shop rather than something the merchant typed; the issue points at the expiry because the expiry is what needs the zone. Without a zone there is no “today”, so `expiresAt` is not checked further; the other fields still are. `defaultAdvancedParameters` and `renderMessage` throw `invalid_context` instead.",
    params: { value: "The time zone as configured, turned into a string and cut to 80 characters." },
    examples: [{ value: "Paris" }],
  },
  language_invalid: {
    field: "`language`",
    where: '`["language"]`; `["advanced", "language"]` from `planPaymentOrder`.',
    trigger:
      "The content language, as given or else the shop's `defaults.language` or `language`, is not two or three letters optionally followed by `-` or `_` and a region of two letters or three digits (`fr`, `en`, `fr-CA`, `fr_ca`, `es-419`). Case and surrounding spaces do not matter, and the value is normalised (`fr_ca` becomes `fr-CA`). Longer tags (`zh-Hant-TW`), names (`French`) and values that are not strings are refused. Since the shop's setting applies when the input has no language, a shop with a bad language gets this issue on every request that does not give one.",
    params: { value: "The language as given or configured, turned into a string and cut to 80 characters." },
    examples: [{ value: "français" }],
  },
  option_not_in_offer: {
    field: "`dataCollectionForm`, `paymentMethodSaving`, `threeDsPreference`",
    where:
      '`["dataCollectionForm"]`, `["paymentMethodSaving"]` or `["threeDsPreference"]`; with `"advanced"` in front from `planPaymentOrder`.',
    trigger:
      "The shop's `offer` sets an option to `false` and the step-2 values ask for it: the data-collection form on, a payment-method saving other than `none`, or a 3-D Secure preference other than `no_preference`. The form and the saving are checked whether they were given or came from the shop's `defaults`; the 3-D Secure preference only when the input gives it. `challenge_mandated` while the payment method is saved is never refused, since saving forces it anyway. An option that `offer` leaves out, or a shop with no `offer`, is included.",
    params: {
      option:
        'The option: `"dataCollectionForm"`, `"paymentMethodSaving"` or `"threeDsPreference"`. The message names it in words.',
    },
    examples: [{ option: "dataCollectionForm" }, { option: "paymentMethodSaving" }, { option: "threeDsPreference" }],
  },
  validity_conflict: {
    field: "`validityDays`, `expiresAt`",
    where: '`["expiresAt"]`; `["advanced", "expiresAt"]` from `planPaymentOrder`.',
    trigger:
      "The input gives both `validityDays` and `expiresAt` (neither `undefined` nor `null`). One of them must be left out; neither is checked further.",
    params: {},
    examples: [{}],
  },
  validity_out_of_range: {
    field: "`validityDays`",
    where: '`["validityDays"]`; `["advanced", "validityDays"]` from `planPaymentOrder`.',
    trigger:
      "The validity, as given or else the shop's `defaults.validityDays`, is a number but not a whole number from 0 to 90: negative, above 90, with a fraction, or `NaN`. 0 means the link expires at the end of the creation day. A value that is not a number is `type_invalid` instead. Not checked when `expiresAt` is given.",
    params: {
      min: "The shortest validity, 0.",
      max: "The longest validity, 90 (`MAX_VALIDITY_DAYS`).",
    },
    examples: [{ min: 0, max: 90 }],
  },
  expiry_invalid: {
    field: "`expiresAt`",
    where: '`["expiresAt"]`; `["advanced", "expiresAt"]` from `planPaymentOrder`.',
    trigger:
      "`expiresAt` is neither a valid `Date` nor a text (spaces trimmed) that is a day of the calendar written `YYYY-MM-DD`, alone or followed by `T` and a time that JavaScript's `Date` can read, with or without an offset. `2026-02-30`, `24/12/2026`, `2026-12-24 10:00` (a space instead of `T`), a number and an invalid `Date` fall here. Not checked when the shop's time zone is unknown (`timezone_invalid`).",
    params: {},
    examples: [{}],
  },
  expiry_in_past: {
    field: "`expiresAt`",
    where: '`["expiresAt"]`; `["advanced", "expiresAt"]` from `planPaymentOrder`.',
    trigger:
      "The day that `expiresAt` names is before the creation day, both taken in the shop's time zone. A `Date`, or a text with an offset (`Z`, `+01:00`), names the day on which that instant falls in the shop's zone; a date alone, or a date and time without an offset, names the date as written. The creation day itself is accepted: the link then expires at 23:59:59 that evening.",
    params: {},
    examples: [{}],
  },
  expiry_too_far: {
    field: "`expiresAt`",
    where: '`["expiresAt"]`; `["advanced", "expiresAt"]` from `planPaymentOrder`.',
    trigger:
      "The day that `expiresAt` names, read as for `expiry_in_past`, is more than 90 calendar days after the creation day in the shop's time zone.",
    params: { max: "The limit in days, 90 (`MAX_VALIDITY_DAYS`)." },
    examples: [{ max: 90 }],
  },
  payment_method_saving_invalid: {
    field: "`paymentMethodSaving`",
    where: '`["paymentMethodSaving"]`; `["advanced", "paymentMethodSaving"]` from `planPaymentOrder`.',
    trigger:
      'The saving of the payment method, as given or else the shop\'s `defaults.paymentMethodSaving`, is not exactly `"none"`, `"ask"` or `"always"` (the comparison is case-sensitive).',
    params: { value: "The value as given or configured, turned into a string and cut to 80 characters." },
    examples: [{ value: "yes" }],
  },
  three_ds_invalid: {
    field: "`threeDsPreference`",
    where: '`["threeDsPreference"]`; `["advanced", "threeDsPreference"]` from `planPaymentOrder`.',
    trigger:
      'The 3-D Secure preference given in the input is not exactly `"no_preference"`, `"challenge_requested"`, `"challenge_mandated"` or `"no_challenge_requested"` (the comparison is case-sensitive).',
    params: { value: "The preference as given, turned into a string and cut to 80 characters." },
    examples: [{ value: "frictionless" }],
  },
  three_ds_forced: {
    field: "`threeDsPreference`",
    where: '`["threeDsPreference"]`; `["advanced", "threeDsPreference"]` from `planPaymentOrder`.',
    trigger:
      "The payment method is saved (`ask` or `always`, given or from the shop's defaults) and the input explicitly chooses `challenge_requested` or `no_challenge_requested`. Saving forces the preference to `challenge_mandated`: leaving it out, or choosing `no_preference` or `challenge_mandated`, is accepted and gives `challenge_mandated`, and a different preference from the shop's defaults is replaced without an issue.",
    params: { value: "The preference that was chosen." },
    examples: [{ value: "no_challenge_requested" }],
  },
  form_and_saving_exclusive: {
    field: "`dataCollectionForm`, `paymentMethodSaving`",
    where: '`["dataCollectionForm"]`; `["advanced", "dataCollectionForm"]` from `planPaymentOrder`.',
    trigger:
      "The data-collection form is on and the payment method is saved (`ask` or `always`), whether each value was given or came from the shop's defaults. The two cannot be used together.",
    params: {},
    examples: [{}],
  },
  capture_delay_out_of_range: {
    field: "`captureDelayDays`",
    where: '`["captureDelayDays"]`; `["advanced", "captureDelayDays"]` from `planPaymentOrder`.',
    trigger:
      "The capture delay, as given or else the shop's `defaults.captureDelayDays`, is a number but not a whole number from 0 to 365: negative, above 365, with a fraction, or `NaN`. A value that is not a number is `type_invalid` instead.",
    params: {
      min: "The shortest delay, 0.",
      max: "The longest delay, 365 (`MAX_CAPTURE_DELAY_DAYS`).",
    },
    examples: [{ min: 0, max: 365 }],
  },
  message_subject_invalid: {
    field: "`subject`",
    where: '`["subject"]`; `["message", "subject"]` from `planPaymentOrder`.',
    trigger:
      "The subject of the message template is empty or only spaces (`reason` `empty`), holds a line break (a carriage return, a line feed, U+2028 or U+2029: `line_break`), or is longer than 255 characters (`too_long`). The rules are checked in that order and give one issue at most. The length is counted in UTF-16 code units, as JavaScript's `length` counts (an emoji counts as two), on the template as written, before the variables are filled in. `planPaymentOrder` checks only a message given in the request, not the default one.",
    params: {
      reason: '`"empty"`, `"line_break"` or `"too_long"`: which rule the subject breaks.',
      max: "With `too_long` only: the limit, 255 (`MESSAGE_SUBJECT_MAX_LENGTH`).",
      length: "With `too_long` only: the length of the subject.",
    },
    examples: [{ reason: "empty" }, { reason: "line_break" }, { reason: "too_long", max: 255, length: 300 }],
  },
  message_body_empty: {
    field: "`body`",
    where: '`["body"]`; `["message", "body"]` from `planPaymentOrder`.',
    trigger: "The body of the message template is empty, or only spaces and line breaks.",
    params: {},
    examples: [{}],
  },
  message_body_too_long: {
    field: "`body`",
    where: '`["body"]`; `["message", "body"]` from `planPaymentOrder`.',
    trigger:
      "The body of the message template is longer than 2,000 characters, counted in UTF-16 code units on the template as written, before the variables are filled in.",
    params: {
      max: "The limit, 2000 (`MESSAGE_BODY_MAX_LENGTH`).",
      length: "The length of the body.",
    },
    examples: [{ max: 2000, length: 2150 }],
  },
  message_unknown_variable: {
    field: "`subject`, `body`",
    where: '`["subject"]` or `["body"]`; `["message", "subject"]` or `["message", "body"]` from `planPaymentOrder`.',
    trigger:
      "The subject or the body holds `%name%`, a name of ASCII letters, digits and `_` between two `%` signs, that is not one of the nine variables of `MESSAGE_VARIABLES`. Names are case-sensitive: `%Amount%` is unknown. Each unknown name is reported once per field, in the order it first appears. A `%` that does not open such a name, as in `100 %`, is plain text.",
    params: { variable: "The name, without its `%` signs." },
    examples: [{ variable: "amout" }],
  },
  field_unknown: {
    field: "any object of an HTTP request body or query",
    where:
      'The unknown field itself, such as `["link", "amout"]` or `["query", "shop"]`; reported by the HTTP API (`paylinks/http`), before the service is called.',
    trigger:
      "A JSON body or a query string of the HTTP API has a field its operation does not define (the OpenAPI document at `/openapi.json` lists them). Each unknown field is one issue; nothing is stored.",
    params: { field: "The name of the unknown field." },
    examples: [{ field: "amout" }],
  },
  rows_and_recipients: {
    field: "`link.recipients` of a batch",
    where:
      '`["link", "recipients"]` from `validateRequest`, `planPaymentOrder` and the service, for a request with `rows`.',
    trigger:
      "A batch (a request with `rows`) also gives `link.recipients`. A batch's recipients are the e-mails of its rows: leave `link.recipients` out.",
    params: {},
    examples: [{}],
  },
  row_value_missing: {
    field: "a row's `email`, `amount` or `currency`",
    where:
      'The row and the column, such as `["rows", 12, "amount"]`, under the column\'s heading as the sheet writes it (`["rows", 3, "Montant"]`), or the field\'s own name when the sheet has no such column.',
    trigger:
      "A row of a batch has no e-mail; or it has no amount (or no currency) and step 1 gives none to apply to the rows that have none. Blank cells count as missing; rows whose cells are all blank are skipped.",
    params: { field: '`"email"`, `"amount"` or `"currency"`.' },
    examples: [{ field: "email" }, { field: "amount" }, { field: "currency" }],
  },
  reference_duplicate: {
    field: "a row's order reference",
    where: 'The later row\'s reference cell, such as `["rows", 7, "reference"]`.',
    trigger:
      "Two rows of a batch give the same reference of their own (after trimming). Each link needs its own reference; rows without one get the order's reference suffixed `-001`, `-002`, ….",
    params: {
      value: "The reference.",
      row: "The index (from 0) of the first row that has it; the message says its number from 1.",
    },
    examples: [{ value: "INV-2026-118", row: 3 }],
  },
  variable_invalid: {
    field: "a custom variable: a batch column, or `variables`",
    where:
      'A batch column\'s heading at the first row that has it, such as `["rows", 0, "Prénom"]`, or a cell (`too_long`); `["variables", name]` for the custom variables of a request.',
    trigger:
      "A custom message variable cannot be used: its name has characters a template cannot write between `%` signs (`name`; a heading is first made a name by `columnName`), it is a built-in variable such as `url` (`reserved`), two headings give the same name (`duplicate`), or its value is longer than `VARIABLE_VALUE_MAX_LENGTH` (500) characters (`too_long`).",
    params: {
      reason: '`"name"`, `"reserved"`, `"duplicate"` or `"too_long"`.',
      name: "The heading or the variable's name.",
      other: "`duplicate`: the other heading with the same name.",
      max: "`too_long`: the longest value allowed.",
      length: "`too_long`: the value's length.",
    },
    examples: [
      { reason: "name", name: "€" },
      { reason: "reserved", name: "URL" },
      { reason: "duplicate", name: "E-mail", other: "Courriel" },
      { reason: "too_long", name: "note", max: 500, length: 612 },
    ],
  },
  reminders_too_many: {
    field: "advanced parameters (step 2): reminders",
    where: '`["advanced", "reminders"]`.',
    trigger: "The schedule has more than `MAX_REMINDERS` (5) reminders, counting both lists.",
    params: { max: "The most reminders allowed.", count: "How many the schedule has." },
    examples: [{ max: 5, count: 6 }],
  },
  reminder_offset_invalid: {
    field: "advanced parameters (step 2): reminders",
    where: 'The entry, such as `["advanced", "reminders", "beforeExpiry", 0]`.',
    trigger: "An offset of `beforeExpiry` or `afterCreation` is not a whole number of days from 0 to 90.",
    params: { value: "The offset as given.", min: "The smallest offset (0).", max: "The largest offset (90)." },
    examples: [{ value: "-1", min: 0, max: 90 }],
  },
  reminder_time_invalid: {
    field: "advanced parameters (step 2): reminders",
    where: '`["advanced", "reminders", "time"]`.',
    trigger: "The time of day is not `HH:MM` on 24 hours (`10:00`, `18:30`).",
    params: { value: "The time as given." },
    examples: [{ value: "10h" }],
  },
  reminder_in_past: {
    field: "advanced parameters (step 2): reminders",
    where: 'The entry, such as `["advanced", "reminders", "afterCreation", 0]`.',
    trigger:
      "An explicit reminder falls at or before the creation instant, such as `afterCreation: [0]` at 10:00 for an order created in the afternoon. The shop's default schedule drops such reminders without an issue.",
    params: { at: "When the reminder would fall, in ISO 8601." },
    examples: [{ at: "2026-12-07T09:00:00.000Z" }],
  },
  reminder_after_expiry: {
    field: "advanced parameters (step 2): reminders",
    where: 'The entry, such as `["advanced", "reminders", "afterCreation", 0]`.',
    trigger:
      "An explicit reminder falls after the link expires, such as `afterCreation: [10]` with a validity of 7 days. The shop's default schedule drops such reminders without an issue.",
    params: { at: "When the reminder would fall, in ISO 8601." },
    examples: [{ at: "2026-12-17T09:00:00.000Z" }],
  },
  reminder_duplicate: {
    field: "advanced parameters (step 2): reminders",
    where: "The later entry of the two.",
    trigger:
      "Two reminders fall at the same instant: the same offset twice, or a day before expiry that is also a day after creation.",
    params: { at: "When both would fall, in ISO 8601." },
    examples: [{ at: "2026-12-10T09:00:00.000Z" }],
  },
};

/** The `reason` param of `recipient_invalid` and `bcc_invalid`, checked in this order. */
export const ADDRESS_REASON_DOCS: Readonly<Record<AddressProblem, string>> = {
  at_missing: "There is no `@`.",
  local_empty: "Nothing comes before the last `@`.",
  domain_empty: "Nothing comes after the last `@`.",
  local_too_long: "The part before the `@` has more than 64 characters.",
  local_invalid:
    "The part before the `@` is not a dot-atom: a character other than letters, digits and ``!#$%&'*+-/=?^_`{|}~``, or a dot at the start, at the end or next to another dot. Quoted local parts, accented letters and display names (`Marie <marie@example.fr>`) fall here.",
  domain_invalid:
    "The domain is not a series of at least two letter-digit-hyphen labels of 1 to 63 characters, none starting or ending with `-` (an internationalised domain is first converted to ASCII): `localhost`, `example`, `ex_ample.fr` or `[192.0.2.1]` fall here.",
  tld_invalid: "The last label of the domain has fewer than 2 characters or is all digits.",
  too_long: "The whole address, with its domain in ASCII form, has more than 254 characters.",
};

/** An example entry for each address reason, for the rendered messages. */
const ADDRESS_REASON_EXAMPLES: Readonly<Record<AddressProblem, string>> = {
  at_missing: "marie.example.fr",
  local_empty: "@example.fr",
  domain_empty: "marie@",
  local_too_long: `${"m".repeat(65)}@example.fr`,
  local_invalid: "marie..durand@example.fr",
  domain_invalid: "marie@localhost",
  tld_invalid: "marie@example.f",
  too_long: `marie@${Array.from({ length: 5 }, () => "d".repeat(60)).join(".")}.fr`,
};

/** The codes of errors that are not about one field. Keyed by code, like the issue codes. */
export const ERROR_CODE_DOCS: Readonly<Record<ErrorCode, ErrorCodeDoc>> = {
  invalid_request: {
    thrownBy: "`assertLinkParameters`, when `validateLinkParameters` would return issues.",
    carries:
      "`issues`: every issue found, as `validateLinkParameters` returns them. The `message` is for developers and lists the issue codes, such as `Invalid link parameters: amount_not_positive, reference_required`.",
  },
  invalid_context: {
    thrownBy:
      "`planPaymentOrder`, when `generateId` (called for the order, each link and each token) or `paymentUrl` returns something that is not a non-empty string; `validateAdvancedParameters`, `defaultAdvancedParameters` and `planPaymentOrder`, when `now` is not a valid `Date`; `defaultAdvancedParameters`, when the shop's `timezone` is not one that `Intl` knows (the validators report `timezone_invalid` instead); `renderMessage`, when `language` is not a language tag by the rule of `language_invalid`, or `timezone` is not a time zone that `Intl` knows. These are the integrator's functions and settings, not the merchant's input, so they are thrown rather than returned as issues.",
    carries:
      "No `issues`. The `message` is for developers and says what is wrong, such as `paymentUrl must return a non-empty string`, `now must be a valid Date` or `Not a time zone: Paris`.",
  },
  forbidden: {
    thrownBy:
      "Every call of the service (`paylinks/service`) but `deliver` and `subscribe`, before anything is written (the two permissions before anything is read), when the actor lacks access to the expert back office, the right to manage payment orders, the shop, the mode (TEST or PRODUCTION), or, for an order created by someone else, the right to see every order.",
    carries:
      "`details.action` (the call), and `details.permission` (`expertBackOffice`, `managePaymentOrders` or `viewAllOrders`), `details.shopId` or `details.mode`: what is missing.",
  },
  unauthorized: {
    thrownBy:
      "The service's `receiveNotification`, when a payment notification's `Paylinks-Signature` is missing or malformed, when no signature matches the body under one of the configured secrets, or when its timestamp is outside the tolerance (5 minutes by default, either way). Nothing is read or written.",
    carries:
      "`details.reason`: `missing`, `malformed`, `mismatch` or `stale`. Never the secret, the body or the signature.",
  },
  not_found: {
    thrownBy: "The service, for an order, link or shop id it does not know.",
    carries: "`details.orderId`, `details.linkId` or `details.shopId`.",
  },
  invalid_transition: {
    thrownBy:
      "The service's link actions, when the link's payment status does not allow the action: resend and cancel need `RUNNING`; update and changeExpiry `RUNNING` or `EXPIRED`; reactivate `CANCELLED` before the expiry; recordPayment `RUNNING`, at or before the expiry. A `RUNNING` link past its expiry counts as `EXPIRED`.",
    carries:
      "`details.action`, `details.status` (the status found) and `details.linkId`; `details.reason` when the status alone does not explain it.",
  },
  idempotency_conflict: {
    thrownBy:
      "`createOrder` and `send`, when the idempotency key was already used in the shop for a different request.",
    carries: "`details.orderId`: the order created with that key.",
  },
  concurrent_update: {
    thrownBy: "The service, when a link kept changing under a call for five rounds; nothing was written by the call.",
    carries: "`details.linkId` and `details.action`.",
  },
  storage_failed: {
    thrownBy:
      "The service, when the store rejects; the stored state is what the store committed (each change is one write).",
    carries:
      "`cause`: the store's own error; `details.operation`: what the service was doing, such as `saving the order`.",
  },
  delivery_failed: {
    thrownBy:
      "Mail transports (`MailTransport.send`), when a message cannot be sent. The service catches it: the link is retried or marked `FAILED`, and the error does not reach the caller.",
    carries:
      "`transient`: `true` when trying again may help (a 4xx answer, a lost connection, a timeout), `false` when not (a 5xx answer); `cause`: the transport's error.",
  },
};

const LEAD = `<!-- Generated by .scripts/generate-errors-doc.ts from the message catalogs: do not edit by hand. -->
<!-- Run \`npx tsx .scripts/generate-errors-doc.ts\` after changing a code, a message or the data in the script. -->

# Issue and error codes

Every problem that paylinks finds in an input comes back as an issue: \`{ code, path, message, params? }\`
(see [Link parameters](link-parameters.md#results-and-issues)). This page lists every code.

- **Codes are stable.** A code never changes meaning and is never renamed; renaming one would be a breaking
  change. Switch on \`code\`, not on \`message\`.
- **Messages exist in English and French.** Every function that returns issues takes a \`locale\` option: a
  catalog, English (\`en\`, from \`paylinks\`) by default, or French (\`fr\`, from \`paylinks/locales/fr\`, so that
  a bundle carries only the languages it imports). The service, the command and its options take the language code
  instead (\`locale: "fr"\`). The message is a sentence for the person filling the form. The French messages
  follow French typography: a no-break space (U+00A0) inside « » and before \`:\`, \`;\`, \`?\` and \`!\`.
- **Params** are the values the message is built from. Use them to write your own messages, or call
  \`issueMessage(code, params, locale)\` to render ours later, for example from codes you stored.

\`\`\`ts
import { issueMessage } from "paylinks";
import { fr } from "paylinks/locales/fr";

issueMessage("reference_too_long", { max: 64, maxBase: 60, length: 62, recipientCount: 3 }, fr);
// → ${literal(messagesFr.reference_too_long({ max: 64, maxBase: 60, length: 62, recipientCount: 3 }))}
\`\`\`

The messages below are rendered from the library's catalogs (\`messagesEn\`, \`messagesFr\`) with example params.
`;

/** A message as a JavaScript string literal, its no-break spaces written as escapes so that they show. */
function literal(text: string): string {
  return JSON.stringify(text)
    .replace(/\u00a0/g, "\\u00a0")
    .replace(/\u202f/g, "\\u202f");
}

/** Escapes the characters that Markdown would read as formatting, for a message shown as plain text. */
function plain(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`);
}

/** Escapes the pipes of Markdown written in this script, so it stays in its table cell. */
function inCell(markdown: string): string {
  return markdown.replace(/\|/g, "\\|");
}

/** Params as a code span, safe inside a table cell. */
function paramsSpan(params: IssueParams): string {
  return Object.keys(params).length === 0 ? "(none)" : inCell(`\`${JSON.stringify(params)}\``);
}

/** Shortens a text as the validators do before they put it in an issue: at most `length` code points. */
function cut(text: string, length: number): string {
  const chars = [...text];
  return chars.length <= length ? text : `${chars.slice(0, length - 1).join("")}…`;
}

/**
 * A Markdown table with its columns padded to the same width, as the project's formatter (Biome) writes
 * tables, so that `npm run lint` accepts the generated page. Widths count code points.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[], indent = ""): string {
  const width = (text: string): number => [...text].length;
  const widths = header.map((title, column) =>
    Math.max(3, width(title), ...rows.map((row) => width(row[column] ?? ""))),
  );
  const line = (cells: readonly string[]): string =>
    `${indent}| ${cells.map((text, column) => text + " ".repeat((widths[column] ?? 0) - width(text))).join(" | ")} |`;
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}

function renderIssueCode(code: IssueCode): string {
  const doc = ISSUE_CODE_DOCS[code];
  const lines = [`### \`${code}\``, "", `- **Where:** ${doc.where}`, `- **Triggered when:** ${doc.trigger}`];
  const params = Object.entries(doc.params);
  if (params.length === 0) lines.push("- **Params:** none.");
  else {
    const rows = params.map(([name, meaning]) => [`\`${name}\``, inCell(meaning)]);
    lines.push("- **Params:**", "", table(["Param", "Meaning"], rows, "  "));
  }
  const examples = doc.examples.map((example) => [
    paramsSpan(example),
    plain(messagesEn[code](example)),
    plain(messagesFr[code](example)),
  ]);
  lines.push("", table(["Example params", "English", "French"], examples));
  if (code === "recipient_invalid") lines.push("", renderAddressReasons());
  return lines.join("\n");
}

function renderAddressReasons(): string {
  const rows = (Object.keys(ADDRESS_REASON_DOCS) as AddressProblem[]).map((reason) => {
    const value = ADDRESS_REASON_EXAMPLES[reason];
    const check = normalizeEmailAddress(value);
    if (check.ok || check.reason !== reason) throw new Error(`The example of ${reason} does not give that reason`);
    const params = { value: cut(value, 80), reason };
    return [
      `\`${reason}\``,
      inCell(ADDRESS_REASON_DOCS[reason]),
      `\`${cut(value, 40)}\``,
      plain(messagesEn.recipient_invalid(params)),
      plain(messagesFr.recipient_invalid(params)),
    ];
  });
  return [
    "The values of `reason`, also used by `bcc_invalid`, in the order the rules are checked:",
    "",
    table(["`reason`", "Triggered when", "Example entry", "English", "French"], rows),
  ].join("\n");
}

function renderErrorCode(code: ErrorCode): string {
  const doc = ERROR_CODE_DOCS[code];
  return [`### \`${code}\``, "", `- **Thrown by:** ${doc.thrownBy}`, `- **Carries:** ${doc.carries}`].join("\n");
}

/**
 * Renders docs/errors.md.
 * @returns The whole page, ending with one line break.
 */
export function renderErrorsDoc(): string {
  const summary = table(
    ["Code", "Field", "Params"],
    ISSUE_CODES.map((code) => {
      const params = Object.keys(ISSUE_CODE_DOCS[code].params);
      const names = params.length === 0 ? "none" : params.map((p) => `\`${p}\``).join(", ");
      return [`[\`${code}\`](#${code})`, ISSUE_CODE_DOCS[code].field, names];
    }),
  );
  const sections = [
    LEAD.trim(),
    "## Summary",
    [
      "Issues come from `validateLinkParameters`, `validateLinkForm`, the form schemas (`linkFormSchema`,",
      "`createLinkFormSchema`), `parseAmount`, `splitRecipients` and `validateOrderReference` (step 1),",
      "`validateAdvancedParameters` (step 2), `validateMessageTemplate` (step 3) and `validateRequest` and",
      "`planPaymentOrder` (all three); `assertLinkParameters` throws them inside a `PaylinksError`. The validators",
      "list them in the order of the form's fields. `validateRequest` and `planPaymentOrder` return the issues of the",
      "three steps at once, with `link`, `advanced` or",
      '`message` in front of each path: `["link", "amount"]`, `["advanced", "validityDays"]`, `["message", "body"]`.',
    ].join("\n"),
    summary,
    "## Issue codes",
    ...ISSUE_CODES.map(renderIssueCode),
    "## Error codes",
    [
      "`PaylinksError` is the one error class that paylinks throws. Its `code` is one of the codes below, or an issue",
      "code when one issue explains the whole error (`formatAmount`, and `renderMessage` through it, throw",
      "`currency_unknown` and `amount_invalid`).",
      "Its `issues` holds the issues behind it, and is empty when there are none.",
    ].join("\n"),
    ...ERROR_CODES.map(renderErrorCode),
    [
      "`suffixReferences` is the one exception: it throws a `RangeError` when its count is not a non-negative",
      "integer, which is a programming mistake rather than bad input.",
    ].join("\n"),
  ];
  return `${sections.join("\n\n")}\n`;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const target = fileURLToPath(new URL("../docs/errors.md", import.meta.url));
  writeFileSync(target, renderErrorsDoc());
  console.log("docs/errors.md written");
}
