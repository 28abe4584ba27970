import type { ReminderSchedule } from "../../reminders/reminder-schedule";
import type { DeliveryProgress, DeliveryReport } from "../../service/use-cases/deliver";
import type { WorkerCounts, WorkerSummary } from "../../service/use-cases/run-worker";
import type { ValueName } from "../command-line/option-spec";
import type { CommandName, OptionGroup } from "../commands/command";
import type { ConfigProblemKind } from "../config/config-problems";

/** The messages of usage errors (exit code 2). */
export interface UsageText {
  readonly noCommand: string;
  unknownCommand(name: string): string;
  unknownOption(option: string): string;
  missingValue(option: string): string;
  noValueExpected(option: string): string;
  missingArgument(command: CommandName, args: readonly string[]): string;
  unexpectedArgument(value: string, command: CommandName): string;
  missingOptions(command: CommandName, options: readonly string[]): string;
  missingOneOf(command: CommandName, options: readonly string[]): string;
  conflicting(first: string, second: string): string;
  invalidNumber(option: string, value: string): string;
  invalidCount(option: string, value: string, min: number): string;
  /** A rate flag whose value is not a number of e-mails per second above 0. */
  invalidRate(option: string, value: string): string;
  invalidChoice(option: string, value: string, choices: readonly string[]): string;
  invalidInstant(option: string, value: string): string;
  invalidCursor(cursor: string): string;
  unreadableFile(path: string, reason: string): string;
  unwritableFile(path: string, reason: string): string;
}

/** The messages about the config file. */
export interface ConfigText {
  notFound(path: string): string;
  invalid(path: string): string;
  /** One sentence per kind of problem; `value` is the value or the choices it names. */
  readonly problems: Readonly<Record<ConfigProblemKind, (value?: string) => string>>;
}

/** The messages of errors: the library's, by code and details, and the infrastructure's. */
export interface ErrorText {
  invalidRequest(count: number): string;
  invalidRequestPlain(message: string): string;
  /** Where an issue of a sheet is: its row as the spreadsheet numbers it, then the column (empty for the row). */
  sheetCell(row: number, column: string): string;
  invalidTransition(action: string, status: string, linkId: string): string;
  reactivateExpired(linkId: string): string;
  paymentAfterExpiry(linkId: string): string;
  forbidden(details: Readonly<Record<string, string>>): string;
  notFound(id: string): string;
  orderNotFound(id: string): string;
  shopNotFound(id: string): string;
  idempotencyConflict(orderId: string): string;
  concurrentUpdate(linkId: string): string;
  storageFailed(operation: string, reason: string): string;
  deliveryFailed(message: string): string;
  invalidContext(message: string): string;
  /** The service's actions, as verbs in a sentence (`cancel` → "cancel"). */
  readonly actions: Readonly<Record<string, string>>;
  missingDependency(name: string, purpose: string): string;
  readonly purposeEmbedded: string;
  purposePostgres(source: string): string;
  purposeSmtp(source: string): string;
  purposeOutbox(dir: string): string;
  databaseUnreachable(source: string, url: string, reason: string): string;
  embeddedFailed(dir: string, reason: string): string;
  databaseBusy(dir: string, pid: number): string;
  smtpUnreachable(source: string, url: string, reason: string): string;
  noAnswer(seconds: number): string;
  outboxUnwritable(dir: string, reason: string): string;
  fileExists(path: string): string;
  testModeOnly(link: string): string;
  deliveryIncomplete(failed: number, pending: boolean): string;
  unexpected(reason: string): string;
  readonly debugHint: string;
  readonly causedBy: string;
}

/** One batch of `paylinks worker`, as its line shows it. */
export interface WorkerBatchLine extends WorkerCounts {
  /** What the batch did. */
  readonly kind: "deliver" | "expire";
  /** When it ended, ISO 8601 in UTC. */
  readonly at: string;
  /** Why it failed, in the user's language, when it did. */
  readonly error?: string | undefined;
  /** When it failed: the seconds before the next batch of its kind. */
  readonly retryInSeconds?: number | undefined;
}

