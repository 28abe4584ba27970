import { isTimeZone } from "../calendar/zoned-time";
import { longDate } from "../internal/intl-formats";
import { textOf } from "../internal/preview";
import { PaylinksError } from "../issues/paylinks-error";
import { normalizeLanguage } from "../language/normalize-language";
import { formatAmount } from "../money/format-amount";
import { escapeHtml } from "./escape-html";
import type { MessageTemplate } from "./message-template";
import { parseTemplate } from "./parse-template";

/** The values of a message's variables for one link. */
export interface MessageValues {
  /** `%reference%`: the link's final reference; lines using it are left out when it is missing. */
  readonly reference?: string | undefined;
  /** `%amount%`: the amount in minor units. */
  readonly amount: number;
  /** The ISO 4217 code of the amount. */
  readonly currency: string;
  /** `%start_date%`: when the order was created. */
  readonly startDate: Date;
  /** `%end_date%`: when the link expires. */
  readonly endDate: Date;
  /** `%shop_name%`. */
  readonly shopName: string;
  /** `%url%`: the payment link. */
  readonly url: string;
  /** `%shop_contact%`; lines using it are left out when it is missing. */
  readonly shopContact?: string | undefined;
  /** `%shop_url%`; lines using it are left out when it is missing. */
  readonly shopUrl?: string | undefined;
  /** `%buyer_reference%`; lines using it are left out when it is missing. */
  readonly buyerReference?: string | undefined;
  /**
   * Custom variables by name (without `%`), such as `{ first_name: "Marie" }`: a batch's columns, or a request's
   * own. A line using one that is missing or blank is left out, as for the built-in ones, which win on a clash.
   */
  readonly variables?: Readonly<Record<string, string>> | undefined;
}

/** How values are formatted. */
export interface RenderOptions {
  /** Language of the message: amounts and dates are formatted for it, and it is the HTML `lang`. */
  readonly language: string;
  /** IANA time zone in which dates are shown (the shop's). */
  readonly timezone: string;
}

/** A message ready to send. */
export interface RenderedMessage {
  /** One line, with no line break whatever the values. */
  readonly subject: string;
  /** The plain-text part. */
  readonly text: string;
  /** The HTML part: a complete document where every value and the merchant's text are escaped. */
  readonly html: string;
}

/** The values that differ between the links of one order. Internal. */
export interface LinkSlots {
  readonly reference?: string | undefined;
  readonly url: string;
}

type Slot = { readonly slot: "reference" | "url" };
type Part = string | Slot;
type Shared = Omit<MessageValues, "url">;

/** Whether `name` is an own key of `record` (never an inherited one such as `toString`). */
const own = (record: object, name: string): boolean => Object.hasOwn(record, name);

const isWebUrl = (value: string): boolean => /^https?:\/\/[^\s]+$/i.test(value);

const link = (url: string): string =>
  isWebUrl(url) ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : escapeHtml(url);

function formatValues(values: Shared, options: RenderOptions): Record<string, string | undefined> {
  const present = (value: string | undefined): string | undefined =>
    value === undefined || value.trim() === "" ? undefined : value;
  // fromEntries, so that any name (even __proto__) is an own key.
  const custom = Object.fromEntries(Object.entries(values.variables ?? {}).map(([name, v]) => [name, present(v)]));
  return {
    ...custom,
    amount: formatAmount(values.amount, values.currency, options.language),
    start_date: longDate(options.language, options.timezone, values.startDate),
    end_date: longDate(options.language, options.timezone, values.endDate),
    shop_name: present(values.shopName),
    shop_contact: present(values.shopContact),
    shop_url: present(values.shopUrl),
    buyer_reference: present(values.buyerReference),
  };
}

function cleanSubject(subject: string): string {
  let out = "";
  let space = false;
  for (const char of subject) {
    const code = char.codePointAt(0) as number;
    const blank = code <= 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
    if (blank) space = out !== "";
    else {
      if (space) out += " ";
      out += char;
      space = false;
    }
  }
  return out;
}

