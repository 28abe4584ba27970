import { type Check, collect } from "../internal/issue-sink";
import { preview } from "../internal/preview";
import type { LocaleOptions } from "../issues/issue";
import type { IssueCode } from "../issues/issue-codes";
import type { Result } from "../issues/result";
import { normalizeEmailAddress } from "./email-address";

/** Splits on `;` and line breaks, trims, and drops empty segments, in one pass. */
function segments(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    if (i === text.length || c === ";" || c === "\n" || c === "\r") {
      const segment = text.slice(start, i).trim();
      if (segment !== "") out.push(segment);
      start = i + 1;
    }
  }
  return out;
}

/** A segment that holds several addresses joined by `,` or spaces instead of `;`: the separator and the count. */
function wrongSeparator(segment: string): { separator: string; count: number } | undefined {
  const count = segment.split(/[\s,]+/).filter((part) => part.includes("@")).length;
  if (count < 2) return undefined;
  return { separator: segment.includes(",") ? "," : " ", count };
}

/** The entries of a list with the index that points at each in the input. */
function entriesOf(input: string | readonly string[]): [entry: string, index: number][] {
  if (typeof input === "string") return segments(input).map((entry, index) => [entry, index]);
  const entries: [string, number][] = [];
  input.forEach((entry, index) => {
    const trimmed = String(entry).trim();
    if (trimmed !== "") entries.push([trimmed, index]);
  });
  return entries;
}

/** How {@link checkAddressList} reports an invalid address. Internal. */
export interface AddressListRules {
  readonly invalidCode: IssueCode;
  /** Report a repeated address (`recipient_duplicate`) instead of dropping the repeat. */
  readonly reportDuplicates: boolean;
}

/** What {@link checkAddressList} found. Internal. */
export interface AddressList {
  /** The valid addresses, without repeats, in list order. */
  readonly addresses: string[];
  /** How many addresses the list holds once fixed: valid, invalid, and each one of a `,`-joined entry. */
  readonly count: number;
}

/**
 * Splits and checks a list of addresses, a text or a list of texts (anything else is `type_invalid`), reporting each
 * entry's issue at the sink's path + index. Internal: used for the recipients and for the blind copies. For a text,
 * the index counts its non-empty entries; for a list, it is the index in the list.
 */
export const checkAddressList: Check<AddressListRules, AddressList> = (input, rules, sink) => {
  if (!(typeof input === "string" || (Array.isArray(input) && input.every((entry) => typeof entry === "string")))) {
    sink.add("type_invalid", { expected: "list" });
    return undefined;
  }
  const addresses: string[] = [];
  const seen = new Map<string, number>();
  let count = 0;
  for (const [entry, index] of entriesOf(input)) {
    const at = sink.at(index);
    const joined = wrongSeparator(entry);
    if (joined !== undefined) {
      count += joined.count;
      at.add("recipient_separator", { value: preview(entry), separator: joined.separator, count: joined.count });
      continue;
    }
    count++;
    const check = normalizeEmailAddress(entry);
    if (!check.ok) {
      at.add(rules.invalidCode, { value: preview(entry), reason: check.reason });
      continue;
    }
    const key = check.address.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      count--;
      if (rules.reportDuplicates) at.add("recipient_duplicate", { value: preview(entry), first });
      continue;
    }
    seen.set(key, index);
    addresses.push(check.address);
  }
  return { addresses, count };
};

/**
 * Splits the buyer e-mail field into addresses, as the form's "E-mail de l'acheteur" field holds them: separated
 * by `;` (line breaks are accepted too, as from a pasted column), surrounding spaces trimmed, empty entries
 * ignored. Each address is checked and normalised by {@link normalizeEmailAddress}. The same address twice
 * (ignoring case) is an issue: each recipient gets exactly one link. There is no limit on the count.
 *
 * @param text - The field's text.
 * @param options - `locale` of the issue messages.
 * @returns The addresses in list order, or the issues, whose path is the index of the entry among the
 *   non-empty ones: `recipients_empty`, `recipient_invalid` (with `reason`), `recipient_duplicate` (with the
 *   `first` index), `recipient_separator` (addresses joined by `,` or spaces).
 * @example
 * ```ts
 * splitRecipients("a@example.fr; B@Example.COM\nc@example.org");
 * // { ok: true, value: ["a@example.fr", "B@example.com", "c@example.org"] }
 * ```
 */
export function splitRecipients(text: string, options: LocaleOptions = {}): Result<string[]> {
  return collect(options.locale, (sink) => {
    if (typeof text !== "string") {
      sink.add("type_invalid", { expected: "string" });
      return undefined;
    }
    const list = checkAddressList(text, { invalidCode: "recipient_invalid", reportDuplicates: true }, sink);
    if (sink.issues.length === 0 && list?.addresses.length === 0) sink.add("recipients_empty");
    return list?.addresses;
  });
}
