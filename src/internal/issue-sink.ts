import { createIssue } from "../issues/create-issue";
import type { Issue, IssueParams, IssuePath, Locale } from "../issues/issue";
import type { IssueCode } from "../issues/issue-codes";
import { en } from "../issues/messages-en";
import { PaylinksError } from "../issues/paylinks-error";
import { fail, ok, type Result } from "../issues/result";

/**
 * Where a check reports its issues: a path into the input and the language of the messages, over a list that the
 * sinks of one validation share. Internal.
 */
export interface IssueSink {
  /** The path this sink reports at. */
  readonly path: IssuePath;
  /** The language of the messages. */
  readonly locale: Locale;
  /** Every issue reported so far to this sink's list, in order. */
  readonly issues: readonly Issue[];
  /** Reports an issue at this sink's path. */
  add(code: IssueCode, params?: IssueParams): void;
  /** A sink for a part of the input: the same list, the path followed by `keys`. */
  at(...keys: readonly (string | number)[]): IssueSink;
  /** A sink at the same path whose issues are kept apart until {@link IssueSink.absorb} takes them. */
  fork(): IssueSink;
  /** Appends the issues of a fork, at the point where this is called. */
  absorb(fork: IssueSink): void;
}

/**
 * How every check is called: the input (anything), what the check needs to know, and where to report. It returns
 * the checked value, or `undefined` when the input gave none; the value is meaningful only when the check reported
 * nothing. Internal.
 */
export type Check<Context, Value> = (input: unknown, context: Context, sink: IssueSink) => Value | undefined;

/**
 * Creates a sink at `path` over a new list. Internal.
 * @param locale - The language of the messages; English when left out.
 * @param path - Where the sink reports.
 * @returns The sink.
 * @throws {@link PaylinksError} `invalid_context` when `locale` is not a catalog (a language code such as `"fr"`).
 */
export function createSink(locale: Locale = en, path: IssuePath = []): IssueSink {
  if (locale === null || typeof locale !== "object" || typeof locale.messages !== "object") {
    // A language code where a catalog is expected: say what to pass instead of failing on the first issue.
    throw new PaylinksError(
      "invalid_context",
      `locale must be a catalog such as fr from "paylinks/locales/fr", not ${JSON.stringify(String(locale))}`,
    );
  }
  return sinkOver([], locale, path);
}

function sinkOver(issues: Issue[], locale: Locale, path: IssuePath): IssueSink {
  return {
    path,
    locale,
    issues,
    add: (code, params) => {
      issues.push(createIssue(code, path, params, locale));
    },
    at: (...keys) => sinkOver(issues, locale, [...path, ...keys]),
    fork: () => sinkOver([], locale, path),
    absorb: (fork) => {
      issues.push(...fork.issues);
    },
  };
}

/**
 * Runs a check with a new sink and gives its {@link Result}: the value when nothing was reported, else every issue.
 * The one wrapper every public validator uses. Internal.
 * @param locale - The language of the messages.
 * @param run - Runs the check.
 * @returns The result.
 */
export function collect<Value>(locale: Locale | undefined, run: (sink: IssueSink) => Value | undefined): Result<Value> {
  const sink = createSink(locale);
  const value = run(sink);
  return sink.issues.length > 0 ? fail([...sink.issues]) : ok(value as Value);
}