function fill(parts: readonly Part[], slots: LinkSlots, html: boolean): string {
  let out = "";
  for (const part of parts) {
    if (typeof part === "string") out += part;
    else if (part.slot === "url") out += html ? link(slots.url) : slots.url;
    else out += html ? escapeHtml(slots.reference ?? "") : (slots.reference ?? "");
  }
  return out;
}

/**
 * Prepares a template once for every link of an order: the values shared by all links are formatted and escaped
 * once, and only the reference and the URL are filled in per link. Internal: {@link renderMessage} is the public
 * form, and the plan uses this for speed.
 *
 * @param template - The subject and body.
 * @param values - Every value but the URL; `reference` only says whether the links have one.
 * @param options - Language and time zone.
 * @returns A function that renders the message of one link.
 */
export function compileMessage(
  template: MessageTemplate,
  values: Shared,
  options: RenderOptions,
): (slots: LinkSlots) => RenderedMessage {
  const formatted = formatValues(values, options);
  const hasReference = values.reference !== undefined && values.reference !== "";
  const missing = (name: string): boolean =>
    name === "reference" ? !hasReference : name !== "url" && own(formatted, name) && formatted[name] === undefined;
  const known = (name: string): boolean => name === "reference" || name === "url" || own(formatted, name);

  const subject: Part[] = [];
  for (const segment of parseTemplate(template.subject)) {
    if (typeof segment === "string") subject.push(segment);
    else if (segment.variable === "reference" || segment.variable === "url") subject.push({ slot: segment.variable });
    else if (known(segment.variable)) subject.push(formatted[segment.variable] ?? "");
    else subject.push(`%${segment.variable}%`);
  }

  const text: Part[] = [];
  const html: Part[] = [];
  let usesUrl = false;
  let first = true;
  const lines = template.body.split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const segments = parseTemplate(line);
    if (segments.some((s) => typeof s !== "string" && missing(s.variable))) return;
    const htmlLine: Part[] = [];
    for (const segment of segments) {
      if (typeof segment === "string") {
        text.push(segment);
        htmlLine.push(escapeHtml(segment));
      } else if (segment.variable === "reference" || segment.variable === "url") {
        usesUrl ||= segment.variable === "url";
        text.push({ slot: segment.variable });
        htmlLine.push({ slot: segment.variable });
      } else if (known(segment.variable)) {
        const value = formatted[segment.variable] as string;
        text.push(value);
        htmlLine.push(segment.variable === "shop_url" ? link(value) : escapeHtml(value));
      } else {
        text.push(`%${segment.variable}%`);
        htmlLine.push(escapeHtml(`%${segment.variable}%`));
      }
    }
    if (index < lines.length - 1) text.push("\n");
    if (line.trim() === "") return;
    html.push(first ? "<p><strong>" : "<p>", ...htmlLine, first ? "</strong></p>\n" : "</p>\n");
    first = false;
  });
  if (!usesUrl) {
    text.push("\n\n", { slot: "url" });
    html.push("<p>", { slot: "url" }, "</p>\n");
  }
  const lang = escapeHtml(options.language);
  const htmlParts = joinStrings(html);
  const textParts = joinStrings(text);
  const tidyText = tidyParts(textParts);
  const textUsesReference = textParts.some((part) => typeof part !== "string" && part.slot === "reference");
  const head =
    `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>`;
  const open =
    `</title>\n</head>\n<body style="font-family: Arial, Helvetica, sans-serif; font-size: 15px; line-height: 1.5; ` +
    `color: #222222;">\n`;

  return (slots) => {
    const renderedSubject = cleanSubject(fill(subject, slots, false));
    return {
      subject: renderedSubject,
      text: plainSlots(slots, textUsesReference) ? fill(tidyText, slots, false) : tidy(fill(textParts, slots, false)),
      html: `${head}${escapeHtml(renderedSubject)}${open}${fill(htmlParts, slots, true)}</body>\n</html>\n`,
    };
  };
}

