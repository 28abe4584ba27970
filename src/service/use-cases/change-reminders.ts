import { createSink } from "../../internal/issue-sink";
import { PaylinksError } from "../../issues/paylinks-error";
import { localeOf } from "../../locales/locale-codes";
import type { StoredLink } from "../../ports/payment-order-records";
import { checkReminders } from "../../reminders/check-reminders";
import type { ReminderScheduleInput } from "../../reminders/reminder-schedule";
import { rescheduled } from "../reminder-state";
import type { CallOptions, ServiceContext } from "../service-context";
import { changeLink, linkEvent } from "./change-link";

/**
 * Sets the reminder schedule of a running link (`{}` removes it): checked as in step 2, each reminder after now
 * and at or before the expiry, with the offsets after creation counted from the link's creation day. The next
 * reminder is the schedule's first one after now; the reminders already sent stay counted. Internal: the
 * service's `changeReminders`.
 * @throws {@link PaylinksError} `invalid_request` with every issue, at paths under `reminders`.
 */
export function changeReminders(
  context: ServiceContext,
  linkId: string,
  schedule: ReminderScheduleInput,
  options: CallOptions,
): Promise<StoredLink> {
  return changeLink(
    context,
    linkId,
    "changeReminders",
    options,
    async (link, now) => {
      const shop = await context.findShop(link.shopId);
      const sink = createSink(localeOf(options.locale), ["reminders"]);
      // Reminders must come after now; the offsets after creation count from the link's creation day.
      const checked = checkReminders(
        schedule ?? {},
        {
          fallback: shop.defaults?.reminders,
          now,
          createdAt: link.createdAt,
          expiresAt: link.expiresAt,
          timezone: shop.timezone,
        },
        sink,
      );
      if (sink.issues.length > 0) {
        throw new PaylinksError("invalid_request", "The reminder schedule is not valid", { issues: sink.issues });
      }
      const { reminders: _old, ...advanced } = link.advanced;
      const next: StoredLink = { ...link, advanced: checked ? { ...advanced, reminders: checked } : advanced };
      return rescheduled(next, shop.timezone, now);
    },
    (link) => linkEvent(link, options.actor, { type: "reminders_changed" }),
  );
}
