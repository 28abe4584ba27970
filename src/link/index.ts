export { BCC_MAX_ADDRESSES } from "./check-bcc";
export { BUYER_REFERENCE_MAX_LENGTH } from "./check-buyer-reference";
export type {
  LinkFormFailure,
  LinkFormSchema,
  LinkFormSchemaContext,
  LinkFormSchemaProps,
} from "./link-form-schema";
export { createLinkFormSchema, linkFormSchema } from "./link-form-schema";
export type {
  BccInput,
  Channel,
  LinkForm,
  LinkFormBcc,
  LinkParameters,
  LinkParametersInput,
  LinkValidationContext,
} from "./link-parameters";
export { validateLinkForm } from "./validate-link-form";
export { assertLinkParameters, validateLinkParameters } from "./validate-link-parameters";
