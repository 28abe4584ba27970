export type { AdvancedParameters, AdvancedParametersContext, AdvancedParametersInput } from "./advanced-parameters";
export {
  LIBRARY_DEFAULTS,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  THREE_DS_PREFERENCES,
} from "./advanced-parameters";
export { defaultAdvancedParameters } from "./default-advanced-parameters";
export { normalizeLanguage } from "./normalize-language";
export { validateAdvancedParameters } from "./validate-advanced-parameters";
export type { CalendarDay } from "./zoned-time";
export { addDays, dayInZone, daysBetween, endOfDay, isTimeZone } from "./zoned-time";
