export type {
  AdvancedChoices,
  AdvancedParameters,
  AdvancedParametersContext,
  AdvancedParametersInput,
  OptionalAdvancedChoices,
  PaymentMethodSaving,
  ThreeDsPreference,
} from "./advanced-parameters";
export {
  LIBRARY_DEFAULTS,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  THREE_DS_PREFERENCES,
} from "./advanced-parameters";
export { defaultAdvancedParameters } from "./default-advanced-parameters";
export { validateAdvancedParameters } from "./validate-advanced-parameters";
