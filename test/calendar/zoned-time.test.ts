import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CalendarDay } from "../../src/index";
import { addDays, dayInZone, daysBetween, endOfDay, isTimeZone } from "../../src/index";

const day = (text: string): CalendarDay => {
  const [year, month, date] = text.split("-").map(Number);
  return { year: year as number, month: month as number, day: date as number };
};

const iso = (instant: Date): string => instant.toISOString();

/** Any calendar day from year 1 to 9999 (the day of the month is clamped to 28 so that every one exists). */
const anyDay = fc.record({
  year: fc.integer({ min: 1, max: 9999 }),
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
});

describe("isTimeZone", () => {
  describe("with an IANA name that Intl knows", () => {
    it.each(["Europe/Paris", "America/New_York", "Pacific/Auckland", "Asia/Kathmandu", "UTC", "Etc/GMT+5"])(
      "accepts %s",
      (zone) => {
        expect(isTimeZone(zone)).toBe(true);
      },
    );
  });

  describe("with a name that is not a time zone", () => {
    it.each(["Europe/Pariss", "Mars/Olympus_Mons", "Paris", "", " ", "CEST+1"])("rejects %j", (zone) => {
      expect(isTimeZone(zone)).toBe(false);
    });
  });

  describe("with a value that is not a text", () => {
    it.each([undefined, null, 0, 1, true, {}, [], ["Europe/Paris"], new Date(0)])("rejects %j", (zone) => {
      expect(isTimeZone(zone)).toBe(false);
    });
  });

  describe("with any value", () => {
    it("never throws and answers a boolean", () => {
      fc.assert(
        fc.property(fc.anything({ withNullPrototype: true, withBoxedValues: true }), (value) => {
          expect(typeof isTimeZone(value)).toBe("boolean");
        }),
        { seed: 7, numRuns: 300 },
      );
    });
  });
});

describe("dayInZone", () => {
  describe("with one instant seen from several zones", () => {
    const instant = new Date("2026-07-14T22:30:00Z");

    it.each([
      ["UTC", "2026-07-14"],
      ["Europe/Paris", "2026-07-15"],
      ["America/New_York", "2026-07-14"],
      ["Pacific/Auckland", "2026-07-15"],
      ["Pacific/Pago_Pago", "2026-07-14"],
    ])("2026-07-14T22:30:00Z is %s day %s", (zone, expected) => {
      expect(dayInZone(instant, zone)).toEqual(day(expected));
    });
  });

  describe("at the midnight of the zone", () => {
    it("puts 23:00:00Z on 31 January in Paris on 1 February (00:00 local)", () => {
      expect(dayInZone(new Date("2026-01-31T23:00:00Z"), "Europe/Paris")).toEqual(day("2026-02-01"));
    });

    it("puts one millisecond earlier on 31 January", () => {
      expect(dayInZone(new Date("2026-01-31T22:59:59.999Z"), "Europe/Paris")).toEqual(day("2026-01-31"));
    });

    it("puts 11:00Z on 31 December in Auckland on 1 January of the next year", () => {
      expect(dayInZone(new Date("2026-12-31T11:00:00Z"), "Pacific/Auckland")).toEqual(day("2027-01-01"));
    });

    it("puts 02:00Z on 15 July in New York on 14 July (22:00 local)", () => {
      expect(dayInZone(new Date("2026-07-15T02:00:00Z"), "America/New_York")).toEqual(day("2026-07-14"));
    });
  });

  describe("with a year before 100", () => {
    it("keeps the year: 0050-06-01 is year 50, not 1950", () => {
      expect(dayInZone(new Date("0050-06-01T12:00:00Z"), "UTC")).toEqual({ year: 50, month: 6, day: 1 });
    });
  });

  describe("with an unknown zone", () => {
    it("throws a RangeError", () => {
      expect(() => dayInZone(new Date("2026-04-01T10:00:00Z"), "Nowhere/Zone")).toThrow(RangeError);
    });
  });
});

