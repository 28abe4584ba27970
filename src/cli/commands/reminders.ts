import { flagValue } from "../command-line/read-values";
import { linkJson } from "../output/link-json";
import { reminderRows } from "../output/link-lines";
import { table } from "../output/table";
import type { Command } from "./command";
import { linkName } from "./link-result";
import { type ReminderFlags, reminderOptions, reminderSchedule } from "./reminder-options";

const FLAGS: ReminderFlags = { before: "before", after: "after", at: "at" };

/**
 * `paylinks reminders <id>`: shows a link's reminder schedule, how many reminders went out and when the next one
 * is due; with `--before`, `--after` or `--at` it sets a new schedule, with `--none` it removes it.
 */
export const remindersCommand: Command = {
  name: "reminders",
  args: ["id"],
  options: { ...reminderOptions(FLAGS), none: { type: "boolean" } },

  async run(context, { values, args }) {
    const { text } = context;
    const settings = await context.settings();
    const runtime = await context.open();
    const call = { actor: runtime.actor, locale: text.locale };
    const schedule = flagValue(values, "none") ? {} : reminderSchedule(values, FLAGS);
    const id = args[0] as string;
    const link =
      schedule === undefined
        ? await runtime.paylinks.getLink(id, call)
        : await runtime.paylinks.changeReminders(id, schedule, call);
    const rows = table(reminderRows(link, { settings, text }));
    const lines = schedule === undefined ? rows : [text.out.remindersChanged(linkName(link)), "", ...rows];
    return { data: { link: linkJson(link) }, lines };
  },
};
