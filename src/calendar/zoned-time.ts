/**
 * Calendar arithmetic in a time zone with `Intl` only: which day an instant falls on, and the instant at which a
 * day ends. Correct across daylight-saving changes, with no time-zone database of our own. Internal.
 */

import { dateTimeFormat } from "../internal/intl-formats";

/** A calendar day. */
export interface CalendarDay {
  /** The year, e.g. 2026. */
  readonly year: number;
  /** The month, 1 to 12. */
  readonly month: number;
  /** The day of the month, 1 to 31. */
  readonly day: number;
}

/** The parts of an instant in `timeZone`, 24-hour, as numbers. */
const PARTS: Intl.DateTimeFormatOptions = {
  hourCycle: "h23",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "numeric",
  minute: "numeric",
  second: "numeric",
};

const formatter = (timeZone: string): Intl.DateTimeFormat => dateTimeFormat("en-US", { ...PARTS, timeZone });

/** Whether `timeZone` is a time zone that `Intl` knows. */
export function isTimeZone(timeZone: unknown): boolean {
  if (typeof timeZone !== "string" || timeZone === "") return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Like `Date.UTC`, but years 0 to 99 stay those years (`Date.UTC` reads them as 1900 to 1999). */
function utc(year: number, monthIndex: number, day: number, hour = 0, minute = 0, second = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hour, minute, second, 0);
  return date.getTime();
}

/** The wall-clock time of an instant in a zone, as milliseconds of a UTC date with the same fields. */
function wallClock(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return utc(
    fields.year as number,
    (fields.month as number) - 1,
    fields.day as number,
    fields.hour as number,
    fields.minute as number,
    fields.second as number,
  );
}

/** The calendar day on which an instant falls in a zone. */
export function dayInZone(instant: Date, timeZone: string): CalendarDay {
  const wall = new Date(wallClock(instant.getTime(), timeZone));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

/** The day `days` days after `day` (the calendar, not 24-hour periods). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = new Date(utc(day.year, day.month - 1, day.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round((utc(to.year, to.month - 1, to.day) - utc(from.year, from.month - 1, from.day)) / 86_400_000);
}

/**
 * The instant at which a wall-clock time happens in a zone. For a time that happens twice, the later one (the
 * end of a day is then as late as possible). For a time that a clock change skips, the wall-clock time read with
 * the offset in force a day later, which lands next to the gap; 23:59:59 is skipped in no zone for 2020–2035
 * (checked by the tests), only in rare historical changes such as Pacific/Apia on 30 December 2011.
 */
export function zonedInstant(day: CalendarDay, hour: number, minute: number, second: number, timeZone: string): Date {
  const target = utc(day.year, day.month - 1, day.day, hour, minute, second);
  // Offsets are at most ±18 h: try the offsets found around the target and keep the latest instant that matches.
  const candidates = new Set<number>();
  for (const probe of [target - 86_400_000, target, target + 86_400_000]) {
    candidates.add(target - (wallClock(probe, timeZone) - probe));
  }
  let best: number | undefined;
  for (const candidate of candidates) {
    if (wallClock(candidate, timeZone) === target && (best === undefined || candidate > best)) best = candidate;
  }
  if (best === undefined) {
    // The time falls in a gap: read it with the offset in force after the change.
    const after = target + 86_400_000;
    best = target - (wallClock(after, timeZone) - after);
  }
  return new Date(best);
}

/** The last second of a day in a zone: 23:59:59 local time. */
export function endOfDay(day: CalendarDay, timeZone: string): Date {
  return zonedInstant(day, 23, 59, 59, timeZone);
}
