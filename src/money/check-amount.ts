import type { Check } from "../internal/issue-sink";
import { AMOUNT_MAX_DIGITS, AMOUNT_MAX_MINOR } from "./currency";

const GROUP_SEPARATORS = new Set([" ", "\u00a0", "\u202f"]);

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "9";

interface Parts {
  readonly negative: boolean;
  readonly integer: string;
  readonly fraction: string;
}

/** Reads `[-]digits[groups][(,|.)digits]` in one pass, without regular expressions. */
function split(text: string): Parts | undefined {
  let i = 0;
  const negative = text[0] === "-";
  if (negative) i = 1;
  let integer = "";
  let groupLength = -1; // -1: no group separator seen yet
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (isDigit(c)) {
      integer += c;
      if (groupLength >= 0) groupLength++;
    } else if (GROUP_SEPARATORS.has(c)) {
      // a separator needs 1–3 digits before it (first group) or exactly 3 (later groups)
      if (groupLength === -1 ? integer.length < 1 || integer.length > 3 : groupLength !== 3) return undefined;
      groupLength = 0;
    } else break;
  }
  if (integer.length === 0 || (groupLength >= 0 && groupLength !== 3)) return undefined;
  if (i === text.length) return { negative, integer, fraction: "" };
  if (text[i] !== "," && text[i] !== ".") return undefined;
  const fraction = text.slice(i + 1);
  if (fraction.length === 0) return undefined;
  for (const c of fraction) if (!isDigit(c)) return undefined;
  return { negative, integer, fraction };
}

/** What {@link checkAmountText} needs: the currency's decimals (unknown currency: `undefined`) and its code. */
export interface AmountTextContext {
  readonly digits: number | undefined;
  readonly currency: string;
}

/**
 * Reads an amount as a person types it into integer minor units (see `parseAmount`). With `digits` undefined (the
 * currency is unknown), precision is not checked. Internal.
 */
export const checkAmountText: Check<AmountTextContext, number> = (text, { digits, currency }, sink) => {
  if (typeof text !== "string") {
    sink.add("type_invalid", { expected: "string" });
    return undefined;
  }
  const parts = split(text.trim());
  if (parts === undefined) {
    sink.add("amount_invalid");
    return undefined;
  }
  const before = sink.issues.length;
  if (digits !== undefined && parts.fraction.length > digits) sink.add("amount_too_precise", { digits, currency });
  const scale = digits ?? parts.fraction.length;
  const minorDigits = (parts.integer + parts.fraction.padEnd(scale, "0").slice(0, scale)).replace(/^0+/, "");
  if (minorDigits.length > AMOUNT_MAX_DIGITS) sink.add("amount_too_large", { maxDigits: AMOUNT_MAX_DIGITS });
  else if (parts.negative || minorDigits.length === 0) sink.add("amount_not_positive");
  return sink.issues.length > before ? undefined : Number(minorDigits);
};

/** Checks an amount already in integer minor units: a number from 1 to {@link AMOUNT_MAX_MINOR}. Internal. */
export const checkMinorAmount: Check<unknown, number> = (amount, _context, sink) => {
  if (typeof amount !== "number" || Number.isNaN(amount)) sink.add("type_invalid", { expected: "integer" });
  else if (amount <= 0) sink.add("amount_not_positive");
  else if (amount > AMOUNT_MAX_MINOR) sink.add("amount_too_large", { maxDigits: AMOUNT_MAX_DIGITS });
  else if (!Number.isInteger(amount)) sink.add("type_invalid", { expected: "integer" });
  else return amount;
  return undefined;
};

/** Reads an amount given either way, as a batch cell is: a text as typed, anything else in minor units. Internal. */
export const checkAnyAmount: Check<AmountTextContext, number> = (amount, context, sink) =>
  typeof amount === "string" ? checkAmountText(amount, context, sink) : checkMinorAmount(amount, undefined, sink);
