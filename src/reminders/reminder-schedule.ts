/**
 * A link's reminder schedule (step 2): when the buyer of an unpaid link gets a reminder by e-mail. Each reminder
 * falls on a calendar day of the shop's time zone, counted from the expiry day or from the creation day, at the
 * schedule's time of day there.
 */
export interface ReminderSchedule {
  /** Days before the expiry day, each 0 (the expiry day itself) to 90, e.g. `[3, 1]`. */
  readonly beforeExpiry: readonly number[];
  /** Days after the creation day, each 0 to 90, e.g. `[2]`. */
  readonly afterCreation: readonly number[];
  /** The time of day of every reminder in the shop's time zone, `HH:MM` on 24 hours, e.g. `"10:00"`. */
  readonly time: string;
}

/**
 * A reminder schedule as entered: each list may be left out (no reminder of that kind) and the time defaults to
 * the shop's default schedule's, else {@link DEFAULT_REMINDER_TIME}. Give `{}` for no reminder at all, even when
 * the shop has a default schedule.
 */
export interface ReminderScheduleInput {
  /** Days before the expiry day, each a whole number from 0 to 90. */
  readonly beforeExpiry?: readonly number[] | undefined;
  /** Days after the creation day, each a whole number from 0 to 90. */
  readonly afterCreation?: readonly number[] | undefined;
  /** The time of day, `HH:MM` on 24 hours, in the shop's time zone. */
  readonly time?: string | undefined;
}

/** The most reminders one link may have. */
export const MAX_REMINDERS = 5;

/** The largest offset of a reminder, in days. */
export const MAX_REMINDER_OFFSET_DAYS = 90;

/** The time of day of reminders when neither the request nor the shop sets one. */
export const DEFAULT_REMINDER_TIME = "10:00";

/** How many reminders a schedule has. */
export const reminderCount = (schedule: ReminderSchedule | undefined): number =>
  schedule === undefined ? 0 : schedule.beforeExpiry.length + schedule.afterCreation.length;