describe("addDays", () => {
  describe("within and across months", () => {
    it.each([
      ["2026-04-01", 0, "2026-04-01"],
      ["2026-04-01", 7, "2026-04-08"],
      ["2026-01-31", 1, "2026-02-01"],
      ["2026-02-28", 1, "2026-03-01"],
      ["2028-02-28", 1, "2028-02-29"],
      ["2026-12-31", 1, "2027-01-01"],
      ["2026-04-01", 90, "2026-06-30"],
      ["2026-03-01", -1, "2026-02-28"],
      ["2027-01-01", -1, "2026-12-31"],
    ])("%s + %i days is %s", (from, days, expected) => {
      expect(addDays(day(from), days)).toEqual(day(expected));
    });
  });

  describe("across a daylight-saving change", () => {
    it("counts calendar days, not 24-hour periods: 28 March 2026 + 1 is 29 March", () => {
      expect(addDays(day("2026-03-28"), 1)).toEqual(day("2026-03-29"));
    });
  });

  describe("with a day that is not normalised", () => {
    it("rolls 31 April over to 1 May", () => {
      expect(addDays({ year: 2026, month: 4, day: 31 }, 0)).toEqual(day("2026-05-01"));
    });
  });

  describe("with a year before 100", () => {
    it("goes from year 99 to year 100, not to 2000", () => {
      expect(addDays({ year: 99, month: 12, day: 31 }, 1)).toEqual({ year: 100, month: 1, day: 1 });
    });

    it("keeps year 50 as year 50", () => {
      expect(addDays({ year: 50, month: 3, day: 1 }, -1)).toEqual({ year: 50, month: 2, day: 28 });
    });
  });

  describe("with any day and any count", () => {
    it("is undone by adding the opposite count", () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: -100_000, max: 100_000 }), (from, days) => {
          expect(addDays(addDays(from, days), -days)).toEqual(from);
        }),
        { seed: 2026, numRuns: 500 },
      );
    });
  });
});

describe("daysBetween", () => {
  describe("with two days", () => {
    it.each([
      ["2026-04-01", "2026-04-01", 0],
      ["2026-04-01", "2026-04-02", 1],
      ["2026-04-02", "2026-04-01", -1],
      ["2026-03-28", "2026-03-30", 2],
      ["2026-10-24", "2026-10-26", 2],
      ["2026-01-01", "2027-01-01", 365],
      ["2028-01-01", "2029-01-01", 366],
      ["2026-04-01", "2026-06-30", 90],
    ])("from %s to %s is %i", (from, to, expected) => {
      expect(daysBetween(day(from), day(to))).toBe(expected);
    });
  });

  describe("with a year before 100", () => {
    it("counts one day from 31 December 99 to 1 January 100", () => {
      expect(daysBetween({ year: 99, month: 12, day: 31 }, { year: 100, month: 1, day: 1 })).toBe(1);
    });
  });

  describe("with any day and any count", () => {
    it("gives back the count that addDays added", () => {
      fc.assert(
        fc.property(anyDay, fc.integer({ min: -100_000, max: 100_000 }), (from, days) => {
          expect(daysBetween(from, addDays(from, days))).toBe(days);
        }),
        { seed: 90, numRuns: 500 },
      );
    });
  });
});

