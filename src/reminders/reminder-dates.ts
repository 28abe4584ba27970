import { addDays, dayInZone, zonedInstant } from "../calendar/zoned-time";
import type { ReminderSchedule } from "./reminder-schedule";

/** What the dates of a schedule are computed from: a link's creation, its expiry and the shop's time zone. */
export interface ReminderDatesContext {
  /** When the link was created. */
  readonly createdAt: Date;
  /** When the link expires. */
  readonly expiresAt: Date;
  /** The shop's IANA time zone. */
  readonly timezone: string;
}

/** Which entry of a schedule a date comes from. Internal. */
export interface ReminderSlot {
  /** The list of the entry. */
  readonly list: "beforeExpiry" | "afterCreation";
  /** The entry's index in its list. */
  readonly index: number;
  /** When the reminder is due. */
  readonly at: Date;
}

/** Every entry of a schedule with its instant, in the schedule's order (before expiry first). Internal. */
export function reminderSlots(schedule: ReminderSchedule, context: ReminderDatesContext): ReminderSlot[] {
  const [hour, minute] = schedule.time.split(":").map(Number) as [number, number];
  const { timezone } = context;
  const expiryDay = dayInZone(context.expiresAt, timezone);
  const creationDay = dayInZone(context.createdAt, timezone);
  return [
    ...schedule.beforeExpiry.map((days, index) => ({
      list: "beforeExpiry" as const,
      index,
      at: zonedInstant(addDays(expiryDay, -days), hour, minute, 0, timezone),
    })),
    ...schedule.afterCreation.map((days, index) => ({
      list: "afterCreation" as const,
      index,
      at: zonedInstant(addDays(creationDay, days), hour, minute, 0, timezone),
    })),
  ];
}

/**
 * The instants at which a schedule's reminders are due for a link, earliest first, each once: those after the
 * creation and at or before the expiry. Each falls at the schedule's time of day in the shop's zone, so a
 * reminder stays at 10:00 local time across a daylight-saving change.
 *
 * @param schedule - The schedule.
 * @param context - The link's creation and expiry, and the shop's time zone.
 * @returns The instants, earliest first.
 * @example
 * ```ts
 * reminderDates(
 *   { beforeExpiry: [3, 1], afterCreation: [], time: "10:00" },
 *   { createdAt: new Date("2026-10-20T08:00:00Z"), expiresAt: new Date("2026-10-27T22:59:59Z"), timezone: "Europe/Paris" },
 * );
 * // [2026-10-24T08:00:00.000Z, 2026-10-26T09:00:00.000Z]: 10:00 in Paris, before and after the change to winter time
 * ```
 */
export function reminderDates(schedule: ReminderSchedule, context: ReminderDatesContext): Date[] {
  const created = context.createdAt.getTime();
  const expires = context.expiresAt.getTime();
  const times = new Set<number>();
  for (const slot of reminderSlots(schedule, context)) {
    const time = slot.at.getTime();
    if (time > created && time <= expires) times.add(time);
  }
  return [...times].sort((a, b) => a - b).map((time) => new Date(time));
}

/**
 * The first reminder of a schedule due after an instant, for a link. Internal: the service moves a link's next
 * reminder with it.
 * @returns The instant, or `undefined` when no reminder is left.
 */
export function nextReminderAt(
  schedule: ReminderSchedule | undefined,
  context: ReminderDatesContext,
  after: Date,
): Date | undefined {
  if (schedule === undefined) return undefined;
  return reminderDates(schedule, context).find((date) => date.getTime() > after.getTime());
}
