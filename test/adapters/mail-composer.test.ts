// The composer the SMTP transport and the outbox share (src/adapters/mail): the header-value checks, the `from`
// option with or without a display name, and the nodemailer message of a mail. What arrives through a real SMTP
// server, and what the .eml files hold, is tested at the transports' level.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isBareAddress } from "../../src/adapters/mail/bare-address";
import { composeMessage } from "../../src/adapters/mail/compose-message";
import { checkHeaderValues } from "../../src/adapters/mail/header-values";
import { parseSender } from "../../src/adapters/mail/sender";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { OutgoingMail } from "../../src/ports";
import { makeOutgoingMail } from "../../src/testing";

const FROM = "noreply@librairie-durand.example";

/** The error `run` throws; fails the test when it does not throw. */
function thrownBy(run: () => unknown): PaylinksError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PaylinksError);
    return error as PaylinksError;
  }
  throw new Error("expected a PaylinksError");
}

describe("isBareAddress", () => {
  it("accepts a bare address, internationalised ones included", () => {
    for (const address of ["buyer@example.com", "a.b+tag@sub.example.fr", "élise@exemple.fr", "x@localhost"]) {
      expect(isBareAddress(address), address).toBe(true);
    }
  });

  it("refuses a display name, a group, a list, white space, a line break, a control character and a long one", () => {
    for (const value of [
      "Buyer <buyer@example.com>",
      "group: buyer@example.com;",
      "a@example.com, b@example.com",
      "a@example.com;b@example.com",
      "buyer @example.com",
      "buyer@example.com\r\nBcc: spy@evil.example",
      "buyer@exa\u0000mple.com",
      '"buyer"@example.com',
      "a@b@example.com",
      "@example.com",
      "buyer@",
      `${"a".repeat(250)}@b.fr`,
      "",
      undefined,
      42,
    ]) {
      expect(isBareAddress(value), JSON.stringify(value)).toBe(false);
    }
  });

  it("is written once in the adapters: the SMTP transport and the outbox both use this one", () => {
    const adapters = fileURLToPath(new URL("../../src/adapters", import.meta.url));
    const files = readdirSync(adapters, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
    const writing = files.filter((name) =>
      readFileSync(join(adapters, name), "utf8").includes('[^\\s<>()[\\],;:"\\\\@'),
    );
    expect(writing).toEqual([join("mail", "bare-address.ts")]);
  });
});

describe("parseSender", () => {
  it("reads a bare address: no display name", () => {
    expect(parseSender(FROM)).toEqual({ name: undefined, address: FROM });
    expect(parseSender(`<${FROM}>`)).toEqual({ name: undefined, address: FROM });
    expect(parseSender(` "" <${FROM}> `)).toEqual({ name: undefined, address: FROM });
  });

  it("reads a display name and an address, plain or quoted, non-ASCII included", () => {
    expect(parseSender("Boutique Démo <no-reply@shop.example>")).toEqual({
      name: "Boutique Démo",
      address: "no-reply@shop.example",
    });
    expect(parseSender(`  Café Ærø 💸   <${FROM}>`)).toEqual({ name: "Café Ærø 💸", address: FROM });
    expect(parseSender(`"Durand, Fils <& Cie>" <${FROM}>`)).toEqual({ name: "Durand, Fils <& Cie>", address: FROM });
    expect(parseSender(`"Le \\"Petit\\" Café \\\\ Bar" <${FROM}>`)).toEqual({
      name: 'Le "Petit" Café \\ Bar',
      address: FROM,
    });
  });

  it("refuses anything else: no address, a list, a line break or a control character in the name, stray quotes", () => {
    for (const value of [
      "not an address",
      `${FROM}\r\nBcc: spy@evil.example`,
      `Shop\r\nBcc: spy@evil.example <${FROM}>`,
      `Shop\u2028X: 1 <${FROM}>`,
      `Shop\u0000 <${FROM}>`,
      `Shop <${FROM}, spy@evil.example>`,
      `Shop <Other <${FROM}>>`,
      `Sh"op <${FROM}>`,
      `"Shop <${FROM}>`,
      `Shop <${FROM}> trailing`,
      "Shop <>",
      "",
      undefined,
      { address: FROM },
    ]) {
      expect(parseSender(value), JSON.stringify(value)).toBeUndefined();
    }
  });
});

describe("checkHeaderValues", () => {
  it("accepts the mails the service makes", () => {
    expect(() => checkHeaderValues(makeOutgoingMail())).not.toThrow();
    expect(() => checkHeaderValues(makeOutgoingMail({ replyTo: undefined, bcc: [], language: "fr-CA" }))).not.toThrow();
  });

  it.for([
    ["messageId", { messageId: "<id@x>\r\nBcc: spy@evil.example" }, "a Message-ID like <id@domain>"],
    ["messageId", { messageId: "no-brackets@example.com" }, "a Message-ID like <id@domain>"],
    ["messageId", { messageId: `<${"a".repeat(900)}@x>` }, "a Message-ID like <id@domain>"],
    ["to", { to: "buyer@example.com\r\nBcc: spy@evil.example" }, "a bare e-mail address"],
    ["to", { to: "Buyer <spy@evil.example>" }, "a bare e-mail address"],
    ["replyTo", { replyTo: "a@b.example>, spy@evil.example" }, "a bare e-mail address"],
    ["bcc", { bcc: ["manager@example.com", "Spy <spy@evil.example>"] }, "a bare e-mail address"],
    ["bcc", { bcc: "manager@example.com" as unknown as string[] }, "a list of e-mail addresses"],
    ["language", { language: "fr\r\nX: 1" }, "a language tag"],
    ["language", { language: "français" }, "a language tag"],
  ] as const)("refuses %s %o, permanently, naming the field", ([field, bad, what]) => {
    const mail = makeOutgoingMail(bad as Partial<OutgoingMail>);
    const error = thrownBy(() => checkHeaderValues(mail));
    expect(error).toMatchObject({ code: "delivery_failed", transient: false, details: { to: mail.to, field } });
    expect(error.message.startsWith(`The mail's ${field} is not ${what}: `)).toBe(true);
    expect(error.cause).toBeUndefined();
  });

  it("names the bad blind copy itself, and the first bad field of a mail", () => {
    const error = thrownBy(() => checkHeaderValues(makeOutgoingMail({ bcc: ["ok@example.com", "a@b, c@d"] })));
    expect(error.message).toBe(`The mail's bcc is not a bare e-mail address: "a@b, c@d"`);
    const both = thrownBy(() => checkHeaderValues(makeOutgoingMail({ to: "x", language: "?" })));
    expect(both.details.field).toBe("to");
  });
});

describe("composeMessage", () => {
  const sender = { name: undefined, address: FROM };

  it("is multipart/alternative text then HTML, with the Message-ID, From, Reply-To, To, subject and language", () => {
    const mail = makeOutgoingMail({ bcc: ["manager@example.com", "me@example.org"] });
    const message = composeMessage(mail, sender, "bounces@librairie-durand.example");
    expect(message).toEqual({
      from: { name: mail.fromName, address: FROM },
      to: mail.to,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      messageId: mail.messageId,
      headers: { "Content-Language": mail.language },
      envelope: { from: "bounces@librairie-durand.example", to: [mail.to, "manager@example.com", "me@example.org"] },
    });
    expect(Object.keys(message)).toEqual([
      "from",
      "to",
      "replyTo",
      "subject",
      "text",
      "html",
      "messageId",
      "headers",
      "envelope",
    ]);
  });

  it("has no bcc field, and no replyTo field when the mail has no reply address", () => {
    const message = composeMessage(makeOutgoingMail({ replyTo: undefined }), sender, FROM);
    expect(message).not.toHaveProperty("bcc");
    expect(message).not.toHaveProperty("replyTo");
    expect(message.envelope.to).toEqual(["buyer@example.com", "manager@example.com"]);
  });

  it("puts the sender's display name in place of the shop's name", () => {
    const message = composeMessage(makeOutgoingMail(), { name: "Boutique Démo", address: FROM }, FROM);
    expect(message.from).toEqual({ name: "Boutique Démo", address: FROM });
  });

  it("puts the subject and the display name on one line each", () => {
    const mail = makeOutgoingMail({
      subject: "Hello\r\nBcc: spy@evil.example\r\n\r\nbody?",
      fromName: "Shop\nX-Injected: 1\rY: 2",
    });
    const message = composeMessage(mail, sender, FROM);
    expect(message.subject).toBe("Hello Bcc: spy@evil.example body?");
    expect(message.from.name).toBe("Shop X-Injected: 1 Y: 2");
    expect(message.text).toBe(mail.text);
  });

  it("checks the header values first", () => {
    const error = thrownBy(() => composeMessage(makeOutgoingMail({ language: "fr\r\nX: 1" }), sender, FROM));
    expect(error).toMatchObject({ code: "delivery_failed", transient: false, details: { field: "language" } });
  });
});
