import { describe, expect, it } from "vitest";
import { createPaylinks, type PaymentNotification, signNotification } from "../../src/service";
import { makeShop } from "../support/fixtures";
import {
  linkRequest,
  makeWorld,
  OWNER,
  PAST_EXPIRY_MS,
  paymentUrl,
  rejectionOf,
  sentLink,
  snapshotOf,
  storedLink,
  type World,
} from "./support";

const SECRET = "whsec-test-0123456789abcdef0123456789abcdef";

function world(): World {
  return makeWorld({ notifications: { secrets: SECRET } });
}

/** A notification signed now (by the world's clock) with the test secret, for a link. */
function notification(
  w: World,
  fields: Record<string, unknown>,
  options: { secret?: string; signedAt?: Date } = {},
): PaymentNotification {
  const body = JSON.stringify({ status: "PAID", transactionId: "tx-1", at: w.clock.now().toISOString(), ...fields });
  return { body, signature: signNotification(body, options.secret ?? SECRET, options.signedAt ?? w.clock.now()) };
}

describe("createPaylinks receiveNotification (signed payment results)", () => {
  describe("the signature", () => {
    it("signs as t=<unix seconds>,v1=<64 hex digits>", () => {
      expect(signNotification("{}", SECRET, new Date("2026-12-01T10:00:00.900Z"))).toMatch(
        /^t=1796119200,v1=[0-9a-f]{64}$/,
      );
      expect(signNotification("{}", SECRET, new Date(0))).not.toBe(signNotification("{}", `${SECRET}x`, new Date(0)));
      expect(signNotification("{}", SECRET, new Date(0))).not.toBe(signNotification("{ }", SECRET, new Date(0)));
      expect(signNotification(new TextEncoder().encode("{}"), SECRET, new Date(0))).toBe(
        signNotification("{}", SECRET, new Date(0)),
      );
    });

    it.each([
      ["missing", undefined],
      ["missing", ""],
      ["malformed", "sha256=abc"],
      ["malformed", "t=abc,v1=00"],
      ["malformed", `t=1,t=2,v1=${"0".repeat(64)}`],
      ["malformed", "t=1796119200"],
      ["mismatch", `t=1796119200,v1=${"0".repeat(64)}`],
    ])("refuses a %s signature (%j) as unauthorized, reading and writing nothing", async (reason, signature) => {
      const w = world();
      const link = await sentLink(w);
      const before = await snapshotOf(w.store);
      const { body } = notification(w, { linkId: link.id });
      const error = await rejectionOf(w.paylinks.receiveNotification({ body, signature }));
      expect([error.code, error.details]).toEqual(["unauthorized", { reason }]);
      expect(await snapshotOf(w.store)).toEqual(before);
    });

    it("refuses a body changed after signing, and a signature under another secret", async () => {
      const w = world();
      const link = await sentLink(w);
      const signed = notification(w, { linkId: link.id });
      const tampered = { ...signed, body: signed.body.toString().replace("PAID", "REFUSED") };
      expect((await rejectionOf(w.paylinks.receiveNotification(tampered))).details).toEqual({ reason: "mismatch" });
      const other = notification(w, { linkId: link.id }, { secret: "another-secret" });
      expect((await rejectionOf(w.paylinks.receiveNotification(other))).details).toEqual({ reason: "mismatch" });
      expect((await storedLink(w.store, link.id)).payment.status).toBe("RUNNING");
    });

    it("refuses a replay outside the tolerance (5 minutes either way), accepts one inside", async () => {
      const w = world();
      const link = await sentLink(w);
      const now = w.clock.now().getTime();
      const old = notification(w, { linkId: link.id }, { signedAt: new Date(now - 301_000) });
      expect((await rejectionOf(w.paylinks.receiveNotification(old))).details).toEqual({ reason: "stale" });
      const future = notification(w, { linkId: link.id }, { signedAt: new Date(now + 301_000) });
      expect((await rejectionOf(w.paylinks.receiveNotification(future))).details).toEqual({ reason: "stale" });
      const recent = notification(w, { linkId: link.id }, { signedAt: new Date(now - 299_000) });
      expect((await w.paylinks.receiveNotification(recent)).outcome).toBe("applied");
    });

    it("accepts any of several secrets during a rotation, and any of several v1 signatures", async () => {
      const w = makeWorld({ notifications: { secrets: ["old-secret", "new-secret"] } });
      const [a, b] = [await sentLink(w), await sentLink(w, OWNER, linkRequest({ recipients: "b@example.fr" }))];
      expect(
        (await w.paylinks.receiveNotification(notification(w, { linkId: a.id }, { secret: "old-secret" }))).outcome,
      ).toBe("applied");
      const body = JSON.stringify({
        linkId: b.id,
        status: "PAID",
        transactionId: "tx-b",
        at: w.clock.now().toISOString(),
      });
      const wrong = signNotification(body, "unknown", w.clock.now()).split(",")[1];
      const right = signNotification(body, "new-secret", w.clock.now());
      expect((await w.paylinks.receiveNotification({ body, signature: `${right},${wrong}` })).outcome).toBe("applied");
    });

    it("needs the notifications option, and refuses empty secrets when created", async () => {
      const w = makeWorld();
      const link = await sentLink(w);
      expect((await rejectionOf(w.paylinks.receiveNotification(notification(w, { linkId: link.id })))).code).toBe(
        "invalid_context",
      );
      const make = (secrets: string | string[]) => () =>
        createPaylinks({ store: w.store, shops: [makeShop()], paymentUrl, notifications: { secrets } });
      for (const secrets of ["", [], ["ok", ""]]) expect(make(secrets)).toThrow(/notifications\.secrets/);
    });
  });

  describe("the result", () => {
    it("records PAID with the transaction and the payment time, stops a pending e-mail, emits paid", async () => {
      const w = world();
      const { links } = await w.paylinks.createOrder(linkRequest(), { actor: OWNER });
      const link = links[0] as (typeof links)[number];
      const paidAt = new Date(w.clock.now().getTime() - 60_000);
      const outcome = await w.paylinks.receiveNotification(
        notification(w, { linkId: link.id, transactionId: "tx-9", at: paidAt.toISOString() }),
      );
      expect(outcome.outcome).toBe("applied");
      const stored = await storedLink(w.store, link.id);
      expect(stored).toMatchObject({
        payment: { status: "PAID", transactionId: "tx-9", at: paidAt },
        delivery: { status: "PENDING", nextAttemptAt: undefined },
        version: link.version + 1,
      });
      expect(outcome.link).toEqual(stored);
      expect(w.events.filter((e) => e.type === "paid")).toEqual([
        expect.objectContaining({ linkId: link.id, transactionId: "tx-9", actorId: undefined }),
      ]);
      await w.paylinks.deliver();
      expect(w.transport.messages).toHaveLength(0);
    });

    it("records REFUSED, and a later PAID of another attempt moves it forward", async () => {
      const w = world();
      const link = await sentLink(w);
      const refused = await w.paylinks.receiveNotification(
        notification(w, { linkId: link.id, status: "REFUSED", transactionId: "tx-1" }),
      );
      expect([refused.outcome, refused.link.payment.status]).toEqual(["applied", "REFUSED"]);
      const paid = await w.paylinks.receiveNotification(notification(w, { linkId: link.id, transactionId: "tx-2" }));
      expect([paid.outcome, paid.link.payment]).toEqual([
        "applied",
        { status: "PAID", transactionId: "tx-2", at: w.clock.now() },
      ]);
    });

    it("is idempotent on the transaction: the same notification twice changes nothing the second time", async () => {
      const w = world();
      const link = await sentLink(w);
      const signed = notification(w, { linkId: link.id });
      expect((await w.paylinks.receiveNotification(signed)).outcome).toBe("applied");
      const before = await snapshotOf(w.store);
      const events = w.events.length;
      expect((await w.paylinks.receiveNotification(signed)).outcome).toBe("duplicate");
      expect(await snapshotOf(w.store)).toEqual(before);
      expect(w.events).toHaveLength(events);
    });

    it("never moves a link backwards: a REFUSED after a PAID, or another PAID, is ignored", async () => {
      const w = world();
      const link = await sentLink(w);
      await w.paylinks.receiveNotification(notification(w, { linkId: link.id, transactionId: "tx-2" }));
      const before = await snapshotOf(w.store);
      const late = await w.paylinks.receiveNotification(
        notification(w, { linkId: link.id, status: "REFUSED", transactionId: "tx-1" }),
      );
      expect(late).toMatchObject({ outcome: "ignored", reason: "already_paid" });
      const again = await w.paylinks.receiveNotification(notification(w, { linkId: link.id, transactionId: "tx-3" }));
      expect(again).toMatchObject({ outcome: "ignored", reason: "already_paid" });
      const refusedSameTx = await w.paylinks.receiveNotification(
        notification(w, { linkId: link.id, status: "REFUSED", transactionId: "tx-2" }),
      );
      expect(refusedSameTx).toMatchObject({ outcome: "ignored", reason: "already_paid" });
      expect(await snapshotOf(w.store)).toEqual(before);
    });

    it("ignores a second refusal, and a result for a cancelled link", async () => {
      const w = world();
      const [a, b] = [await sentLink(w), await sentLink(w, OWNER, linkRequest({ recipients: "b@example.fr" }))];
      await w.paylinks.receiveNotification(notification(w, { linkId: a.id, status: "REFUSED", transactionId: "r1" }));
      expect(
        await w.paylinks.receiveNotification(notification(w, { linkId: a.id, status: "REFUSED", transactionId: "r2" })),
      ).toMatchObject({ outcome: "ignored", reason: "already_refused", link: { payment: { transactionId: "r1" } } });
      await w.paylinks.cancel(b.id, { actor: OWNER });
      expect(await w.paylinks.receiveNotification(notification(w, { linkId: b.id }))).toMatchObject({
        outcome: "ignored",
        reason: "cancelled",
      });
    });

    it("accepts a payment made before the expiry and notified after it, on a lapsed or an expired link", async () => {
      const w = world();
      const [lapsed, expired] = [
        await sentLink(w),
        await sentLink(w, OWNER, linkRequest({ recipients: "b@example.fr" })),
      ];
      const paidAt = new Date(lapsed.expiresAt.getTime() - 1000);
      w.clock.advance(PAST_EXPIRY_MS);
      await w.paylinks.expireDue({ actor: OWNER });
      expect((await storedLink(w.store, expired.id)).payment.status).toBe("EXPIRED");
      for (const link of [lapsed, expired]) {
        const outcome = await w.paylinks.receiveNotification(
          notification(w, { linkId: link.id, transactionId: `tx-${link.id}`, at: paidAt.toISOString() }),
        );
        expect([outcome.outcome, outcome.link.payment.status, outcome.link.payment.at]).toEqual([
          "applied",
          "PAID",
          paidAt,
        ]);
      }
    });

    it("ignores a payment made after the expiry", async () => {
      const w = world();
      const link = await sentLink(w);
      w.clock.advance(PAST_EXPIRY_MS);
      const outcome = await w.paylinks.receiveNotification(notification(w, { linkId: link.id }));
      expect(outcome).toMatchObject({
        outcome: "ignored",
        reason: "after_expiry",
        link: { payment: { status: "RUNNING" } },
      });
    });
  });

  describe("a bad body", () => {
    it.each([
      ["not JSON", "{", "body"],
      ["an array", "[]", "body"],
      ["no field", "{}", "linkId,transactionId,status,at"],
      ["a wrong status", { status: "OK" }, "status"],
      ["an instant without offset", { at: "2026-12-01T10:00:00" }, "at"],
      ["a date that does not exist", { at: "2026-02-30T10:00:00Z" }, "at"],
      ["an empty transaction id", { transactionId: "" }, "transactionId"],
      ["an unknown field", { amount: 4990 }, "amount"],
    ])("%s is invalid_request naming the fields, after the signature is checked", async (_name, fields, named) => {
      const w = world();
      const link = await sentLink(w);
      const body =
        typeof fields === "string"
          ? fields
          : JSON.stringify({
              linkId: link.id,
              status: "PAID",
              transactionId: "tx-1",
              at: w.clock.now().toISOString(),
              ...fields,
            });
      const before = await snapshotOf(w.store);
      const error = await rejectionOf(
        w.paylinks.receiveNotification({ body, signature: signNotification(body, SECRET, w.clock.now()) }),
      );
      expect([error.code, error.details?.fields]).toEqual(["invalid_request", named]);
      expect(await snapshotOf(w.store)).toEqual(before);
    });

    it("an unknown link is not_found", async () => {
      const w = world();
      const error = await rejectionOf(w.paylinks.receiveNotification(notification(w, { linkId: "no-such-link" })));
      expect(error.code).toBe("not_found");
    });
  });
});
