import { addDays, type CalendarDay, dayInZone } from "../calendar/zoned-time";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T/;
const ZONE_DESIGNATOR = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** Reads `YYYY-MM-DD` into a calendar day, or `undefined` when it is not a day of the calendar. */
function calendarDay(text: string): CalendarDay | undefined {
  const match = DATE_ONLY.exec(text);
  if (!match) return undefined;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  const check = addDays(day, 0);
  return check.month === day.month && check.day === day.day ? day : undefined;
}

/** Reads an expiry given as a Date or ISO 8601 text into the calendar day it names in the shop's zone. Internal. */
export function expiryDay(value: unknown, timeZone: string): CalendarDay | undefined {
  if (typeof value === "string") {
    const text = value.trim();
    const dateTime = DATE_TIME.exec(text);
    const day = calendarDay(dateTime ? (dateTime[1] as string) : text);
    if (!dateTime || day === undefined) return day;
    // With an offset, a date and time is an instant. Without one, it is a wall-clock time in the shop's zone (not
    // in the zone of the machine that parses it), so its day is the date as written.
    const zoned = ZONE_DESIGNATOR.test(text);
    const parsed = new Date(zoned ? text : `${text}Z`);
    if (Number.isNaN(parsed.getTime())) return undefined;
    return zoned ? sane(dayInZone(parsed, timeZone)) : day;
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return sane(dayInZone(value, timeZone));
  return undefined;
}

/** A day whose fields are numbers; near the ends of the Date range a zone's wall clock overflows to NaN. */
function sane(day: CalendarDay): CalendarDay | undefined {
  return Number.isFinite(day.year) && Number.isFinite(day.month) && Number.isFinite(day.day) ? day : undefined;
}
