/**
 * A bare address: something `@` something, with no spaces, angle brackets, quotes, separators, group syntax or
 * control characters. nodemailer parses every address it is given, envelope included, so anything more (a
 * display name, a `:` group, a `;` list, a line break) could make it send to another address than the one meant,
 * or start a header of its own.
 */
const ADDRESS = /^[^\s<>()[\],;:"\\@\p{Cc}]+@[^\s<>()[\],;:"\\@\p{Cc}]+$/u;

/** Whether a value is a bare e-mail address, at most 254 characters, that nodemailer cannot read as anything else. Internal. */
export const isBareAddress = (value: unknown): value is string =>
  typeof value === "string" && value.length <= 254 && ADDRESS.test(value);
