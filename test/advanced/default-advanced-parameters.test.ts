import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShopDefaults } from "../../src/index";
import {
  defaultAdvancedParameters,
  LIBRARY_DEFAULTS,
  PAYMENT_METHOD_SAVINGS,
  PaylinksError,
  THREE_DS_PREFERENCES,
  validateAdvancedParameters,
} from "../../src/index";
import { makeShop } from "../support/fixtures";

/** Tuesday 1 December 2026, 11:00 in Paris. */
const NOW = new Date("2026-12-01T10:00:00Z");

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error");
};

describe("defaultAdvancedParameters", () => {
  describe("with a shop that sets no defaults", () => {
    it("applies the library's defaults, the shop's language and an expiry 7 days ahead at 23:59:59 Paris time", () => {
      expect(defaultAdvancedParameters(makeShop(), { now: NOW })).toEqual({
        language: "fr",
        dataCollectionForm: false,
        validityDays: 7,
        expiresAt: new Date("2026-12-08T22:59:59Z"),
        paymentMethodSaving: "none",
        threeDsPreference: "no_preference",
        manualValidation: false,
        captureDelayDays: 0,
      });
    });

    it("publishes those library defaults in LIBRARY_DEFAULTS", () => {
      expect(LIBRARY_DEFAULTS).toEqual({
        dataCollectionForm: false,
        validityDays: 7,
        paymentMethodSaving: "none",
        threeDsPreference: "no_preference",
        manualValidation: false,
        captureDelayDays: 0,
      });
    });

    it("takes the language of the shop", () => {
      expect(defaultAdvancedParameters(makeShop({ language: "en" }), { now: NOW }).language).toBe("en");
    });

    it("gives the shop's language in normal form, as validateAdvancedParameters does", () => {
      expect(defaultAdvancedParameters(makeShop({ language: "FR" }), { now: NOW }).language).toBe("fr");
      expect(defaultAdvancedParameters(makeShop({ language: "fr_ca" }), { now: NOW }).language).toBe("fr-CA");
    });

    it("ignores an empty defaults object", () => {
      expect(defaultAdvancedParameters(makeShop({ defaults: {} }), { now: NOW })).toEqual(
        defaultAdvancedParameters(makeShop(), { now: NOW }),
      );
    });
  });

  describe("with a shop that sets its own defaults", () => {
    it("takes every default the shop sets", () => {
      const shop = makeShop({
        defaults: {
          language: "de",
          dataCollectionForm: true,
          validityDays: 30,
          threeDsPreference: "challenge_requested",
          manualValidation: true,
          captureDelayDays: 3,
        },
      });
      expect(defaultAdvancedParameters(shop, { now: NOW })).toEqual({
        language: "de",
        dataCollectionForm: true,
        validityDays: 30,
        expiresAt: new Date("2026-12-31T22:59:59Z"),
        paymentMethodSaving: "none",
        threeDsPreference: "challenge_requested",
        manualValidation: true,
        captureDelayDays: 3,
      });
    });

    it("falls back to the library for each default the shop leaves out", () => {
      const value = defaultAdvancedParameters(makeShop({ defaults: { validityDays: 14 } }), { now: NOW });
      expect(value).toMatchObject({
        language: "fr",
        dataCollectionForm: false,
        validityDays: 14,
        expiresAt: new Date("2026-12-15T22:59:59Z"),
        paymentMethodSaving: "none",
        threeDsPreference: "no_preference",
        manualValidation: false,
        captureDelayDays: 0,
      });
    });

    it("prefers the defaults' language to the shop's language", () => {
      const shop = makeShop({ language: "fr", defaults: { language: "en" } });
      expect(defaultAdvancedParameters(shop, { now: NOW }).language).toBe("en");
    });

    it("ends today at 23:59:59 when the shop's default validity is 0 days", () => {
      const value = defaultAdvancedParameters(makeShop({ defaults: { validityDays: 0 } }), { now: NOW });
      expect(value.validityDays).toBe(0);
      expect(value.expiresAt).toEqual(new Date("2026-12-01T22:59:59Z"));
    });

    it("ends 90 days ahead when the shop's default validity is the maximum", () => {
      const value = defaultAdvancedParameters(makeShop({ defaults: { validityDays: 90 } }), { now: NOW });
      expect(value.expiresAt).toEqual(new Date("2027-03-01T22:59:59Z"));
    });
  });

  describe("when the shop's default saves the payment method", () => {
    it.each(["ask", "always"] as const)("forces challenge_mandated when saving is %s", (saving) => {
      const value = defaultAdvancedParameters(makeShop({ defaults: { paymentMethodSaving: saving } }), { now: NOW });
      expect(value.paymentMethodSaving).toBe(saving);
      expect(value.threeDsPreference).toBe("challenge_mandated");
    });

    it("forces challenge_mandated over the shop's own 3-D Secure default", () => {
      const shop = makeShop({
        defaults: { paymentMethodSaving: "always", threeDsPreference: "no_challenge_requested" },
      });
      expect(defaultAdvancedParameters(shop, { now: NOW }).threeDsPreference).toBe("challenge_mandated");
    });
  });

  describe("with a shop whose offer excludes every option", () => {
    it("still gives the library defaults, which use none of them", () => {
      const shop = makeShop({
        offer: { dataCollectionForm: false, paymentMethodSaving: false, threeDsPreference: false },
      });
      expect(defaultAdvancedParameters(shop, { now: NOW })).toEqual(
        defaultAdvancedParameters(makeShop(), { now: NOW }),
      );
    });
  });

  describe("with the shop's time zone", () => {
    it("ends the day in New York time for a New York shop", () => {
      const value = defaultAdvancedParameters(makeShop({ timezone: "America/New_York" }), { now: NOW });
      expect(value.expiresAt).toEqual(new Date("2026-12-09T04:59:59Z"));
    });

    it("ends the day in Auckland time for an Auckland shop", () => {
      const value = defaultAdvancedParameters(makeShop({ timezone: "Pacific/Auckland" }), { now: NOW });
      expect(value.expiresAt).toEqual(new Date("2026-12-08T10:59:59Z"));
    });

    it("counts from the shop's day when `now` is late in the evening UTC but already tomorrow in Paris", () => {
      // 22:30Z on 30 June is 00:30 on 1 July in Paris: 7 days later is 8 July.
      const value = defaultAdvancedParameters(makeShop(), { now: new Date("2026-06-30T22:30:00Z") });
      expect(value.expiresAt).toEqual(new Date("2026-07-08T21:59:59Z"));
    });

    it("counts from the shop's day when `now` is early in the morning UTC but still yesterday in New York", () => {
      // 02:00Z on 15 July is 22:00 on 14 July in New York: 7 days later is 21 July.
      const shop = makeShop({ timezone: "America/New_York" });
      const value = defaultAdvancedParameters(shop, { now: new Date("2026-07-15T02:00:00Z") });
      expect(value.expiresAt).toEqual(new Date("2026-07-22T03:59:59Z"));
    });

    it("ends in summer time when the 7 days cross the change to summer time in Paris", () => {
      const value = defaultAdvancedParameters(makeShop(), { now: new Date("2026-03-25T11:00:00Z") });
      expect(value.expiresAt).toEqual(new Date("2026-04-01T21:59:59Z"));
    });

    it("ends in standard time when the 7 days cross the change to standard time in New York", () => {
      const shop = makeShop({ timezone: "America/New_York" });
      const value = defaultAdvancedParameters(shop, { now: new Date("2026-10-28T16:00:00Z") });
      expect(value.expiresAt).toEqual(new Date("2026-11-05T04:59:59Z"));
    });

    it.each([
      ["a misspelt zone", "Europe/Pariss"],
      ["an empty text", ""],
      ["an offset beyond ±24 h", "GMT+25"],
      ["a value that is not a text", 42],
    ])("throws a PaylinksError invalid_context, not a RangeError, for %s", (_label, timezone) => {
      const shop = makeShop({ timezone: timezone as string });
      const error = thrown(() => defaultAdvancedParameters(shop, { now: NOW }));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).not.toBeInstanceOf(RangeError);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });
  });

  describe("with the creation instant", () => {
    it("depends on `now` only, not on the clock: the same `now` gives the same expiry", () => {
      const first = defaultAdvancedParameters(makeShop(), { now: new Date("2026-05-10T08:00:00Z") });
      const second = defaultAdvancedParameters(makeShop(), { now: new Date("2026-05-10T08:00:00Z") });
      expect(first).toEqual(second);
      expect(first.expiresAt).toEqual(new Date("2026-05-17T21:59:59Z"));
    });

    it("moves the expiry by one day when `now` moves by one day", () => {
      const value = defaultAdvancedParameters(makeShop(), { now: new Date("2026-05-11T08:00:00Z") });
      expect(value.expiresAt).toEqual(new Date("2026-05-18T21:59:59Z"));
    });

    it.each([
      ["an invalid Date", new Date(Number.NaN)],
      ["an ISO text", "2026-12-01T10:00:00Z"],
      ["a timestamp", NOW.getTime()],
      ["undefined", undefined],
      ["null", null],
    ])("throws a PaylinksError invalid_context when `now` is %s", (_label, now) => {
      const error = thrown(() => defaultAdvancedParameters(makeShop(), { now: now as Date }));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context", issues: [] });
    });

    it("throws invalid_context when both the shop's time zone and `now` are unusable", () => {
      const error = thrown(() =>
        defaultAdvancedParameters(makeShop({ timezone: "Nowhere/Zone" }), { now: new Date(Number.NaN) }),
      );
      expect(error).toMatchObject({ name: "PaylinksError", code: "invalid_context" });
    });

    it("does not change the shop or `now`", () => {
      const shop = Object.freeze(makeShop({ defaults: Object.freeze({ validityDays: 3 }) }));
      const now = new Date("2026-05-10T08:00:00Z");
      defaultAdvancedParameters(shop, { now });
      expect(shop.defaults).toEqual({ validityDays: 3 });
      expect(now.toISOString()).toBe("2026-05-10T08:00:00.000Z");
    });
  });

  describe("compared with validateAdvancedParameters", () => {
    const consistentDefaults: fc.Arbitrary<ShopDefaults> = fc
      .record(
        {
          language: fc.constantFrom("fr", "en", "de", "fr-CA", "es-419"),
          dataCollectionForm: fc.boolean(),
          validityDays: fc.integer({ min: 0, max: 90 }),
          paymentMethodSaving: fc.constantFrom(...PAYMENT_METHOD_SAVINGS),
          threeDsPreference: fc.constantFrom(...THREE_DS_PREFERENCES),
          manualValidation: fc.boolean(),
          captureDelayDays: fc.integer({ min: 0, max: 365 }),
        },
        { requiredKeys: [] },
      )
      // A shop whose defaults break a cross rule is misconfigured: validation rightly reports it.
      .filter(
        (d) =>
          !(d.dataCollectionForm === true && d.paymentMethodSaving !== undefined && d.paymentMethodSaving !== "none"),
      );

    it("gives the same value as validating an empty step 2, for any consistent shop defaults", () => {
      fc.assert(
        fc.property(
          consistentDefaults,
          fc.constantFrom("Europe/Paris", "America/New_York", "Pacific/Auckland", "Asia/Kathmandu", "UTC"),
          fc.date({
            min: new Date("2026-01-01T00:00:00Z"),
            max: new Date("2027-12-31T23:59:59Z"),
            noInvalidDate: true,
          }),
          (defaults, timezone, now) => {
            const shop = makeShop({ timezone, defaults });
            expect(validateAdvancedParameters(undefined, { shop, now })).toEqual({
              ok: true,
              value: defaultAdvancedParameters(shop, { now }),
            });
          },
        ),
        { seed: 8, numRuns: 400 },
      );
    });
  });
});
