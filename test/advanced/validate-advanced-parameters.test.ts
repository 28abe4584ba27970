import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type {
  AdvancedParameters,
  AdvancedParametersContext,
  AdvancedParametersInput,
  CalendarDay,
  Issue,
  IssueCode,
  Locale,
  PaymentMethodSaving,
  Result,
  ShopConfig,
  ShopOffer,
  ThreeDsPreference,
} from "../../src/index";
import {
  addDays,
  dayInZone,
  defaultAdvancedParameters,
  endOfDay,
  ISSUE_CODES,
  issueMessage,
  MAX_CAPTURE_DELAY_DAYS,
  MAX_VALIDITY_DAYS,
  PAYMENT_METHOD_SAVINGS,
  PaylinksError,
  THREE_DS_PREFERENCES,
  validateAdvancedParameters,
} from "../../src/index";
import { en as enLocale } from "../../src/issues/messages-en";
import { fr as frLocale } from "../../src/locales/fr";
import { makeShop } from "../support/fixtures";

/** Wednesday 1 April 2026, 12:00 in Paris (summer time). */
const NOW = new Date("2026-04-01T10:00:00Z");

const context = (overrides: Partial<AdvancedParametersContext> = {}): AdvancedParametersContext => ({
  shop: makeShop(),
  now: NOW,
  ...overrides,
});

/** Validates a value of any type, as a JavaScript caller or a form might pass it. */
const validate = (input: unknown, ctx: AdvancedParametersContext = context()): Result<AdvancedParameters> =>
  validateAdvancedParameters(input as AdvancedParametersInput, ctx);

const codes = (result: Result<unknown>): IssueCode[] => (result.ok ? [] : result.issues.map((issue) => issue.code));

const accepted = (result: Result<AdvancedParameters>): AdvancedParameters => {
  expect(result.ok ? [] : result.issues).toEqual([]);
  if (!result.ok) throw new Error("expected a valid result");
  return result.value;
};

const onlyIssue = (result: Result<unknown>): Issue => {
  expect(result.ok).toBe(false);
  if (result.ok) throw new Error("expected issues");
  expect(result.issues).toHaveLength(1);
  return result.issues[0] as Issue;
};

