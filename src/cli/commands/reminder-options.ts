import type { ReminderScheduleInput } from "../../reminders/reminder-schedule";
import type { OptionSpec, OptionValues } from "../command-line/option-spec";
import { textValue } from "../command-line/read-values";

/** The reminder flags, as `create` and `reminders` take them under their own names. */
export interface ReminderFlags {
  /** The flag of the days before the expiry day. */
  readonly before: string;
  /** The flag of the days after the creation day. */
  readonly after: string;
  /** The flag of the time of day. */
  readonly at: string;
}

/** The specs of the reminder flags. */
export function reminderOptions(flags: ReminderFlags): Record<string, OptionSpec> {
  return {
    [flags.before]: { type: "string", value: "days" },
    [flags.after]: { type: "string", value: "days" },
    [flags.at]: { type: "string", value: "time" },
  };
}

/**
 * A list of days as typed (`3,1` or `3 1`): each item a number when it reads as one, else kept as typed, so that
 * the service reports it with the other issues of the schedule.
 */
function daysOf(raw: string | undefined): number[] | undefined {
  if (raw === undefined) return undefined;
  return raw
    .split(/[\s,;]+/)
    .filter((item) => item !== "")
    .map((item) => (/^-?\d+(?:\.\d+)?$/.test(item) ? Number(item) : (item as unknown as number)));
}

/**
 * The reminder schedule given by the flags, or `undefined` when none of them is given.
 *
 * @param values - The parsed flags.
 * @param flags - The names of the three flags.
 * @returns The schedule as entered.
 */
export function reminderSchedule(values: OptionValues, flags: ReminderFlags): ReminderScheduleInput | undefined {
  const beforeExpiry = daysOf(textValue(values, flags.before));
  const afterCreation = daysOf(textValue(values, flags.after));
  const time = textValue(values, flags.at);
  if (beforeExpiry === undefined && afterCreation === undefined && time === undefined) return undefined;
  return {
    ...(beforeExpiry === undefined ? {} : { beforeExpiry }),
    ...(afterCreation === undefined ? {} : { afterCreation }),
    ...(time === undefined ? {} : { time }),
  };
}
