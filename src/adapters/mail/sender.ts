import { isBareAddress } from "./bare-address";

/** The sender a transport is configured with: a bare address, and the display name that replaces the shop's. */
export interface MailSender {
  /** The display name of the From header; when absent, the shop's name (`OutgoingMail.fromName`) is used. */
  readonly name: string | undefined;
  /** The From address, bare. */
  readonly address: string;
}

/** `Name <address>`: whatever comes before the last `<`, then the address between angle brackets. */
const NAMED = /^(.*)<([^<>]*)>$/s;

/** Control characters and the Unicode line and paragraph separators: nothing a display name may hold. */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

/**
 * The display name as written before `<address>`: a quoted string without its quotes and backslash escapes, or
 * plain text without quotes or angle brackets; `undefined` when it is neither.
 */
function displayName(written: string): string | undefined {
  if (!written.startsWith('"')) return /[<>"]/.test(written) ? undefined : written;
  const quoted = /^"((?:[^"\\]|\\.)*)"$/s.exec(written);
  return quoted?.[1]?.replace(/\\(.)/gs, "$1");
}

/**
 * Reads a transport's `from` option: a bare address (`noreply@shop.example`), or a display name and an address
 * (`Boutique Démo <noreply@shop.example>`; the name may be in double quotes, `"Durand, Fils" <…>`, and then hold
 * any text). The name, when there is one, replaces the shop's name in the From header. `undefined` when the value
 * is neither, when the address is not bare, or when the name holds a control character or a line break. Internal.
 */
export function parseSender(value: unknown): MailSender | undefined {
  if (typeof value !== "string") return undefined;
  const text: string = value;
  if (isBareAddress(value)) return { name: undefined, address: value };
  const match = NAMED.exec(text.trim());
  const address = match?.[2]?.trim();
  const name = displayName(match?.[1]?.trim() ?? "")?.trim();
  if (!isBareAddress(address) || name === undefined || CONTROL.test(name)) return undefined;
  return { name: name === "" ? undefined : name, address };
}
