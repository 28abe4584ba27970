import type { IssueCatalog } from "./issue-catalog";
import type { IssueCode } from "./issue-codes";

/** Where an issue points inside the input: object keys and array indexes, outermost first. */
export type IssuePath = readonly (string | number)[];

/** Values that complete an issue's message, such as the offending character or a limit. */
export type IssueParams = Readonly<Record<string, string | number | boolean>>;

/**
 * One problem found in an input.
 *
 * It is also a Standard Schema issue (`message` and `path`), so the issues of {@link linkFormSchema} are these.
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

/**
 * A language in which paylinks writes issue messages: English ({@link en}, the default, in the root entry) or
 * French (`fr`, from `paylinks/locales/fr`). Each language is its own module, so a browser bundle holds only the
 * languages it imports.
 */
export interface Locale {
  /** The language's BCP 47 tag, e.g. `"fr"`. */
  readonly code: string;
  /** The message of every issue code. */
  readonly messages: IssueCatalog;
}

/** Options taken by every function that returns issues. */
export interface LocaleOptions {
  /**
   * Language of the issue messages: `en` from `paylinks`, `fr` from `paylinks/locales/fr`, or your own.
   * @defaultValue {@link en}
   */
  readonly locale?: Locale | undefined;
}
