import type { DeliveryCompletion } from "../../ports/delivery-queue";
import { iso, nullable, remindersColumn } from "./row-mapping";
import type { SqlResult } from "./sql-client";

/**
 * The input columns of the statement, each with its SQL type and how to read it from a completion: the one list
 * that the `unnest` and the parameters agree on.
 */
const INPUT_COLUMNS: readonly (readonly [column: string, type: string, value: (c: DeliveryCompletion) => unknown])[] = [
  ["link_id", "text", (c) => c.attempt.linkId],
  ["a_send_count", "integer", (c) => c.attempt.sendCount],
  ["a_attempt", "integer", (c) => c.attempt.attempt],
  ["a_at", "timestamptz", (c) => c.attempt.at.toISOString()],
  ["a_worker", "text", (c) => c.attempt.worker],
  ["a_outcome", "text", (c) => c.attempt.outcome],
  ["a_message_id", "text", (c) => nullable(c.attempt.messageId)],
  ["a_error", "text", (c) => nullable(c.attempt.error)],
  ["a_reminder", "integer", (c) => nullable(c.attempt.reminder)],
  ["expected_version", "integer", (c) => c.expectedVersion],
  ["delivery_status", "text", (c) => c.delivery.status],
  ["send_count", "integer", (c) => c.delivery.sendCount],
  ["attempts", "integer", (c) => c.delivery.attempts],
  ["next_attempt_at", "timestamptz", (c) => iso(c.delivery.nextAttemptAt)],
  ["lease_owner", "text", (c) => nullable(c.delivery.leaseOwner)],
  ["lease_expires_at", "timestamptz", (c) => iso(c.delivery.leaseExpiresAt)],
  ["last_error", "text", (c) => nullable(c.delivery.lastError)],
  ["message_id", "text", (c) => nullable(c.delivery.messageId)],
  ["sent_at", "timestamptz", (c) => iso(c.delivery.sentAt)],
  ["updated_at", "timestamptz", (c) => c.updatedAt.toISOString()],
  ["set_reminders", "boolean", (c) => c.reminders !== undefined],
  ["reminders", "text", (c) => remindersColumn(c.reminders)],
  ["reminder_due_at", "timestamptz", (c) => iso(c.reminders?.nextAt)],
];

/** The delivery columns the statement sets on each link still at its expected version. */
const SET_COLUMNS = [
  "delivery_status",
  "send_count",
  "attempts",
  "next_attempt_at",
  "lease_owner",
  "lease_expires_at",
  "last_error",
  "message_id",
  "sent_at",
  "updated_at",
] as const;

/** The typed arrays the statement unnests, one per input column. */
const UNNEST_ARGUMENTS = INPUT_COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ");
/** The names of the unnested columns. */
const INPUT_NAMES = INPUT_COLUMNS.map(([column]) => column).join(", ");
/** The assignments of the update, from the unnested row `i`; a reminder's completion also sets its reminders. */
const SET_LIST = [
  ...SET_COLUMNS.map((column) => `${column} = i.${column}`),
  "reminders = case when i.set_reminders then i.reminders::jsonb else l.reminders end",
  "reminder_due_at = case when i.set_reminders then i.reminder_due_at else l.reminder_due_at end",
].join(", ");

/**
 * The statement of `completeDeliveries` for the given tables: one `unnest` of the completions, an insert of every
 * attempt (an e-mail's or a reminder's) and an update of every link still at its expected version (its delivery,
 * and its reminders after a reminder's attempt), in one statement, so in one transaction.
 * Internal.
 */
export function completeDeliveriesSql(links: string, attempts: string): string {
  return `with input as (
      select * from unnest(${UNNEST_ARGUMENTS}) with ordinality as t(${INPUT_NAMES}, position)
    ),
    recorded as (
      insert into ${attempts} (link_id, send_count, attempt, at, worker, outcome, message_id, error, reminder)
      select link_id, a_send_count, a_attempt, a_at, a_worker, a_outcome, a_message_id, a_error, a_reminder
      from input order by position
    ),
    changed as (
      update ${links} l
      set ${SET_LIST}, version = i.expected_version + 1
      from input i
      where l.id = i.link_id and l.version = i.expected_version
      returning l.id
    )
    select id from changed`;
}

/**
 * Runs `completeDeliveries` through `run` (the store's fixed statements): one statement whatever the number of
 * completions. Internal.
 * @returns For each completion, in order, whether its link was changed.
 */
export async function completeDeliveries(
  run: (text: string, params: unknown[]) => Promise<SqlResult>,
  sql: string,
  completions: readonly DeliveryCompletion[],
): Promise<boolean[]> {
  if (completions.length === 0) return [];
  const columns = INPUT_COLUMNS.map(([, , value]) => completions.map(value));
  const result = await run(sql, columns);
  const changed = new Set(result.rows.map((row) => String(row.id)));
  return completions.map((completion) => changed.has(completion.attempt.linkId));
}
