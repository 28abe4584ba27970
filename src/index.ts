/**
 * paylinks: create payment links and send them by e-mail.
 *
 * This root entry is the pure core: the rules of the three steps (link parameters, advanced parameters,
 * message), the money helpers and the plan of an order. It does no I/O, reads no clock and draws no randomness,
 * so it runs unchanged in a browser.
 *
 * @packageDocumentation
 */

export type { Actor, ActorPermissions, Mode } from "./actor";
export { MODES } from "./actor";
export type {
  AdvancedChoices,
  AdvancedParameters,
  AdvancedParametersContext,
  AdvancedParametersInput,
  OptionalAdvancedChoices,
  PaymentMethodSaving,
  ThreeDsPreference,
} from "./advanced";
export {
  defaultAdvancedParameters,
  LIBRARY_DEFAULTS,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  THREE_DS_PREFERENCES,
  validateAdvancedParameters,
} from "./advanced";
export type { BatchColumn, BatchLinkInput, BatchRow, ValidatedRow } from "./batch";
export { BATCH_COLUMNS, columnName, rowsFromTable } from "./batch";
export type { CalendarDay } from "./calendar";
export { addDays, dayInZone, daysBetween, endOfDay, isTimeZone } from "./calendar";
export type {
  ErrorCode,
  Issue,
  IssueCatalog,
  IssueCode,
  IssueFormatter,
  IssueParams,
  IssuePath,
  Locale,
  LocaleOptions,
  PaylinksErrorOptions,
  Result,
} from "./issues";
export {
  createIssue,
  ERROR_CODES,
  en,
  fail,
  ISSUE_CODES,
  issueMessage,
  messagesEn,
  ok,
  PaylinksError,
} from "./issues";
export { normalizeLanguage } from "./language";
export type {
  BccInput,
  Channel,
  LinkForm,
  LinkFormBcc,
  LinkFormFailure,
  LinkFormSchema,
  LinkFormSchemaContext,
  LinkFormSchemaProps,
  LinkParameters,
  LinkParametersInput,
  LinkValidationContext,
} from "./link";
export {
  assertLinkParameters,
  BCC_MAX_ADDRESSES,
  BUYER_REFERENCE_MAX_LENGTH,
  createLinkFormSchema,
  linkFormSchema,
  validateLinkForm,
  validateLinkParameters,
} from "./link";
export type {
  MessageTemplate,
  MessageTemplateOptions,
  MessageValues,
  MessageVariable,
  MessageVariableName,
  ReminderTemplate,
  RenderedMessage,
  RenderOptions,
} from "./message";
export {
  DEFAULT_MESSAGES,
  defaultMessage,
  escapeHtml,
  isMessageVariableName,
  MESSAGE_BODY_MAX_LENGTH,
  MESSAGE_SUBJECT_MAX_LENGTH,
  MESSAGE_VARIABLES,
  REMINDER_VARIABLES,
  renderMessage,
  VARIABLE_VALUE_MAX_LENGTH,
  validateMessageTemplate,
} from "./message";
export type { Currency, FormatAmountOptions } from "./money";
export { AMOUNT_MAX_DIGITS, AMOUNT_MAX_MINOR, formatAmount, getCurrency, listCurrencies, parseAmount } from "./money";
export type {
  LinkIdentity,
  OrderRequest,
  PaymentBatchRequest,
  PaymentOrderPlan,
  PaymentOrderRequest,
  PaymentUrlInput,
  PlanContext,
  PlannedLink,
  PlannedOrder,
  PlanOptions,
  RequestContext,
  ValidatedRequest,
} from "./order";
export { planOrder, planPaymentOrder, renderLink, validateRequest } from "./order";
export type { AddressCheck, AddressProblem } from "./recipients";
export {
  EMAIL_LOCAL_MAX_LENGTH,
  EMAIL_MAX_LENGTH,
  isEmailAddress,
  normalizeEmailAddress,
  splitRecipients,
} from "./recipients";
export type { OrderReferenceOptions } from "./reference";
export {
  isReferenceCharacter,
  maxBaseReferenceLength,
  ORDER_REFERENCE_MAX_LENGTH,
  REFERENCE_SUFFIX_DIGITS,
  referenceSuffixLength,
  suffixReferences,
  validateOrderReference,
} from "./reference";
export type {
  RemindedLink,
  ReminderDatesContext,
  ReminderSchedule,
  ReminderScheduleInput,
  ReminderValues,
} from "./reminders";
export {
  DEFAULT_REMINDER_MESSAGES,
  DEFAULT_REMINDER_TIME,
  defaultReminderMessage,
  MAX_REMINDER_OFFSET_DAYS,
  MAX_REMINDERS,
  reminderCount,
  reminderDates,
  renderReminder,
} from "./reminders";
export type { ShopConfig, ShopDefaults, ShopOffer } from "./shop";
