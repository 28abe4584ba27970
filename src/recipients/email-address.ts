/** Why a text is not an e-mail address; the `reason` param of `recipient_invalid` and `bcc_invalid`. */
export type AddressProblem =
  | "at_missing"
  | "local_empty"
  | "local_too_long"
  | "local_invalid"
  | "domain_empty"
  | "domain_invalid"
  | "tld_invalid"
  | "too_long";

/** The outcome of {@link normalizeEmailAddress}. */
export type AddressCheck =
  | {
      /** The address is valid. */
      readonly ok: true;
      /** The address in normal form: domain lower-cased and in ASCII. */
      readonly address: string;
    }
  | {
      /** The address is not valid. */
      readonly ok: false;
      /** What is wrong with it. */
      readonly reason: AddressProblem;
    };

/** Maximum length of a whole address. */
export const EMAIL_MAX_LENGTH = 254;
/** Maximum length of the part before the `@`. */
export const EMAIL_LOCAL_MAX_LENGTH = 64;

const ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";
const UNICODE_LABEL_TEXT = /^[\p{L}\p{N}\p{M}.-]+$/u;

const isAlnum = (c: string): boolean => (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9");

function isDotAtom(local: string): boolean {
  let previousDot = true; // no leading dot
  for (const c of local) {
    if (c === ".") {
      if (previousDot) return false;
      previousDot = true;
    } else if (isAlnum(c) || ATEXT_SPECIALS.includes(c)) {
      previousDot = false;
    } else return false;
  }
  return !previousDot; // no trailing dot
}

function isLdhLabel(label: string): boolean {
  if (label.length === 0 || label.length > 63 || label.startsWith("-") || label.endsWith("-")) return false;
  for (const c of label) if (!isAlnum(c) && c !== "-") return false;
  return true;
}

/** Lower-cases the domain and converts an internationalised one to its ASCII (punycode) form. */
function toAsciiDomain(domain: string): string | undefined {
  let ascii = true;
  for (let i = 0; i < domain.length; i++) if (domain.charCodeAt(i) > 0x7f) ascii = false;
  if (ascii) return domain.toLowerCase();
  if (!UNICODE_LABEL_TEXT.test(domain)) return undefined;
  // The URL parser does not check hyphens (CheckHyphens=false): "-exämple" would become the LDH "xn---exmple-7wa".
  if (domain.split(".").some((label) => label.startsWith("-") || label.endsWith("-"))) return undefined;
  try {
    // The WHATWG URL parser applies UTS #46 (IDNA) processing: mapping, normalisation and punycode.
    return new URL(`http://${domain}/`).hostname;
  } catch {
    return undefined;
  }
}

/**
 * Checks the syntax of one e-mail address and returns its normal form.
 *
 * The part before the `@` is a dot-atom (letters, digits and ``!#$%&'*+-/=?^_`{|}~``, dots between them) of at
 * most 64 characters, kept as typed. The domain is made of letter-digit-hyphen labels and ends with a label of
 * at least 2 characters that is not all digits; an internationalised domain (`exämple.fr`) is accepted and
 * converted to ASCII (`xn--exmple-cua.fr`); the domain is lower-cased. The whole address has at most 254
 * characters. Surrounding spaces are removed. The check is syntactic: it does not look the domain up.
 *
 * @param text - One address.
 * @returns `{ ok: true, address }` in normal form, or `{ ok: false, reason }`.
 * @example
 * ```ts
 * normalizeEmailAddress(" Marie@Exämple.FR "); // { ok: true, address: "Marie@xn--exmple-cua.fr" }
 * ```
 */
export function normalizeEmailAddress(text: string): AddressCheck {
  let value: string;
  try {
    value = String(text).trim();
  } catch {
    return { ok: false, reason: "at_missing" }; // not a string: an object without prototype or usable toString
  }
  const at = value.lastIndexOf("@");
  if (at < 0) return { ok: false, reason: "at_missing" };
  const local = value.slice(0, at);
  const domain = value.slice(at + 1);
  if (local.length === 0) return { ok: false, reason: "local_empty" };
  if (domain.length === 0) return { ok: false, reason: "domain_empty" };
  if (local.length > EMAIL_LOCAL_MAX_LENGTH) return { ok: false, reason: "local_too_long" };
  if (!isDotAtom(local)) return { ok: false, reason: "local_invalid" };
  if (value.length > 4 * EMAIL_MAX_LENGTH) return { ok: false, reason: "too_long" };
  const asciiDomain = toAsciiDomain(domain);
  if (asciiDomain === undefined) return { ok: false, reason: "domain_invalid" };
  const labels = asciiDomain.split(".");
  if (labels.length < 2 || !labels.every(isLdhLabel)) return { ok: false, reason: "domain_invalid" };
  const tld = labels[labels.length - 1] as string;
  if (tld.length < 2 || /^[0-9]+$/.test(tld)) return { ok: false, reason: "tld_invalid" };
  const address = `${local}@${asciiDomain}`;
  if (address.length > EMAIL_MAX_LENGTH) return { ok: false, reason: "too_long" };
  return { ok: true, address };
}

/**
 * Whether a text is one valid e-mail address, by the rules of {@link normalizeEmailAddress}.
 * @param text - One address.
 * @returns `true` when valid.
 */
export function isEmailAddress(text: string): boolean {
  return normalizeEmailAddress(text).ok;
}