/** The labels and sentences of the commands' output. */
export interface OutputText {
  readonly columns: Readonly<
    Record<"id" | "reference" | "recipient" | "amount" | "payment" | "delivery" | "expires" | "mode", string>
  >;
  readonly fields: Readonly<
    Record<
      | "link"
      | "order"
      | "shop"
      | "mode"
      | "reference"
      | "recipient"
      | "bcc"
      | "amount"
      | "buyerReference"
      | "payment"
      | "delivery"
      | "expires"
      | "created"
      | "createdBy"
      | "url"
      | "language"
      | "subject"
      | "sends"
      | "sent"
      | "messageId"
      | "emlFile"
      | "lastError"
      | "transaction"
      | "paidAt"
      | "reminderSchedule"
      | "remindersSent"
      | "nextReminder"
      | "links",
      string
    >
  >;
  readonly dryRun: string;
  /** Under the first rows of a batch's dry run: how many more links it has. */
  moreLinks(count: number): string;
  /** A batch's dry run: the total of its links, one entry per currency. */
  batchTotal(totals: readonly string[]): string;
  firstMessage(recipient: string, reference: string | undefined): string;
  subjectLine(subject: string): string;
  orderCreated(orderId: string, links: number, mode: string): string;
  orderReplayed(orderId: string): string;
  duplicated(linkId: string, orderId: string): string;
  readonly queued: string;
  deliverStart(total: number): string;
  progressLine(done: number, total: number, progress: DeliveryProgress): string;
  deliverySummary(report: DeliveryReport): string;
  outboxAt(dir: string): string;
  readonly pendingLater: string;
  readonly interrupted: string;
  readonly noLinks: string;
  linkCount(count: number): string;
  nextPage(cursor: string): string;
  cancelled(link: string): string;
  reactivated(link: string): string;
  resendQueued(link: string): string;
  resent(link: string, recipient: string): string;
  expiryChanged(link: string, when: string): string;
  /** `paylinks reminders`: the schedule was set. */
  remindersChanged(link: string): string;
  /** A reminder schedule in words; "none" when there is none. */
  reminderSchedule(schedule: ReminderSchedule | undefined): string;
  paid(link: string, status: "PAID" | "REFUSED", transactionId: string | undefined): string;
  expired(count: number): string;
  workerStarted(idleSeconds: number, expireSeconds: number): string;
  workerBatch(batch: WorkerBatchLine): string;
  workerStopping(signal: string): string;
  workerStopped(summary: WorkerSummary): string;
  /** `paylinks serve`: where the API listens. */
  serveListening(url: string): string;
  /** `paylinks serve`: a secret it made because the environment had none, and the variable that sets it. */
  serveGenerated(variable: string, value: string): string;
  initWritten(path: string): string;
  readonly initNext: string;
  creatingDatabase(dir: string): string;
}

/** The help of one command. */
export interface CommandHelp {
  /** One line: what it does. */
  readonly summary: string;
  /** What follows `paylinks <command>` in the usage line. */
  readonly usage: string;
  /** Paragraph lines under the usage line. */
  readonly description: readonly string[];
  /** One line per flag. */
  readonly options: Readonly<Record<string, string>>;
  /** Example command lines. */
  readonly examples: readonly string[];
}

/** The help texts. */
export interface HelpText {
  readonly title: string;
  readonly usage: string;
  readonly optionsWord: string;
  readonly commandsTitle: string;
  readonly globalTitle: string;
  readonly examplesTitle: string;
  readonly intro: readonly string[];
  readonly more: string;
  readonly groups: Readonly<Record<OptionGroup, string>>;
  readonly values: Readonly<Record<ValueName | "command", string>>;
  readonly global: Readonly<Record<string, string>>;
  readonly commands: Readonly<Record<CommandName, CommandHelp>>;
}

/** Every message of the CLI in one language. */
export interface CliText {
  /** The language, also the locale of the library's issue messages. */
  readonly locale: "en" | "fr";
  /** Usage errors. */
  readonly usage: UsageText;
  /** Config file problems. */
  readonly config: ConfigText;
  /** Errors. */
  readonly errors: ErrorText;
  /** Output. */
  readonly out: OutputText;
  /** Help. */
  readonly help: HelpText;
}
