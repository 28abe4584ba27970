export {
  isReferenceCharacter,
  maxBaseReferenceLength,
  ORDER_REFERENCE_MAX_LENGTH,
  REFERENCE_SUFFIX_DIGITS,
  referenceSuffixLength,
} from "./reference-rules";
export { suffixReferences } from "./suffix-references";
export type { OrderReferenceOptions } from "./validate-order-reference";
export { validateOrderReference } from "./validate-order-reference";
