// `POST /batches` and `POST /batches/preview`: a batch through the web-standard handler, each answer checked against
// the OpenAPI document.
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/adapters/memory";
import { checkAgainstDocument } from "./api-server";
import { handlerOver } from "./handler-over";

const BATCH = {
  link: { shopId: "shop-1", currency: "EUR", orderReference: "Relance" },
  rows: [
    { email: "alice@example.fr", amount: "12,50", prenom: "Alice" },
    { email: "bob@example.fr", amount: 900, prenom: "Bob", reference: "B-1" },
  ],
  message: { subject: "Bonjour %prenom%", body: "Votre lien : %url%" },
};

/** The handler over a fresh memory store, with the body limits given; each answer is checked against the document. */
function api(limits: Parameters<typeof handlerOver>[3] = {}) {
  const store = createMemoryStore();
  const handle = handlerOver(store, undefined, undefined, limits);
  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await handle(
      new Request(`http://api.local/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );
    const answer = { status: response.status, headers: response.headers, body: await response.json() };
    checkAgainstDocument("POST", path, answer);
    return answer;
  };
  return { call, store };
}

/** Small limits: 4 KiB for the other operations, 64 KiB for the batches. */
const LIMITS = { maxBodyBytes: 4096, maxBatchBodyBytes: 65_536 };

/** A batch of `count` rows, each with a note long enough to make the body large. */
const largeBatch = (count: number) =>
  JSON.stringify({
    link: { shopId: "shop-1", amount: "10", currency: "EUR", orderReference: "Grand" },
    rows: Array.from({ length: count }, (_, i) => ({ email: `buyer${i}@example.fr`, note: "n".repeat(60) })),
  });

describe("the batch body limit", () => {
  it("lets a batch past maxBodyBytes up to maxBatchBodyBytes, and answers 413 past it, storing nothing", async () => {
    const { call, store } = api(LIMITS);
    const body = largeBatch(200);
    expect(body.length).toBeGreaterThan(4096);
    expect(body.length).toBeLessThan(65_536);
    const preview = await call("/batches/preview", body);
    expect(preview.status).toBe(200);
    expect(preview.body.links).toHaveLength(200);
    const made = await call("/batches", body);
    expect(made.status).toBe(201);
    expect(made.body.links).toHaveLength(200);

    const tooLarge = largeBatch(1000);
    expect(tooLarge.length).toBeGreaterThan(65_536);
    for (const path of ["/batches", "/batches/preview"]) {
      const answer = await call(path, tooLarge);
      expect(answer.status).toBe(413);
      expect(answer.body.error.code).toBe("payload_too_large");
    }
    expect((await store.listLinks({}, { limit: 1000 })).links).toHaveLength(200);
  });

  it("keeps maxBodyBytes for the orders", async () => {
    const { call, store } = api(LIMITS);
    const link = { shopId: "shop-1", amount: 100, currency: "EUR", recipients: "a@example.fr" };
    const answer = await call("/orders", JSON.stringify({ link, variables: { note: "n".repeat(5000) } }));
    expect(answer.status).toBe(413);
    expect((await store.listLinks({}, { limit: 10 })).links).toEqual([]);
  });
});

describe("the batch operations", () => {
  it("previews a batch: one link per row with its amount and subject; nothing stored", async () => {
    const { call, store } = api();
    const answer = await call("/batches/preview", BATCH);
    expect(answer.status).toBe(200);
    expect(
      answer.body.links.map((l: { reference: string; amount: number; subject: string }) => [
        l.reference,
        l.amount,
        l.subject,
      ]),
    ).toEqual([
      ["Relance-001", 1250, "Bonjour Alice"],
      ["B-1", 900, "Bonjour Bob"],
    ]);
    expect((await store.listLinks({}, { limit: 10 })).links).toEqual([]);
  });

  it("creates a batch, and a retry with the same Idempotency-Key answers 200 with the same order", async () => {
    const { call } = api();
    const made = await call("/batches", BATCH, { "idempotency-key": "b-1" });
    expect(made.status).toBe(201);
    expect(made.body.links.map((l: { recipient: string; amount: number }) => [l.recipient, l.amount])).toEqual([
      ["alice@example.fr", 1250],
      ["bob@example.fr", 900],
    ]);
    const again = await call("/batches", BATCH, { "idempotency-key": "b-1" });
    expect(again.status).toBe(200);
    expect(again.body.order.id).toBe(made.body.order.id);
  });

  it("answers 422 with every row's issue, and refuses recipients and unknown fields", async () => {
    const { call } = api();
    const bad = await call("/batches", { ...BATCH, rows: [{ email: "nope", amount: "x", prenom: "Z" }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.issues.map((i: { path: unknown[]; code: string }) => [i.path.join("."), i.code])).toEqual([
      ["rows.0.email", "recipient_invalid"],
      ["rows.0.amount", "amount_invalid"],
    ]);
    const unknown = await call("/batches", { ...BATCH, link: { ...BATCH.link, recipients: "a@example.fr" } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.issues.map((i: { code: string }) => i.code)).toEqual(["field_unknown"]);
  });
});
