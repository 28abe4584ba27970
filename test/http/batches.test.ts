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

function api() {
  const store = createMemoryStore();
  const handle = handlerOver(store);
  const call = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await handle(
      new Request(`http://api.local/api${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify(body),
      }),
    );
    const answer = { status: response.status, headers: response.headers, body: await response.json() };
    checkAgainstDocument("POST", path, answer);
    return answer;
  };
  return { call, store };
}

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
