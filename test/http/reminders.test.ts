// Reminder schedules over HTTP: set at creation in step 2, shown on every link, changed with
// `PUT /links/{linkId}/reminders`; each answer checked against the OpenAPI document.
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { checkAgainstDocument } from "./api-server";
import { handlerOver } from "./handler-over";

const ORDER = {
  link: { shopId: "shop-1", amount: 4990, currency: "EUR", orderReference: "R-1", recipients: "alice@example.fr" },
  advanced: { reminders: { beforeExpiry: [3, 1] } },
  message: {
    subject: "Commande %reference%",
    body: "Payez ici : %url%",
    reminder: { subject: "Relance %reminder_number%", body: "Encore %days_left% jours : %url%" },
  },
};

function api() {
  const store = createMemoryStore();
  const handle = handlerOver(store);
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await handle(
      new Request(`http://api.local/api${path}`, {
        method,
        headers: { "content-type": "application/json" },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    const answer = { status: response.status, headers: response.headers, body: await response.json() };
    checkAgainstDocument(method, path, answer);
    return answer;
  };
  return { call, store };
}

describe("reminders over HTTP", () => {
  it("creates links with their schedule, shows the next reminder, and changes or removes it", async () => {
    const { call } = api();
    // The clock: 1 December 2026, 11:00 in Paris; the link expires at the end of 8 December.
    const made = await call("POST", "/orders", ORDER);
    expect(made.status).toBe(201);
    const link = made.body.links[0];
    expect(link.advanced.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [], time: "10:00" });
    expect(link.message.reminder).toEqual(ORDER.message.reminder);
    expect(link.reminders).toEqual({
      sent: 0,
      nextAt: "2026-12-05T09:00:00.000Z",
      attempts: 0,
      lastError: null,
      lastSentAt: null,
    });

    const changed = await call("PUT", `/links/${link.id}/reminders`, { afterCreation: [1], time: "18:30" });
    expect(changed.status).toBe(200);
    expect(changed.body.advanced.reminders).toEqual({ beforeExpiry: [], afterCreation: [1], time: "18:30" });
    expect(changed.body.reminders.nextAt).toBe("2026-12-02T17:30:00.000Z");

    const removed = await call("PUT", `/links/${link.id}/reminders`, {});
    expect(removed.body.advanced.reminders).toBeNull();
    expect(removed.body.reminders.nextAt).toBeNull();

    const shown = await call("GET", `/links/${link.id}`);
    expect(shown.body.reminders).toEqual(removed.body.reminders);
  });

  it("answers a bad schedule with 422 and every issue, and changes nothing", async () => {
    const { call } = api();
    const made = await call("POST", "/orders", { ...ORDER, advanced: undefined });
    const link = made.body.links[0];
    expect(link.advanced.reminders).toBeNull();
    expect(link.reminders.sent).toBe(0);

    const bad = await call("PUT", `/links/${link.id}/reminders`, { beforeExpiry: [3, 120], time: "noon" });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { code: string; path: unknown[] }) => [i.code, i.path])).toEqual([
      ["reminder_offset_invalid", ["reminders", "beforeExpiry", 1]],
      ["reminder_time_invalid", ["reminders", "time"]],
    ]);
    const unknown = await call("PUT", `/links/${link.id}/reminders`, { daysBefore: [1] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues[0].code).toBe("field_unknown");
    expect((await call("GET", `/links/${link.id}`)).body.version).toBe(link.version);

    const refused = await call("POST", "/orders", {
      ...ORDER,
      advanced: { validityDays: 2, reminders: { beforeExpiry: [5] } },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.issues[0]).toMatchObject({
      code: "reminder_in_past",
      path: ["advanced", "reminders", "beforeExpiry", 0],
    });
  });
});
