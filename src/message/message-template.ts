/** The message of step 3: a subject and a body, both of which may use the {@link MESSAGE_VARIABLES}. */
export interface MessageTemplate {
  /** One line, at most 255 characters. */
  readonly subject: string;
  /** Plain text, at most 2,000 characters; each line becomes a paragraph in the HTML part. */
  readonly body: string;
}

/** Longest subject, in characters. */
export const MESSAGE_SUBJECT_MAX_LENGTH = 255;

/** Longest body, in characters. */
export const MESSAGE_BODY_MAX_LENGTH = 2000;
