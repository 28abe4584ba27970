import { describe, expect, it } from "vitest";
import {
  DEFAULT_REMINDER_MESSAGES,
  defaultAdvancedParameters,
  defaultReminderMessage,
  MAX_REMINDERS,
  REMINDER_VARIABLES,
  reminderDates,
  renderReminder,
  validateAdvancedParameters,
  validateMessageTemplate,
  validateRequest,
} from "../../src/index";
import { fr } from "../../src/locales/fr";
import { makeLink } from "../../src/testing";
import { makeShop } from "../support/fixtures";

const shop = makeShop();
const NOW = new Date("2026-03-20T09:00:00Z");

describe("reminderDates", () => {
  it("keeps 10:00 local time on both sides of the change to summer time", () => {
    // Paris goes to summer time on 29 March 2026: 10:00 is 09:00 UTC before, 08:00 UTC after.
    const dates = reminderDates(
      { beforeExpiry: [5, 1], afterCreation: [2], time: "10:00" },
      { createdAt: NOW, expiresAt: new Date("2026-03-31T21:59:59Z"), timezone: "Europe/Paris" },
    );
    expect(dates.map((d) => d.toISOString())).toEqual([
      "2026-03-22T09:00:00.000Z",
      "2026-03-26T09:00:00.000Z",
      "2026-03-30T08:00:00.000Z",
    ]);
  });

  it("gives each instant once and leaves out those before the creation or after the expiry", () => {
    const dates = reminderDates(
      { beforeExpiry: [0, 3, 30], afterCreation: [4, 0], time: "08:15" },
      { createdAt: NOW, expiresAt: new Date("2026-03-27T22:59:59Z"), timezone: "Europe/Paris" },
    );
    // 3 before the 27th is the 24th, and 4 after the 20th too; 08:15 on the 20th is before 10:00 (creation).
    expect(dates.map((d) => d.toISOString())).toEqual(["2026-03-24T07:15:00.000Z", "2026-03-27T07:15:00.000Z"]);
  });

  it("reads the time of day in the shop's zone, not in UTC", () => {
    const dates = reminderDates(
      { beforeExpiry: [], afterCreation: [1], time: "23:30" },
      { createdAt: NOW, expiresAt: new Date("2026-03-28T14:59:59Z"), timezone: "Asia/Tokyo" },
    );
    expect(dates.map((d) => d.toISOString())).toEqual(["2026-03-21T14:30:00.000Z"]);
  });
});

