/**
 * Caches of `Intl` formatters, which are slow to build (tens of microseconds) and cheap to reuse. A formatter
 * is kept per locale and options; the language tags come from callers, so each cache is bounded and starts over
 * when full. Internal.
 */

/** The most formatters one cache keeps before it starts over. */
const MAX_FORMATTERS = 64;

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string, options: object, build: () => F): F {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = build();
    if (cache.size >= MAX_FORMATTERS) cache.clear();
    cache.set(key, format);
  }
  return format;
}

/** `new Intl.NumberFormat(locale, options)`, built once per locale and options. Internal. */
export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** `new Intl.DateTimeFormat(locale, options)`, built once per locale and options. Internal. */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** The most formatted dates {@link longDate} keeps before it starts over. */
const MAX_DATES = 256;
const longDates = new Map<string, string>();

/**
 * A date in the `long` date style of a locale, in a time zone: the same text as
 * `dateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date)`, kept once made, since the links of an
 * order (and the rows of a batch) share their start and end dates. Internal.
 */
export function longDate(locale: string, timeZone: string, date: Date): string {
  const key = `${locale}\u0000${timeZone}\u0000${date.getTime()}`;
  let text = longDates.get(key);
  if (text === undefined) {
    text = dateTimeFormat(locale, { dateStyle: "long", timeZone }).format(date);
    if (longDates.size >= MAX_DATES) longDates.clear();
    longDates.set(key, text);
  }
  return text;
}
