/**
 * Helpers shared by the security tests (test/security/*.test.ts): the service over given adapters with a fake
 * clock, and ways to look at a raw e-mail and at a JSON dump for a secret.
 */
import type { MailTransport, PaymentOrderStore } from "../../src/ports";
import { createPaylinks, type Paylinks, type PaylinksEvent, type PaylinksOptions } from "../../src/service";
import { createFakeClock, type FakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";

/** The instant every security test starts at: 1 December 2026, 11:00 in Paris. */
export const START = new Date("2026-12-01T10:00:00Z");

/** The owner of shop-1, with every permission. */
export const OWNER = makeActor();

/** The payment URL of the brief: the token is the only part that differs from one link to the next. */
export const PAY_PREFIX = "https://pay.example.com/t/";

/** A service over the given store and transport, shop-1 by default, a fake clock, and every event recorded. */
export function serviceOver(
  store: PaymentOrderStore,
  transport: MailTransport,
  options: Partial<Omit<PaylinksOptions, "store" | "transport">> = {},
): { paylinks: Paylinks; clock: FakeClock; events: PaylinksEvent[] } {
  const clock = (options.clock as FakeClock | undefined) ?? createFakeClock(START);
  const paylinks = createPaylinks({
    shops: [makeShop()],
    paymentUrl: (link) => `${PAY_PREFIX}${link.token}`,
    delivery: { random: () => 0.5, maxAttempts: 1 },
    ...options,
    clock,
    store,
    transport,
  });
  const events: PaylinksEvent[] = [];
  paylinks.subscribe((event) => {
    events.push(event);
  });
  return { paylinks, clock, events };
}

/** The header section of a raw message (before the first empty line), as lines. */
export function headerLines(raw: string): string[] {
  const end = raw.indexOf("\r\n\r\n");
  return (end < 0 ? raw : raw.slice(0, end)).split("\r\n");
}

/**
 * The names of the header fields of a raw message, lower-cased, in order. A line that does not start a field
 * must be a continuation (it starts with a space or a tab); anything else is returned as `"<not a header>"`, so
 * that a test sees it.
 */
export function headerNames(raw: string): string[] {
  return headerLines(raw).flatMap((line) => {
    if (/^[ \t]/.test(line)) return [];
    const match = /^([!-9;-~]+):/.exec(line);
    return [match ? (match[1] as string).toLowerCase() : "<not a header>"];
  });
}

/** The secrets among `secrets` that appear in `text` (an empty list when none does). */
export function secretsIn(text: string, secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret !== "" && text.includes(secret));
}

/** A `PaylinksError`-like value as a text that holds everything a log line of it usually shows. */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const fields = error as Error & { code?: unknown; details?: unknown; issues?: unknown };
  return JSON.stringify({
    name: error.name,
    message: error.message,
    code: fields.code,
    details: fields.details,
    issues: fields.issues,
    stack: error.stack,
  });
}
