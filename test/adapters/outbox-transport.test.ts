import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type AddressObject, type ParsedMail, simpleParser } from "mailparser";
import nodemailer from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import {
  createOutboxTransport,
  type OutboxEnvelope,
  type OutboxNodemailer,
  type OutboxTransportOptions,
  outboxFileName,
} from "../../src/adapters/outbox";
import { PaylinksError } from "../../src/issues/paylinks-error";
import type { OutgoingMail } from "../../src/ports";
import { type DeliveredMail, describeTransportContract, makeOutgoingMail } from "../../src/testing";
import { decodedHeaders } from "../support/smtp-server";

const START = Date.parse("2026-12-01T10:00:00Z");

/** A clock one second further at every call, so that the Date headers give the order of the sends. */
function ticking(): () => Date {
  let calls = 0;
  return () => new Date(START + 1000 * calls++);
}

const newDir = (): Promise<string> => mkdtemp(join(tmpdir(), "paylinks-outbox-"));

/** The `.eml` files of a folder, parsed, with their sidecar envelopes, oldest Date first. */
async function readOutbox(dir: string): Promise<{ name: string; parsed: ParsedMail; envelope: OutboxEnvelope }[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".eml"));
  const files = await Promise.all(
    names.map(async (name) => ({
      name,
      parsed: await simpleParser(await readFile(join(dir, name))),
      envelope: JSON.parse(
        await readFile(join(dir, name.replace(/\.eml$/, ".envelope.json")), "utf8"),
      ) as OutboxEnvelope,
    })),
  );
  return files.sort((a, b) => (a.parsed.date?.getTime() ?? 0) - (b.parsed.date?.getTime() ?? 0));
}

