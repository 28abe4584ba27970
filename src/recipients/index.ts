export type { AddressCheck, AddressProblem } from "./email-address";
export { EMAIL_LOCAL_MAX_LENGTH, EMAIL_MAX_LENGTH, isEmailAddress, normalizeEmailAddress } from "./email-address";
export { splitRecipients } from "./split-recipients";
