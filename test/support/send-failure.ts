import { expect } from "vitest";
import { PaylinksError } from "../../src/issues/paylinks-error";

/** The error a send rejects with; fails the test when it resolves or rejects with anything but a delivery failure. */
export async function failureOf(promise: Promise<unknown>): Promise<PaylinksError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error, "expected the send to reject").toBeInstanceOf(PaylinksError);
  expect(error).toMatchObject({ code: "delivery_failed" });
  return error as PaylinksError;
}