const text = (day: CalendarDay): string =>
  `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;

describe("validateAdvancedParameters", () => {
  describe("with nothing entered", () => {
    it.each([
      ["undefined", undefined],
      ["null", null],
      ["an empty object", {}],
    ])("accepts %s and applies every default", (_label, input) => {
      expect(accepted(validate(input))).toEqual({
        language: "fr",
        dataCollectionForm: false,
        validityDays: 7,
        expiresAt: new Date("2026-04-08T21:59:59Z"),
        paymentMethodSaving: "none",
        threeDsPreference: "no_preference",
        manualValidation: false,
        captureDelayDays: 0,
      });
    });

    it("treats a field set to undefined or null as left out", () => {
      const input = {
        language: null,
        dataCollectionForm: undefined,
        validityDays: null,
        expiresAt: undefined,
        paymentMethodSaving: null,
        threeDsPreference: null,
        manualValidation: null,
        captureDelayDays: undefined,
      };
      expect(accepted(validate(input))).toEqual(defaultAdvancedParameters(makeShop(), { now: NOW }));
    });

    it("applies the shop's defaults", () => {
      const shop = makeShop({
        defaults: { language: "en", validityDays: 10, manualValidation: true, captureDelayDays: 5 },
      });
      expect(accepted(validate({}, context({ shop })))).toMatchObject({
        language: "en",
        validityDays: 10,
        expiresAt: new Date("2026-04-11T21:59:59Z"),
        manualValidation: true,
        captureDelayDays: 5,
      });
    });

    it("does not change the input or the shop", () => {
      const input = Object.freeze({ validityDays: 3, paymentMethodSaving: "ask" as const });
      const shop = Object.freeze(makeShop({ defaults: Object.freeze({ captureDelayDays: 2 }) }));
      accepted(validateAdvancedParameters(input, context({ shop })));
      expect(input).toEqual({ validityDays: 3, paymentMethodSaving: "ask" });
      expect(shop.defaults).toEqual({ captureDelayDays: 2 });
    });
  });

  describe("with a language", () => {
    it.each([
      ["en", "en"],
      ["EN-gb", "en-GB"],
      ["fr_CA", "fr-CA"],
      [" de ", "de"],
    ])("accepts %j as %j", (language, expected) => {
      expect(accepted(validate({ language })).language).toBe(expected);
    });

    it.each([["english"], ["f"], [""], ["fr-CAN"]])("rejects %j with language_invalid", (language) => {
      expect(onlyIssue(validate({ language }))).toMatchObject({
        code: "language_invalid",
        path: ["language"],
        params: { value: language },
      });
    });

    it("rejects a number, showing it in the params", () => {
      expect(onlyIssue(validate({ language: 42 }))).toMatchObject({
        code: "language_invalid",
        params: { value: "42" },
      });
    });

    it("shortens a huge value to 80 characters in the params and the message", () => {
      const issue = onlyIssue(validate({ language: "x".repeat(5000) }));
      expect(issue.code).toBe("language_invalid");
      expect(issue.params?.value).toBe(`${"x".repeat(79)}…`);
      expect(issue.message.length).toBeLessThan(300);
    });

    it("reports a shop language that is not a language when nothing is entered", () => {
      expect(onlyIssue(validate({}, context({ shop: makeShop({ language: "French" }) })))).toMatchObject({
        code: "language_invalid",
        path: ["language"],
        params: { value: "French" },
      });
    });

    it("does not report the shop's invalid language when a valid one is entered", () => {
      expect(accepted(validate({ language: "fr" }, context({ shop: makeShop({ language: "French" }) }))).language).toBe(
        "fr",
      );
    });
  });

  describe("with the data-collection form", () => {
    it("turns it on", () => {
      expect(accepted(validate({ dataCollectionForm: true })).dataCollectionForm).toBe(true);
    });

    it("turns off the shop's default", () => {
      const shop = makeShop({ defaults: { dataCollectionForm: true } });
      expect(accepted(validate({ dataCollectionForm: false }, context({ shop }))).dataCollectionForm).toBe(false);
    });

    it.each(["true", 1, "on", {}])("rejects %j with type_invalid expecting a boolean", (value) => {
      expect(onlyIssue(validate({ dataCollectionForm: value }))).toMatchObject({
        code: "type_invalid",
        path: ["dataCollectionForm"],
        params: { expected: "boolean" },
      });
    });
  });

  describe("with a validity in days", () => {
    it("ends today at 23:59:59 in the shop's zone with 0 days", () => {
      expect(accepted(validate({ validityDays: 0 }))).toMatchObject({
        validityDays: 0,
        expiresAt: new Date("2026-04-01T21:59:59Z"),
      });
    });

    it("ends tomorrow at 23:59:59 with 1 day", () => {
      expect(accepted(validate({ validityDays: 1 })).expiresAt).toEqual(new Date("2026-04-02T21:59:59Z"));
    });

    it("accepts the maximum of 90 days", () => {
      expect(MAX_VALIDITY_DAYS).toBe(90);
      expect(accepted(validate({ validityDays: 90 }))).toMatchObject({
        validityDays: 90,
        expiresAt: new Date("2026-06-30T21:59:59Z"),
      });
    });

    it.each([91, -1, 1.5, 365, Number.NaN, Number.POSITIVE_INFINITY, -0.5, 1e9])(
      "rejects %s with validity_out_of_range",
      (validityDays) => {
        expect(onlyIssue(validate({ validityDays }))).toEqual({
          code: "validity_out_of_range",
          path: ["validityDays"],
          message: "Enter a whole number of days from 0 to 90.",
          params: { min: 0, max: 90 },
        });
      },
    );

    it.each(["7", true, [7], {}])("rejects %j with type_invalid expecting an integer", (validityDays) => {
      expect(onlyIssue(validate({ validityDays }))).toMatchObject({
        code: "type_invalid",
        path: ["validityDays"],
        params: { expected: "integer" },
      });
    });

    it("reports a shop default validity out of range when nothing is entered", () => {
      const shop = makeShop({ defaults: { validityDays: 120 } });
      expect(onlyIssue(validate({}, context({ shop })))).toMatchObject({ code: "validity_out_of_range" });
    });

    it("overrides the shop's default validity", () => {
      const shop = makeShop({ defaults: { validityDays: 30 } });
      expect(accepted(validate({ validityDays: 2 }, context({ shop }))).expiresAt).toEqual(
        new Date("2026-04-03T21:59:59Z"),
      );
    });
  });

  describe("with an expiry date", () => {
    it("accepts today and computes 0 days of validity", () => {
      expect(accepted(validate({ expiresAt: "2026-04-01" }))).toMatchObject({
        validityDays: 0,
        expiresAt: new Date("2026-04-01T21:59:59Z"),
      });
    });

    it("accepts a day 90 days ahead and ends it at 23:59:59", () => {
      expect(accepted(validate({ expiresAt: "2026-06-30" }))).toMatchObject({
        validityDays: 90,
        expiresAt: new Date("2026-06-30T21:59:59Z"),
      });
    });

    it("trims spaces around the date", () => {
      expect(accepted(validate({ expiresAt: " 2026-04-10 " })).validityDays).toBe(9);
    });

    it("rejects a day 91 days ahead with expiry_too_far", () => {
      expect(onlyIssue(validate({ expiresAt: "2026-07-01" }))).toMatchObject({
        code: "expiry_too_far",
        path: ["expiresAt"],
        params: { max: 90 },
      });
    });

    it("rejects yesterday with expiry_in_past", () => {
      expect(onlyIssue(validate({ expiresAt: "2026-03-31" }))).toMatchObject({
        code: "expiry_in_past",
        path: ["expiresAt"],
      });
    });

    it("rejects a day long past with expiry_in_past", () => {
      expect(codes(validate({ expiresAt: "2020-01-01" }))).toEqual(["expiry_in_past"]);
      expect(codes(validate({ expiresAt: "0001-01-01" }))).toEqual(["expiry_in_past"]);
    });

    it("takes the day a Date falls on in the shop's zone (Paris: 10 April)", () => {
      expect(accepted(validate({ expiresAt: new Date("2026-04-10T00:00:00Z") }))).toMatchObject({
        validityDays: 9,
        expiresAt: new Date("2026-04-10T21:59:59Z"),
      });
    });

    it("treats a Date as an instant: midnight UTC on 10 April is 9 April in New York", () => {
      const shop = makeShop({ timezone: "America/New_York" });
      expect(accepted(validate({ expiresAt: new Date("2026-04-10T00:00:00Z") }, context({ shop })))).toMatchObject({
        validityDays: 8,
        expiresAt: new Date("2026-04-10T03:59:59Z"),
      });
    });

    it("reads a date and time with an offset as an instant, then takes its day in the shop's zone", () => {
      // 23:30 at UTC-4 on 10 April is 05:30 on 11 April in Paris.
      expect(accepted(validate({ expiresAt: "2026-04-10T23:30:00-04:00" }))).toMatchObject({
        validityDays: 10,
        expiresAt: new Date("2026-04-11T21:59:59Z"),
      });
      expect(accepted(validate({ expiresAt: "2026-04-10T21:30:00Z" })).validityDays).toBe(9);
      expect(accepted(validate({ expiresAt: "2026-04-10T22:30:00Z" })).validityDays).toBe(10);
    });

    it("reads a date and time without an offset in the shop's zone, whatever the machine's zone", () => {
      const saved = process.env.TZ;
      try {
        for (const hostZone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Europe/Paris"]) {
          process.env.TZ = hostZone;
          expect(validateAdvancedParameters({ expiresAt: "2026-04-10T23:30:00" }, context())).toMatchObject({
            ok: true,
            value: { validityDays: 9, expiresAt: new Date("2026-04-10T21:59:59Z") },
          });
          expect(validateAdvancedParameters({ expiresAt: "2026-04-10T00:15" }, context())).toMatchObject({
            ok: true,
            value: { validityDays: 9 },
          });
        }
        // The machine's zone did change how the text alone is read, so the loop above tested something.
        process.env.TZ = "UTC";
        const inUtc = new Date("2026-04-10T23:30:00").getTime();
        process.env.TZ = "America/Los_Angeles";
        expect(new Date("2026-04-10T23:30:00").getTime()).not.toBe(inUtc);
      } finally {
        if (saved === undefined) delete process.env.TZ;
        else process.env.TZ = saved;
      }
    });

    it.each([
      ["a day that does not exist", "2026-02-30"],
      ["a 13th month", "2026-13-01"],
      ["month 00", "2026-00-10"],
      ["day 00", "2026-04-00"],
      ["a date and time on a day that does not exist", "2026-02-30T10:00:00Z"],
      ["an hour that does not exist", "2026-04-10T25:00:00"],
      ["a French date", "10/04/2026"],
      ["a short ISO date", "2026-4-10"],
      ["a word", "tomorrow"],
      ["an empty text", ""],
      ["a number", 20260410],
      ["an object", {}],
      ["an invalid Date", new Date(Number.NaN)],
      ["true", true],
    ])("rejects %s with expiry_invalid", (_label, expiresAt) => {
      const issue = onlyIssue(validate({ expiresAt }));
      expect(issue).toEqual({
        code: "expiry_invalid",
        path: ["expiresAt"],
        message: "Enter the expiry date as a date, for example 2026-12-31.",
      });
    });
  });

  describe("with both a validity and an expiry date", () => {
    it("reports validity_conflict on expiresAt", () => {
      expect(onlyIssue(validate({ validityDays: 3, expiresAt: "2026-04-10" }))).toMatchObject({
        code: "validity_conflict",
        path: ["expiresAt"],
      });
    });

    it("reports the conflict alone, even when both values are also wrong", () => {
      expect(codes(validate({ validityDays: 500, expiresAt: "yesterday" }))).toEqual(["validity_conflict"]);
    });

    it("accepts a validity with an expiry set to null", () => {
      expect(accepted(validate({ validityDays: 3, expiresAt: null })).validityDays).toBe(3);
    });

    it("accepts an expiry date with the shop's default validity in the background", () => {
      const shop = makeShop({ defaults: { validityDays: 30 } });
      expect(accepted(validate({ expiresAt: "2026-04-05" }, context({ shop }))).validityDays).toBe(4);
    });
  });

  describe("across the daylight-saving changes of 2026", () => {
    describe("with `now` at noon the day before a change and 1 day of validity", () => {
      it.each([
        ["Europe/Paris", "2026-03-28T11:00:00Z", "2026-03-29", "2026-03-29T21:59:59Z"],
        ["Europe/Paris", "2026-10-24T10:00:00Z", "2026-10-25", "2026-10-25T22:59:59Z"],
        ["America/New_York", "2026-03-07T17:00:00Z", "2026-03-08", "2026-03-09T03:59:59Z"],
        ["America/New_York", "2026-10-31T16:00:00Z", "2026-11-01", "2026-11-02T04:59:59Z"],
        ["Pacific/Auckland", "2026-04-03T23:00:00Z", "2026-04-05", "2026-04-05T11:59:59Z"],
        ["Pacific/Auckland", "2026-09-26T00:00:00Z", "2026-09-27", "2026-09-27T10:59:59Z"],
      ])("in %s, now %s: %s ends at %s", (timezone, now, changeDay, expected) => {
        const ctx = context({ shop: makeShop({ timezone }), now: new Date(now) });
        expect(accepted(validate({ validityDays: 1 }, ctx))).toMatchObject({
          validityDays: 1,
          expiresAt: new Date(expected),
        });
        expect(accepted(validate({ expiresAt: changeDay }, ctx))).toMatchObject({
          validityDays: 1,
          expiresAt: new Date(expected),
        });
      });
    });

    describe("with `now` on the day of a change, before the change, and 0 days of validity", () => {
      it.each([
        ["Europe/Paris", "2026-03-29T00:30:00Z", "2026-03-29T21:59:59Z"],
        ["Europe/Paris", "2026-10-25T00:30:00Z", "2026-10-25T22:59:59Z"],
        ["America/New_York", "2026-03-08T06:30:00Z", "2026-03-09T03:59:59Z"],
        ["America/New_York", "2026-11-01T05:30:00Z", "2026-11-02T04:59:59Z"],
        ["Pacific/Auckland", "2026-04-04T13:30:00Z", "2026-04-05T11:59:59Z"],
        ["Pacific/Auckland", "2026-09-26T13:30:00Z", "2026-09-27T10:59:59Z"],
      ])("in %s, now %s ends at %s", (timezone, now, expected) => {
        const ctx = context({ shop: makeShop({ timezone }), now: new Date(now) });
        expect(accepted(validate({ validityDays: 0 }, ctx)).expiresAt).toEqual(new Date(expected));
      });
    });

    describe("with a validity that spans a change", () => {
      it("ends in Paris summer time: now 25 March, 7 days", () => {
        const ctx = context({ now: new Date("2026-03-25T11:00:00Z") });
        expect(accepted(validate({ validityDays: 7 }, ctx)).expiresAt).toEqual(new Date("2026-04-01T21:59:59Z"));
      });

      it("ends in New York standard time: now 28 October, 7 days", () => {
        const ctx = context({
          shop: makeShop({ timezone: "America/New_York" }),
          now: new Date("2026-10-28T16:00:00Z"),
        });
        expect(accepted(validate({ validityDays: 7 }, ctx)).expiresAt).toEqual(new Date("2026-11-05T04:59:59Z"));
      });

      it("ends in Auckland daylight time: now 1 July, 90 days", () => {
        const ctx = context({
          shop: makeShop({ timezone: "Pacific/Auckland" }),
          now: new Date("2026-07-01T00:00:00Z"),
        });
        expect(accepted(validate({ validityDays: 90 }, ctx)).expiresAt).toEqual(new Date("2026-09-29T10:59:59Z"));
      });
    });
  });

  describe("when `now` is late in the evening UTC but already the next day in the shop's zone", () => {
    const lateInParis = context({ now: new Date("2026-07-14T22:30:00Z") }); // 00:30 on 15 July in Paris
    const lateInAuckland = context({
      shop: makeShop({ timezone: "Pacific/Auckland" }),
      now: new Date("2026-06-30T12:30:00Z"), // 00:30 on 1 July in Auckland
    });

    it("ends 0 days of validity at the end of the shop's today (Paris, 15 July)", () => {
      expect(accepted(validate({ validityDays: 0 }, lateInParis)).expiresAt).toEqual(new Date("2026-07-15T21:59:59Z"));
    });

    it("treats the UTC date as already past in the shop's zone", () => {
      expect(codes(validate({ expiresAt: "2026-07-14" }, lateInParis))).toEqual(["expiry_in_past"]);
      expect(accepted(validate({ expiresAt: "2026-07-15" }, lateInParis)).validityDays).toBe(0);
    });

    it("ends 0 days of validity at the end of 1 July in Auckland", () => {
      expect(accepted(validate({ validityDays: 0 }, lateInAuckland)).expiresAt).toEqual(
        new Date("2026-07-01T11:59:59Z"),
      );
    });

    it("counts the 90-day limit from the shop's day, not the UTC day", () => {
      expect(accepted(validate({ expiresAt: "2026-09-29" }, lateInAuckland))).toMatchObject({
        validityDays: 90,
        expiresAt: new Date("2026-09-29T10:59:59Z"),
      });
      expect(codes(validate({ expiresAt: "2026-09-30" }, lateInAuckland))).toEqual(["expiry_too_far"]);
    });

    it("counts from the shop's yesterday when it is early morning UTC but still evening in New York", () => {
      const ctx = context({ shop: makeShop({ timezone: "America/New_York" }), now: new Date("2026-07-15T02:00:00Z") });
      expect(accepted(validate({ expiresAt: "2026-07-14" }, ctx))).toMatchObject({
        validityDays: 0,
        expiresAt: new Date("2026-07-15T03:59:59Z"),
      });
      expect(codes(validate({ expiresAt: "2026-07-13" }, ctx))).toEqual(["expiry_in_past"]);
    });
  });

  describe("with saving the payment method", () => {
    it.each(PAYMENT_METHOD_SAVINGS)("accepts %s", (paymentMethodSaving) => {
      expect(accepted(validate({ paymentMethodSaving })).paymentMethodSaving).toBe(paymentMethodSaving);
    });

    it.each(["never", "ASK", "", 1, true])("rejects %j with payment_method_saving_invalid", (value) => {
      expect(onlyIssue(validate({ paymentMethodSaving: value }))).toMatchObject({
        code: "payment_method_saving_invalid",
        path: ["paymentMethodSaving"],
        params: { value: String(value) },
      });
    });

    it("applies the shop's default saving, with its forced 3-D Secure preference", () => {
      const shop = makeShop({ defaults: { paymentMethodSaving: "always" } });
      expect(accepted(validate({}, context({ shop })))).toMatchObject({
        paymentMethodSaving: "always",
        threeDsPreference: "challenge_mandated",
      });
    });
  });

  describe("with a 3-D Secure preference and no saving", () => {
    it.each(THREE_DS_PREFERENCES)("accepts %s as chosen", (threeDsPreference) => {
      expect(accepted(validate({ threeDsPreference })).threeDsPreference).toBe(threeDsPreference);
    });

    it.each(["strong", "NO_PREFERENCE", "", 3])("rejects %j with three_ds_invalid", (value) => {
      expect(onlyIssue(validate({ threeDsPreference: value }))).toMatchObject({
        code: "three_ds_invalid",
        path: ["threeDsPreference"],
        params: { value: String(value) },
      });
    });

    it("applies the shop's default preference when none is chosen", () => {
      const shop = makeShop({ defaults: { threeDsPreference: "no_challenge_requested" } });
      expect(accepted(validate({}, context({ shop }))).threeDsPreference).toBe("no_challenge_requested");
    });
  });

  describe("when saving the payment method forces challenge_mandated", () => {
    const savings = ["ask", "always"] as const;
    const acceptedChoices: (ThreeDsPreference | null | undefined)[] = [
      undefined,
      null,
      "no_preference",
      "challenge_mandated",
    ];
    const refused: ThreeDsPreference[] = ["challenge_requested", "no_challenge_requested"];

    for (const paymentMethodSaving of savings) {
      it.each(acceptedChoices)(
        `applies challenge_mandated with saving ${paymentMethodSaving} and %j chosen`,
        (choice) => {
          expect(accepted(validate({ paymentMethodSaving, threeDsPreference: choice }))).toMatchObject({
            paymentMethodSaving,
            threeDsPreference: "challenge_mandated",
          });
        },
      );

      it.each(refused)(`reports three_ds_forced with saving ${paymentMethodSaving} and %s chosen`, (choice) => {
        expect(onlyIssue(validate({ paymentMethodSaving, threeDsPreference: choice }))).toMatchObject({
          code: "three_ds_forced",
          path: ["threeDsPreference"],
          params: { value: choice },
        });
      });
    }

    it("overrides the shop's default preference when nothing is chosen", () => {
      const shop = makeShop({ defaults: { threeDsPreference: "challenge_requested" } });
      expect(accepted(validate({ paymentMethodSaving: "ask" }, context({ shop }))).threeDsPreference).toBe(
        "challenge_mandated",
      );
    });

    it("reports an invalid preference as three_ds_invalid, not three_ds_forced", () => {
      expect(codes(validate({ paymentMethodSaving: "ask", threeDsPreference: "strong" }))).toEqual([
        "three_ds_invalid",
      ]);
    });

    it("does not force anything when the saving itself is invalid", () => {
      expect(codes(validate({ paymentMethodSaving: "sometimes", threeDsPreference: "challenge_requested" }))).toEqual([
        "payment_method_saving_invalid",
      ]);
    });
  });

  describe("with the data-collection form and saving the payment method", () => {
    it.each(["ask", "always"] as const)("reports form_and_saving_exclusive with the form and saving %s", (saving) => {
      expect(onlyIssue(validate({ dataCollectionForm: true, paymentMethodSaving: saving }))).toMatchObject({
        code: "form_and_saving_exclusive",
        path: ["dataCollectionForm"],
      });
    });

    it("accepts the form with saving none", () => {
      expect(accepted(validate({ dataCollectionForm: true, paymentMethodSaving: "none" }))).toMatchObject({
        dataCollectionForm: true,
        paymentMethodSaving: "none",
      });
    });

    it("reports the conflict between the form entered and the shop's default saving", () => {
      const shop = makeShop({ defaults: { paymentMethodSaving: "ask" } });
      expect(codes(validate({ dataCollectionForm: true }, context({ shop })))).toEqual(["form_and_saving_exclusive"]);
    });

    it("accepts saving when the form entered turns off the shop's default form", () => {
      const shop = makeShop({ defaults: { dataCollectionForm: true } });
      expect(
        accepted(validate({ dataCollectionForm: false, paymentMethodSaving: "ask" }, context({ shop }))),
      ).toMatchObject({ dataCollectionForm: false, paymentMethodSaving: "ask" });
    });
  });

  describe("with the shop's offer", () => {
    const noneOffered: ShopOffer = { dataCollectionForm: false, paymentMethodSaving: false, threeDsPreference: false };

    it("accepts every option for a shop without an offer", () => {
      expect(accepted(validate({ dataCollectionForm: true, threeDsPreference: "challenge_requested" }))).toMatchObject({
        dataCollectionForm: true,
        threeDsPreference: "challenge_requested",
      });
      expect(accepted(validate({ paymentMethodSaving: "always" })).paymentMethodSaving).toBe("always");
    });

    it("accepts every option for an offer that lists none as false", () => {
      const shop = makeShop({ offer: {} });
      expect(accepted(validate({ paymentMethodSaving: "ask" }, context({ shop }))).paymentMethodSaving).toBe("ask");
    });

    it("accepts every option for an offer that includes them all", () => {
      const shop = makeShop({
        offer: { dataCollectionForm: true, paymentMethodSaving: true, threeDsPreference: true },
      });
      expect(
        accepted(
          validate({ dataCollectionForm: true, threeDsPreference: "no_challenge_requested" }, context({ shop })),
        ),
      ).toMatchObject({ dataCollectionForm: true, threeDsPreference: "no_challenge_requested" });
    });

    it.each([
      ["the data-collection form", { dataCollectionForm: true }, "dataCollectionForm"],
      ["saving ask", { paymentMethodSaving: "ask" }, "paymentMethodSaving"],
      ["saving always", { paymentMethodSaving: "always" }, "paymentMethodSaving"],
      ["challenge_requested", { threeDsPreference: "challenge_requested" }, "threeDsPreference"],
      ["challenge_mandated", { threeDsPreference: "challenge_mandated" }, "threeDsPreference"],
      ["no_challenge_requested", { threeDsPreference: "no_challenge_requested" }, "threeDsPreference"],
    ])("reports option_not_in_offer for %s", (_label, input, option) => {
      expect(onlyIssue(validate(input, context({ shop: makeShop({ offer: noneOffered }) })))).toMatchObject({
        code: "option_not_in_offer",
        path: [option],
        params: { option },
      });
    });

    it("accepts the values that use no option", () => {
      const shop = makeShop({ offer: noneOffered });
      const input = { dataCollectionForm: false, paymentMethodSaving: "none", threeDsPreference: "no_preference" };
      expect(accepted(validate(input, context({ shop })))).toMatchObject(input);
    });

    it("accepts challenge_mandated chosen along with saving, since saving forces it anyway", () => {
      const shop = makeShop({ offer: { threeDsPreference: false } });
      expect(
        accepted(validate({ paymentMethodSaving: "ask", threeDsPreference: "challenge_mandated" }, context({ shop })))
          .threeDsPreference,
      ).toBe("challenge_mandated");
    });

    it("reports only the option an offer lacks", () => {
      const shop = makeShop({ offer: { paymentMethodSaving: false } });
      expect(accepted(validate({ dataCollectionForm: true }, context({ shop }))).dataCollectionForm).toBe(true);
      expect(codes(validate({ paymentMethodSaving: "ask" }, context({ shop })))).toEqual(["option_not_in_offer"]);
    });

    it("reports both the offer and the forced preference when a refused preference goes with saving", () => {
      const shop = makeShop({ offer: { threeDsPreference: false } });
      expect(
        codes(validate({ paymentMethodSaving: "ask", threeDsPreference: "no_challenge_requested" }, context({ shop }))),
      ).toEqual(["option_not_in_offer", "three_ds_forced"]);
    });

    it("reports a shop default that the shop's own offer lacks", () => {
      const shop = makeShop({ defaults: { dataCollectionForm: true }, offer: { dataCollectionForm: false } });
      expect(onlyIssue(validate({}, context({ shop })))).toMatchObject({
        code: "option_not_in_offer",
        path: ["dataCollectionForm"],
      });
    });
  });

  describe("with manual validation", () => {
    it("turns it on", () => {
      expect(accepted(validate({ manualValidation: true })).manualValidation).toBe(true);
    });

    it("turns off the shop's default", () => {
      const shop = makeShop({ defaults: { manualValidation: true } });
      expect(accepted(validate({ manualValidation: false }, context({ shop }))).manualValidation).toBe(false);
    });

    it.each(["true", 0, []])("rejects %j with type_invalid expecting a boolean", (value) => {
      expect(onlyIssue(validate({ manualValidation: value }))).toMatchObject({
        code: "type_invalid",
        path: ["manualValidation"],
        params: { expected: "boolean" },
      });
    });
  });

  describe("with a capture delay", () => {
    it.each([0, 1, 30, 365])("accepts %i days", (captureDelayDays) => {
      expect(accepted(validate({ captureDelayDays })).captureDelayDays).toBe(captureDelayDays);
    });

    it.each([366, -1, 2.5, Number.NaN, Number.NEGATIVE_INFINITY])(
      "rejects %s with capture_delay_out_of_range",
      (captureDelayDays) => {
        expect(MAX_CAPTURE_DELAY_DAYS).toBe(365);
        expect(onlyIssue(validate({ captureDelayDays }))).toMatchObject({
          code: "capture_delay_out_of_range",
          path: ["captureDelayDays"],
          params: { min: 0, max: 365 },
        });
      },
    );

    it.each(["3", false, {}])("rejects %j with type_invalid expecting an integer", (captureDelayDays) => {
      expect(onlyIssue(validate({ captureDelayDays }))).toMatchObject({
        code: "type_invalid",
        path: ["captureDelayDays"],
        params: { expected: "integer" },
      });
    });

    it("applies the shop's default delay", () => {
      const shop = makeShop({ defaults: { captureDelayDays: 10 } });
      expect(accepted(validate({}, context({ shop }))).captureDelayDays).toBe(10);
    });

    it("reports a shop default delay out of range", () => {
      const shop = makeShop({ defaults: { captureDelayDays: 400 } });
      expect(codes(validate({}, context({ shop })))).toEqual(["capture_delay_out_of_range"]);
    });
  });

  describe("with a shop whose time zone Intl does not know", () => {
    it.each(["Europe/Pariss", "", "GMT+25"])("reports timezone_invalid for %j instead of throwing", (timezone) => {
      expect(onlyIssue(validate({}, context({ shop: makeShop({ timezone }) })))).toMatchObject({
        code: "timezone_invalid",
        path: ["expiresAt"],
        params: { value: timezone },
      });
    });

    it("still reports the other fields' issues", () => {
      const shop = makeShop({ timezone: "Nowhere/Zone" });
      expect(codes(validate({ language: "english", captureDelayDays: 999 }, context({ shop })))).toEqual([
        "language_invalid",
        "timezone_invalid",
        "capture_delay_out_of_range",
      ]);
    });

    const unknownZone = (): AdvancedParametersContext => context({ shop: makeShop({ timezone: "Nowhere/Zone" }) });
    const issuesOf = (input: unknown, ctx: AdvancedParametersContext): Issue[] => {
      const result = validate(input, ctx);
      expect(result.ok).toBe(false);
      return result.ok ? [] : result.issues;
    };

    it("reports validity_conflict too, both on expiresAt, the zone first", () => {
      expect(issuesOf({ validityDays: 3, expiresAt: "2026-04-10" }, unknownZone())).toEqual([
        {
          code: "timezone_invalid",
          path: ["expiresAt"],
          message: "“Nowhere/Zone” is not a time zone: use an IANA name such as Europe/Paris.",
          params: { value: "Nowhere/Zone" },
        },
        {
          code: "validity_conflict",
          path: ["expiresAt"],
          message: "Give either a validity in days or an expiry date, not both.",
        },
      ]);
    });

    it("reports the conflict alone with the zone, even when both values are also wrong", () => {
      expect(codes(validate({ validityDays: 500, expiresAt: "yesterday" }, unknownZone()))).toEqual([
        "timezone_invalid",
        "validity_conflict",
      ]);
    });

    it.each([91, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
      "reports validityDays %s out of range too, with its limits",
      (validityDays) => {
        expect(issuesOf({ validityDays }, unknownZone())).toEqual([
          expect.objectContaining({ code: "timezone_invalid", path: ["expiresAt"] }),
          {
            code: "validity_out_of_range",
            path: ["validityDays"],
            message: "Enter a whole number of days from 0 to 90.",
            params: { min: 0, max: 90 },
          },
        ]);
      },
    );

    it.each(["7", true, [7], {}])("reports validityDays %j as type_invalid too", (validityDays) => {
      expect(issuesOf({ validityDays }, unknownZone()).map((issue) => [issue.code, issue.path, issue.params])).toEqual([
        ["timezone_invalid", ["expiresAt"], { value: "Nowhere/Zone" }],
        ["type_invalid", ["validityDays"], { expected: "integer" }],
      ]);
    });

    it("reports a shop default validity out of range too, when nothing is entered", () => {
      const shop = makeShop({ timezone: "Nowhere/Zone", defaults: { validityDays: 120 } });
      expect(codes(validate({}, context({ shop })))).toEqual(["timezone_invalid", "validity_out_of_range"]);
    });

    it.each([0, 7, 90])("reports nothing more for a valid validityDays %i", (validityDays) => {
      expect(codes(validate({ validityDays }, unknownZone()))).toEqual(["timezone_invalid"]);
    });

    it.each([
      ["a valid day", "2026-04-10"],
      ["a day in the past", "2020-01-01"],
      ["a day too far", "2027-01-01"],
      ["a day that does not exist", "2026-02-30"],
      ["a word", "tomorrow"],
      ["a Date", new Date("2026-04-10T00:00:00Z")],
      ["an invalid Date", new Date(Number.NaN)],
      ["a number", 20260410],
    ])("cannot check an expiresAt without the zone, and adds no issue for %s", (_label, expiresAt) => {
      expect(codes(validate({ expiresAt }, unknownZone()))).toEqual(["timezone_invalid"]);
    });

    it("reports every other field's issue, in the order of the fields", () => {
      const result = validate(
        {
          language: "english",
          dataCollectionForm: true,
          validityDays: 120,
          paymentMethodSaving: "always",
          threeDsPreference: "challenge_requested",
          manualValidation: "no",
          captureDelayDays: -3,
        },
        unknownZone(),
      );
      expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ["language_invalid", ["language"]],
        ["timezone_invalid", ["expiresAt"]],
        ["validity_out_of_range", ["validityDays"]],
        ["three_ds_forced", ["threeDsPreference"]],
        ["form_and_saving_exclusive", ["dataCollectionForm"]],
        ["type_invalid", ["manualValidation"]],
        ["capture_delay_out_of_range", ["captureDelayDays"]],
      ]);
    });

    it("reports the offer's and the values' issues too", () => {
      const shop = makeShop({
        timezone: "Nowhere/Zone",
        offer: { dataCollectionForm: false, paymentMethodSaving: false, threeDsPreference: false },
      });
      const result = validate(
        { dataCollectionForm: true, paymentMethodSaving: "ask", threeDsPreference: "strong", captureDelayDays: "3" },
        context({ shop }),
      );
      expect(result.ok ? [] : result.issues.map((issue) => [issue.code, issue.path])).toEqual([
        ["option_not_in_offer", ["dataCollectionForm"]],
        ["timezone_invalid", ["expiresAt"]],
        ["option_not_in_offer", ["paymentMethodSaving"]],
        ["three_ds_invalid", ["threeDsPreference"]],
        ["form_and_saving_exclusive", ["dataCollectionForm"]],
        ["type_invalid", ["captureDelayDays"]],
      ]);
      expect(codes(validate({ paymentMethodSaving: "never" }, unknownZone()))).toEqual([
        "timezone_invalid",
        "payment_method_saving_invalid",
      ]);
    });

    it("writes timezone_invalid in French with no-break spaces inside « » and before the colon", () => {
      const ctx = context({ shop: makeShop({ timezone: "Mars/Base" }), locale: frLocale });
      expect(onlyIssue(validate({}, ctx)).message).toBe(
        "«\u00a0Mars/Base\u00a0» n’est pas un fuseau horaire\u00a0: utilisez un nom IANA comme Europe/Paris.",
      );
    });
  });

  describe("with a `now` that is not a valid Date", () => {
    const thrown = (run: () => unknown): unknown => {
      try {
        run();
      } catch (error) {
        return error;
      }
      throw new Error("expected an error");
    };

    it.each([
      ["an invalid Date", new Date(Number.NaN)],
      ["an ISO text", "2026-04-01T10:00:00Z"],
      ["a timestamp", NOW.getTime()],
      ["undefined", undefined],
      ["null", null],
    ])("throws a PaylinksError invalid_context for %s, rather than reporting an issue", (_label, now) => {
      const error = thrown(() => validate({}, context({ now: now as Date })));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });

    it("throws even when the input and the shop's time zone have issues of their own", () => {
      const ctx = context({ shop: makeShop({ timezone: "Nowhere/Zone" }), now: new Date(Number.NaN) });
      const error = thrown(() => validate({ language: "english", validityDays: 500 }, ctx));
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });
  });

  describe("with an input that is not an object", () => {
    it.each([
      ["a text", "7 days"],
      ["a number", 7],
      ["true", true],
      ["an array", []],
      ["an array of values", [7, "fr"]],
    ])("reports type_invalid at the root for %s, and nothing else", (_label, input) => {
      expect(onlyIssue(validate(input))).toMatchObject({
        code: "type_invalid",
        path: [],
        params: { expected: "object" },
      });
    });
  });

  describe("with keys that could reach the prototype", () => {
    it("ignores __proto__ and constructor given as own keys", () => {
      const input = JSON.parse(
        '{"__proto__": {"validityDays": 500, "paymentMethodSaving": "always"}, "constructor": {"prototype": {"x": 1}}}',
      );
      expect(Object.hasOwn(input, "__proto__")).toBe(true);
      expect(accepted(validate(input))).toEqual(defaultAdvancedParameters(makeShop(), { now: NOW }));
      expect(({} as Record<string, unknown>).validityDays).toBeUndefined();
    });

    it("reads only own fields, never inherited ones", () => {
      const input = Object.create({ validityDays: 500, dataCollectionForm: "yes" }) as object;
      expect(accepted(validate(input)).validityDays).toBe(7);
    });

    it("reads an object without a prototype", () => {
      const input = Object.assign(Object.create(null) as object, { validityDays: 2 });
      expect(accepted(validate(input)).validityDays).toBe(2);
    });

    it("reports a value without a prototype or with a broken toString as invalid, without throwing", () => {
      const result = validate({
        language: Object.create(null),
        paymentMethodSaving: { toString: 1 },
        threeDsPreference: Object.create(null),
      });
      expect(codes(result)).toEqual(["language_invalid", "payment_method_saving_invalid", "three_ds_invalid"]);
      expect(result.ok ? [] : result.issues.map((issue) => issue.params?.value)).toEqual([
        "[object Object]",
        "[object Object]",
        "[object Object]",
      ]);
    });
  });

  describe("with many problems at once", () => {
    it("reports every one, in the order of the fields", () => {
      const result = validate({
        language: "english",
        dataCollectionForm: true,
        validityDays: 120,
        paymentMethodSaving: "always",
        threeDsPreference: "challenge_requested",
        manualValidation: "no",
        captureDelayDays: -3,
      });
      expect(codes(result)).toEqual([
        "language_invalid",
        "validity_out_of_range",
        "three_ds_forced",
        "form_and_saving_exclusive",
        "type_invalid",
        "capture_delay_out_of_range",
      ]);
      expect(result.ok ? [] : result.issues.map((issue) => issue.path)).toEqual([
        ["language"],
        ["validityDays"],
        ["threeDsPreference"],
        ["dataCollectionForm"],
        ["manualValidation"],
        ["captureDelayDays"],
      ]);
    });
  });

  describe("with a locale", () => {
    const everyAdvancedProblem: [IssueCode, unknown, ShopConfig][] = [
      ["language_invalid", { language: "english" }, makeShop()],
      ["type_invalid", { manualValidation: "yes" }, makeShop()],
      ["validity_conflict", { validityDays: 1, expiresAt: "2026-04-10" }, makeShop()],
      ["validity_out_of_range", { validityDays: 91 }, makeShop()],
      ["expiry_invalid", { expiresAt: "demain" }, makeShop()],
      ["expiry_in_past", { expiresAt: "2026-03-01" }, makeShop()],
      ["expiry_too_far", { expiresAt: "2027-01-01" }, makeShop()],
      ["payment_method_saving_invalid", { paymentMethodSaving: "never" }, makeShop()],
      ["three_ds_invalid", { threeDsPreference: "strong" }, makeShop()],
      ["three_ds_forced", { paymentMethodSaving: "ask", threeDsPreference: "challenge_requested" }, makeShop()],
      ["form_and_saving_exclusive", { dataCollectionForm: true, paymentMethodSaving: "ask" }, makeShop()],
      ["capture_delay_out_of_range", { captureDelayDays: 366 }, makeShop()],
      ["option_not_in_offer", { dataCollectionForm: true }, makeShop({ offer: { dataCollectionForm: false } })],
      ["timezone_invalid", {}, makeShop({ timezone: "Mars/Base" })],
    ];

    it.each(everyAdvancedProblem)("writes %s in French with fr and in English otherwise", (code, input, shop) => {
      const fr = onlyIssue(validate(input, context({ shop, locale: frLocale })));
      const en = onlyIssue(validate(input, context({ shop, locale: enLocale })));
      const byDefault = onlyIssue(validate(input, context({ shop })));
      expect([fr.code, en.code, byDefault.code]).toEqual([code, code, code]);
      expect(fr.message).not.toBe(en.message);
      expect(byDefault.message).toBe(en.message);
      expect(fr.message).toBe(issueMessage(code, fr.params, frLocale));
      expect(en.message).toBe(issueMessage(code, en.params, enLocale));
      expect(fr.params).toEqual(en.params);
    });

    it("covers every step-2 code", () => {
      expect(new Set(everyAdvancedProblem.map(([code]) => code)).size).toBe(everyAdvancedProblem.length);
    });

    it("says in French that the expiry is too far, with the limit", () => {
      expect(onlyIssue(validate({ expiresAt: "2027-01-01" }, context({ locale: frLocale }))).message).toBe(
        "La date d’expiration est trop lointaine\u00a0: 90 jours au plus à compter d’aujourd’hui.",
      );
    });

    it("names the option the offer lacks in each language", () => {
      const shop = makeShop({ offer: { paymentMethodSaving: false } });
      expect(onlyIssue(validate({ paymentMethodSaving: "ask" }, context({ shop, locale: enLocale }))).message).toBe(
        "This shop's offer does not include saving the payment method.",
      );
      expect(onlyIssue(validate({ paymentMethodSaving: "ask" }, context({ shop, locale: frLocale }))).message).toBe(
        "L’offre de cette boutique n’inclut pas l’enregistrement du moyen de paiement.",
      );
    });
  });

  describe("with any well-typed input", () => {
    const zones = ["Europe/Paris", "America/New_York", "Pacific/Auckland", "Asia/Kathmandu", "America/Santiago", "UTC"];
    const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
      fc.option(arbitrary, { nil: undefined });
    const scenario = fc.record({
      timezone: fc.constantFrom(...zones),
      now: fc.date({
        min: new Date("2026-01-01T00:00:00Z"),
        max: new Date("2027-12-31T23:59:59Z"),
        noInvalidDate: true,
      }),
      offer: optional(
        fc.record({
          dataCollectionForm: optional(fc.boolean()),
          paymentMethodSaving: optional(fc.boolean()),
          threeDsPreference: optional(fc.boolean()),
        }),
      ),
      validityDays: optional(fc.integer({ min: -3, max: 95 })),
      expiryOffset: optional(fc.integer({ min: -3, max: 95 })),
      dataCollectionForm: optional(fc.boolean()),
      paymentMethodSaving: optional(fc.constantFrom<PaymentMethodSaving>(...PAYMENT_METHOD_SAVINGS)),
      threeDsPreference: optional(fc.constantFrom<ThreeDsPreference>(...THREE_DS_PREFERENCES)),
      manualValidation: optional(fc.boolean()),
      captureDelayDays: optional(fc.integer({ min: -2, max: 370 })),
    });

    /** The rules of decision 8, written out once more, independently of the implementation. */
    type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
    const expectedCodes = (s: Scenario): IssueCode[] => {
      const found: IssueCode[] = [];
      const form = s.dataCollectionForm ?? false;
      const saving = s.paymentMethodSaving ?? "none";
      if (form && s.offer?.dataCollectionForm === false) found.push("option_not_in_offer");
      if (s.validityDays !== undefined && s.expiryOffset !== undefined) found.push("validity_conflict");
      else if (s.expiryOffset !== undefined) {
        if (s.expiryOffset < 0) found.push("expiry_in_past");
        if (s.expiryOffset > 90) found.push("expiry_too_far");
      } else if (s.validityDays !== undefined && (s.validityDays < 0 || s.validityDays > 90)) {
        found.push("validity_out_of_range");
      }
      if (saving !== "none" && s.offer?.paymentMethodSaving === false) found.push("option_not_in_offer");
      const choice = s.threeDsPreference;
      const forcedAnyway = choice === "challenge_mandated" && saving !== "none";
      if (choice !== undefined && choice !== "no_preference" && !forcedAnyway && s.offer?.threeDsPreference === false) {
        found.push("option_not_in_offer");
      }
      if (saving !== "none" && (choice === "challenge_requested" || choice === "no_challenge_requested")) {
        found.push("three_ds_forced");
      }
      if (form && saving !== "none") found.push("form_and_saving_exclusive");
      if (s.captureDelayDays !== undefined && (s.captureDelayDays < 0 || s.captureDelayDays > 365)) {
        found.push("capture_delay_out_of_range");
      }
      return found;
    };

    it("reports exactly the issues the rules call for, and otherwise the expected value", () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const today = dayInZone(s.now, s.timezone);
          const input: AdvancedParametersInput = {
            dataCollectionForm: s.dataCollectionForm,
            validityDays: s.validityDays,
            expiresAt: s.expiryOffset === undefined ? undefined : text(addDays(today, s.expiryOffset)),
            paymentMethodSaving: s.paymentMethodSaving,
            threeDsPreference: s.threeDsPreference,
            manualValidation: s.manualValidation,
            captureDelayDays: s.captureDelayDays,
          };
          const shop = makeShop({ timezone: s.timezone, offer: s.offer });
          const result = validateAdvancedParameters(input, { shop, now: s.now });
          const expected = expectedCodes(s);
          expect(codes(result)).toEqual(expected);
          if (!result.ok) return;
          const days = s.validityDays ?? s.expiryOffset ?? 7;
          const saving = s.paymentMethodSaving ?? "none";
          expect(result.value).toEqual({
            language: "fr",
            dataCollectionForm: s.dataCollectionForm ?? false,
            validityDays: days,
            expiresAt: endOfDay(addDays(today, days), s.timezone),
            paymentMethodSaving: saving,
            threeDsPreference: saving === "none" ? (s.threeDsPreference ?? "no_preference") : "challenge_mandated",
            manualValidation: s.manualValidation ?? false,
            captureDelayDays: s.captureDelayDays ?? 0,
          });
          expect(result.value.expiresAt.getTime()).toBeGreaterThan(s.now.getTime());
        }),
        { seed: 20260329, numRuns: 2000 },
      );
    });
  });

  describe("with any well-typed input and a shop whose time zone Intl does not know", () => {
    it("reports timezone_invalid and exactly the issues that do not need the zone", () => {
      const optional = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> =>
        fc.option(arbitrary, { nil: undefined });
      const scenario = fc.record({
        timezone: fc.constantFrom("Nowhere/Zone", "Europe/Pariss", "", "GMT+25"),
        offer: optional(
          fc.record({
            dataCollectionForm: optional(fc.boolean()),
            paymentMethodSaving: optional(fc.boolean()),
            threeDsPreference: optional(fc.boolean()),
          }),
        ),
        validityDays: optional(fc.integer({ min: -3, max: 95 })),
        expiresAt: optional(fc.constantFrom("2026-03-01", "2026-04-01", "2026-06-30", "2027-01-01", "demain")),
        dataCollectionForm: optional(fc.boolean()),
        paymentMethodSaving: optional(fc.constantFrom<PaymentMethodSaving>(...PAYMENT_METHOD_SAVINGS)),
        threeDsPreference: optional(fc.constantFrom<ThreeDsPreference>(...THREE_DS_PREFERENCES)),
        manualValidation: optional(fc.boolean()),
        captureDelayDays: optional(fc.integer({ min: -2, max: 370 })),
      });
      fc.assert(
        fc.property(scenario, (s) => {
          const form = s.dataCollectionForm ?? false;
          const saving = s.paymentMethodSaving ?? "none";
          const choice = s.threeDsPreference;
          const expected: IssueCode[] = [];
          if (form && s.offer?.dataCollectionForm === false) expected.push("option_not_in_offer");
          expected.push("timezone_invalid");
          if (s.validityDays !== undefined && s.expiresAt !== undefined) expected.push("validity_conflict");
          else if (
            s.expiresAt === undefined &&
            s.validityDays !== undefined &&
            (s.validityDays < 0 || s.validityDays > 90)
          )
            expected.push("validity_out_of_range");
          if (saving !== "none" && s.offer?.paymentMethodSaving === false) expected.push("option_not_in_offer");
          const forcedAnyway = choice === "challenge_mandated" && saving !== "none";
          if (
            choice !== undefined &&
            choice !== "no_preference" &&
            !forcedAnyway &&
            s.offer?.threeDsPreference === false
          )
            expected.push("option_not_in_offer");
          if (saving !== "none" && (choice === "challenge_requested" || choice === "no_challenge_requested"))
            expected.push("three_ds_forced");
          if (form && saving !== "none") expected.push("form_and_saving_exclusive");
          if (s.captureDelayDays !== undefined && (s.captureDelayDays < 0 || s.captureDelayDays > 365))
            expected.push("capture_delay_out_of_range");

          const { timezone, offer, ...input } = s;
          const result = validate(input, context({ shop: makeShop({ timezone, offer }) }));
          expect(codes(result)).toEqual(expected);
          const zoneIssue = result.ok ? undefined : result.issues.find((issue) => issue.code === "timezone_invalid");
          expect(zoneIssue?.path).toEqual(["expiresAt"]);
          expect(zoneIssue?.params).toEqual({ value: timezone });
        }),
        { seed: 20261201, numRuns: 1000 },
      );
    });
  });

  describe("with any value whatsoever", () => {
    const fieldKey = fc.constantFrom(
      "__proto__",
      "constructor",
      "prototype",
      "toString",
      "valueOf",
      "hasOwnProperty",
      "language",
      "dataCollectionForm",
      "validityDays",
      "expiresAt",
      "paymentMethodSaving",
      "threeDsPreference",
      "manualValidation",
      "captureDelayDays",
    );
    const anything = fc.anything({
      key: fc.oneof(fieldKey, fc.string({ maxLength: 6 })),
      maxDepth: 3,
      withBigInt: true,
      withBoxedValues: true,
      withDate: true,
      withMap: true,
      withNullPrototype: true,
      withObjectString: true,
      withSet: true,
      withSparseArray: true,
      withTypedArray: true,
    });
    const input = fc.oneof(
      anything,
      fc.dictionary(fieldKey, anything),
      fc.record(
        {
          language: anything,
          dataCollectionForm: anything,
          validityDays: anything,
          expiresAt: fc.oneof(anything, fc.string(), fc.date()),
          paymentMethodSaving: anything,
          threeDsPreference: anything,
          manualValidation: anything,
          captureDelayDays: anything,
        },
        { requiredKeys: [] },
      ),
      fc.constantFrom(
        JSON.parse('{"__proto__": {"validityDays": 500}, "language": "en"}'),
        JSON.parse('{"constructor": {"prototype": {"validityDays": 500}}}'),
        JSON.parse('{"__proto__": null, "expiresAt": "2026-02-30"}'),
      ),
    );
    const shop = fc.record({
      timezone: fc.constantFrom(
        "Europe/Paris",
        "America/New_York",
        "Pacific/Auckland",
        "Asia/Kathmandu",
        "Bad/Zone",
        "",
      ),
      offer: fc.option(
        fc.record({
          dataCollectionForm: fc.boolean(),
          paymentMethodSaving: fc.boolean(),
          threeDsPreference: fc.boolean(),
        }),
        { nil: undefined },
      ),
      defaults: fc.option(
        fc.record(
          {
            language: fc.constantFrom("en", "de", "xx-invalid"),
            dataCollectionForm: fc.boolean(),
            validityDays: fc.integer({ min: -5, max: 120 }),
            paymentMethodSaving: fc.constantFrom(...PAYMENT_METHOD_SAVINGS),
            threeDsPreference: fc.constantFrom(...THREE_DS_PREFERENCES),
            captureDelayDays: fc.integer({ min: -5, max: 400 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
    });
    const locale = fc.constantFrom<Locale | undefined>(frLocale, enLocale, undefined);
    const now = fc.date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2100-01-01T00:00:00Z"),
      noInvalidDate: true,
    });

    it("generates own __proto__ and constructor keys, so the property below exercises them", () => {
      const samples = fc.sample(input, { seed: 1, numRuns: 300 });
      const own = (key: string) =>
        samples.filter((value) => value !== null && typeof value === "object" && Object.hasOwn(value, key)).length;
      expect(own("__proto__")).toBeGreaterThan(10);
      expect(own("constructor")).toBeGreaterThan(10);
    });

    it("never throws, and every issue has a known code, a path and a message in the locale", () => {
      fc.assert(
        fc.property(input, shop, locale, now, (value, shopParts, lang, at) => {
          const result = validate(value, { shop: makeShop(shopParts), now: at, locale: lang });
          if (result.ok) {
            expect(Number.isNaN(result.value.expiresAt.getTime())).toBe(false);
            expect(result.value.validityDays).toBeGreaterThanOrEqual(0);
            expect(result.value.validityDays).toBeLessThanOrEqual(MAX_VALIDITY_DAYS);
            return;
          }
          expect(result.issues.length).toBeGreaterThan(0);
          for (const issue of result.issues) {
            expect(ISSUE_CODES).toContain(issue.code);
            expect(Array.isArray(issue.path)).toBe(true);
            expect(issue.message).toBe(issueMessage(issue.code, issue.params, lang));
            expect(issue.message.length).toBeGreaterThan(0);
            expect(issue.message.length).toBeLessThan(400);
          }
        }),
        { seed: 4242, numRuns: 2000 },
      );
      expect(({} as Record<string, unknown>).validityDays).toBeUndefined();
    });
  });
});