describe("step 2: reminders", () => {
  const issuesOf = (reminders: unknown, extra: Record<string, unknown> = {}) => {
    const result = validateAdvancedParameters({ validityDays: 7, ...extra, reminders } as never, { shop, now: NOW });
    return result.ok ? [] : result.issues.map((i) => [i.path.join("."), i.code, i.params]);
  };

  it("accepts a schedule, fills the time, and leaves reminders out when there are none", () => {
    const result = validateAdvancedParameters({ reminders: { beforeExpiry: [3, 1] } }, { shop, now: NOW });
    expect(result.ok && result.value.reminders).toEqual({ beforeExpiry: [3, 1], afterCreation: [], time: "10:00" });
    const none = validateAdvancedParameters({ reminders: {} }, { shop, now: NOW });
    expect(none.ok && "reminders" in none.value).toBe(false);
    const absent = validateAdvancedParameters({}, { shop, now: NOW });
    expect(absent.ok && "reminders" in absent.value).toBe(false);
  });

  it("reports every issue at once, each at its entry", () => {
    expect(issuesOf({ beforeExpiry: [1.5, "2", -1, 91], afterCreation: "2", time: "9:00" })).toEqual([
      ["reminders.beforeExpiry.0", "reminder_offset_invalid", { value: "1.5", min: 0, max: 90 }],
      ["reminders.beforeExpiry.1", "reminder_offset_invalid", { value: "2", min: 0, max: 90 }],
      ["reminders.beforeExpiry.2", "reminder_offset_invalid", { value: "-1", min: 0, max: 90 }],
      ["reminders.beforeExpiry.3", "reminder_offset_invalid", { value: "91", min: 0, max: 90 }],
      ["reminders.afterCreation", "type_invalid", { expected: "days" }],
      ["reminders.time", "reminder_time_invalid", { value: "9:00" }],
    ]);
    expect(issuesOf("soon")).toEqual([["reminders", "type_invalid", { expected: "object" }]]);
  });

  it(`allows at most ${MAX_REMINDERS} reminders`, () => {
    expect(issuesOf({ beforeExpiry: [1, 2, 3], afterCreation: [1, 2] })).toEqual([]);
    expect(issuesOf({ beforeExpiry: [1, 2, 3], afterCreation: [1, 2, 4] })).toEqual([
      ["reminders", "reminders_too_many", { max: 5, count: 6 }],
    ]);
  });

  it("refuses a reminder in the past, after the expiry, or at the same instant as another", () => {
    expect(issuesOf({ afterCreation: [0, 8, 1], beforeExpiry: [7, 6] })).toEqual([
      ["reminders.beforeExpiry.0", "reminder_in_past", { at: "2026-03-20T09:00:00.000Z" }],
      ["reminders.afterCreation.0", "reminder_in_past", { at: "2026-03-20T09:00:00.000Z" }],
      ["reminders.afterCreation.1", "reminder_after_expiry", { at: "2026-03-28T09:00:00.000Z" }],
      ["reminders.afterCreation.2", "reminder_duplicate", { at: "2026-03-21T09:00:00.000Z" }],
    ]);
    // A reminder on the expiry day itself, before 23:59:59, is fine.
    expect(issuesOf({ beforeExpiry: [0] })).toEqual([]);
  });

  it("writes the messages in French too", () => {
    const result = validateAdvancedParameters(
      { reminders: { beforeExpiry: [1, 2, 3, 4, 5, 6] } },
      { shop, now: NOW, locale: fr },
    );
    expect(result.ok ? "" : result.issues[0]?.message).toBe(
      "Un lien peut avoir au plus 5\u00a0relances (il y en a 6).",
    );
  });

  it("takes the shop's default, dropping what does not fit this link, and shows it among the defaults", () => {
    const withDefault = makeShop({ defaults: { validityDays: 2, reminders: { beforeExpiry: [5, 1], time: "18:00" } } });
    const result = validateAdvancedParameters({}, { shop: withDefault, now: NOW });
    expect(result.ok && result.value.reminders).toEqual({ beforeExpiry: [5, 1], afterCreation: [], time: "18:00" });
    expect(defaultAdvancedParameters(withDefault, { now: NOW }).reminders).toEqual({
      beforeExpiry: [5, 1],
      afterCreation: [],
      time: "18:00",
    });
    // An explicit schedule is checked strictly, and inherits the default's time.
    const explicit = validateAdvancedParameters({ reminders: { beforeExpiry: [5] } }, { shop: withDefault, now: NOW });
    expect(explicit.ok ? [] : explicit.issues.map((i) => i.code)).toEqual(["reminder_in_past"]);
    const timed = validateAdvancedParameters({ reminders: { afterCreation: [1] } }, { shop: withDefault, now: NOW });
    expect(timed.ok && timed.value.reminders?.time).toBe("18:00");
    const malformed = makeShop({ defaults: { reminders: { time: "noon" } } });
    const bad = validateAdvancedParameters({}, { shop: malformed, now: NOW });
    expect(bad.ok ? [] : bad.issues.map((i) => [i.path.join("."), i.code])).toEqual([
      ["reminders.time", "reminder_time_invalid"],
    ]);
    expect(defaultAdvancedParameters(malformed, { now: NOW }).reminders).toBeUndefined();
  });
});

