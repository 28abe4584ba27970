import type { IssueCode } from "./issue-codes";

/** The languages in which paylinks writes issue messages. */
export type Locale = "en" | "fr";

/** Where an issue points inside the input: object keys and array indexes, outermost first. */
export type IssuePath = readonly (string | number)[];

/** Values that complete an issue's message, such as the offending character or a limit. */
export type IssueParams = Readonly<Record<string, string | number | boolean>>;

/**
 * One problem found in an input.
 *
 * @example
 * ```ts
 * { code: "recipient_invalid", path: ["recipients", 2], message: "…", params: { value: "bob@", reason: "domain_missing" } }
 * ```
 */
export interface Issue {
  /** Stable code from {@link ISSUE_CODES}; safe to switch on. */
  readonly code: IssueCode;
  /** Where the problem is in the input, e.g. `["recipients", 2]`. Empty for the whole input. */
  readonly path: IssuePath;
  /** A sentence for the person filling the form, in the requested locale. */
  readonly message: string;
  /** The values used in the message, for callers that write their own. */
  readonly params?: IssueParams;
}

/** Options taken by every function that returns issues. */
export interface LocaleOptions {
  /**
   * Language of the issue messages.
   * @defaultValue `"en"`
   */
  readonly locale?: Locale | undefined;
}
