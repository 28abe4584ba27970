export { DEFAULT_REMINDER_MESSAGES, defaultReminderMessage } from "./default-reminders";
export type { ReminderDatesContext } from "./reminder-dates";
export { reminderDates } from "./reminder-dates";
export type { ReminderSchedule, ReminderScheduleInput } from "./reminder-schedule";
export {
  DEFAULT_REMINDER_TIME,
  MAX_REMINDER_OFFSET_DAYS,
  MAX_REMINDERS,
  reminderCount,
} from "./reminder-schedule";
export type { RemindedLink, ReminderValues } from "./render-reminder";
export { renderReminder } from "./render-reminder";
