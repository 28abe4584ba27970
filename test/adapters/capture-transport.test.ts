import { describe, expect, it } from "vitest";
import { createCaptureTransport } from "../../src/adapters/memory";
import { PaylinksError } from "../../src/issues/paylinks-error";
import { describeTransportContract, makeOutgoingMail } from "../../src/testing";

describeTransportContract("capture", () => {
  const transport = createCaptureTransport();
  return {
    transport,
    failNext: (recipient, kind) => transport.failFor(recipient, { kind, times: 1 }),
    delivered: () => transport.messages,
  };
});

/** A promise with its resolve function, to play a clock's sleep by hand. */
function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const rejection = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe("createCaptureTransport", () => {
  describe("what it records", () => {
    it("records the recipient, the envelope, the parts, the headers and the mail", async () => {
      const transport = createCaptureTransport();
      const mail = makeOutgoingMail({ bcc: ["manager@example.com", "me@example.org"] });
      expect(await transport.send(mail)).toEqual({ messageId: mail.messageId });
      expect(transport.messages).toEqual([
        {
          to: "buyer@example.com",
          envelope: ["buyer@example.com", "manager@example.com", "me@example.org"],
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          headers: {
            "Message-ID": mail.messageId,
            From: "Librairie Durand <paylinks@localhost>",
            "Reply-To": "contact@librairie-durand.example",
            To: "buyer@example.com",
            Subject: mail.subject,
            "Content-Language": "en",
          },
          mail,
        },
      ]);
    });

    it("uses the configured From address, quotes a display name that needs it, and leaves out a missing Reply-To", async () => {
      const transport = createCaptureTransport({ from: "noreply@shop.example" });
      await transport.send(makeOutgoingMail({ fromName: 'Café "Chez Nous", Paris', replyTo: undefined }));
      await transport.send(makeOutgoingMail({ fromName: "" }));
      const [quoted, bare] = transport.messages;
      expect(quoted?.headers.From).toBe('"Café \\"Chez Nous\\", Paris" <noreply@shop.example>');
      expect(quoted?.headers).not.toHaveProperty("Reply-To");
      expect(bare?.headers.From).toBe("noreply@shop.example");
    });

    it("keeps its own copy of the mail, and records messages that cannot be changed", async () => {
      const transport = createCaptureTransport();
      const mail = makeOutgoingMail();
      await transport.send(mail);
      (mail.bcc as string[]).push("intruder@example.com");
      expect(transport.messages[0]?.mail.bcc).toEqual(["manager@example.com"]);
      expect(Object.isFrozen(transport.messages[0])).toBe(true);
      expect(Object.isFrozen(transport.messages[0]?.headers)).toBe(true);
    });

    it("forgets the messages and the failure rules on clear()", async () => {
      const transport = createCaptureTransport();
      transport.failFor("buyer@example.com", { kind: "permanent" });
      await transport.send(makeOutgoingMail({ to: "other@example.com" }));
      transport.clear();
      expect(transport.messages).toEqual([]);
      await transport.send(makeOutgoingMail());
      expect(transport.messages).toHaveLength(1);
    });
  });

  describe("failFor", () => {
    it("fails a transient rule once by default, then accepts", async () => {
      const transport = createCaptureTransport();
      transport.failFor("buyer@example.com", { kind: "transient" });
      const error = await rejection(transport.send(makeOutgoingMail()));
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "delivery_failed", transient: true, details: { to: "buyer@example.com" } });
      expect((error as Error).message).toMatch(/^451 /);
      await transport.send(makeOutgoingMail());
      expect(transport.messages).toHaveLength(1);
    });

    it("fails a transient rule `times` times, then accepts", async () => {
      const transport = createCaptureTransport();
      transport.failFor("buyer@example.com", { kind: "transient", times: 3 });
      for (let i = 0; i < 3; i++) await expect(transport.send(makeOutgoingMail())).rejects.toThrow(PaylinksError);
      await transport.send(makeOutgoingMail());
      expect(transport.messages).toHaveLength(1);
    });

    it("fails a permanent rule at every send until clear()", async () => {
      const transport = createCaptureTransport();
      transport.failFor("buyer@example.com", { kind: "permanent" });
      for (let i = 0; i < 5; i++) {
        const error = await rejection(transport.send(makeOutgoingMail()));
        expect(error).toMatchObject({ code: "delivery_failed", transient: false });
        expect((error as Error).message).toMatch(/^550 /);
      }
      expect(transport.messages).toEqual([]);
      transport.clear();
      await transport.send(makeOutgoingMail());
      expect(transport.messages).toHaveLength(1);
    });

    it("matches the recipient without case, and never a blind copy", async () => {
      const transport = createCaptureTransport();
      transport.failFor("Buyer@EXAMPLE.com", { kind: "permanent" });
      await expect(transport.send(makeOutgoingMail({ to: "buyer@example.COM" }))).rejects.toThrow(PaylinksError);
      await transport.send(makeOutgoingMail({ to: "other@example.com", bcc: ["buyer@example.com"] }));
      expect(transport.messages).toHaveLength(1);
    });

    it("replaces the rule of an address, and removes it with times: 0", async () => {
      const transport = createCaptureTransport();
      transport.failFor("buyer@example.com", { kind: "permanent" });
      transport.failFor("buyer@example.com", { kind: "transient", times: 1 });
      await expect(transport.send(makeOutgoingMail())).rejects.toMatchObject({ transient: true });
      transport.failFor("buyer@example.com", { kind: "permanent" });
      transport.failFor("buyer@example.com", { kind: "permanent", times: 0 });
      await transport.send(makeOutgoingMail());
      expect(transport.messages).toHaveLength(1);
    });

    it("uses up a failure when the send starts, so concurrent sends fail only as often as told", async () => {
      const transport = createCaptureTransport({ latencyMs: 5 });
      transport.failFor("buyer@example.com", { kind: "transient", times: 2 });
      const outcomes = await Promise.allSettled([1, 2, 3, 4].map(() => transport.send(makeOutgoingMail())));
      expect(outcomes.map((o) => o.status)).toEqual(["rejected", "rejected", "fulfilled", "fulfilled"]);
    });
  });

  describe("latency", () => {
    it("waits with the given sleep before it answers, and records the message then", async () => {
      const waits: number[] = [];
      const gate = deferred();
      const transport = createCaptureTransport({
        latencyMs: 250,
        sleep: (ms) => {
          waits.push(ms);
          return gate.promise;
        },
      });
      let settled = false;
      const sending = transport.send(makeOutgoingMail()).then(() => {
        settled = true;
      });
      await Promise.resolve();
      expect(waits).toEqual([250]);
      expect(settled).toBe(false);
      expect(transport.messages).toEqual([]);
      gate.resolve();
      await sending;
      expect(transport.messages).toHaveLength(1);
    });

    it("fails after the latency too", async () => {
      const gate = deferred();
      const transport = createCaptureTransport({ latencyMs: 10, sleep: () => gate.promise });
      transport.failFor("buyer@example.com", { kind: "permanent" });
      let settled = false;
      const sending = rejection(transport.send(makeOutgoingMail())).then((error) => {
        settled = true;
        return error;
      });
      await Promise.resolve();
      expect(settled).toBe(false);
      gate.resolve();
      expect(await sending).toBeInstanceOf(PaylinksError);
    });

    it("waits with setTimeout when no sleep is given", async () => {
      const transport = createCaptureTransport({ latencyMs: 20 });
      const started = Date.now();
      await transport.send(makeOutgoingMail());
      expect(Date.now() - started).toBeGreaterThanOrEqual(15);
    });
  });
});
