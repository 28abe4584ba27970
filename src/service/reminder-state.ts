import type { AdvancedParameters } from "../advanced/advanced-parameters";
import type { LinkReminders, StoredLink } from "../ports/payment-order-records";
import { nextReminderAt } from "../reminders/reminder-dates";

const NONE_SENT: LinkReminders = {
  sent: 0,
  nextAt: undefined,
  attempts: 0,
  lastError: undefined,
  lastSentAt: undefined,
};

/** The reminder state of a new link: its first reminder due, or none when it has no schedule. Internal. */
export function firstReminders(
  advanced: AdvancedParameters,
  createdAt: Date,
  timezone: string,
): LinkReminders | undefined {
  if (advanced.reminders === undefined) return undefined;
  const nextAt = nextReminderAt(advanced.reminders, { createdAt, expiresAt: advanced.expiresAt, timezone }, createdAt);
  return { ...NONE_SENT, nextAt };
}

/** A link whose remaining reminders are cancelled (paid, refused, cancelled, expired). Internal. */
export function withoutReminders(link: StoredLink): StoredLink {
  return link.reminders === undefined ? link : { ...link, reminders: { ...link.reminders, nextAt: undefined } };
}

/**
 * A link with its next reminder set again from its schedule and its expiry: the first one after `now`, the
 * reminders already sent staying counted. What moving the expiry, editing and reactivating do. Internal.
 */
export function rescheduled(link: StoredLink, timezone: string, now: Date): StoredLink {
  const schedule = link.advanced.reminders;
  if (schedule === undefined && link.reminders === undefined) return link;
  const nextAt = nextReminderAt(schedule, { createdAt: link.createdAt, expiresAt: link.expiresAt, timezone }, now);
  return { ...link, reminders: { ...(link.reminders ?? NONE_SENT), attempts: 0, nextAt } };
}
