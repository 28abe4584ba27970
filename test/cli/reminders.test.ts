// Reminder schedules through the built command: `create --remind-before/--remind-after/--remind-at`, and
// `paylinks reminders <id>` to show or set them, in the embedded database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { json, paylinks, tempFolder } from "./cli-process";

let dir: string;
let remove: () => Promise<void>;
beforeAll(async () => {
  ({ dir, remove } = await tempFolder("reminders"));
});
afterAll(() => remove());

interface LinkDocument {
  id: string;
  remindersSent: number;
  nextReminderAt: string | null;
  advanced: { reminders?: { beforeExpiry: number[]; afterCreation: number[]; time: string } };
}

/** 1 December 2026, 11:00 in Paris: the commands' clock. */
const env = { PAYLINKS_NOW: "2026-12-01T10:00:00Z" };

describe("reminders on the command line", () => {
  it("creates a link with a schedule, shows it, changes it and removes it", { timeout: 60_000 }, async () => {
    const created = await paylinks(
      ["create", "--amount", "25", "--to", "ann@example.fr", "--test", "--no-deliver", "--json"].concat([
        "--remind-before",
        "3,1",
        "--remind-at",
        "09:30",
      ]),
      { cwd: dir, env },
    );
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    const link = json<{ links: LinkDocument[] }>(created).links[0] as LinkDocument;
    expect(link.advanced.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [], time: "09:30" });
    expect(link.remindersSent).toBe(0);
    expect(link.nextReminderAt).not.toBeNull();

    const shown = await paylinks(["reminders", link.id, "--lang", "en"], { cwd: dir, env });
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain("3, 1 days before the expiry day, at 09:30");
    expect(shown.stdout).toContain("Reminders sent");

    const changed = await paylinks(["reminders", link.id, "--after", "2", "--json"], { cwd: dir, env });
    expect(changed.code).toBe(0);
    const after = json<{ link: LinkDocument }>(changed).link;
    expect(after.advanced.reminders).toEqual({ beforeExpiry: [], afterCreation: [2], time: "10:00" });
    expect(after.nextReminderAt).toBe("2026-12-03T09:00:00.000Z");

    const bad = await paylinks(["reminders", link.id, "--before", "3,x", "--lang", "en"], { cwd: dir, env });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("reminders.beforeExpiry.1");

    const removed = await paylinks(["reminders", link.id, "--none", "--json"], { cwd: dir, env });
    expect(json<{ link: LinkDocument }>(removed).link.nextReminderAt).toBeNull();
  });
});