/** The text part's last touch: no more than one empty line in a row, no blank at either end. */
const tidy = (text: string): string => text.replace(/\n{3,}/g, "\n\n").trim();

/** The parts with each run of literal strings joined into one, so a rendered message is a few long pieces. */
function joinStrings(parts: readonly Part[]): Part[] {
  const joined: Part[] = [];
  for (const part of parts) {
    const last = joined.length - 1;
    if (typeof part === "string" && typeof joined[last] === "string") joined[last] += part;
    else joined.push(part);
  }
  return joined;
}

/**
 * The parts {@link tidy} already applied to, for slots that are {@link plainSlots}: a run of line breaks never
 * spans such a slot, and the text cannot start or end with blanks of a slot, so tidying each literal (trimming the
 * first and the last) gives the same text as tidying the whole.
 */
function tidyParts(parts: readonly Part[]): Part[] {
  return parts.map((part, index) => {
    if (typeof part !== "string") return part;
    let out = part.replace(/\n{3,}/g, "\n\n");
    if (index === 0) out = out.trimStart();
    if (index === parts.length - 1) out = out.trimEnd();
    return out;
  });
}

/**
 * Whether every slot value the text uses is one non-empty line with no blank at either end: what
 * {@link tidyParts} assumes.
 */
function plainSlots(slots: LinkSlots, usesReference: boolean): boolean {
  const plain = (value: string): boolean => value !== "" && !value.includes("\n") && value.trim() === value;
  return plain(slots.url) && (!usesReference || plain(slots.reference ?? ""));
}

/**
 * Renders a message for one link: the subject, the plain-text part and the HTML part.
 *
 * - Each `%variable%` is replaced by its value; amounts and dates are formatted for `language`, dates in
 *   `timezone` (`49,90 €` and `8 décembre 2026` in French).
 * - A line that uses a variable with no value (a shop with no URL, no buyer reference) is left out whole.
 * - A body that does not use `%url%` gets the link appended at the end.
 * - The subject is always one line: line breaks and control characters in values become spaces.
 * - The HTML part is a complete document with a `lang` attribute; each non-empty body line is a paragraph, the
 *   first one bold; the link (and the shop's URL) are clickable when they are `http(s)` URLs. Every value and
 *   every character of the merchant's text is escaped.
 * - Unknown variables are left as written: check the template with {@link validateMessageTemplate} first.
 *
 * @param template - The subject and body.
 * @param values - The link's values.
 * @param options - Language and time zone.
 * @returns The subject, text and HTML.
 * @throws {@link PaylinksError} `invalid_context` when the language is not a language tag (it is normalised:
 *   `FR` and `fr_CA` work), the time zone is not one `Intl` knows, or a date is not a valid `Date`; and `currency_unknown` when the currency is not an active ISO 4217 currency.
 * @example
 * ```ts
 * renderMessage(defaultMessage("fr"), { amount: 4990, currency: "EUR", shopName: "Librairie Durand",
 *   url: "https://pay.example/t/abc", reference: "Recouvrement-001",
 *   startDate: new Date(), endDate: new Date() }, { language: "fr", timezone: "Europe/Paris" });
 * ```
 */
export function renderMessage(
  template: MessageTemplate,
  values: MessageValues,
  options: RenderOptions,
): RenderedMessage {
  const language = normalizeLanguage(options.language);
  if (language === undefined) {
    throw new PaylinksError("invalid_context", `Not a language tag: ${textOf(options.language)}`);
  }
  if (!isTimeZone(options.timezone)) {
    throw new PaylinksError("invalid_context", `Not a time zone: ${textOf(options.timezone)}`);
  }
  for (const key of ["startDate", "endDate"] as const) {
    const date = values?.[key];
    if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
      throw new PaylinksError("invalid_context", `${key} must be a valid Date`);
    }
  }
  return compileMessage(template, values, { ...options, language })({ reference: values.reference, url: values.url });
}