describe("step 3: the reminder template", () => {
  it("may use %reminder_number% and %days_left%, which the first e-mail may not", () => {
    const template = {
      subject: "Order %reference%",
      body: "Pay: %url% (%days_left%)",
      reminder: { subject: "Reminder %reminder_number%", body: "%days_left% days left: %url% %unknown%" },
    };
    const result = validateMessageTemplate(template);
    expect(result.ok ? [] : result.issues.map((i) => [i.path.join("."), i.code, i.params])).toEqual([
      ["body", "message_unknown_variable", { variable: "days_left" }],
      ["reminder.body", "message_unknown_variable", { variable: "unknown" }],
    ]);
    const empty = validateMessageTemplate({ subject: "a", body: "b", reminder: { subject: "", body: "" } });
    expect(empty.ok ? [] : empty.issues.map((i) => i.path.join("."))).toEqual(["reminder.subject", "reminder.body"]);
    const fine = validateMessageTemplate({
      subject: "a",
      body: "b",
      reminder: { subject: "R%reminder_number%", body: "x" },
    });
    expect(fine.ok && fine.value.reminder).toEqual({ subject: "R%reminder_number%", body: "x" });
  });

  it("keeps the names of the reminder variables for paylinks", () => {
    expect(REMINDER_VARIABLES).toEqual(["%reminder_number%", "%days_left%"]);
    const result = validateRequest(
      {
        link: { shopId: "shop-1", amount: 100, currency: "EUR", recipients: "a@example.fr" },
        variables: { days_left: "3" },
      },
      { shop, now: NOW, actor: undefined as never },
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.code, i.params?.reason])).toContainEqual([
      "variable_invalid",
      "reserved",
    ]);
  });
});

describe("default reminder messages", () => {
  it("has one per language, each using the reminder variables, the amount, the end date and the link", () => {
    expect(Object.keys(DEFAULT_REMINDER_MESSAGES).sort()).toEqual(["de", "en", "es", "fr", "it", "nl", "pt"]);
    for (const [language, template] of Object.entries(DEFAULT_REMINDER_MESSAGES)) {
      for (const variable of ["%reminder_number%", "%days_left%", "%amount%", "%end_date%", "%url%"]) {
        expect(template.body, `${language} ${variable}`).toContain(variable);
      }
      expect(validateMessageTemplate(template).ok, language).toBe(false);
      expect(validateMessageTemplate({ subject: "s", body: "b", reminder: template }).ok, language).toBe(true);
    }
  });

  it("reads regional tags as their language and falls back to English", () => {
    expect(defaultReminderMessage("fr-CA")).toBe(DEFAULT_REMINDER_MESSAGES.fr);
    expect(defaultReminderMessage("pt_BR")).toBe(DEFAULT_REMINDER_MESSAGES.pt);
    expect(defaultReminderMessage("ja")).toBe(DEFAULT_REMINDER_MESSAGES.en);
  });
});

describe("renderReminder", () => {
  const link = makeLink({
    amount: 4990,
    currency: "EUR",
    reference: "REF-1",
    url: "https://pay.example.com/t/abc",
    createdAt: new Date("2026-03-20T09:00:00Z"),
    expiresAt: new Date("2026-03-27T22:59:59Z"),
  });

  it("fills the number and the days left, counted in the shop's calendar days", () => {
    const english = { ...link, advanced: { ...link.advanced, language: "en" } };
    // 23:30 UTC on the 24th is already the 25th in Paris: two days left.
    const rendered = renderReminder(english, shop, { number: 2, at: new Date("2026-03-24T23:30:00Z") });
    expect(rendered.subject).toBe("Librairie Durand: reminder, your payment link is waiting");
    expect(rendered.text).toContain("This is reminder 2 about your payment of €49.90 to Librairie Durand");
    expect(rendered.text).toContain("(days left: 2)");
    expect(rendered.text).toContain("https://pay.example.com/t/abc");
    expect(rendered.html).toContain('<a href="https://pay.example.com/t/abc">');
  });

  it("uses the link's own reminder template and custom variables", () => {
    const custom = {
      ...link,
      variables: { first_name: "Marie" },
      message: {
        ...link.message,
        reminder: { subject: "%first_name%, reminder %reminder_number%", body: "<b>%days_left%</b>" },
      },
    };
    const rendered = renderReminder(custom, shop, { number: 1, at: new Date("2026-03-27T08:00:00Z") });
    expect(rendered.subject).toBe("Marie, reminder 1");
    expect(rendered.text.startsWith("<b>0</b>")).toBe(true);
    expect(rendered.html).toContain("&lt;b&gt;0&lt;/b&gt;");
  });
});
