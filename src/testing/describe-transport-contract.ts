import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PaylinksError } from "../issues/paylinks-error";
import type { MailTransport } from "../ports/mail-transport";
import { makeOutgoingMail } from "./make-outgoing-mail";
import {
  type DeliveredMail,
  type OpenedTransport,
  openTransport,
  type TransportContractOptions,
  type TransportFactory,
  type TransportFixture,
} from "./transport-fixture";

const header = (mail: DeliveredMail, name: string): string | undefined =>
  Object.entries(mail.headers).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];

const lowerSorted = (addresses: readonly string[]): string[] => addresses.map((a) => a.toLowerCase()).sort();

/** A mail whose text fields are hard to carry: quotes, accents, emoji, markup, long lines. */
const hardMail = () =>
  makeOutgoingMail({
    fromName: 'Café "Chez Nous", Ærø & Co',
    subject: "Règlement n°42 — 💸 « urgent » 'quoted' \\ back",
    text: `Bonjour 👋,\n${"Ligne très longue ".repeat(60)}\n\nFin.`,
    html: `<p>Bonjour 👋 &amp; <b>merci</b></p><script>alert("x")</script>${"<p>é</p>".repeat(100)}`,
    language: "fr-CA",
  });

/**
 * Declares, with vitest, the tests that prove a {@link MailTransport} does what the port documents: `send`
 * resolves with the mail's own Message-ID, for one message or several at once, with hard content. When the
 * factory gives a {@link TransportFixture} with `delivered`, it also checks that the message reached the
 * recipient and every blind copy, that no blind copy appears in any header, and that the Message-ID, subject,
 * Content-Language and Reply-To headers are the mail's. When it gives `failNext`, it checks that failures reject
 * with a `PaylinksError` of code `delivery_failed` whose `transient` flag tells a 4xx from a 5xx, and that a
 * failure concerns only that send. Tests whose capability is missing are reported as skipped.
 *
 * @param name - The transport's name, shown in the test report.
 * @param makeTransport - Makes the transport (or fixture) of each test.
 * @param options - A longer timeout for slow transports.
 * @example
 * ```ts
 * import { createCaptureTransport } from "paylinks/memory";
 * import { describeTransportContract } from "paylinks/testing";
 *
 * describeTransportContract("capture", () => {
 *   const transport = createCaptureTransport();
 *   return {
 *     transport,
 *     failNext: (recipient, kind) => transport.failFor(recipient, { kind, times: 1 }),
 *     delivered: () => transport.messages,
 *   };
 * });
 * ```
 */
