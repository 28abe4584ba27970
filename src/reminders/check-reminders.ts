import type { Check, IssueSink } from "../internal/issue-sink";
import { shown } from "../internal/preview";
import { readField } from "../internal/read-field";
import { reminderSlots } from "./reminder-dates";
import {
  DEFAULT_REMINDER_TIME,
  MAX_REMINDER_OFFSET_DAYS,
  MAX_REMINDERS,
  type ReminderSchedule,
  reminderCount,
} from "./reminder-schedule";

/** What {@link checkReminders} needs. Internal. */
export interface RemindersContext {
  /** The shop's default schedule: used when the input is left out, and for the time of day. */
  readonly fallback: unknown;
  /** The current instant: reminders must come after it. */
  readonly now: Date;
  /** The link's creation, from which `afterCreation` counts; `now` when left out (a new link). */
  readonly createdAt?: Date | undefined;
  /** The link's expiry, when it is known: reminders must come at or before it. */
  readonly expiresAt: Date | undefined;
  /** The shop's time zone, when `Intl` knows it. */
  readonly timezone: string | undefined;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Reads one list of offsets; `undefined` when it is not a list (reported). */
function offsets(value: unknown, sink: IssueSink): number[] | undefined {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    sink.add("type_invalid", { expected: "days" });
    return undefined;
  }
  const days: number[] = [];
  value.forEach((item: unknown, index) => {
    if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item > MAX_REMINDER_OFFSET_DAYS) {
      sink.at(index).add("reminder_offset_invalid", { value: shown(item), min: 0, max: MAX_REMINDER_OFFSET_DAYS });
    } else days.push(item);
  });
  return days.length === value.length ? days : undefined;
}

/** The time of day of a schedule: its own, else the fallback's when it has a valid one, else 10:00. */
function timeOf(input: unknown, fallback: unknown, sink: IssueSink): string | undefined {
  const own = readField(input, "time");
  if (own === undefined || own === null) {
    const inherited = readField(fallback, "time");
    return typeof inherited === "string" && TIME.test(inherited) ? inherited : DEFAULT_REMINDER_TIME;
  }
  if (typeof own !== "string" || !TIME.test(own)) {
    sink.add("reminder_time_invalid", { value: shown(own) });
    return undefined;
  }
  return own;
}

/**
 * Applies the reminder rules of step 2 and reports every issue at `reminders…`. An explicit schedule must have at
 * most {@link MAX_REMINDERS} reminders, each after the creation and at or before the expiry, no two at the same
 * instant. The shop's default schedule, used when the input is left out, is checked for its form only: its
 * reminders that fall in the past or after the expiry of this link are dropped when the dates are computed,
 * since the merchant did not ask for them. Internal.
 * @returns The schedule, or `undefined` when there is none (no reminder); the value is meaningful only when the
 *   check reported nothing.
 */
export const checkReminders: Check<RemindersContext, ReminderSchedule | undefined> = (raw, context, sink) => {
  const explicit = raw !== undefined && raw !== null;
  const input = explicit ? raw : context.fallback;
  if (input === undefined || input === null) return undefined;
  if (typeof input !== "object" || Array.isArray(input)) {
    sink.add("type_invalid", { expected: "object" });
    return undefined;
  }
  const beforeExpiry = offsets(readField(input, "beforeExpiry"), sink.at("beforeExpiry"));
  const afterCreation = offsets(readField(input, "afterCreation"), sink.at("afterCreation"));
  const time = timeOf(input, explicit ? context.fallback : undefined, sink.at("time"));
  if (beforeExpiry === undefined || afterCreation === undefined || time === undefined) return undefined;
  const schedule: ReminderSchedule = { beforeExpiry, afterCreation, time };
  const count = reminderCount(schedule);
  if (count === 0) return undefined;
  if (count > MAX_REMINDERS) {
    sink.add("reminders_too_many", { max: MAX_REMINDERS, count });
    return schedule;
  }
  const { expiresAt, timezone, now } = context;
  if (!explicit || timezone === undefined || expiresAt === undefined || Number.isNaN(expiresAt.getTime())) {
    return schedule;
  }
  const seen = new Set<number>();
  for (const slot of reminderSlots(schedule, { createdAt: context.createdAt ?? now, expiresAt, timezone })) {
    const at = slot.at.getTime();
    const here = sink.at(slot.list, slot.index);
    if (at <= now.getTime()) here.add("reminder_in_past", { at: slot.at.toISOString() });
    else if (at > expiresAt.getTime()) here.add("reminder_after_expiry", { at: slot.at.toISOString() });
    else if (seen.has(at)) here.add("reminder_duplicate", { at: slot.at.toISOString() });
    seen.add(at);
  }
  return schedule;
};
