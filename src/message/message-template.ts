/** The message of step 3: a subject and a body, both of which may use the {@link MESSAGE_VARIABLES}. */
export interface MessageTemplate {
  /** One line, at most 255 characters. */
  readonly subject: string;
  /** Plain text, at most 2,000 characters; each line becomes a paragraph in the HTML part. */
  readonly body: string;
  /**
   * The reminder e-mail (see the advanced parameters' `reminders`): a subject and a body that may also use the
   * {@link REMINDER_VARIABLES}. Left out, the default reminder of the link's language.
   */
  readonly reminder?: ReminderTemplate | undefined;
}

/** The subject and body of a reminder e-mail (see {@link MessageTemplate.reminder}). */
export interface ReminderTemplate {
  /** One line, at most 255 characters. */
  readonly subject: string;
  /** Plain text, at most 2,000 characters. */
  readonly body: string;
}

/** Longest subject, in characters. */
export const MESSAGE_SUBJECT_MAX_LENGTH = 255;

/** Longest body, in characters. */
export const MESSAGE_BODY_MAX_LENGTH = 2000;