export function describeTransportContract(
  name: string,
  makeTransport: TransportFactory,
  options: TransportContractOptions = {},
): void {
  describe(
    `MailTransport contract: ${name}`,
    () => {
      let opened: OpenedTransport | undefined;
      const current = (): TransportFixture => {
        if (!opened) throw new Error("The transport of this test is not open: makeTransport failed or has not run");
        return opened.fixture;
      };
      beforeEach(async () => {
        opened = await openTransport(makeTransport);
      }, options.timeout);
      afterEach(async () => {
        const closing = opened;
        opened = undefined;
        await closing?.close();
      }, options.timeout);

      it("sends a message and answers with its Message-ID", async () => {
        const mail = makeOutgoingMail();
        expect(await current().transport.send(mail)).toEqual({ messageId: mail.messageId });
      });

      it("sends several messages at once, each answered with its own Message-ID", async () => {
        const mails = Array.from({ length: 5 }, (_, i) => makeOutgoingMail({ to: `buyer-${i}@example.com` }));
        const sent = await Promise.all(mails.map((mail) => current().transport.send(mail)));
        expect(sent.map((s) => s.messageId)).toEqual(mails.map((mail) => mail.messageId));
      });

      it("sends a message with quotes, accents, emoji, markup and long lines", async () => {
        const mail = hardMail();
        expect((await current().transport.send(mail)).messageId).toBe(mail.messageId);
      });

      it("sends a message without blind copies and without a reply address", async () => {
        const mail = makeOutgoingMail({ bcc: [], replyTo: undefined });
        expect((await current().transport.send(mail)).messageId).toBe(mail.messageId);
      });

      describe("what arrives (when the fixture has delivered)", () => {
        const deliveredAfter = async (...mails: ReturnType<typeof makeOutgoingMail>[]): Promise<DeliveredMail[]> => {
          const { transport, delivered } = current();
          if (!delivered) throw new Error("unreachable");
          for (const mail of mails) await transport.send(mail);
          return [...(await delivered())];
        };

        it("reaches the recipient and every blind copy, and shows no blind copy in any header", async ({ skip }) => {
          if (!current().delivered) skip("the fixture has no delivered()");
          const mail = makeOutgoingMail({ bcc: ["manager@example.com", "me@example.org", "archive@example.net"] });
          const [arrived] = await deliveredAfter(mail);
          if (!arrived) throw new Error("nothing arrived");
          expect(lowerSorted(arrived.envelope)).toEqual(lowerSorted([mail.to, ...mail.bcc]));
          for (const [name, value] of Object.entries(arrived.headers)) {
            for (const bcc of mail.bcc) expect(value.toLowerCase(), `header ${name}`).not.toContain(bcc.toLowerCase());
          }
          expect(header(arrived, "bcc")).toBeUndefined();
          expect(header(arrived, "to")?.toLowerCase()).toContain(mail.to.toLowerCase());
        });

        it("uses the mail's Message-ID, subject, language, sender name and reply address", async ({ skip }) => {
          if (!current().delivered) skip("the fixture has no delivered()");
          const mail = hardMail();
          const plain = makeOutgoingMail();
          const [first, second] = await deliveredAfter(mail, plain);
          if (!first || !second) throw new Error("nothing arrived");
          expect(header(first, "message-id")).toBe(mail.messageId);
          expect(header(first, "subject")).toBe(mail.subject);
          expect(header(first, "content-language")).toBe(mail.language);
          expect(header(first, "reply-to")).toContain(mail.replyTo);
          expect(header(second, "from")).toContain(plain.fromName);
        });

        it("has no Reply-To header when the mail has no reply address", async ({ skip }) => {
          if (!current().delivered) skip("the fixture has no delivered()");
          const [arrived] = await deliveredAfter(makeOutgoingMail({ replyTo: undefined }));
          if (!arrived) throw new Error("nothing arrived");
          expect(header(arrived, "reply-to")).toBeUndefined();
        });
      });

      describe("failures (when the fixture has failNext)", () => {
        const failing = async (recipient: string, kind: "transient" | "permanent"): Promise<MailTransport> => {
          const { transport, failNext } = current();
          if (!failNext) throw new Error("unreachable");
          await failNext(recipient, kind);
          return transport;
        };

        it.for(["transient", "permanent"] as const)(
          "rejects a %s failure with delivery_failed and the matching transient flag",
          async (kind, { skip }) => {
            if (!current().failNext) skip("the fixture has no failNext()");
            const transport = await failing("refused@example.com", kind);
            const error = await transport
              .send(makeOutgoingMail({ to: "refused@example.com" }))
              .catch((e: unknown) => e);
            expect(error).toBeInstanceOf(PaylinksError);
            expect(error).toMatchObject({ code: "delivery_failed", transient: kind === "transient" });
          },
        );

        it("fails only the send it was told to fail", async ({ skip }) => {
          if (!current().failNext) skip("the fixture has no failNext()");
          const transport = await failing("refused@example.com", "transient");
          const other = makeOutgoingMail({ to: "accepted@example.com" });
          expect((await transport.send(other)).messageId).toBe(other.messageId);
          await expect(transport.send(makeOutgoingMail({ to: "refused@example.com" }))).rejects.toThrow();
          const retry = makeOutgoingMail({ to: "refused@example.com" });
          expect((await transport.send(retry)).messageId).toBe(retry.messageId);
        });
      });
    },
    options.timeout,
  );
}
