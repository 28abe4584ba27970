import { createTransport } from "nodemailer";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { createSmtpTransport, type SmtpTransport } from "../../src/adapters/smtp";
import type { PaymentOrderRequest } from "../../src/index";
import { createPaylinks } from "../../src/service";
import { createFakeClock } from "../support/fake-clock";
import { makeActor, makeShop } from "../support/fixtures";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";

const FROM = "noreply@librairie-durand.fr";
const MANAGER = "gerant@librairie-durand.fr";
const BUYERS = ["anne@example.fr", "bruno@example.fr", "chloe@example.fr"];

/** Three recipients, a blind copy to the shop manager, reference Recouvrement (→ -001, -002, -003). */
const request: PaymentOrderRequest = {
  link: {
    shopId: "shop-1",
    amount: 4990,
    currency: "EUR",
    orderReference: "Recouvrement",
    recipients: BUYERS.join(";"),
    bcc: { shopManager: true },
  },
  message: {
    subject: "Référence %reference% – %amount%",
    body: "Bonjour,\nVoici votre lien de paiement : %url%\nMerci, %shop_name%",
  },
};

describe("the service delivering through SMTP (pooled nodemailer → smtp-server on 127.0.0.1)", () => {
  const opened: { server: TestSmtpServer; transport: SmtpTransport }[] = [];

  async function world() {
    const server = await startSmtpServer();
    const transport = createSmtpTransport({
      transport: createTransport({ host: "127.0.0.1", port: server.port, secure: false, ignoreTLS: true, pool: true }),
      from: FROM,
    });
    opened.push({ server, transport });
    const store = createMemoryStore();
    const paylinks = createPaylinks({
      store,
      transport,
      shops: [makeShop()],
      clock: createFakeClock(),
      paymentUrl: (link) => `https://pay.example.com/t/${link.token}`,
      delivery: { random: () => 0.5 },
    });
    return { server, store, paylinks };
  }

  afterEach(async () => {
    for (const { server, transport } of opened.splice(0)) {
      await transport.close();
      await server.close();
    }
  });

  it("retries a link whose recipient is answered 451 then 250, and sends it with the same Message-ID", async () => {
    const { server, store, paylinks } = await world();
    server.failRecipient("bruno@example.fr", 451);
    const { results } = await paylinks.send(request, { actor: makeActor() });
    expect(results.map((r) => [r.recipient, r.deliveryStatus])).toEqual(BUYERS.map((b) => [b, "SENT"]));

    const bruno = results.find((r) => r.recipient === "bruno@example.fr");
    if (!bruno) throw new Error("no link for bruno");
    const attempts = await store.listAttempts(bruno.linkId);
    expect(attempts.map((a) => a.outcome)).toEqual(["transient", "sent"]);
    expect(attempts[0]?.error).toContain("451");

    // Every buyer got one message; the manager got one per link, plus the copy of bruno's refused first attempt.
    const to = (address: string) => server.messages.filter((m) => m.rcptTo.includes(address));
    for (const buyer of BUYERS) expect(to(buyer)).toHaveLength(1);
    expect(to(MANAGER)).toHaveLength(4);
    const parsed = await server.parsed();
    const ids = parsed.filter((_, i) => server.messages[i]?.rcptTo.includes(MANAGER)).map((p) => p.messageId);
    const brunoId = (await store.getLink(bruno.linkId))?.delivery.messageId;
    expect(ids.filter((id) => id === brunoId)).toHaveLength(2);
    // The amount is formatted for French: a no-break space before the euro sign.
    const subject = (suffix: string) => `Référence Recouvrement-${suffix} – 49,90\u00a0€`;
    expect(parsed.map((p) => p.subject).sort()).toEqual([
      subject("001"),
      subject("002"),
      subject("002"),
      subject("003"),
    ]);
  });

  it("fails the link whose recipient is answered 550 at once, and sends the others", async () => {
    const { server, store, paylinks } = await world();
    server.failRecipient("chloe@example.fr", 550, Number.POSITIVE_INFINITY);
    const { results } = await paylinks.send(request, { actor: makeActor() });
    expect(results.map((r) => [r.recipient, r.deliveryStatus])).toEqual([
      ["anne@example.fr", "SENT"],
      ["bruno@example.fr", "SENT"],
      ["chloe@example.fr", "FAILED"],
    ]);
    const chloe = results[2];
    expect(chloe?.error).toContain("550");
    expect(chloe?.error).toContain("chloe@example.fr");
    expect((await store.listAttempts(chloe?.linkId ?? "")).map((a) => a.outcome)).toEqual(["permanent"]);
    expect(server.messages.filter((m) => m.rcptTo.includes("chloe@example.fr"))).toEqual([]);
  });

  it("retries a message answered 451 at the end of DATA, then sends it", async () => {
    const { server, paylinks } = await world();
    server.failMessages(451);
    const { results } = await paylinks.send(
      { link: { ...request.link, recipients: "anne@example.fr", bcc: undefined } },
      { actor: makeActor() },
    );
    expect(results.map((r) => r.deliveryStatus)).toEqual(["SENT"]);
    expect(server.messages).toHaveLength(1);
  });
});
