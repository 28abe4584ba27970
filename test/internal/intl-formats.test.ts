import { describe, expect, it } from "vitest";
import { dateTimeFormat, numberFormat } from "../../src/internal/intl-formats";

describe("numberFormat", () => {
  it("gives the same formatter for the same locale and options, built once", () => {
    const a = numberFormat("fr", { style: "currency", currency: "EUR" });
    expect(numberFormat("fr", { style: "currency", currency: "EUR" })).toBe(a);
    expect(a.format(49.9)).toBe(new Intl.NumberFormat("fr", { style: "currency", currency: "EUR" }).format(49.9));
  });

  it("keeps locales and options apart", () => {
    const fr = numberFormat("fr", { style: "currency", currency: "EUR" });
    const en = numberFormat("en", { style: "currency", currency: "EUR" });
    const usd = numberFormat("fr", { style: "currency", currency: "USD" });
    expect(new Set([fr, en, usd]).size).toBe(3);
    expect(en.format(1234.5)).toBe("€1,234.50");
    expect(usd.format(1)).toContain("$");
  });

  it("throws as Intl does for a malformed locale, and caches nothing for it", () => {
    expect(() => numberFormat("not a locale!", {})).toThrow(RangeError);
    expect(() => numberFormat("not a locale!", {})).toThrow(RangeError);
  });

  it("stays correct past its bound: it starts over and builds again", () => {
    const first = numberFormat("en", { minimumFractionDigits: 0 });
    for (let digits = 1; digits <= 70; digits++)
      numberFormat("en", { minimumIntegerDigits: (digits % 21) + 1, maximumFractionDigits: digits % 20 });
    const again = numberFormat("en", { minimumFractionDigits: 0 });
    expect(again.format(1.5)).toBe(first.format(1.5));
  });
});

describe("dateTimeFormat", () => {
  it("gives one formatter per locale, options and time zone", () => {
    const at = new Date("2026-03-29T00:30:00Z");
    const paris = dateTimeFormat("fr", { dateStyle: "long", timeZone: "Europe/Paris" });
    const tokyo = dateTimeFormat("fr", { dateStyle: "long", timeZone: "Asia/Tokyo" });
    expect(dateTimeFormat("fr", { dateStyle: "long", timeZone: "Europe/Paris" })).toBe(paris);
    expect(tokyo).not.toBe(paris);
    expect(paris.format(at)).toBe("29 mars 2026");
    expect(dateTimeFormat("en", { dateStyle: "long", timeZone: "America/New_York" }).format(at)).toBe("March 28, 2026");
  });
});
