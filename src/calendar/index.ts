export type { CalendarDay } from "./zoned-time";
export { addDays, dayInZone, daysBetween, endOfDay, isTimeZone } from "./zoned-time";