describeTransportContract("outbox (.eml files in a temporary folder)", async () => {
  const dir = await newDir();
  return {
    transport: createOutboxTransport({ dir, nodemailer, now: ticking() }),
    delivered: async (): Promise<DeliveredMail[]> =>
      (await readOutbox(dir)).map(({ parsed, envelope }) => ({
        envelope: envelope.to,
        headers: decodedHeaders(parsed),
      })),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
});

const firstAddress = (value: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(value) ? value[0] : value)?.value[0];

/** The header section of a raw message, as lines. */
const headLines = (raw: string): string[] => raw.slice(0, raw.indexOf("\r\n\r\n")).split("\r\n");

/** The names of the header fields of a raw message, in order (continuation lines left out). */
const headNames = (raw: string): string[] =>
  headLines(raw)
    .filter((line) => !/^[ \t]/.test(line))
    .map((line) => line.slice(0, line.indexOf(":")));

/** An outbox over the real nodemailer; `options` may replace it. */
const outboxIn = (dir: string, options: Partial<OutboxTransportOptions> = {}) =>
  createOutboxTransport({ dir, nodemailer, ...options });

describe("createOutboxTransport", () => {
  const dirs: string[] = [];
  const folder = async (): Promise<string> => {
    const dir = await newDir();
    dirs.push(dir);
    return dir;
  };
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  const mail = makeOutgoingMail({
    linkId: "V1StGXR8_Z5jdHi6B-myT",
    messageId: "<V1StGXR8_Z5jdHi6B-myT.1@paylinks.invalid>",
    fromName: "Librairie Durand & Fils",
    subject: "Référence Recouvrement-001 – 49,90 €",
    text: "Bonjour,\n\nMerci de régler 49,90 € : https://pay.example.com/t/abc\n\nÀ bientôt.",
    html: '<p>Bonjour,</p><p>Merci de régler 49,90&nbsp;€ : <a href="https://pay.example.com/t/abc">payer</a></p>',
    language: "fr",
    to: "acheteur@example.fr",
    bcc: ["gerant@librairie-durand.example", "marie.martin@librairie-durand.example"],
  });

  async function sendOne(sent: OutgoingMail, options: { from?: string } = {}) {
    const dir = await folder();
    const outbox = outboxIn(dir, { now: () => new Date(START), ...options });
    expect(await outbox.send(sent)).toEqual({ messageId: sent.messageId });
    const raw = await readFile(outbox.pathOf(sent), "utf8");
    return { dir, outbox, raw, parsed: await simpleParser(raw) };
  }

  describe("the .eml file", () => {
    it("is named after the link and the send, and parses into the mail's fields", async () => {
      const { dir, parsed } = await sendOne(mail, { from: "noreply@librairie-durand.example" });
      expect((await readdir(dir)).sort()).toEqual([
        "V1StGXR8_Z5jdHi6B-myT.1.eml",
        "V1StGXR8_Z5jdHi6B-myT.1.envelope.json",
      ]);
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.text?.trim()).toBe(mail.text);
      expect(parsed.html).toBe(mail.html);
      expect(firstAddress(parsed.from)).toEqual({ name: mail.fromName, address: "noreply@librairie-durand.example" });
      expect(firstAddress(parsed.replyTo)?.address).toBe(mail.replyTo);
      expect(firstAddress(parsed.to)?.address).toBe(mail.to);
      expect(parsed.messageId).toBe(mail.messageId);
      expect(parsed.date?.toISOString()).toBe("2026-12-01T10:00:00.000Z");
      const headers = decodedHeaders(parsed);
      expect(headers["content-language"]).toBe("fr");
      expect(headers["mime-version"]).toBe("1.0");
      expect(headers["content-type"]).toBe("multipart/alternative");
    });

    it("has each header once, CRLF line ends, a readable ASCII subject, quoted-printable UTF-8 parts and a boundary from the Message-ID", async () => {
      const ascii = makeOutgoingMail({ subject: "Payment request INV-2026-0001" });
      const { raw } = await sendOne(ascii);
      expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      expect(raw.endsWith("\r\n")).toBe(true);
      expect(headNames(raw).sort()).toEqual([
        "Content-Language",
        "Content-Type",
        "Date",
        "From",
        "MIME-Version",
        "Message-ID",
        "Reply-To",
        "Subject",
        "To",
      ]);
      const boundary = `=_paylinks-${createHash("sha256").update(ascii.messageId).digest("hex").slice(0, 24)}-Part_1`;
      expect(raw).toMatch(/^Content-Type: multipart\/alternative;\r\n boundary="([^"]+)"\r\n/m);
      expect(raw).toContain(`boundary="${boundary}"`);
      expect(raw).toContain(`\r\n--${boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n`);
      expect(raw).toContain(`\r\n--${boundary}--\r\n`);
      expect(raw).toContain("\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n");
      expect(raw).toContain("\r\nFrom: Librairie Durand <paylinks@localhost>\r\n");
      expect(raw).toContain("\r\nSubject: Payment request INV-2026-0001\r\n");
      expect(raw.match(/^Content-Type: text\/(plain|html); charset=utf-8$/gm)).toHaveLength(2);
      expect(raw.match(/^Content-Transfer-Encoding: quoted-printable$/gm)).toHaveLength(2);
      const french = await sendOne(mail);
      expect(french.raw.match(/^Content-Transfer-Encoding: quoted-printable$/gm)).toHaveLength(2);
      expect(french.raw).toContain("\r\nMerci de r=C3=A9gler 49,90 =E2=82=AC : ");
    });

    it("is the same bytes for the same mail at the same time, and has a boundary of its own per Message-ID", async () => {
      const first = await sendOne(mail);
      const again = await sendOne(mail);
      const bytes = await readFile(first.outbox.pathOf(mail));
      expect(bytes.equals(await readFile(again.outbox.pathOf(mail)))).toBe(true);
      const dir = await folder();
      const outbox = outboxIn(dir, { now: () => new Date(START) });
      await outbox.send(mail);
      await outbox.send(mail);
      expect(bytes.equals(await readFile(outbox.pathOf(mail)))).toBe(true);
      const other = await sendOne({ ...mail, messageId: "<V1StGXR8_Z5jdHi6B-myT.2@paylinks.invalid>" });
      const boundaryOf = (raw: string) => /boundary="([^"]+)"/.exec(raw)?.[1];
      expect(boundaryOf(other.raw)).toMatch(/^=_paylinks-[0-9a-f]{24}-Part_1$/);
      expect(boundaryOf(other.raw)).not.toBe(boundaryOf(first.raw));
    });

    it("encodes a non-ASCII subject and display name as RFC 2047 encoded-words", async () => {
      const { raw, parsed } = await sendOne(mail);
      expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
      expect(raw).toMatch(/^From: Librairie Durand "?&"? Fils|^From: "Librairie Durand & Fils"/m);
      expect(firstAddress(parsed.from)?.name).toBe("Librairie Durand & Fils");
      const accented = await sendOne(makeOutgoingMail({ fromName: "Café Ærø 💸" }));
      expect(accented.raw).toMatch(/^From: =\?UTF-8\?[BQ]\?\S+\?= <paylinks@localhost>$/m);
      expect(firstAddress(accented.parsed.from)?.name).toBe("Café Ærø 💸");
      expect(raw.replace(/\r\n/g, "")).toMatch(/^[\x20-\x7e]*$/);
    });

    it("puts the display name of `from` in place of the shop's name, and its address in the sidecar", async () => {
      const { dir, raw, parsed } = await sendOne(mail, { from: "Boutique Démo <no-reply@shop.example>" });
      expect(firstAddress(parsed.from)).toEqual({ name: "Boutique Démo", address: "no-reply@shop.example" });
      expect(raw).toMatch(/^From: =\?UTF-8\?[BQ]\?\S+\?= <no-reply@shop.example>$/m);
      const envelope = JSON.parse(await readFile(join(dir, "V1StGXR8_Z5jdHi6B-myT.1.envelope.json"), "utf8"));
      expect(envelope.from).toBe("no-reply@shop.example");
      const quoted = await sendOne(mail, { from: '"Durand, Fils \\"& Cie\\"" <noreply@librairie-durand.example>' });
      expect(firstAddress(quoted.parsed.from)).toEqual({
        name: 'Durand, Fils "& Cie"',
        address: "noreply@librairie-durand.example",
      });
      const bare = await sendOne(mail, { from: "<noreply@librairie-durand.example>" });
      expect(firstAddress(bare.parsed.from)?.name).toBe(mail.fromName);
    });

    it("has no Bcc header and no blind copy anywhere; the sidecar envelope has them", async () => {
      const { dir, raw, parsed } = await sendOne(mail, { from: "noreply@librairie-durand.example" });
      expect(headLines(raw).some((line) => /^bcc:/i.test(line))).toBe(false);
      for (const bcc of mail.bcc) expect(raw).not.toContain(bcc);
      expect(parsed.bcc).toBeUndefined();
      const envelope = JSON.parse(await readFile(join(dir, "V1StGXR8_Z5jdHi6B-myT.1.envelope.json"), "utf8"));
      expect(envelope).toEqual({ from: "noreply@librairie-durand.example", to: [mail.to, ...mail.bcc] });
    });

    it("threads a mail that follows another with In-Reply-To and References", async () => {
      const first = "<V1StGXR8_Z5jdHi6B-myT.1@paylinks.invalid>";
      const { raw, parsed } = await sendOne(
        makeOutgoingMail({ messageId: "<V1StGXR8_Z5jdHi6B-myT.1.r1@paylinks.invalid>", inReplyTo: first }),
      );
      expect(raw).toContain(`\r\nIn-Reply-To: ${first}\r\n`);
      expect(raw).toContain(`\r\nReferences: ${first}\r\n`);
      expect(parsed.inReplyTo).toBe(first);
    });

    it("leaves out Reply-To when the mail has no reply address", async () => {
      const { raw, parsed } = await sendOne(makeOutgoingMail({ replyTo: undefined }));
      expect(raw).not.toMatch(/^Reply-To:/im);
      expect(parsed.replyTo).toBeUndefined();
    });

    it("cannot get a header injected by line breaks in the subject or the display name", async () => {
      const hostile = makeOutgoingMail({
        subject: "Hello\r\nBcc: spy@evil.example\r\n\r\nbody?",
        fromName: "Shop\nX-Injected: 1\rY: 2",
      });
      const { raw, parsed } = await sendOne(hostile);
      const lines = headLines(raw);
      for (const line of lines) expect(line).toMatch(/^(?:[A-Za-z-]+: | )/);
      expect(lines.some((line) => /^(?:bcc|x-injected|y):/i.test(line))).toBe(false);
      const headers = decodedHeaders(parsed);
      expect(headers).not.toHaveProperty("bcc");
      expect(headers).not.toHaveProperty("x-injected");
      expect(parsed.subject?.replace(/\s+/g, " ")).toBe("Hello Bcc: spy@evil.example body?");
      expect(parsed.text?.trim()).toBe(hostile.text);
    });

    it("refuses, permanently, addresses, a Message-ID or a language that could break a header or the envelope", async () => {
      const dir = await folder();
      const outbox = outboxIn(dir);
      for (const [field, bad] of [
        ["to", { to: "buyer@example.com\r\nBcc: spy@evil.example" }],
        ["replyTo", { replyTo: "a@b.example>, spy@evil.example" }],
        ["bcc", { bcc: ["manager@example.com", "Spy <spy@evil.example>"] }],
        ["messageId", { messageId: "<id@x>\r\nBcc: spy@evil.example" }],
        ["messageId", { messageId: "no-brackets@example.com" }],
        ["language", { language: "fr\r\nX: 1" }],
      ] as const) {
        const error = await outbox.send(makeOutgoingMail(bad)).catch((e: unknown) => e);
        expect(error, JSON.stringify(bad)).toBeInstanceOf(PaylinksError);
        expect(error).toMatchObject({ code: "delivery_failed", transient: false, details: { field } });
        expect((error as PaylinksError).message).toContain(`The mail's ${field} is not`);
      }
      expect(await readdir(dir)).toEqual([]);
    });

    it("fails permanently, writing nothing, when nodemailer cannot compose the message", async () => {
      const dir = await folder();
      const broken = new Error("cannot compose");
      const failing: OutboxNodemailer = { createTransport: () => ({ sendMail: () => Promise.reject(broken) }) };
      const error = await outboxIn(dir, { nodemailer: failing })
        .send(mail)
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "delivery_failed", transient: false, cause: broken });
      const empty: OutboxNodemailer = { createTransport: () => ({ sendMail: async () => ({}) }) };
      await expect(outboxIn(dir, { nodemailer: empty }).send(mail)).rejects.toMatchObject({
        code: "delivery_failed",
        transient: false,
      });
      expect(await readdir(dir)).toEqual([]);
    });

    it("wraps every line, headers and parts, to at most 76 characters, and keeps the text exact", async () => {
      const long = makeOutgoingMail({
        fromName: `Librairie ${"très ".repeat(30)}ancienne`,
        subject: `Règlement ${"n°42 — 💸 ".repeat(20)}`.trim(),
        text: `${"Ligne très longue sans fin ".repeat(40)}\n.point en tête\nespace en fin   \n= égal\r\nFrom the start\n\n👋🏽 fin`,
        html: `<p>${"<b>é</b>".repeat(200)}</p>`,
      });
      const { raw, parsed } = await sendOne(long);
      for (const line of raw.split("\r\n")) expect(line.length, line).toBeLessThanOrEqual(76);
      expect(parsed.subject).toBe(long.subject);
      expect(firstAddress(parsed.from)?.name).toBe(long.fromName);
      expect(parsed.text?.replace(/\n$/, "")).toBe(long.text.replace(/\r\n/g, "\n"));
      expect(parsed.html).toBe(long.html);
      // A leading dot is only a matter for SMTP, whose client doubles it (see smtp-transport.test.ts).
      expect(raw).toContain("\r\n.point en t=C3=AAte\r\n");
      expect(raw).toContain("espace en fin  =20\r\n");
      expect(raw).toContain("\r\n=3D =C3=A9gal\r\n");
      const plainLong = await sendOne(makeOutgoingMail({ subject: `Payment ${"request ".repeat(20)}end` }));
      expect(plainLong.raw).toMatch(/^Subject: Payment request/m);
      for (const line of plainLong.raw.split("\r\n")) expect(line.length).toBeLessThanOrEqual(76);
      expect(plainLong.parsed.subject).toBe(`Payment ${"request ".repeat(20)}end`);
    });
  });

  describe("the files", () => {
    it("overwrites the same file when the same Message-ID is sent again, and makes a new one for a new send", async () => {
      const dir = await folder();
      const outbox = outboxIn(dir, { now: ticking() });
      await outbox.send(mail);
      await outbox.send({ ...mail, subject: "Second attempt" });
      expect((await readdir(dir)).filter((name) => name.endsWith(".eml"))).toEqual(["V1StGXR8_Z5jdHi6B-myT.1.eml"]);
      expect((await readOutbox(dir))[0]?.parsed.subject).toBe("Second attempt");
      await outbox.send({ ...mail, messageId: "<V1StGXR8_Z5jdHi6B-myT.2@paylinks.invalid>" });
      expect((await readdir(dir)).sort()).toEqual([
        "V1StGXR8_Z5jdHi6B-myT.1.eml",
        "V1StGXR8_Z5jdHi6B-myT.1.envelope.json",
        "V1StGXR8_Z5jdHi6B-myT.2.eml",
        "V1StGXR8_Z5jdHi6B-myT.2.envelope.json",
      ]);
    });

    it("leaves no temporary file behind, with many sends at once and the same Message-ID at once", async () => {
      const dir = await folder();
      const outbox = outboxIn(dir);
      const mails = Array.from({ length: 20 }, () => makeOutgoingMail());
      await Promise.all([...mails, mail, mail, mail].map((m) => outbox.send(m)));
      await outbox.close();
      const names = await readdir(dir);
      expect(names.filter((name) => !/\.(?:eml|envelope\.json)$/.test(name) || name.startsWith("."))).toEqual([]);
      expect(names).toHaveLength(2 * 21);
    });

    it("writes files only their owner can read", async ({ skip }) => {
      if (process.platform === "win32") skip("no POSIX modes");
      const { outbox } = await sendOne(mail);
      expect((await stat(outbox.pathOf(mail))).mode & 0o777).toBe(0o600);
    });

    it("creates the folder, nested, when it is missing", async () => {
      const dir = join(await folder(), "a", "b", "outbox");
      const outbox = outboxIn(dir);
      await outbox.send(mail);
      expect(await readdir(dir)).toContain("V1StGXR8_Z5jdHi6B-myT.1.eml");
      expect(outbox.dir).toBe(dir);
    });

    it("fails transiently when it cannot write, and leaves no temporary file", async () => {
      const dir = await folder();
      await writeFile(join(dir, "not-a-folder"), "");
      const blocked = outboxIn(join(dir, "not-a-folder", "outbox"));
      await expect(blocked.send(mail)).rejects.toMatchObject({ code: "delivery_failed", transient: true });

      const outbox = outboxIn(dir);
      await mkdir(join(dir, "V1StGXR8_Z5jdHi6B-myT.1.eml", "in-the-way"), { recursive: true });
      const error = await outbox.send(mail).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(PaylinksError);
      expect(error).toMatchObject({ code: "delivery_failed", transient: true });
      expect((error as PaylinksError).cause).toBeInstanceOf(Error);
      expect((await readdir(dir)).filter((name) => name.endsWith(".tmp"))).toEqual([]);
    });
  });

  describe("outboxFileName", () => {
    it("is <linkId>.<sendNumber>.eml for the service's Message-IDs", () => {
      expect(outboxFileName({ linkId: "abc-DEF_123", messageId: "<abc-DEF_123.12@shop.example>" })).toBe(
        "abc-DEF_123.12.eml",
      );
    });

    it("is the cleaned link id and a hash of the Message-ID otherwise, never leaving the folder", () => {
      const names = [
        outboxFileName({ linkId: "../../etc/passwd", messageId: "<x.1@y>" }),
        outboxFileName({ linkId: "abc", messageId: "<other@y>" }),
        outboxFileName({ linkId: "abc", messageId: "<another@y>" }),
        outboxFileName({ linkId: "abc", messageId: "<xyz.1@y>" }),
        outboxFileName({ linkId: "CON", messageId: "<CON.1@y>" }),
        outboxFileName({ linkId: "", messageId: "<.1@y>" }),
      ];
      for (const name of names) expect(name).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f]{16}\.eml$/);
      expect(new Set(names).size).toBe(names.length);
      expect(names[0]?.startsWith("______etc_passwd.")).toBe(true);
    });
  });

  describe("options", () => {
    it("refuses an empty folder, a From that is not an address, and a now() that is not a date", async () => {
      expect(() => outboxIn("")).toThrow(PaylinksError);
      for (const from of ["a@b\r\nBcc: c@d", "not an address", "Shop\r\nBcc: c@d <a@b.example>", "Shop <a@b, c@d>"]) {
        expect(() => outboxIn("x", { from }), from).toThrow(/from/);
      }
      const outbox = outboxIn(await folder(), { now: () => new Date(Number.NaN) });
      await expect(outbox.send(mail)).rejects.toMatchObject({ code: "invalid_context" });
    });

    it("refuses a nodemailer without createTransport, or whose transporter has no sendMail", () => {
      const bad = (value: unknown) => () => outboxIn("x", { nodemailer: value as OutboxNodemailer });
      for (const value of [undefined, {}, { default: nodemailer }, { createTransport: () => ({}) }]) {
        expect(bad(value)).toThrow(PaylinksError);
        expect(bad(value)).toThrow(/nodemailer/);
      }
      const error = (() => {
        try {
          bad(undefined)();
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(error).toMatchObject({ code: "invalid_context", details: { option: "nodemailer" } });
    });
  });
});