describe("endOfDay", () => {
  describe("on an ordinary day", () => {
    it.each([
      ["UTC", "2026-04-01", "2026-04-01T23:59:59.000Z"],
      ["Europe/Paris", "2026-01-15", "2026-01-15T22:59:59.000Z"],
      ["Europe/Paris", "2026-07-15", "2026-07-15T21:59:59.000Z"],
      ["America/New_York", "2026-01-15", "2026-01-16T04:59:59.000Z"],
      ["America/New_York", "2026-07-15", "2026-07-16T03:59:59.000Z"],
      ["Pacific/Auckland", "2026-01-15", "2026-01-15T10:59:59.000Z"],
      ["Pacific/Auckland", "2026-07-15", "2026-07-15T11:59:59.000Z"],
    ])("in %s, %s ends at %s", (zone, date, expected) => {
      expect(iso(endOfDay(day(date), zone))).toBe(expected);
    });
  });

  describe("in a zone whose offset is not a whole number of hours", () => {
    it.each([
      ["Asia/Kolkata", "2026-06-01", "2026-06-01T18:29:59.000Z"],
      ["Asia/Kathmandu", "2026-06-01", "2026-06-01T18:14:59.000Z"],
      ["Australia/Lord_Howe", "2026-04-05", "2026-04-05T13:29:59.000Z"],
    ])("in %s, %s ends at %s", (zone, date, expected) => {
      expect(iso(endOfDay(day(date), zone))).toBe(expected);
    });
  });

  describe("at the far ends of the offsets", () => {
    it("ends 1 June 2026 at 09:59:59Z in Pacific/Kiritimati (UTC+14)", () => {
      expect(iso(endOfDay(day("2026-06-01"), "Pacific/Kiritimati"))).toBe("2026-06-01T09:59:59.000Z");
    });

    it("ends 1 June 2026 at 10:59:59Z the next day in Pacific/Pago_Pago (UTC-11)", () => {
      expect(iso(endOfDay(day("2026-06-01"), "Pacific/Pago_Pago"))).toBe("2026-06-02T10:59:59.000Z");
    });
  });

  describe("around the daylight-saving changes of 2026", () => {
    it.each([
      // Europe/Paris: summer time from 29 March, winter time from 25 October.
      ["Europe/Paris", "2026-03-28", "2026-03-28T22:59:59.000Z"],
      ["Europe/Paris", "2026-03-29", "2026-03-29T21:59:59.000Z"],
      ["Europe/Paris", "2026-03-30", "2026-03-30T21:59:59.000Z"],
      ["Europe/Paris", "2026-10-24", "2026-10-24T21:59:59.000Z"],
      ["Europe/Paris", "2026-10-25", "2026-10-25T22:59:59.000Z"],
      ["Europe/Paris", "2026-10-26", "2026-10-26T22:59:59.000Z"],
      // America/New_York: daylight time from 8 March, standard time from 1 November.
      ["America/New_York", "2026-03-07", "2026-03-08T04:59:59.000Z"],
      ["America/New_York", "2026-03-08", "2026-03-09T03:59:59.000Z"],
      ["America/New_York", "2026-03-09", "2026-03-10T03:59:59.000Z"],
      ["America/New_York", "2026-10-31", "2026-11-01T03:59:59.000Z"],
      ["America/New_York", "2026-11-01", "2026-11-02T04:59:59.000Z"],
      ["America/New_York", "2026-11-02", "2026-11-03T04:59:59.000Z"],
      // Pacific/Auckland: daylight time ends 5 April, starts 27 September.
      ["Pacific/Auckland", "2026-04-04", "2026-04-04T10:59:59.000Z"],
      ["Pacific/Auckland", "2026-04-05", "2026-04-05T11:59:59.000Z"],
      ["Pacific/Auckland", "2026-04-06", "2026-04-06T11:59:59.000Z"],
      ["Pacific/Auckland", "2026-09-26", "2026-09-26T11:59:59.000Z"],
      ["Pacific/Auckland", "2026-09-27", "2026-09-27T10:59:59.000Z"],
      ["Pacific/Auckland", "2026-09-28", "2026-09-28T10:59:59.000Z"],
    ])("in %s, %s ends at %s", (zone, date, expected) => {
      expect(iso(endOfDay(day(date), zone))).toBe(expected);
    });
  });

  describe("when 23:59:59 happens twice (clocks go back at midnight)", () => {
    it("takes the later one: America/Santiago, 4 April 2026, ends at 03:59:59Z on 5 April", () => {
      // Midnight at UTC-3 becomes 23:00 at UTC-4, so 23:59:59 is at 02:59:59Z and again at 03:59:59Z.
      expect(iso(endOfDay(day("2026-04-04"), "America/Santiago"))).toBe("2026-04-05T03:59:59.000Z");
    });
  });

  describe("when the zone skipped the whole day", () => {
    it("ends Pacific/Apia's missing 30 December 2011 where 29 December ends, just before 31 December", () => {
      const skipped = endOfDay(day("2011-12-30"), "Pacific/Apia");
      expect(iso(skipped)).toBe("2011-12-30T09:59:59.000Z");
      expect(skipped.getTime()).toBe(endOfDay(day("2011-12-29"), "Pacific/Apia").getTime());
      expect(dayInZone(new Date(skipped.getTime() + 1000), "Pacific/Apia")).toEqual(day("2011-12-31"));
    });
  });

  describe("with an unknown zone", () => {
    it("throws a RangeError", () => {
      expect(() => endOfDay(day("2026-04-01"), "Nowhere/Zone")).toThrow(RangeError);
    });
  });

  describe("in any zone Intl knows, on any day from 2020 to 2035", () => {
    const zones = Intl.supportedValuesOf("timeZone");

    it("is the last second of that day: it falls on the day, and one second later is the next day", () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...zones),
          fc.integer({ min: 0, max: daysBetween(day("2020-01-01"), day("2035-12-31")) }),
          (zone, offset) => {
            const date = addDays(day("2020-01-01"), offset);
            const end = endOfDay(date, zone);
            expect(end.getUTCMilliseconds()).toBe(0);
            expect(dayInZone(end, zone)).toEqual(date);
            expect(dayInZone(new Date(end.getTime() + 1000), zone)).toEqual(addDays(date, 1));
          },
        ),
        { seed: 2359, numRuns: 1000 },
      );
    });

    it("is the last second on every day around the 2026 changes of Paris, New York and Auckland", () => {
      for (const zone of ["Europe/Paris", "America/New_York", "Pacific/Auckland"]) {
        for (let offset = 0; offset < 365; offset += 1) {
          const date = addDays(day("2026-01-01"), offset);
          const end = endOfDay(date, zone);
          expect(dayInZone(end, zone)).toEqual(date);
          expect(dayInZone(new Date(end.getTime() + 1000), zone)).toEqual(addDays(date, 1));
        }
      }
    });
  });
});
