import type { IssueParams } from "./issue";
import type { IssueCode } from "./issue-codes";

/** Writes the message of one issue code from its params. */
export type IssueFormatter = (params: IssueParams) => string;

/** Messages for every issue code, in one language. */
export type IssueCatalog = Readonly<Record<IssueCode, IssueFormatter>>;
